"""Cut a document's units into the sentences MT sees, and put translations back together.

A sentence keeps what MT must not touch outside the text it translates: the
whitespace around it and inline codes standing at its edges (a bold
paragraph, a link that is a whole list item). Codes inside are renumbered from
1 (``inline_codes.renumber``) so the same sentence is the same MT input
wherever it stands.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from translator.core.inline_codes import balanced, renumber, restore_numbers
from translator.core.languages import LANGUAGES
from translator.document import CODE_RE, Document
from translator.sentences import split_sentences

EDGE_RE = re.compile(rf"^(?:\s|{CODE_RE.pattern})*")
TAIL_RE = re.compile(rf"(?:\s|{CODE_RE.pattern})*$")
LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class Segment:
    unit: int  # index into doc.units
    lang: str  # source language of this sentence
    prefix: str  # whitespace and edge codes before the text (unit numbering)
    text: str  # what MT translates: codes renumbered 1..n
    suffix: str
    back: dict[str, str] = field(default_factory=dict)  # renumbered code -> unit code

    @property
    def needs_mt(self) -> bool:
        """Numbers, punctuation and bare codes are copied, not translated."""
        return bool(LETTER_RE.search(CODE_RE.sub("", self.text)))

    def render(self, translation: str) -> str:
        return self.prefix + restore_numbers(translation, self.back) + self.suffix


def split_edges(piece: str) -> tuple[str, str, str]:
    """Peel whitespace and codes off both ends when the middle stays well-formed."""
    head = EDGE_RE.match(piece).group(0)  # type: ignore[union-attr]
    rest = piece[len(head) :]
    ends_plain = not rest or not (rest[-1].isspace() or rest[-1] == ">")  # codes end in ">"
    tail = "" if ends_plain else TAIL_RE.search(rest).group(0)  # type: ignore[union-attr]
    middle = rest[: len(rest) - len(tail)] if tail else rest
    if not middle or balanced(middle):
        return head, middle, tail
    lead = piece[: len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()) :]
    return lead, piece.strip(), trail


def segment_document(doc: Document) -> list[Segment]:
    """All sentences of ``doc``, in order; units must have a language set.

    A unit in a language triglot does not translate (``langdetect`` marks a
    Ukrainian paragraph "uk") has no sentences: it is written back as it is.
    """
    segments: list[Segment] = []
    for index, unit in enumerate(doc.units):
        lang = unit.lang or doc.lang
        if lang not in LANGUAGES:
            continue
        for piece in split_sentences(unit.text, lang):
            prefix, middle, suffix = split_edges(piece)
            text, back = renumber(middle)
            segments.append(Segment(index, lang, prefix, text, suffix, back))
    return segments


@dataclass
class Article:
    """A source article and the segments MT sees, as a run (or ``po import``) reads it."""

    doc: Document
    segments: list[Segment]


def translated_units(
    article: Article, target: str, translations: dict[tuple[str, str], dict[str, str]]
) -> list[str]:
    """Each unit's text in ``target``: translated sentence by sentence, or left as it was."""
    pieces: dict[int, list[str]] = defaultdict(list)
    for segment in article.segments:
        if segment.lang != target and segment.needs_mt:
            text = translations[(segment.lang, target)][segment.text]
        else:
            text = segment.text
        pieces[segment.unit].append(segment.render(text))
    return ["".join(pieces[i]) if i in pieces else unit.text
            for i, unit in enumerate(article.doc.units)]
