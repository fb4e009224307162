"""An article as a skeleton of literal markup and translatable units.

Every format parser (``translator.ingest``) turns a file into a ``Document``
whose ``parts`` concatenate back to the exact source text: literal strings are
kept byte for byte, and each ``Unit`` is one translatable block (paragraph,
heading, list item, HTML text run, attribute value). Inline markup inside a
unit (emphasis, links, inline tags) is replaced by XLIFF-style codes:
``<gN>``/``</gN>`` around translatable content and ``<xN/>`` for atomic pieces
(inline code, images, line breaks). ``Unit.codes`` maps each code back to its
original markup, so a translation that keeps the codes reassembles exactly.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from translator.core.inline_codes import (
    CODE_RE,  # re-exported: the parsers use it
    spaces_outside_pairs,
)

# How a unit's translated text must be escaped when written back.
ESCAPE_NONE = "none"
ESCAPE_HTML = "html"  # text node: & < >
ESCAPE_HTML_ATTR = "html-attr"  # attribute value: & < > "
ESCAPE_MD_ALT = "md-alt"  # Markdown image alt text: [ ]
# A Markdown title, by the delimiter it stands in ("title", 'title' or (title)).
MD_TITLE_ESCAPES = {'"': 'md-title"', "'": "md-title'", "(": "md-title("}
# The characters each Markdown mode escapes with a backslash (the parser decodes the same ones).
MD_ESCAPED = {ESCAPE_MD_ALT: "[]", 'md-title"': '"', "md-title'": "'", "md-title(": "()"}


@dataclass
class CodeSlot:
    """A unit inside another unit's code: ``alt``/``title`` of an ``<img>`` or ``<a>`` mid-sentence,
    or a Markdown image's alt text or an image's or link's title.

    ``start``/``end`` are its place in the code's markup; ``at`` is where that markup
    starts in the host unit's ``raw``.
    """

    code: str
    start: int
    end: int
    at: int
    unit: Unit


@dataclass(slots=True)
class Unit:
    """One translatable block of an article."""

    text: str  # decoded source text with inline codes
    ref: str  # where it is, for people: "p3" (paragraph 3), "h1", "li7", "title"
    codes: dict[str, str] = field(default_factory=dict)  # "<g1>" -> "**", "</g1>" -> "**"
    escape: str = ESCAPE_NONE
    lang: str | None = None  # detected language of this unit (None: too short to tell)
    raw: str | None = None  # the unit's exact source markup, written back when left untranslated
    slots: list[CodeSlot] = field(default_factory=list)  # units inside its codes, in order

    def plain_text(self) -> str:
        """The text without inline codes: what language detection and people read."""
        return CODE_RE.sub("", self.text)


@dataclass
class LangSlot:
    """A literal naming the document's language (``<html lang="ru">``), rendered as the target."""

    original: str


Part = str | Unit | LangSlot


@dataclass
class Document:
    """A parsed article: its source path, format and skeleton."""

    path: Path
    relpath: Path  # path relative to the input root; the output keeps it
    format: str  # "txt", "md" or "html"
    parts: list[Part]
    lang: str | None = None  # main language of the article
    notes: list[str] = field(default_factory=list)  # what reading it left undone, for a warning

    @property
    def units(self) -> list[Unit]:
        """Every unit in order; one inside another's code comes right after its host."""
        units: list[Unit] = []
        for part in self.parts:
            if isinstance(part, Unit):
                units.append(part)
                units.extend(slot.unit for slot in part.slots)
        return units

    def source_text(self) -> str:
        """The original text, rebuilt from the skeleton (equals the file's text)."""
        return render(self, [unit.text for unit in self.units], self.lang)


def escape(text: str, mode: str) -> str:
    if mode in MD_ESCAPED:
        return _escape_markdown(text, MD_ESCAPED[mode])
    if mode == ESCAPE_HTML:
        return html.escape(text, quote=False)
    if mode == ESCAPE_HTML_ATTR:
        return html.escape(text, quote=True)
    return text


def _escape_markdown(text: str, special: str) -> str:
    """Backslashes before the delimiters MT may write, so ``![alt]`` or ``"title"`` stays whole.

    A backslash is doubled only where it would escape one of them, another backslash or
    what follows the text (a code or the closing delimiter); elsewhere Markdown reads it as
    it is, and an escape the source had (``\\*``) stays one. Line breaks become spaces.
    """
    out: list[str] = []
    for idx, ch in enumerate(text):
        after = text[idx + 1 : idx + 2]
        if ch in special or (ch == "\\" and (after == "" or after in special or after == "\\")):
            out.append("\\" + ch)
        else:
            out.append(" " if ch in "\r\n" else ch)
    return "".join(out)


def restore_codes(unit: Unit, translated: str, codes: dict[str, str] | None = None) -> str:
    """Put the unit's original markup back in place of its codes, escaping the text between."""
    codes = unit.codes if codes is None else codes
    translated = spaces_outside_pairs(translated)
    out: list[str] = []
    pos = 0
    for match in CODE_RE.finditer(translated):
        out.append(escape(translated[pos : match.start()], unit.escape))
        out.append(codes.get(match.group(0), ""))
        pos = match.end()
    out.append(escape(translated[pos:], unit.escape))
    return "".join(out)


def _render_unit(unit: Unit, text: str, slot_texts: list[str]) -> str:
    """A unit's markup with its text, and the texts of the units in its codes, in place."""
    changed = [(slot, restore_codes(slot.unit, slot_text))
               for slot, slot_text in zip(unit.slots, slot_texts, strict=True)
               if slot_text != slot.unit.text]
    if text == unit.text and unit.raw is not None:
        raw = unit.raw
        for slot, value in sorted(changed, key=lambda c: c[0].at + c[0].start, reverse=True):
            raw = raw[: slot.at + slot.start] + value + raw[slot.at + slot.end :]
        return raw
    codes = dict(unit.codes)
    for slot, value in sorted(changed, key=lambda c: c[0].start, reverse=True):
        markup = codes[slot.code]
        codes[slot.code] = markup[: slot.start] + value + markup[slot.end :]
    return restore_codes(unit, text, codes)


def render(doc: Document, unit_texts: list[str], target_lang: str | None) -> str:
    """Rebuild the article with ``unit_texts`` (one per unit, codes included) in place."""
    units = iter(unit_texts)
    out: list[str] = []
    for part in doc.parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, LangSlot):
            out.append(target_lang or part.original)
        else:
            text = next(units)
            out.append(_render_unit(part, text, [next(units) for _ in part.slots]))
    return "".join(out)
