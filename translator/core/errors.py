"""Errors that reach the user as one line on stderr, and the exit codes they map to."""

from __future__ import annotations

from pathlib import Path

from translator.core.i18n import _

EXIT_OK = 0
EXIT_FAILURES = 1  # the run finished but some inputs failed (or QA found problems)
EXIT_USAGE = 2  # bad invocation or unusable input: nothing was done


def quote_path(path: Path | str) -> str:
    """A path fit for one line: as is when plain, else quoted with escapes (repr-style).

    A newline in a file name would split an error line in two, the second part
    reading like a message of its own; bytes that are not UTF-8 (surrogates)
    would crash the print. Both come out escaped, so the line stays one line.
    """
    text = str(path)
    return text if text.isprintable() else repr(text)


def os_error_line(exc: OSError) -> str:
    """An operating-system error as one line: the file it names and the system's reason."""
    reason = exc.strerror or str(exc)
    return f"{quote_path(exc.filename)}: {reason}" if exc.filename is not None else reason


class TriglotError(Exception):
    """An expected failure with a message fit for the user; never shown as a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{quote_path(self.path)}: {message}" if self.path else message)


class DiskFullError(TriglotError):
    """A write failed for lack of space (ENOSPC, SQLite's "database or disk is full"):
    the file named was left as it was, never half-written."""

    exit_code = EXIT_FAILURES

    def __init__(self, path: Path | str, unchanged: str = "") -> None:
        message = (_("disk full (no space left on device); {unchanged}").format(
            unchanged=unchanged) if unchanged else _("disk full (no space left on device)"))
        super().__init__(message, path)


class InputError(TriglotError):
    """One input file cannot be used (missing, empty, binary, bad UTF-8, wrong language...)."""


class ModelError(TriglotError):
    """No package for a language pair, or a package that cannot be loaded or installed."""


class PackageRejected(ModelError):
    """An .argosmodel archive failed verification; nothing was installed."""
