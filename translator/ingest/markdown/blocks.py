"""Markdown block structure: containers (quotes, list items), headings, paragraphs, tables.

Front matter, fenced and indented code, thematic breaks, link reference
definitions and nested HTML blocks stay literal; a top-level HTML block goes
to the HTML parser. Each translatable block becomes one unit through the
inline parser (``inline``); everything else is sliced from the source by the
``Skeleton``, so the round trip is byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.core.i18n import _
from translator.document import Part
from translator.ingest.markdown.inline import InlineParser
from translator.ingest.markdown.slots import add_block, add_definition_title, slot_unit
from translator.ingest.markdown.syntax import (
    ALERT,
    ATX,
    ATX_CLOSING,
    FENCE,
    FRONT_MATTER,
    HTML_ALONE,
    HTML_STARTS,
    LINE,
    LIST,
    MAX_NESTING,
    QUOTE,
    REF_DEF,
    REF_LABEL_ANYWHERE,
    SETEXT,
    TASK_BOX,
    THEMATIC,
    cut_columns,
    indent_width,
    interrupts_paragraph,
    is_block_start,
    norm_label,
)
from translator.ingest.markdown.tables import is_table_row, is_table_start, table_cells
from translator.ingest.units import RefCounter, Skeleton


@dataclass
class BlockLine:
    """A line as a block sees it: container prefixes (``> ``, list indent) already cut off."""

    num: int  # physical line index
    start: int  # absolute offset where this block's view of the line begins
    end: int  # absolute end of the line's content (line ending excluded)
    lazy: bool = False


class BlockScanner:
    """Finds a document's blocks line by line; the inline parser makes each one a unit."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.skeleton = Skeleton(source)
        self.refs = RefCounter()
        self.lines: list[tuple[int, int]] = []
        for match in LINE.finditer(source):
            if match.start() == len(source) and match.end() == match.start():
                break
            content = match.group(0).rstrip("\r\n")
            self.lines.append((match.start(), match.start() + len(content)))
        self.definitions = self._collect_definitions()
        self.inline = InlineParser(source, self.definitions)
        self.notes: list[str] = []  # what was left untranslated, for the run's warnings

    # ------------------------------------------------------------ helpers

    def _collect_definitions(self) -> set[str]:
        labels = set()
        for start, end in self.lines:
            match = REF_LABEL_ANYWHERE.match(self.source, start, end)
            if match and not match.group(1).startswith("^"):
                labels.add(norm_label(match.group(1)))
        return labels

    def content(self, line: BlockLine) -> str:
        return self.source[line.start : line.end]

    def parse(self) -> list[Part]:
        vlines = [BlockLine(i, s, e) for i, (s, e) in enumerate(self.lines)]
        if vlines and self.source.startswith("\ufeff"):
            vlines[0].start += 1
        self.blocks(vlines, "p", top=True)
        return self.skeleton.finish()

    # ------------------------------------------------------------ blocks

    def blocks(self, lines: list[BlockLine], kind: str, top: bool = False, depth: int = 0) -> None:
        """Scan one container's lines; ``kind`` names its paragraphs ("p", "li", "quote")."""
        if depth > MAX_NESTING:  # stay literal rather than exhaust the stack; say so once
            if not self.notes and lines:
                self.notes.append(_("quotes or lists nested deeper than {limit} levels (from "
                                    "line {line}) left untranslated").format(
                    limit=MAX_NESTING, line=lines[0].num + 1))
            return
        i = 0
        n = len(lines)
        while i < n:
            line = lines[i]
            text = self.content(line)
            if not text.strip():
                i += 1
                continue
            if top and i == 0 and text.rstrip() in FRONT_MATTER:
                closers = FRONT_MATTER[text.rstrip()]
                j = 1
                while j < n and self.content(lines[j]).rstrip() not in closers:
                    j += 1
                if j < n:
                    i = j + 1
                    continue
            indent = indent_width(text)
            if indent >= 4:
                i = self._skip_indented_code(lines, i)
                continue
            if match := FENCE.match(text):
                i = self._skip_fence(lines, i, match)
                continue
            if ATX.match(text):
                self._atx_heading(line)
                i += 1
                continue
            if THEMATIC.match(text):
                i += 1
                continue
            if QUOTE.match(text):
                i = self._blockquote(lines, i, depth)
                continue
            if LIST.match(text):
                i = self._list_item(lines, i, depth)
                continue
            html_end = self._html_block_end(lines, i)
            if html_end is not None:
                self._html_block(lines[i:html_end], top)
                i = html_end
                continue
            if i + 1 < n and is_table_start(self.content(lines[i]), self.content(lines[i + 1])):
                i = self._table(lines, i)
                continue
            if REF_DEF.match(text):
                add_definition_title(self.skeleton, line.start, line.end, self.refs)
                i += 1
                continue
            i = self._paragraph(lines, i, kind)

    def _skip_indented_code(self, lines: list[BlockLine], i: int) -> int:
        j = i
        last = i
        while j < len(lines):
            text = self.content(lines[j])
            if text.strip() and indent_width(text) < 4:
                break
            if text.strip():
                last = j
            j += 1
        return last + 1

    def _skip_fence(self, lines: list[BlockLine], i: int, match: re.Match[str]) -> int:
        fence = match.group(1)
        closing = re.compile(r" {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        j = i + 1
        while j < len(lines):
            if closing.match(self.content(lines[j])):
                return j + 1
            j += 1
        return j

    def _atx_heading(self, line: BlockLine) -> None:
        text = self.content(line)
        match = ATX.match(text)
        assert match is not None
        body_start = match.end()
        body = text[body_start:]
        closing = ATX_CLOSING.search(body)
        if closing:
            body = body[: closing.start()]
        stripped = body.strip()
        if not stripped:
            return
        lead = len(body) - len(body.lstrip())
        start = line.start + body_start + lead
        self._unit([(start, start + len(stripped))], [], "h")

    def _blockquote(self, lines: list[BlockLine], i: int, depth: int) -> int:
        inner: list[BlockLine] = []
        j = i
        in_fence = False
        while j < len(lines):
            line = lines[j]
            text = self.content(line)
            match = QUOTE.match(text)
            if match:
                start = line.start + match.end()
                if self.source[start : start + 1] == " ":
                    start += 1
                inner.append(BlockLine(line.num, start, line.end))
                inner_text = self.source[start : line.end]
                if FENCE.match(inner_text):
                    in_fence = not in_fence
                j += 1
                continue
            previous = self.content(inner[-1]) if inner else ""
            if (
                text.strip()
                and previous.strip()
                and not in_fence
                and not interrupts_paragraph(text)
                and indent_width(previous) < 4
                and not is_block_start(previous)
            ):
                lead = len(text) - len(text.lstrip())
                inner.append(BlockLine(line.num, line.start + lead, line.end, lazy=True))
                j += 1
                continue
            break
        if inner and ALERT.match(self.content(inner[0])):
            inner = inner[1:]  # "[!NOTE]" stays literal, on its own line
        self.blocks(inner, "quote", depth=depth + 1)
        return j

    def _list_item(self, lines: list[BlockLine], i: int, depth: int) -> int:
        line = lines[i]
        text = self.content(line)
        match = LIST.match(text)
        assert match is not None
        indent, marker, spaces = match.group(1), match.group(2), match.group(3)
        if not text[match.end() :].strip():
            width = len(indent) + len(marker) + 1
            first_start = line.start + min(len(text), width)
        elif indent_width(spaces) >= 5:
            width = len(indent) + len(marker) + 1
            first_start = line.start + width
        else:
            width = len(indent) + len(marker) + len(spaces)
            first_start = line.start + match.end()
        if marker.startswith("[^"):
            width = len(indent) + 4
        elif box := TASK_BOX.match(self.source, first_start, line.end):
            first_start = box.end()  # a task's checkbox stays literal
        inner = [BlockLine(line.num, first_start, line.end)]
        j = i + 1
        last_content = i
        while j < len(lines):
            current = lines[j]
            text = self.content(current)
            if not text.strip():
                inner.append(BlockLine(current.num, current.end, current.end))
                j += 1
                continue
            if indent_width(text) >= width:
                cut = cut_columns(text, width)
                inner.append(BlockLine(current.num, current.start + cut, current.end))
                last_content = j
                j += 1
                continue
            previous = self.content(inner[-1])
            if (
                previous.strip()
                and not interrupts_paragraph(text)
                and not LIST.match(text)
                and not is_block_start(previous)
            ):
                lead = len(text) - len(text.lstrip())
                inner.append(BlockLine(current.num, current.start + lead, current.end, lazy=True))
                last_content = j
                j += 1
                continue
            break
        inner = inner[: last_content - i + 1]
        self.blocks(inner, "li", depth=depth + 1)
        return last_content + 1

    def _html_block_end(self, lines: list[BlockLine], i: int) -> int | None:
        """Where the HTML block starting at line i ends (exclusive), or None if none starts."""
        text = self.content(lines[i])
        stops = [stop for start, stop in HTML_STARTS if start.match(text)]
        if stops:
            end = stops[0]  # None: the block ends at a blank line
        elif HTML_ALONE.match(text):
            end = None
        else:
            return None
        if end is None:  # ends before the next blank line
            j = i
            while j < len(lines) and self.content(lines[j]).strip():
                j += 1
            return j
        j = i
        while j < len(lines):
            if end.search(self.content(lines[j])):
                return j + 1
            j += 1
        return j

    def _html_block(self, lines: list[BlockLine], top: bool) -> None:
        """Translate a top-level HTML block with the HTML parser; nested ones stay literal."""
        first, last = lines[0], lines[-1]
        line_start, _end = self.lines[first.num]
        bom = first.num == 0 and first.start == 1
        if not top or (first.start != line_start and not bom):
            return
        if any(line.start != self.lines[line.num][0] for line in lines[1:]):
            return
        from translator.ingest.html import parse_html_fragment

        start, end = first.start, last.end
        parts = parse_html_fragment(self.source[start:end], self.refs)
        self.skeleton.splice(start, end, parts)

    def _table(self, lines: list[BlockLine], i: int) -> int:
        """A GFM table (header, delimiter row, body rows): each cell is a unit."""
        self._table_cells(lines[i], "th")
        j = i + 2
        while j < len(lines) and is_table_row(self.content(lines[j])):
            self._table_cells(lines[j], "td")
            j += 1
        return j

    def _table_cells(self, line: BlockLine, kind: str) -> None:
        for start, end in table_cells(self.content(line)):
            self._unit([(line.start + start, line.start + end)], [], kind)

    def _paragraph(self, lines: list[BlockLine], i: int, kind: str) -> int:
        j = i + 1
        heading = False
        while j < len(lines):
            text = self.content(lines[j])
            if not lines[j].lazy and SETEXT.match(text) and indent_width(text) < 4:
                heading = True
                break
            if interrupts_paragraph(text):
                break
            j += 1
        para = lines[i:j]
        # Leading link reference definitions stay literal.
        while para and REF_DEF.match(self.content(para[0])):
            add_definition_title(self.skeleton, para[0].start, para[0].end, self.refs)
            para = para[1:]
        spans: list[tuple[int, int]] = []
        hard: list[bool] = []
        for line in para:
            text = self.content(line)
            stripped = text.strip(" \t")
            lead = len(text) - len(text.lstrip(" \t"))
            start = line.start + lead
            spans.append((start, start + len(stripped)))
            trailing = text[len(text.rstrip(" \t")) :]
            hard.append(trailing.count(" ") >= 2 and "\t" not in trailing)
        if spans:
            self._unit(spans, hard[:-1], "h" if heading else kind)
        return j + 1 if heading else j

    def _unit(self, spans: list[tuple[int, int]], hard: list[bool], kind: str) -> None:
        """One block's unit, with its images' alt texts and its titles (``slots``)."""
        builder = self.inline.unit_builder(spans, hard)
        built = builder.build(self.refs.next(kind))
        if built is None:
            self.refs.counts[kind] -= 1
        alt_titles = [slot_unit(self.inline.logical, *found, self.refs)
                      for found in self.inline.slots]
        add_block(self.skeleton, built, builder.code_spans,
                  [unit for unit in alt_titles if unit is not None])
