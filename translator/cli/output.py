"""What every command prints besides its result: warnings, notes, errors, JSON, tables.

One place for the ``triglot: warning:`` prefixes, so they are translated once, and
for JSON (never translated: scripts read its keys) and plain-text tables.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from translator.core.i18n import _


def warn(message: str) -> None:
    """One warning line on stderr: the run goes on."""
    click.echo(_("triglot: warning: {message}").format(message=message), err=True)


def note(message: str) -> None:
    """One informative line on stderr, kept out of the result on stdout."""
    click.echo(_("triglot: note: {message}").format(message=message), err=True)


def error(message: object) -> None:
    """One error line on stderr, for a command that goes on with its other inputs."""
    click.echo(_("triglot: error: {message}").format(message=message), err=True)


def echo_beside(message: str, written: Path | None) -> None:
    """A line about the file just ``written``: on stdout, unless that file is stdout."""
    from translator.cli.paths import is_stdout

    click.echo(message, err=is_stdout(written))


def echo_json(data: object) -> None:
    """``data`` as indented JSON on stdout; its keys are the same in every language."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def table(headers: list[str], rows: list[list[str]]) -> str:
    """Columns padded to their widest cell, two spaces apart."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [headers, *rows])
