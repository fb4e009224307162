"""A catalog as text, laid out exactly as GNU ``msgcat`` writes it.

Reviewers' tools (msgcat, msgmerge, Weblate, Poedit) rewrite PO files in
gettext's layout; if triglot wrote another one, every catalog would show
changes on the first pass through any of them, and a diff of a review would
be noise. polib wraps strings with Python's textwrap and wraps comments too
(breaking "facial-recognition" at its hyphen); gettext never wraps comments,
and breaks strings where Unicode line breaking (UAX #14) allows, at 79
columns. This module writes what msgcat writes:

* comments (``#``, ``#.``) one line each, never wrapped;
* references (``#:``) filled up to 79 columns;
* strings cut after each ``\\n`` and wrapped by gettext's own rule, through
  ``unicode_segmentation_rs.gettext_wrap`` (the wrapper translate-toolkit
  uses to match gettext), with ``""`` as the first line when they wrap;
* the fuzzy flag only on an entry with a translation, and obsolete entries
  only when they have one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polib

PAGE_WIDTH = 79
#: Between a full stop, comma, colon or semicolon and a letter (zero-width split).
_AFTER_STOP = re.compile(r"(?<=[.,:;])(?=[^\W\d_])")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
            "\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"}


def catalog_text(catalog: polib.POFile) -> str:
    """The whole catalog: header, active entries, then obsolete ones with a translation."""
    header = catalog.metadata_as_entry()
    header.tcomment = catalog.header
    header.flags = ["fuzzy"] if catalog.metadata_is_fuzzy else []
    blocks = [entry_lines(header)]
    blocks += [entry_lines(e) for e in catalog if not e.obsolete]
    blocks += [entry_lines(e, "#~ ") for e in catalog if e.obsolete and has_translation(e)]
    return "\n".join("".join(f"{line}\n" for line in block) for block in blocks)


def entry_lines(entry: polib.POEntry, prefix: str = "") -> list[str]:
    lines = comment_lines("#", entry.tcomment)
    if not prefix:
        lines += comment_lines("#.", entry.comment) + reference_lines(entry.occurrences)
    flags = [f for f in entry.flags if f != "fuzzy" or has_translation(entry) or prefix]
    if flags:
        lines.append("#, " + ", ".join(flags))
    previous = "#~| " if prefix else "#| "
    for keyword, value in (("msgctxt", entry.previous_msgctxt),
                           ("msgid", entry.previous_msgid)):
        if value is not None:
            lines += string_lines(previous, keyword, value)
    if entry.msgctxt is not None:
        lines += string_lines(prefix, "msgctxt", entry.msgctxt)
    lines += string_lines(prefix, "msgid", entry.msgid)
    if entry.msgid_plural:  # never triglot's, but a reviewer's tool may add one
        lines += string_lines(prefix, "msgid_plural", entry.msgid_plural)
        for index, text in sorted(entry.msgstr_plural.items()):
            lines += string_lines(prefix, f"msgstr[{index}]", text)
        return lines
    return lines + string_lines(prefix, "msgstr", entry.msgstr)


def has_translation(entry: polib.POEntry) -> bool:
    """A msgstr, or the plural forms a reviewer's tool may put in its place."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def comment_lines(mark: str, text: str | None) -> list[str]:
    if not text:
        return []
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def reference_lines(occurrences: list[tuple[str, str]]) -> list[str]:
    """``#:`` lines filled as gettext fills them: a reference that would pass the page width
    starts a new line (a single long one stays whole)."""
    lines: list[str] = []
    line, column = "#:", 2
    for path, number in occurrences:
        place = f"{path}:{number}" if number else path
        if column > 2 and column + len(place) + 1 > PAGE_WIDTH:
            lines.append(line)
            line, column = "#:", 2
        line += " " + place
        column += len(place) + 1
    return [*lines, line] if occurrences else []


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in text)


def string_lines(prefix: str, keyword: str, value: str) -> list[str]:
    """``keyword "value"`` on as many lines as gettext puts it: after each ``\\n``, and where
    a line would pass the page width, with ``""`` first when it takes more than one."""
    portions = [escape(p) for p in value.splitlines(keepends=True)] or [""]
    width = PAGE_WIDTH - 1 - (len(prefix) + 1)  # the quotes take one column each
    start = len(keyword) + 1
    if len(portions) == 1 and start <= width and len(pieces(portions[0], width, start)) == 1:
        return [f'{prefix}{keyword} "{portions[0]}"']
    lines = [f'{prefix}{keyword} ""']
    for portion in portions:
        lines += [f'{prefix}"{piece}"' for piece in pieces(portion, width, 0)]
    return lines


def pieces(text: str, width: int, start: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` columns (the first begins at ``start``),
    greedily, at Unicode line-break opportunities (UAX #14) as libunistring finds them;
    never inside an escape sequence nor just before a final ``\\n``."""
    from unicode_segmentation_rs import line_break_units, text_width

    units: list[str] = []
    inside = _inside_escapes(text)
    position = 0
    for unit in _opportunities(line_break_units(text)):
        if units and (position in inside or (text.endswith("\\n")
                                             and position == len(text) - 2)):
            units[-1] += unit  # no break here
        else:
            units.append(unit)
        position += len(unit)
    lines: list[str] = []
    line, column = "", start
    for unit in units:
        size = text_width(unit)
        if line and column + size > width:
            lines.append(line)
            line, column = "", 0
        line += unit
        column += size
    return [*lines, line]


def _opportunities(units: list[str]) -> list[str]:
    """The units, also cut between a full stop or comma and a letter ("U.|N.", "ca.|org"):
    the libunistring gettext uses breaks there (UAX #14 rule LB29 later forbade it)."""
    out = []
    for unit in units:
        out += [piece for piece in _AFTER_STOP.split(unit) if piece]
    return out


def _inside_escapes(text: str) -> set[int]:
    """Offsets just after the backslash of an escape sequence: no break may fall there."""
    inside, index = set(), 0
    while (index := text.find("\\", index)) >= 0:
        inside.add(index + 1)
        index += 2
    return inside
