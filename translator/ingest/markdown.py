"""Markdown articles: a line-based block scanner and an inline parser that keep every byte.

Blocks (CommonMark with the GFM table and strikethrough extensions, simplified):
front matter, fenced and indented code, HTML blocks, thematic breaks and link
reference definitions stay literal; ATX and setext headings, paragraphs, list
items, blockquote paragraphs and table cells become units. A top-level HTML
block is handed to the HTML parser, so its text is translated too.

Inline markup becomes codes: emphasis, strikethrough, links and paired inline
HTML tags are ``<gN>``..``</gN>`` (the link text is translated, the
``](url "title")`` part is kept verbatim); code spans, images, autolinks,
footnote references, hard line breaks and unpaired HTML tags are atomic
``<xN/>``. Soft line breaks inside a paragraph read as spaces, so a translated
paragraph is written as one line (an untranslated one keeps its wrapping).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from translator.document import Document, Part
from translator.ingest.units import RefCounter, Skeleton, UnitBuilder

# ---------------------------------------------------------------- block patterns

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")
_THEMATIC = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_QUOTE = re.compile(r" {0,3}>")
_LIST = re.compile(r"( {0,3})([-+*]|\d{1,9}[.)]|\[\^[^\]\s]+\]:)([ \t]+|$)")
_TABLE_DELIM = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REF_DEF = re.compile(
    r" {0,3}\[((?:[^\]\\\[]|\\.)+)\]:[ \t]*(?:<[^>\n]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$"
)
_REF_LABEL_ANYWHERE = re.compile(r"(?:[ \t]*>)*[ \t]*(?:[-+*][ \t]+)?\[((?:[^\]\\\[]|\\.)+)\]:")
MAX_NESTING = 60  # container depth beyond which lines stay literal
_FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}

_HTML_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|"
    "h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|"
    "option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_ATTRS = r"""(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*"""
_OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)" + _ATTRS + r"\s*(/?)>")
_CLOSE_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_HTML_STARTS: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = [
    (re.compile(r" {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r" {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r" {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r" {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r" {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
    (re.compile(r" {0,3}</?(?:" + _HTML_BLOCK_TAGS + r")(?:[ \t>]|/>|$)", re.I), None),
]
_HTML_ALONE = re.compile(r" {0,3}(?:" + _OPEN_TAG.pattern + "|" + _CLOSE_TAG.pattern + r")[ \t]*$")

# ---------------------------------------------------------------- inline patterns

_AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+>"
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPECIAL = set("\\`![<*_~\n")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr"}
_CODE_NAME = re.compile(r"[gx]\d+$")
_UNTRANSLATED_TAGS = {"code", "kbd", "samp", "var", "script", "style", "svg", "math", "pre"}


def _norm_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _is_punct(ch: str) -> bool:
    return ch in _PUNCT or (ch != "" and not ch.isalnum() and not ch.isspace())


# ---------------------------------------------------------------- lines


@dataclass
class _VLine:
    """A line as a block sees it: container prefixes (``> ``, list indent) already cut off."""

    num: int  # physical line index
    start: int  # absolute offset where this block's view of the line begins
    end: int  # absolute end of the line's content (line ending excluded)
    lazy: bool = False


@dataclass
class _Inline:
    """An inline token over the logical text of a block (lines joined by ``\\n``)."""

    kind: str  # text, atomic, delim, tag_open, tag_close, link
    start: int
    end: int
    char: str = ""
    can_open: bool = False
    can_close: bool = False
    name: str = ""
    inner: list[_Inline] = field(default_factory=list)
    open_end: int = 0  # link: end of "["
    close_start: int = 0  # link: start of "](...)"
    # delimiter runs after matching: used pieces and the unmatched middle
    closes: list[tuple[int, int, int]] = field(default_factory=list)
    opens: list[tuple[int, int, int]] = field(default_factory=list)
    rem_start: int = 0
    rem_end: int = 0
    active: bool = True
    pair: int = 0


class _Logical:
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

    def join_index(self, pos: int) -> int:
        """Which line break a ``\\n`` at logical position ``pos`` is."""
        return self._segment(pos)


class _MarkdownParser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.skeleton = Skeleton(source)
        self.refs = RefCounter()
        self.lines: list[tuple[int, int]] = []
        for match in _LINE.finditer(source):
            if match.start() == len(source) and match.end() == match.start():
                break
            content = match.group(0).rstrip("\r\n")
            self.lines.append((match.start(), match.start() + len(content)))
        self.definitions = self._collect_definitions()
        self._pairs = 0

    # ------------------------------------------------------------ helpers

    def _collect_definitions(self) -> set[str]:
        labels = set()
        for start, end in self.lines:
            match = _REF_LABEL_ANYWHERE.match(self.source, start, end)
            if match and not match.group(1).startswith("^"):
                labels.add(_norm_label(match.group(1)))
        return labels

    def content(self, line: _VLine) -> str:
        return self.source[line.start : line.end]

    def _parse(self) -> list[Part]:
        vlines = [_VLine(i, s, e) for i, (s, e) in enumerate(self.lines)]
        if vlines and self.source.startswith("\ufeff"):
            vlines[0].start += 1
        self.blocks(vlines, "p", top=True)
        return self.skeleton.finish()

    # ------------------------------------------------------------ blocks

    def blocks(self, lines: list[_VLine], kind: str, top: bool = False, depth: int = 0) -> None:
        """Scan one container's lines; ``kind`` names its paragraphs ("p", "li", "quote")."""
        if depth > MAX_NESTING:
            return  # absurdly nested quotes/lists stay literal rather than exhaust the stack
        i = 0
        n = len(lines)
        while i < n:
            line = lines[i]
            text = self.content(line)
            if not text.strip():
                i += 1
                continue
            if top and i == 0 and text.rstrip() in _FRONT_MATTER:
                closers = _FRONT_MATTER[text.rstrip()]
                j = 1
                while j < n and self.content(lines[j]).rstrip() not in closers:
                    j += 1
                if j < n:
                    i = j + 1
                    continue
            indent = _indent_width(text)
            if indent >= 4:
                i = self._skip_indented_code(lines, i)
                continue
            if match := _FENCE.match(text):
                i = self._skip_fence(lines, i, match)
                continue
            if _ATX.match(text):
                self._atx_heading(line)
                i += 1
                continue
            if _THEMATIC.match(text):
                i += 1
                continue
            if _QUOTE.match(text):
                i = self._blockquote(lines, i, depth)
                continue
            if _LIST.match(text):
                i = self._list_item(lines, i, depth)
                continue
            html_end = self._html_block_end(lines, i)
            if html_end is not None:
                self._html_block(lines[i:html_end], top)
                i = html_end
                continue
            if i + 1 < n and self._is_table_start(lines[i], lines[i + 1]):
                i = self._table(lines, i)
                continue
            if _REF_DEF.match(text):
                i += 1
                continue
            i = self._paragraph(lines, i, kind)

    def _skip_indented_code(self, lines: list[_VLine], i: int) -> int:
        j = i
        last = i
        while j < len(lines):
            text = self.content(lines[j])
            if text.strip() and _indent_width(text) < 4:
                break
            if text.strip():
                last = j
            j += 1
        return last + 1

    def _skip_fence(self, lines: list[_VLine], i: int, match: re.Match[str]) -> int:
        fence = match.group(1)
        closing = re.compile(r" {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        j = i + 1
        while j < len(lines):
            if closing.match(self.content(lines[j])):
                return j + 1
            j += 1
        return j

    def _interrupts(self, text: str) -> bool:
        """Whether a line starts a new block instead of continuing a paragraph."""
        if not text.strip():
            return True
        if _indent_width(text) >= 4:
            return False
        if _ATX.match(text) or _FENCE.match(text) or _QUOTE.match(text) or _THEMATIC.match(text):
            return True
        match = _LIST.match(text)
        if match and text[match.end() :].strip():
            marker = match.group(2)
            if not marker[0].isdigit() or marker[:-1] == "1":
                return True
        return any(start.match(text) for start, _ in _HTML_STARTS)

    def _atx_heading(self, line: _VLine) -> None:
        text = self.content(line)
        match = _ATX.match(text)
        assert match is not None
        body_start = match.end()
        body = text[body_start:]
        closing = _ATX_CLOSING.search(body)
        if closing:
            body = body[: closing.start()]
        stripped = body.strip()
        if not stripped:
            return
        lead = len(body) - len(body.lstrip())
        start = line.start + body_start + lead
        self._unit([(start, start + len(stripped))], [], "h")

    def _blockquote(self, lines: list[_VLine], i: int, depth: int) -> int:
        inner: list[_VLine] = []
        j = i
        in_fence = False
        while j < len(lines):
            line = lines[j]
            text = self.content(line)
            match = _QUOTE.match(text)
            if match:
                start = line.start + match.end()
                if self.source[start : start + 1] == " ":
                    start += 1
                inner.append(_VLine(line.num, start, line.end))
                inner_text = self.source[start : line.end]
                if _FENCE.match(inner_text):
                    in_fence = not in_fence
                j += 1
                continue
            previous = self.content(inner[-1]) if inner else ""
            if (
                text.strip()
                and previous.strip()
                and not in_fence
                and not self._interrupts(text)
                and _indent_width(previous) < 4
                and not _is_block_start(previous)
            ):
                lead = len(text) - len(text.lstrip())
                inner.append(_VLine(line.num, line.start + lead, line.end, lazy=True))
                j += 1
                continue
            break
        self.blocks(inner, "quote", depth=depth + 1)
        return j

    def _list_item(self, lines: list[_VLine], i: int, depth: int) -> int:
        line = lines[i]
        text = self.content(line)
        match = _LIST.match(text)
        assert match is not None
        indent, marker, spaces = match.group(1), match.group(2), match.group(3)
        if not text[match.end() :].strip():
            width = len(indent) + len(marker) + 1
            first_start = line.start + min(len(text), width)
        elif _indent_width(spaces) >= 5:
            width = len(indent) + len(marker) + 1
            first_start = line.start + width
        else:
            width = len(indent) + len(marker) + len(spaces)
            first_start = line.start + match.end()
        if marker.startswith("[^"):
            width = len(indent) + 4
        inner = [_VLine(line.num, first_start, line.end)]
        j = i + 1
        last_content = i
        while j < len(lines):
            current = lines[j]
            text = self.content(current)
            if not text.strip():
                inner.append(_VLine(current.num, current.end, current.end))
                j += 1
                continue
            if _indent_width(text) >= width:
                cut = _cut_columns(text, width)
                inner.append(_VLine(current.num, current.start + cut, current.end))
                last_content = j
                j += 1
                continue
            previous = self.content(inner[-1])
            if (
                previous.strip()
                and not self._interrupts(text)
                and not _LIST.match(text)
                and not _is_block_start(previous)
            ):
                lead = len(text) - len(text.lstrip())
                inner.append(_VLine(current.num, current.start + lead, current.end, lazy=True))
                last_content = j
                j += 1
                continue
            break
        inner = inner[: last_content - i + 1]
        self.blocks(inner, "li", depth=depth + 1)
        return last_content + 1

    def _html_block_end(self, lines: list[_VLine], i: int) -> int | None:
        """Where the HTML block starting at line i ends (exclusive), or None if none starts."""
        text = self.content(lines[i])
        stops = [stop for start, stop in _HTML_STARTS if start.match(text)]
        if stops:
            end = stops[0]  # None: the block ends at a blank line
        elif _HTML_ALONE.match(text):
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

    def _html_block(self, lines: list[_VLine], top: bool) -> None:
        """Translate a top-level HTML block with the HTML parser; nested ones stay literal."""
        first, last = lines[0], lines[-1]
        line_start, _ = self.lines[first.num]
        bom = first.num == 0 and first.start == 1
        if not top or (first.start != line_start and not bom):
            return
        if any(line.start != self.lines[line.num][0] for line in lines[1:]):
            return
        from translator.ingest.html import parse_html_fragment

        start, end = first.start, last.end
        parts = parse_html_fragment(self.source[start:end], self.refs)
        self.skeleton.splice(start, end, parts)

    def _is_table_start(self, head: _VLine, delim: _VLine) -> bool:
        head_text, delim_text = self.content(head), self.content(delim)
        if "|" not in head_text or not _TABLE_DELIM.match(delim_text):
            return False
        return "|" in delim_text or head_text.strip().startswith("|")

    def _table(self, lines: list[_VLine], i: int) -> int:
        self._table_row(lines[i], "th")
        j = i + 2
        while j < len(lines):
            text = self.content(lines[j])
            if not text.strip() or "|" not in text or self._interrupts(text):
                break
            self._table_row(lines[j], "td")
            j += 1
        return j

    def _table_row(self, line: _VLine, kind: str) -> None:
        text = self.content(line)
        pipes = [k for k, ch in plain_chars(text, code_spans(text)) if ch == "|"]
        bounds = [-1, *pipes, len(text)]
        for left, right in itertools.pairwise(bounds):
            cell = text[left + 1 : right]
            stripped = cell.strip()
            if not stripped:
                continue
            lead = len(cell) - len(cell.lstrip())
            start = line.start + left + 1 + lead
            self._unit([(start, start + len(stripped))], [], kind)

    def _paragraph(self, lines: list[_VLine], i: int, kind: str) -> int:
        j = i + 1
        heading = False
        while j < len(lines):
            text = self.content(lines[j])
            if not lines[j].lazy and _SETEXT.match(text) and _indent_width(text) < 4:
                heading = True
                break
            if self._interrupts(text):
                break
            j += 1
        para = lines[i:j]
        # Leading link reference definitions stay literal.
        while para and _REF_DEF.match(self.content(para[0])):
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

    # ------------------------------------------------------------ inline

    def _unit(self, spans: list[tuple[int, int]], hard: list[bool], kind: str) -> None:
        logical = _Logical(self.source, spans, hard)
        tokens = self._tokenize(logical, 0, len(logical.text))
        self._match_tags(tokens)
        flat = self._flatten(tokens)
        flat = _validate_nesting(flat)
        builder = UnitBuilder(self.source)
        pairs: dict[int, int] = {}
        for kind_, start, end, pair in flat:
            if kind_ == "text":
                self._emit_text(builder, logical, start, end)
                continue
            s, e = logical.to_source(start), logical.to_source(end)
            if kind_ == "atomic":
                builder.atomic(s, e)
            elif kind_ == "open":
                pairs[pair] = builder.open(s, e)
            else:
                builder.close(pairs[pair], s, e)
        built = builder.build(self.refs.next(kind))
        if built is None:
            self.refs.counts[kind] -= 1
            return
        self.skeleton.add(*built)

    def _emit_text(self, builder: UnitBuilder, logical: _Logical, start: int, end: int) -> None:
        pos = start
        text = logical.text
        while pos < end:
            nl = text.find("\n", pos, end)
            stop = end if nl == -1 else nl
            if stop > pos:
                builder.text(logical.to_source(pos), logical.to_source(stop))
            if nl == -1:
                break
            # A soft line break: its source is trailing spaces, the line ending and the prefix.
            builder.text(logical.to_source(nl), logical.to_source(nl + 1), " ")
            pos = nl + 1

    def _tokenize(self, logical: _Logical, start: int, end: int) -> list[_Inline]:
        text = logical.text
        tokens: list[_Inline] = []
        i = start

        def add_text(a: int, b: int) -> None:
            if b <= a:
                return
            if tokens and tokens[-1].kind == "text" and tokens[-1].end == a:
                tokens[-1].end = b
            else:
                tokens.append(_Inline("text", a, b))

        while i < end:
            ch = text[i]
            if ch not in _SPECIAL:
                j = i + 1
                while j < end and text[j] not in _SPECIAL:
                    j += 1
                add_text(i, j)
                i = j
                continue
            if ch == "\n":
                idx = logical.join_index(i)
                if logical.hard[idx]:
                    tokens.append(_Inline("atomic", i, i + 1))
                else:
                    add_text(i, i + 1)
                i += 1
                continue
            if ch == "\\":
                nxt = text[i + 1] if i + 1 < end else ""
                if nxt == "\n":
                    tokens.append(_Inline("atomic", i, i + 2))  # backslash hard break
                    i += 2
                elif nxt in _PUNCT:
                    add_text(i, i + 2)
                    i += 2
                else:
                    add_text(i, i + 1)
                    i += 1
                continue
            if ch == "`":
                span_end = logical.code_spans.get(i, -1)
                if span_end == -1 or span_end > end:
                    run = _run_length(text, i, "`", end)
                    add_text(i, i + run)
                    i += run
                else:
                    tokens.append(_Inline("atomic", i, span_end))
                    i = span_end
                continue
            if ch == "!" and text.startswith("[", i + 1) and i + 1 < end:
                link = self._link_at(logical, i + 1, end)
                if link is not None:
                    tokens.append(_Inline("atomic", i, link[1]))
                    i = link[1]
                    continue
                add_text(i, i + 1)
                i += 1
                continue
            if ch == "[":
                footnote = _FOOTNOTE_REF.match(text, i, end)
                if footnote:
                    tokens.append(_Inline("atomic", i, footnote.end()))
                    i = footnote.end()
                    continue
                link = self._link_at(logical, i, end)
                if link is not None and not link[2]:
                    tokens.append(_Inline("atomic", i, link[1]))
                    i = link[1]
                    continue
                if link is not None:
                    close_bracket, link_end, _ = link
                    token = _Inline("link", i, link_end, open_end=i + 1, close_start=close_bracket)
                    token.inner = self._tokenize(logical, i + 1, close_bracket)
                    self._match_tags(token.inner)
                    tokens.append(token)
                    i = link_end
                    continue
                add_text(i, i + 1)
                i += 1
                continue
            if ch == "<":
                for pattern in (_AUTOLINK, _COMMENT):
                    match = pattern.match(text, i, end)
                    if match:
                        tokens.append(_Inline("atomic", i, match.end()))
                        i = match.end()
                        break
                else:
                    match = _OPEN_TAG.match(text, i, end)
                    if match:
                        name = match.group(1).lower()
                        # A literal "<g1>" in the text must survive as an atomic code.
                        void = match.group(2) == "/" or name in _VOID or _CODE_NAME.match(name)
                        kind = "atomic" if void else "tag_open"
                        tokens.append(_Inline(kind, i, match.end(), name=name))
                        i = match.end()
                        continue
                    match = _CLOSE_TAG.match(text, i, end)
                    if match:
                        name = match.group(1).lower()
                        tokens.append(_Inline("tag_close", i, match.end(), name=name))
                        i = match.end()
                        continue
                    add_text(i, i + 1)
                    i += 1
                continue
            # * _ ~ delimiter runs
            run = _run_length(text, i, ch, end)
            before = text[i - 1] if i > 0 else ""
            after = text[i + run] if i + run < len(text) else ""
            left = not _is_space(after) and (
                not _is_punct(after) or _is_space(before) or _is_punct(before)
            )
            right = not _is_space(before) and (
                not _is_punct(before) or _is_space(after) or _is_punct(after)
            )
            if ch == "_":
                can_open = left and (not right or _is_punct(before))
                can_close = right and (not left or _is_punct(after))
            else:
                can_open, can_close = left, right
            if ch == "~" and run > 2:
                add_text(i, i + run)
            else:
                tokens.append(_Inline("delim", i, i + run, char=ch, can_open=can_open,
                                      can_close=can_close, rem_start=i, rem_end=i + run))
            i += run
        self._match_emphasis(tokens)
        return tokens

    def _link_at(self, logical: _Logical, i: int, end: int) -> tuple[int, int, bool] | None:
        """For ``[`` at i: (index of the closing ``]``, end of the link, text translatable?).

        In ``[text](url)`` and ``[text][label]`` the text may be translated; in
        ``[label][]`` and ``[label]`` the text is the label itself, so the link
        must stay as it is or it would lose its definition.
        """
        text = logical.text
        close = logical.brackets.get(i, end)
        if close >= end:
            return None
        after = close + 1
        if after < end and text[after] == "(":
            dest_end = _inline_destination_end(text, after, end)
            if dest_end != -1:
                return close, dest_end, True
        if after < end and text[after] == "[":
            label_close = logical.brackets.get(after, end)
            if label_close < end:
                label = text[after + 1 : label_close]
                if label.strip():
                    if _norm_label(label) in self.definitions:
                        return close, label_close + 1, True
                elif _norm_label(text[i + 1 : close]) in self.definitions:
                    return close, label_close + 1, False
        if _norm_label(text[i + 1 : close]) in self.definitions:
            return close, close + 1, False
        return None

    def _match_emphasis(self, tokens: list[_Inline]) -> None:
        """CommonMark's delimiter matching, without the rule of three."""
        delims = [t for t in tokens if t.kind == "delim"]
        for ci, closer in enumerate(delims):
            while closer.active and closer.can_close and closer.rem_end > closer.rem_start:
                opener_index = None
                for oi in range(ci - 1, -1, -1):
                    cand = delims[oi]
                    if (
                        cand.active
                        and cand.can_open
                        and cand.char == closer.char
                        and cand.rem_end > cand.rem_start
                        and (
                            cand.char != "~"
                            or cand.rem_end - cand.rem_start == closer.rem_end - closer.rem_start
                        )
                    ):
                        opener_index = oi
                        break
                if opener_index is None:
                    break
                opener = delims[opener_index]
                o_len = opener.rem_end - opener.rem_start
                c_len = closer.rem_end - closer.rem_start
                use = o_len if closer.char == "~" else (2 if o_len >= 2 and c_len >= 2 else 1)
                self._pairs += 1
                opener.opens.insert(0, (opener.rem_end - use, opener.rem_end, self._pairs))
                opener.rem_end -= use
                closer.closes.append((closer.rem_start, closer.rem_start + use, self._pairs))
                closer.rem_start += use
                for between in delims[opener_index + 1 : ci]:
                    between.active = False

    def _match_tags(self, tokens: list[_Inline]) -> None:
        """Pair inline HTML tags by name; code-like elements collapse into one atomic token."""
        stack: list[int] = []
        for idx, token in enumerate(tokens):
            if token.kind == "tag_open":
                stack.append(idx)
            elif token.kind == "tag_close":
                match = next((k for k in range(len(stack) - 1, -1, -1)
                              if tokens[stack[k]].name == token.name), None)
                if match is None:
                    token.kind = "atomic"
                    continue
                for k in stack[match + 1 :]:
                    tokens[k].kind = "atomic"
                opener = tokens[stack[match]]
                del stack[match:]
                self._pairs += 1
                opener.pair = token.pair = self._pairs
        for k in stack:
            tokens[k].kind = "atomic"
        # <code>..</code> and the like: never translated, one atomic code.
        idx = 0
        while idx < len(tokens):
            token = tokens[idx]
            if token.kind == "tag_open" and token.name in _UNTRANSLATED_TAGS:
                close = next(k for k in range(idx + 1, len(tokens))
                             if tokens[k].kind == "tag_close" and tokens[k].pair == token.pair)
                tokens[idx : close + 1] = [_Inline("atomic", token.start, tokens[close].end)]
            idx += 1

    def _flatten(self, tokens: list[_Inline]) -> list[tuple[str, int, int, int]]:
        flat: list[tuple[str, int, int, int]] = []

        def text(a: int, b: int) -> None:
            if b > a:
                flat.append(("text", a, b, 0))

        for token in tokens:
            if token.kind == "text":
                text(token.start, token.end)
            elif token.kind == "atomic":
                flat.append(("atomic", token.start, token.end, 0))
            elif token.kind == "tag_open":
                flat.append(("open", token.start, token.end, token.pair))
            elif token.kind == "tag_close":
                flat.append(("close", token.start, token.end, token.pair))
            elif token.kind == "link":
                self._pairs += 1
                flat.append(("open", token.start, token.open_end, self._pairs))
                flat.extend(self._flatten(token.inner))
                flat.append(("close", token.close_start, token.end, self._pairs))
            else:  # delimiter run: closers, unmatched middle, openers
                for a, b, pair in sorted(token.closes):
                    flat.append(("close", a, b, pair))
                text(token.rem_start, token.rem_end)
                for a, b, pair in sorted(token.opens):
                    flat.append(("open", a, b, pair))
        return flat


def _validate_nesting(flat: list[tuple[str, int, int, int]]) -> list[tuple[str, int, int, int]]:
    """Pairs that cross (``*a <b>b* c</b>``) keep their markup as atomic codes."""
    invalid: set[int] = set()
    stack: list[int] = []
    closed: set[int] = set()
    for kind, _, _, pair in flat:
        if kind == "open":
            stack.append(pair)
        elif kind == "close":
            if pair in stack:
                while stack[-1] != pair:
                    invalid.add(stack.pop())
                stack.pop()
                closed.add(pair)
            else:
                invalid.add(pair)
    invalid.update(stack)
    invalid.update(p for kind, _, _, p in flat if kind == "open" and p not in closed)
    return [
        ("atomic", a, b, 0) if kind in ("open", "close") and pair in invalid else (kind, a, b, pair)
        for kind, a, b, pair in flat
    ]


# ---------------------------------------------------------------- small scanners


def _indent_width(text: str) -> int:
    width = 0
    for ch in text:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _cut_columns(text: str, columns: int) -> int:
    """How many leading characters make up ``columns`` columns of indentation."""
    width = 0
    for idx, ch in enumerate(text):
        if width >= columns or ch not in " \t":
            return idx
        width += 1 if ch == " " else 4 - width % 4
    return len(text)


def _is_block_start(text: str) -> bool:
    """A line that cannot be followed by a lazy paragraph continuation."""
    return bool(_ATX.match(text) or _FENCE.match(text) or _THEMATIC.match(text)
                or _SETEXT.match(text))


def _run_length(text: str, i: int, ch: str, end: int | None = None) -> int:
    end = len(text) if end is None else end
    j = i
    while j < end and text[j] == ch:
        j += 1
    return j - i


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
            n = _run_length(text, i, "`")
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


def _inline_destination_end(text: str, i: int, end: int) -> int:
    """For ``(`` at i: the index after ``(destination "title")``, or -1 if it is not one.

    Follows CommonMark: the destination is ``<...>`` or a run without spaces
    and with balanced parentheses; the optional title is quoted or parenthesised.
    """
    k = _skip_space(text, i + 1, end)
    if k < end and text[k] == "<":
        close = k + 1
        while close < end and text[close] not in ">\n<":
            close += 2 if text[close] == "\\" else 1
        if close >= end or text[close] != ">":
            return -1
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
                    return -1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            k += 1
        if depth:
            return -1
    before_title = k
    k = _skip_space(text, k, end)
    if k < end and k > before_title and text[k] in "\"'(":
        closer = ")" if text[k] == "(" else text[k]
        close = k + 1
        while close < end and text[close] != closer:
            close += 2 if text[close] == "\\" else 1
        if close >= end:
            return -1
        k = _skip_space(text, close + 1, end)
    if k < end and text[k] == ")":
        return k + 1
    return -1


def parse_markdown(text: str) -> list[Part]:
    """The skeleton parts of a Markdown article."""
    return _MarkdownParser(text)._parse()


def load_markdown(text: str, path: Path, relpath: Path) -> Document:
    return Document(path=path, relpath=relpath, format="md", parts=parse_markdown(text))
