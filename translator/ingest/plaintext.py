"""Plain-text articles: paragraphs separated by blank lines, or one paragraph per line.

Text saved from the web often has one paragraph per line and no blank lines;
text from mail or older tools is hard-wrapped at a fixed width. A block of
consecutive lines is read as hard-wrapped only when it looks like it
(``hard_wrapped``: inner lines of about one width, at most ``WRAP_WIDTH``,
breaking mostly mid-sentence, and a last line that ends a sentence). Then the block is one
unit whose text joins the lines with single spaces (MT needs whole
sentences), and its translation is written back as one line: the original
wrapping cannot be mapped onto a sentence of another language. Otherwise each
line is its own unit and the line structure is kept, so line-aligned tools
(``check``, ``eval``, ``entities align``) work on the output. A paragraph left
untranslated is written back from its ``raw`` span, byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from translator.document import Document
from translator.ingest.units import RefCounter, Skeleton, UnitBuilder

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
#: Longer lines than this are never a hard wrap (editors and mailers wrap at 72-80).
WRAP_WIDTH = 100
#: A line that ends a sentence (closing quotes and brackets aside) or a heading.
_SENTENCE_END = re.compile(r"[.!?:;…][\"'»”’)\]]*\s*$")


def hard_wrapped(lines: list[str]) -> bool:
    """Whether consecutive ``lines`` are one paragraph wrapped at a fixed width.

    A wrapped paragraph's inner lines are all about as long as the wrap width
    and mostly break mid-sentence, and its last line ends the paragraph's last
    sentence; lists of short lines (menus, bylines, headlines) do not look so.
    """
    if len(lines) < 2:
        return True
    inner = [line.strip() for line in lines[:-1]]
    lengths = [len(line) for line in inner]
    if max(lengths) > WRAP_WIDTH or min(lengths) * 2 < max(lengths):
        return False
    last = lines[-1].strip()
    if len(last) > max(lengths) + 15 or not _SENTENCE_END.search(last):
        return False  # a last line longer than the width was never wrapped
    mid_sentence = sum(not _SENTENCE_END.search(line) for line in inner)
    return mid_sentence * 2 > len(inner)


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
        if not hard_wrapped([text[start:end] for start, end in paragraph]):
            lines = list(paragraph)
            for line in lines:  # one paragraph per line: each line is a unit of its own
                paragraph[:] = [line]
                build()
        else:
            build()
        paragraph.clear()

    def build() -> None:
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
