"""What every format parser shares: a skeleton cut from the source, and a unit builder.

The round trip is exact by construction: a parser never writes literal text
itself, it only says where units sit in the source (``Skeleton.add``) and the
skeleton copies everything between them byte for byte. A unit's ``raw`` is
likewise the exact source span its items cover.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from translator.core.inline_codes import literal_spans
from translator.document import CODE_RE, ESCAPE_NONE, CodeSlot, LangSlot, Part, Unit

ASCII_SPACE = " \t\n\r\f"
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")


class RefCounter:
    """Human references: the n-th unit of a kind ("p3", "li2", "h1"); the first title is "title"."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def next(self, kind: str) -> str:
        self.counts[kind] += 1
        count = self.counts[kind]
        return kind if kind == "title" and count == 1 else f"{kind}{count}"


def hang_in_code(host: Unit, host_start: int, code_spans: dict[str, tuple[int, int]],
                 start: int, end: int, unit: Unit) -> bool:
    """Hang ``unit`` (source ``start``-``end``) on ``host`` as a ``CodeSlot`` of the code
    whose markup holds it (``UnitBuilder.code_spans``); False when no code holds it."""
    for code, (first, last) in code_spans.items():
        if first <= start and end <= last:
            host.slots.append(CodeSlot(code, start - first, end - first, first - host_start,
                                       unit))
            return True
    return False


class Skeleton:
    """Parts in source order; the literal text between units is sliced from the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[Part] = []
        self.cursor = 0

    def _literal(self, text: str) -> None:
        if not text:
            return
        if self.parts and isinstance(self.parts[-1], str):
            self.parts[-1] += text
        else:
            self.parts.append(text)

    def add(self, start: int, end: int, part: Unit | LangSlot) -> None:
        """Place ``part`` over ``source[start:end]`` (which must follow what was added before)."""
        if start < self.cursor:
            raise ValueError(f"part at {start} overlaps the previous one (ends at {self.cursor})")
        span = self.source[start:end]
        expected = part.raw if isinstance(part, Unit) else part.original
        if span != expected:
            raise ValueError(f"part does not match its source span at {start}")
        self._literal(self.source[self.cursor : start])
        self.parts.append(part)
        self.cursor = end

    def splice(self, start: int, end: int, parts: list[Part]) -> None:
        """Place parts that a nested parser made for ``source[start:end]``."""
        self._literal(self.source[self.cursor : start])
        for part in parts:
            if isinstance(part, str):
                self._literal(part)
            else:
                self.parts.append(part)
        self.cursor = end

    def finish(self) -> list[Part]:
        self._literal(self.source[self.cursor :])
        self.cursor = len(self.source)
        return self.parts


@dataclass
class _Item:
    kind: str  # "text", "open", "close" or "atomic"
    text: str  # decoded text (for "text"); unused for codes
    start: int  # source span
    end: int
    pair: int = -1

    def splittable(self, source: str) -> bool:
        return self.kind == "text" and source[self.start : self.end] == self.text


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Code look-alikes and literals (``literal_spans``), in order, overlaps merged."""
    spans = sorted([m.span() for m in CODE_RE.finditer(text)] + literal_spans(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


class UnitBuilder:
    """Collects one unit's text and inline markup as source-anchored items, then numbers the codes.

    Items must be added in source order and cover a contiguous span. Text items
    whose decoded text equals their source may be split (to trim whitespace or
    to protect code look-alikes); others (entities, soft line breaks) are whole.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[_Item] = []
        self._pairs = 0
        self.code_spans: dict[str, tuple[int, int]] = {}  # after build: each code's source span

    def text(self, start: int, end: int, text: str | None = None) -> None:
        if end > start:
            decoded = self.source[start:end] if text is None else text
            self.items.append(_Item("text", decoded, start, end))

    def atomic(self, start: int, end: int) -> None:
        self.items.append(_Item("atomic", "", start, end))

    def open(self, start: int, end: int) -> int:
        self._pairs += 1
        self.items.append(_Item("open", "", start, end, self._pairs))
        return self._pairs

    def close(self, pair: int, start: int, end: int) -> None:
        self.items.append(_Item("close", "", start, end, pair))

    def build(
        self,
        ref: str,
        escape: str = ESCAPE_NONE,
        collapse_space: bool = False,
        trim_atomic: Callable[[str], bool] | None = None,
    ) -> tuple[int, int, Unit] | None:
        """Return ``(start, end, unit)``, or None when there is nothing to translate.

        ``trim_atomic`` says which atomic markup at either end may be left
        outside the unit (e.g. ``<br>``, ``<img>``: meaningless to MT).
        """
        items = self._protect_lookalikes(self.items)
        items = self._collapse_empty_pairs(items)
        items = self._trim(items, trim_atomic)
        if not items or not any(it.kind == "text" and has_letters(it.text) for it in items):
            return None
        text, codes = self._number(items, collapse_space)
        start, end = items[0].start, items[-1].end
        raw = self.source[start:end]
        # most paragraphs are plain text: one string then serves as both (a copy a unit)
        unit = Unit(text=text, ref=ref, codes=codes, escape=escape,
                    raw=text if raw == text else raw)
        return start, end, unit

    def _split(self, item: _Item, offset: int) -> tuple[_Item, _Item]:
        cut = item.start + offset
        return (
            _Item("text", item.text[:offset], item.start, cut),
            _Item("text", item.text[offset:], cut, item.end),
        )

    def _protect_lookalikes(self, items: list[_Item]) -> list[_Item]:
        """Text MT must not see becomes an atomic code: what reads like a code token (a
        literal ``<g1>``) and what is not language (URLs, e-mail, @handles, file paths)."""
        out: list[_Item] = []
        i = 0
        while i < len(items):
            if items[i].kind != "text":
                out.append(items[i])
                i += 1
                continue
            j = i
            while j < len(items) and items[j].kind == "text":
                j += 1
            out.extend(self._protect_run(items[i:j]))
            i = j
        return out

    def _protect_run(self, run: list[_Item]) -> list[_Item]:
        joined = "".join(it.text for it in run)
        matches = protected_spans(joined)
        if not matches:
            return run
        # Cut the run at every match boundary, then turn covered items into atomics.
        cuts = sorted({start for start, _ in matches} | {end for _, end in matches})
        pieces: list[_Item] = []
        pos = 0
        next_cut = 0
        for item in run:
            item_start, item_end = pos, pos + len(item.text)
            current = item
            while next_cut < len(cuts) and cuts[next_cut] <= item_start:
                next_cut += 1
            while next_cut < len(cuts) and cuts[next_cut] < item_end:
                cut = cuts[next_cut]
                if current.splittable(self.source):
                    head, current = self._split(current, cut - item_start)
                    pieces.append(head)
                    item_start = cut
                next_cut += 1
            pieces.append(current)
            pos = item_end
        out: list[_Item] = []
        owners: list[int | None] = []
        pos = 0
        current = 0  # matches and pieces are both in order
        for piece in pieces:
            p_start, p_end = pos, pos + len(piece.text)
            pos = p_end
            while current < len(matches) and matches[current][1] <= p_start:
                current += 1
            owner = None
            if current < len(matches):
                start, end = matches[current]
                if start <= p_start and p_end <= end:
                    owner = current
            if owner is None:
                out.append(piece)
            elif owners and owners[-1] == owner:
                out[-1].end = piece.end
                continue
            else:
                out.append(_Item("atomic", "", piece.start, piece.end))
            owners.append(owner)
        return out

    def _collapse_empty_pairs(self, items: list[_Item]) -> list[_Item]:
        """A pair with no letters inside (``<a href=x></a>``, ``[](url)``) becomes one atomic."""
        changed = True
        while changed:
            changed = False
            stack: list[int] = []
            for idx, item in enumerate(items):
                if item.kind == "open":
                    stack.append(idx)
                elif item.kind == "close" and stack and items[stack[-1]].pair == item.pair:
                    first = stack.pop()
                    inner = items[first + 1 : idx]
                    if not any(it.kind == "text" and has_letters(it.text) for it in inner):
                        atom = _Item("atomic", "", items[first].start, item.end)
                        items = [*items[:first], atom, *items[idx + 1 :]]
                        changed = True
                        break
        return items

    def _trim(
        self, items: list[_Item], trim_atomic: Callable[[str], bool] | None
    ) -> list[_Item]:
        """Leave leading/trailing whitespace (and trimmable atomics) outside the unit."""

        def trimmable(item: _Item) -> bool:
            if item.kind == "text":
                return item.text.strip(ASCII_SPACE) == ""
            if item.kind == "atomic" and trim_atomic is not None:
                return trim_atomic(self.source[item.start : item.end])
            return False

        items = list(items)
        while True:
            while items and trimmable(items[0]):
                items.pop(0)
            while items and trimmable(items[-1]):
                items.pop()
            # Markup around the whole unit (**all bold**, <a>whole link</a>) stays outside:
            # MT does better without codes it cannot misplace.
            if (
                len(items) >= 2
                and items[0].kind == "open"
                and items[-1].kind == "close"
                and items[0].pair == items[-1].pair
            ):
                items = items[1:-1]
                continue
            break
        if items and items[0].splittable(self.source):
            lead = len(items[0].text) - len(items[0].text.lstrip(ASCII_SPACE))
            if lead:
                items[0] = self._split(items[0], lead)[1]
        if items and items[-1].splittable(self.source):
            kept = len(items[-1].text.rstrip(ASCII_SPACE))
            if kept < len(items[-1].text):
                items[-1] = self._split(items[-1], kept)[0]
        return items

    def _number(self, items: list[_Item], collapse_space: bool) -> tuple[str, dict[str, str]]:
        out: list[str] = []
        codes: dict[str, str] = {}
        numbers: dict[int, int] = {}
        counter = 0
        run: list[str] = []

        def flush() -> None:
            if run:
                joined = "".join(run)
                out.append(_SPACE_RUN.sub(" ", joined) if collapse_space else joined)
                run.clear()

        for item in items:
            markup = self.source[item.start : item.end]
            if item.kind == "text":
                run.append(item.text)
                continue
            flush()
            if item.kind == "open":
                counter += 1
                numbers[item.pair] = counter
                token = f"<g{counter}>"
            elif item.kind == "close":
                token = f"</g{numbers[item.pair]}>"
            else:
                counter += 1
                token = f"<x{counter}/>"
            codes[token] = markup
            self.code_spans[token] = (item.start, item.end)
            out.append(token)
        flush()
        return "".join(out), codes
