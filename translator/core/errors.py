"""Errors that reach the user as one line on stderr, and the exit codes they map to."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FAILURES = 1  # the run finished but some inputs failed (or QA found problems)
EXIT_USAGE = 2  # bad invocation or unusable input: nothing was done


class TriglotError(Exception):
    """An expected failure with a message fit for the user; never shown as a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(TriglotError):
    """One input file cannot be used (missing, empty, binary, bad UTF-8, wrong language...)."""


class ModelError(TriglotError):
    """No package for a language pair, or a package that cannot be loaded or installed."""


class PackageRejected(ModelError):
    """An .argosmodel archive failed verification; nothing was installed."""
