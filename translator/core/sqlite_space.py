"""SQLite stores (cache, glossary, translation memory) on a full disk.

SQLite reports a full disk as ``sqlite3.OperationalError: database or disk is
full`` (SQLITE_FULL), mid-transaction, and rolls the transaction back itself:
``disk_full_reported`` turns that into ``DiskFullError`` naming the file, the
one place the stores map it. ``remove_new_database`` takes away a database a
refused command was creating, with its journal, so no empty file is left.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from translator.core.errors import DiskFullError

SQLITE_FULL, SQLITE_IOERR = 13, 10
NEXT_TO_NO_ROOM = 1 << 20
_COMPANIONS = ("", "-journal", "-wal", "-shm")


def is_disk_full(exc: BaseException, path: Path) -> bool:
    """SQLITE_FULL or ENOSPC; or an I/O error (a WAL index that cannot grow says
    SQLITE_IOERR_SHMSIZE) while the file's disk has next to no room left."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(exc, "sqlite_errorcode", 0) or 0
    if code == SQLITE_FULL or "disk is full" in str(exc):
        return True
    return code & 0xFF == SQLITE_IOERR and _room(path) < NEXT_TO_NO_ROOM


def _room(path: Path) -> int:
    """Bytes free for this user on the disk holding ``path`` (a lot when unknown)."""
    try:
        found = os.statvfs(Path(path).parent)
    except OSError:
        return NEXT_TO_NO_ROOM
    return found.f_bavail * found.f_frsize


@contextmanager
def disk_full_reported(path: Path | None, unchanged: str) -> Iterator[None]:
    """Inside the block, a full disk under ``path`` becomes ``DiskFullError(path, unchanged)``
    (``unchanged`` says what the user still has, e.g. "the glossary is unchanged")."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        if path is not None and is_disk_full(exc, path):
            raise DiskFullError(path, unchanged) from None
        raise


def remove_new_database(path: Path) -> None:
    """Delete a database file this process created, and its journal files."""
    for suffix in _COMPANIONS:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def removed_if_full(path: Path | None, new: bool, refused: str) -> Iterator[None]:
    """A database the block was creating (``new``) is deleted with its journals if the
    disk fills, and the error says ``refused`` (e.g. "no glossary was created")."""
    try:
        yield
    except DiskFullError:
        if not new or path is None:
            raise
        remove_new_database(path)
        raise DiskFullError(path, refused) from None
