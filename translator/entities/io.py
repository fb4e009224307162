"""Reading entity inputs: one clear error for a missing, empty, binary or non-UTF-8 file."""

from __future__ import annotations

import re
from pathlib import Path

from translator.core.errors import InputError
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
