"""File options and arguments: a folder where a file belongs is one clear line.

click's own ``Path(dir_okay=False)`` answers an existing folder with its
three-line usage block, and cannot see a folder that does not exist yet:
``-g w/newdir/`` reaches the command as ``w/newdir`` (``pathlib`` drops the
trailing slash) and became a database file of that name. ``FilePath`` refuses
both with a ``triglot: error:`` line, exit 2, before the command runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from translator.core.errors import InputError
from translator.core.i18n import _

SEPARATORS = tuple(sep for sep in (os.sep, os.altsep) if sep)


def refuse_folder_name(given: str | os.PathLike[str] | None) -> None:
    """Refuse a file name that names a folder: an existing one, or one ending in a separator."""
    if given is None:
        return
    text = os.fsdecode(given)
    if text == "-":  # stdin or stdout
        return
    if text.endswith(SEPARATORS):
        raise InputError(_("names a folder (it ends with {separator}); a file was "
                           "expected").format(separator=text[-1]), text)
    if os.path.isdir(text):
        raise InputError(_("is a directory, expected a file"), text)


def is_stdout(path: str | os.PathLike[str] | None) -> bool:
    """Whether ``path`` is this process's standard output (``/dev/stdout``, or the file it
    is redirected to): a line about the written file then goes to stderr, so what the
    file's reader gets stays whole."""
    if path is None:
        return False
    try:
        return os.path.samestat(os.stat(path), os.fstat(1))
    except (OSError, ValueError):
        return False


class FilePath(click.Path):
    """A ``Path`` to a file (new or existing); a folder is refused in one line."""

    def __init__(self) -> None:
        super().__init__(path_type=Path, dir_okay=False)

    def convert(self, value, param: click.Parameter | None,
                ctx: click.Context | None) -> Path:
        refuse_folder_name(value)
        return super().convert(value, param, ctx)
