"""Where inline constructs end: code spans, brackets, link destinations; a block as one text.

These scanners see a block as one string (its lines joined by ``\n``) and
skip backslash escapes and code spans, as CommonMark does.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

from translator.ingest.markdown.syntax import run_length

if TYPE_CHECKING:
    from translator.ingest.units import UnitBuilder


class LogicalText:
    """A block's lines joined by ``\\n`` plus the map back to source offsets."""

    def __init__(self, source: str, spans: list[tuple[int, int]], hard: list[bool]) -> None:
        self.source = source
        self.segments: list[tuple[int, int, int]] = []  # (logical start, source start, length)
        pieces = []
        pos = 0
        for start, end in spans:
            self.segments.append((pos, start, end - start))
            pieces.append(source[start:end])
            pos += end - start + 1
        self.text = "\n".join(pieces)
        self.hard = hard  # hard[i]: the break after line i is a hard line break
        self._starts = [lstart for lstart, _, _ in self.segments]
        self.code_spans = code_spans(self.text)
        self.brackets = bracket_pairs(self.text, self.code_spans)

    def _segment(self, pos: int) -> int:
        """Index of the line holding logical position ``pos`` (a line's end belongs to it)."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def to_source(self, pos: int) -> int:
        idx = self._segment(pos)
        lstart, sstart, length = self.segments[idx]
        if pos > lstart + length:  # the join character after line idx
            return sstart + length
        return sstart + pos - lstart

    def add_text(self, builder: UnitBuilder, start: int, end: int) -> None:
        """Plain text from ``start`` to ``end`` as builder items; a soft line break reads as a
        space (its source is the trailing spaces, the line ending and the next prefix)."""
        pos = start
        while pos < end:
            nl = self.text.find("\n", pos, end)
            stop = end if nl == -1 else nl
            if stop > pos:
                builder.text(self.to_source(pos), self.to_source(stop))
            if nl == -1:
                break
            builder.text(self.to_source(nl), self.to_source(nl + 1), " ")
            pos = nl + 1

    def join_index(self, pos: int) -> int:
        """Which line break a ``\\n`` at logical position ``pos`` is."""
        return self._segment(pos)


def code_spans(text: str) -> dict[int, int]:
    """Start -> end of every code span: a backtick run closed by the next run of equal length.

    Computed once per block (bisect over runs by length) so that pathological
    input with thousands of unmatched backticks stays fast.
    """
    runs: list[tuple[int, int]] = []
    by_length: dict[int, list[int]] = {}
    i = 0
    while i < len(text):
        if text[i] == "`":
            n = run_length(text, i, "`")
            runs.append((i, n))
            by_length.setdefault(n, []).append(i)
            i += n
        else:
            i += 1
    spans: dict[int, int] = {}
    scanned_to = 0
    for start, n in runs:
        if start < scanned_to:
            continue
        backslashes = 0
        while start - backslashes > 0 and text[start - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2:  # "\`" is a literal backtick: the span can only open after it
            start, n = start + 1, n - 1
            if n == 0:
                continue
        candidates = by_length.get(n, [])
        k = bisect.bisect_right(candidates, start)
        if k < len(candidates):
            close = candidates[k]
            spans[start] = close + n
            scanned_to = close + n
    return spans


def plain_chars(text: str, spans: dict[int, int]) -> Iterator[tuple[int, str]]:
    """Each character outside backslash escapes and code spans, with its index."""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
        elif i in spans:
            i = spans[i]
        else:
            yield i, ch
            i += 1


def bracket_pairs(text: str, spans: dict[int, int]) -> dict[int, int]:
    """Index of each ``[`` -> index of its matching ``]`` (escapes and code spans skipped)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in plain_chars(text, spans):
        if ch == "[":
            stack.append(i)
        elif ch == "]" and stack:
            pairs[stack.pop()] = i
    return pairs


def _skip_space(text: str, k: int, end: int) -> int:
    while k < end and text[k] in " \t\n":
        k += 1
    return k


def inline_destination(text: str, i: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """For ``(`` at i: the index after ``(destination "title")`` (-1: not one) and where
    the title's delimiters are (``"``..``"``, ``'``..``'`` or ``(``..``)``; None: no title).

    Follows CommonMark: the destination is ``<...>`` or a run without spaces
    and with balanced parentheses; the optional title is quoted or parenthesised.
    """
    k = _skip_space(text, i + 1, end)
    if k < end and text[k] == "<":
        close = k + 1
        while close < end and text[close] not in ">\n<":
            close += 2 if text[close] == "\\" else 1
        if close >= end or text[close] != ">":
            return -1, None
        k = close + 1
    else:
        depth = 0
        while k < end:
            ch = text[k]
            if ch == "\\":
                k += 2
                continue
            if ch.isspace() or ord(ch) < 0x20:
                break
            if ch == "(":
                depth += 1
                if depth > 32:  # cmark's limit; also keeps "[a](" * 5000 linear
                    return -1, None
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            k += 1
        if depth:
            return -1, None
    before_title = k
    k = _skip_space(text, k, end)
    title = None
    if k < end and k > before_title and text[k] in "\"'(":
        closer = ")" if text[k] == "(" else text[k]
        close = k + 1
        while close < end and text[close] != closer:
            close += 2 if text[close] == "\\" else 1
        if close >= end:
            return -1, None
        title = (k, close + 1)
        k = _skip_space(text, close + 1, end)
    if k < end and text[k] == ")":
        return k + 1, title
    return -1, None
