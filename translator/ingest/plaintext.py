"""Plain-text articles: one unit per paragraph, paragraphs separated by blank lines.

A paragraph hard-wrapped over several lines is one unit whose text joins the
lines with single spaces (MT needs whole sentences). Its translation is
written back as one line: the original wrapping cannot be mapped onto a
sentence of another language. A paragraph left untranslated is written back
from its ``raw`` span, byte for byte, wrapping included.
"""

from __future__ import annotations

import re
from pathlib import Path

from translator.document import Document
from translator.ingest.units import RefCounter, Skeleton, UnitBuilder

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end-of-content) of every line; line endings are excluded."""
    spans = []
    for match in _LINE.finditer(text):
        if match.start() == len(text) and match.start() == match.end():
            break
        content = match.group(0).rstrip("\r\n")
        spans.append((match.start(), match.start() + len(content)))
    return spans


def parse_plaintext(text: str) -> list:
    """The skeleton parts of a plain-text article."""
    skeleton = Skeleton(text)
    refs = RefCounter()
    paragraph: list[tuple[int, int]] = []

    def flush() -> None:
        if not paragraph:
            return
        builder = UnitBuilder(text)
        previous_end: int | None = None
        for start, end in paragraph:
            content_start = start + len(text[start:end]) - len(text[start:end].lstrip())
            content_end = start + len(text[start:end].rstrip())
            if previous_end is not None:
                builder.text(previous_end, content_start, " ")  # the line break
            builder.text(content_start, content_end)
            previous_end = content_end
        built = builder.build(refs.next("p"))
        if built is not None:
            skeleton.add(*built)
        paragraph.clear()

    for start, end in _lines(text):
        body = text[start:end].lstrip("\ufeff") if start == 0 else text[start:end]
        if body.strip():
            offset = len(text[start:end]) - len(body)
            paragraph.append((start + offset, end))
        else:
            flush()
    flush()
    return skeleton.finish()


def load_plaintext(text: str, path: Path, relpath: Path) -> Document:
    return Document(path=path, relpath=relpath, format="txt", parts=parse_plaintext(text))
