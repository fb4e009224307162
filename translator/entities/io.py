"""Reading entity inputs: one clear error for a missing, empty, binary or non-UTF-8 file."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from translator.core.errors import InputError, TriglotError
from translator.core.reading import read_plain_text


def read_input(path: Path | str) -> str:
    """Text of ``path`` (any extension: corpus files are named ``x.ru``, ``x.jsonl``), BOM dropped.

    Entities refuse exactly what translation refuses (empty, binary, invalid UTF-8).
    """
    text = read_plain_text(Path(path))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def segments_of(text: str) -> list[str]:
    """A document's segments: its lines, blank lines included so numbering matches the file."""
    return text.split("\n") if not text.endswith("\n") else text[:-1].split("\n")


_NAME_PART = re.compile(r"[._-]")


def language_of(path: Path | str, text: str, forced: str | None = None) -> str:
    """The language of a file: ``forced`` (--lang), else a ru/en/es part of its name
    ("article.ru.txt", "flores-dev.es"), else detected from the text."""
    from translator.core.languages import LANGUAGES, check_language

    if forced:
        return check_language(forced)
    parts = [p.lower() for p in _NAME_PART.split(Path(path).name)]
    named = [p for p in parts[1:] if p in LANGUAGES]
    if named:
        return named[-1]
    try:
        from translator.langdetect import detect_language
    except ImportError:  # pragma: no cover - the project ships it
        detect_language = None
    detected = detect_language(text) if detect_language else None
    if detected in LANGUAGES:
        return detected
    shown = f"it looks like '{detected}'" if detected else "it is too short to tell"
    raise InputError(f"cannot tell the language ({shown}); use --lang ru, en or es", path)


@dataclass(frozen=True)
class InputText:
    """One input file read for the entity commands: its text and language."""

    path: Path
    text: str
    lang: str

    @property
    def segments(self) -> list[str]:
        return segments_of(self.text)


def read_inputs(
    paths: Iterable[Path | str],
    lang: str | None = None,
    on_error: Callable[[TriglotError], None] | None = None,
) -> tuple[list[InputText], list[TriglotError]]:
    """Read every file with its language (``lang`` forces one for all).

    A bad file does not stop the others: it comes back as an error (and goes
    to ``on_error`` as it happens). Only when no file is usable is the first
    error raised.
    """
    from translator.core.languages import check_language

    if lang:
        check_language(lang)
    texts: list[InputText] = []
    errors: list[TriglotError] = []
    for path in paths:
        try:
            text = read_input(path)
            texts.append(InputText(Path(path), text, language_of(path, text, lang)))
        except TriglotError as exc:
            errors.append(exc)
            if on_error is not None:
                on_error(exc)
    if not texts and errors:
        raise errors[0]
    return texts, errors
