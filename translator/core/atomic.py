"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The temp file ``tempfile.mkstemp`` makes is private (0600); before it takes
the place of ``path`` it gets the mode a plain ``open`` would have given it
(0666 less the umask), or the replaced file's own mode. A full disk (ENOSPC,
or a quota: EDQUOT) becomes ``DiskFullError`` naming ``path``: the one place
file writes turn it into one line for the user.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from translator.core.errors import DiskFullError

NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT})


@contextmanager
def atomic_open(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temp file beside ``path``; rename it over ``path`` only if the block succeeds."""
    path = Path(path)
    try:
        with _replacing(path, mode, encoding) as handle:
            yield handle
    except OSError as exc:
        if exc.errno in NO_SPACE:
            raise DiskFullError(path) from None
        raise


@contextmanager
def _replacing(path: Path, mode: str, encoding: str | None) -> Iterator[IO]:
    path.parent.mkdir(parents=True, exist_ok=True)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        text_args = {} if binary else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **text_args) as handle:
            os.fchmod(handle.fileno(), _mode_for(path))
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
