"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The temp file ``tempfile.mkstemp`` makes is private (0600); before it takes
the place of ``path`` it gets the mode a plain ``open`` would have given it
(0666 less the umask), or the replaced file's own mode. A full disk (ENOSPC,
or a quota: EDQUOT) becomes ``DiskFullError`` naming ``path``: the one place
file writes turn it into one line for the user. Any other system error names
``path`` too, never the temp file the user did not ask for.

Renaming is for regular files only: a FIFO or a terminal is written into as it
is (renaming over it would replace the pipe or the device node with a plain
file), and ``/dev/stdout`` is written through the process's own stdout; a
symlink to a file keeps being a symlink (the file it points to is replaced).
A folder, a block device and an SQLite database (a glossary, memory or cache:
triglot writes none of them here) are refused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO

from translator.core.errors import DiskFullError, TriglotError
from translator.core.i18n import _

NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT})
#: Temp files are ``.triglot-XXXXXXXX.tmp``: hidden, and short whatever the target's name
#: (``.{name}.XXXXXXXX.tmp`` went over the 255-byte limit for a long but valid name).
TEMP_PREFIX = ".triglot-"
SQLITE_HEADER = b"SQLite format 3\x00"


@contextmanager
def atomic_open(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temp file beside ``path``; rename it over ``path`` only if the block succeeds."""
    path = Path(path)
    try:
        with _writer(path, mode, encoding) as handle:
            yield handle
    except OSError as exc:
        if exc.errno in NO_SPACE:
            raise DiskFullError(path) from None
        raise _naming(exc, path) from None


def _writer(path: Path, mode: str, encoding: str | None) -> AbstractContextManager[IO]:
    """Where the bytes go: through a temp file renamed over a regular file (or a new one),
    else straight into the pipe or device ``path`` is."""
    found = _existing(path)
    if found is None:
        return _replacing(path, mode, encoding)
    _refuse_non_file(path, found)
    stream = _standard_stream(found)
    if stream is not None:  # /dev/stdout, even when it is redirected to a file
        return _into_stream(stream, mode, encoding)
    target = _file_behind(path, found)
    if target is None:  # a FIFO, a character device, a socket: no file to rename over
        return open(path, mode, **_text_args(mode, encoding))
    if _is_sqlite(target):
        raise TriglotError(_("is an SQLite database (a glossary, memory or cache); not "
                             "overwritten, choose another output file"), path)
    return _replacing(target, mode, encoding)


def _refuse_non_file(path: Path, found: os.stat_result) -> None:
    """A folder cannot take a file's bytes; a disk must not (a mistyped /dev/sdX)."""
    if stat.S_ISDIR(found.st_mode):
        raise TriglotError(_("is a directory, expected a file"), path)
    if stat.S_ISBLK(found.st_mode):
        raise TriglotError(_("is a block device, not a file; choose another output file"),
                           path)


def _existing(path: Path) -> os.stat_result | None:
    """``path``'s status, following symlinks (``/dev/stdout`` is one), or None if it is new."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _standard_stream(found: os.stat_result) -> int | None:
    """1 or 2 when ``found`` is this process's stdout or stderr, else None."""
    for fd in (1, 2):
        try:
            if os.path.samestat(os.fstat(fd), found):
                return fd
        except OSError:
            continue  # closed
    return None


@contextmanager
def _into_stream(fd: int, mode: str, encoding: str | None) -> Iterator[IO]:
    """Write through our own stdout (or stderr), as printing would: at its place in a file
    it is redirected to, after what was printed. Reopening the name would start at 0 and
    truncate it; renaming over it would leave the shell's redirection an orphaned file."""
    sys.stdout.flush()
    sys.stderr.flush()
    with os.fdopen(os.dup(fd), mode, **_text_args(mode, encoding)) as handle:
        yield handle


def _file_behind(path: Path, found: os.stat_result) -> Path | None:
    """The regular file to replace for ``path`` (the one a symlink points to), or None for a
    pipe or device, and for a file only a /proc link reaches (``/dev/stdout > out.csv``)."""
    if not stat.S_ISREG(found.st_mode):
        return None
    if not path.is_symlink():
        return path
    real = Path(os.path.realpath(path))
    try:
        same = os.path.samestat(os.stat(real), found)
    except OSError:
        same = False
    return real if same else None


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False  # unreadable: the write says why, if it fails too


def _text_args(mode: str, encoding: str | None) -> dict:
    return {} if "b" in mode else {"encoding": encoding, "newline": ""}


@contextmanager
def _replacing(target: Path, mode: str, encoding: str | None) -> Iterator[IO]:
    """A temp file beside ``target``, renamed over it when the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **_text_args(mode, encoding)) as handle:
            os.fchmod(handle.fileno(), _mode_for(target))
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _naming(exc: OSError, path: Path) -> OSError:
    """The error naming ``path`` when it came from writing it, the temp file or the rename
    (the one line the user sees names the file they asked for); others as they were."""
    if exc.errno is None or not _ours(exc.filename, path):
        return exc
    return OSError(exc.errno, exc.strerror, str(path))  # PermissionError etc. by errno


def _ours(filename: object, path: Path) -> bool:
    if filename is None:
        return True  # a write to the open handle
    name = Path(os.fsdecode(filename)) if isinstance(filename, (str, bytes)) else None
    return name is not None and (name == path or name.name.startswith(TEMP_PREFIX))


def current_umask() -> int:
    """The process umask (reading it means setting it; it is put back at once)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The replaced file's permission bits, or those a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_open(path, "w") as handle:
        handle.write(text)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def refuse_input_as_output(output: Path | str | None,
                           inputs: Iterable[Path | str | None]) -> None:
    """Refuse an output that is one of the command's own inputs (the same file by any
    name): writing it would destroy what the command has just read."""
    if output is None or str(output) == "-":
        return
    for given in inputs:
        if given is not None and str(given) != "-" and _same_file(output, given):
            raise TriglotError(_("is an input of this command; not overwritten, choose "
                                 "another output file"), output)


def _same_file(first: Path | str, second: Path | str) -> bool:
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False  # one of them does not exist (yet): not the same file
