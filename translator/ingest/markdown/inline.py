"""Inline Markdown inside one block: code spans, links, images, autolinks, HTML tags, emphasis.

``InlineParser.unit_builder`` turns a block's lines into ``UnitBuilder``
items: text, atomic codes (code spans, images, hard breaks, unpaired tags)
and pairs (emphasis, links, paired tags; ``pairing`` decides which pair).
Soft line breaks read as spaces.
"""

from __future__ import annotations

from translator.ingest.html.elements import TRANSLATED_ATTRS
from translator.ingest.html.tokens import start_tag
from translator.ingest.markdown.pairing import (
    InlineToken,
    PairNumbers,
    flatten,
    match_emphasis,
    match_tags,
    slot_spans,
    validate_nesting,
)
from translator.ingest.markdown.spans import LogicalText, inline_destination
from translator.ingest.markdown.syntax import (
    AUTOLINK,
    CLOSE_TAG,
    CODE_NAME,
    COMMENT,
    FOOTNOTE_REF,
    OPEN_TAG,
    PUNCT,
    SPECIAL,
    VOID,
    is_punct,
    is_space,
    norm_label,
    run_length,
)
from translator.ingest.units import UnitBuilder

# A link or image: its closing "]", its end, its text translatable?, its title's span.
_Link = tuple[int, int, bool, tuple[int, int] | None]


class InlineParser:
    """Parses the inline content of a document's blocks; knows its link reference definitions."""

    def __init__(self, source: str, definitions: set[str]) -> None:
        self.source = source
        self.definitions = definitions  # normalised labels of [label]: url lines
        self.pairs = PairNumbers()
        self.logical = LogicalText(source, [], [])  # the last block's, with its slots:
        self.slots: list[tuple[str, int, int]] = []

    def unit_builder(self, spans: list[tuple[int, int]], hard: list[bool]) -> UnitBuilder:
        """One block's items; ``spans``: its lines' text, ``hard[i]``: a hard break after line i.

        The block's image alt texts and link titles are left in ``self.slots`` (see
        ``InlineToken.slots``) over ``self.logical``, for ``slots.add_block``.
        """
        logical = LogicalText(self.source, spans, hard)
        tokens = self.tokenize(logical, 0, len(logical.text))
        match_tags(tokens, self.pairs)
        self.logical = logical
        self.slots = slot_spans(tokens)
        flat = validate_nesting(flatten(tokens, self.pairs))
        builder = UnitBuilder(self.source)
        pairs: dict[int, int] = {}
        for kind_, start, end, pair in flat:
            if kind_ == "text":
                logical.add_text(builder, start, end)
                continue
            s, e = logical.to_source(start), logical.to_source(end)
            if kind_ == "atomic":
                builder.atomic(s, e)
            elif kind_ == "open":
                pairs[pair] = builder.open(s, e)
            else:
                builder.close(pairs[pair], s, e)
        return builder

    def tokenize(self, logical: LogicalText, start: int, end: int) -> list[InlineToken]:
        text = logical.text
        tokens: list[InlineToken] = []
        i = start

        def add_text(a: int, b: int) -> None:
            if b <= a:
                return
            if tokens and tokens[-1].kind == "text" and tokens[-1].end == a:
                tokens[-1].end = b
            else:
                tokens.append(InlineToken("text", a, b))

        while i < end:
            ch = text[i]
            if ch not in SPECIAL:
                j = i + 1
                while j < end and text[j] not in SPECIAL:
                    j += 1
                add_text(i, j)
                i = j
                continue
            if ch == "\n":
                idx = logical.join_index(i)
                if logical.hard[idx]:
                    tokens.append(InlineToken("atomic", i, i + 1))
                else:
                    add_text(i, i + 1)
                i += 1
                continue
            if ch == "\\":
                nxt = text[i + 1] if i + 1 < end else ""
                if nxt == "\n":
                    tokens.append(InlineToken("atomic", i, i + 2))  # backslash hard break
                    i += 2
                elif nxt in PUNCT:
                    add_text(i, i + 2)
                    i += 2
                else:
                    add_text(i, i + 1)
                    i += 1
                continue
            if ch == "`":
                span_end = logical.code_spans.get(i, -1)
                if span_end == -1 or span_end > end:
                    run = run_length(text, i, "`", end)
                    add_text(i, i + run)
                    i += run
                else:
                    tokens.append(InlineToken("atomic", i, span_end))
                    i = span_end
                continue
            if ch == "!" and text.startswith("[", i + 1) and i + 1 < end:
                link = self._link_at(logical, i + 1, end)
                if link is not None:
                    image = InlineToken("atomic", i, link[1])
                    if link[2]:  # not when the alt text is the reference's label
                        image.slots.append(("[", i + 2, link[0]))
                    image.slots.extend(_title(text, link[3]))
                    tokens.append(image)
                    i = link[1]
                    continue
                add_text(i, i + 1)
                i += 1
                continue
            if ch == "[":
                footnote = FOOTNOTE_REF.match(text, i, end)
                if footnote:
                    tokens.append(InlineToken("atomic", i, footnote.end()))
                    i = footnote.end()
                    continue
                link = self._link_at(logical, i, end)
                if link is not None and not link[2]:
                    tokens.append(InlineToken("atomic", i, link[1]))
                    i = link[1]
                    continue
                if link is not None:
                    close_bracket, link_end, _, title = link
                    token = InlineToken("link", i, link_end, open_end=i + 1,
                                        close_start=close_bracket, slots=_title(text, title))
                    token.inner = self.tokenize(logical, i + 1, close_bracket)
                    match_tags(token.inner, self.pairs)
                    tokens.append(token)
                    i = link_end
                    continue
                add_text(i, i + 1)
                i += 1
                continue
            if ch == "<":
                tag = _html_at(text, i, end)
                if tag is None:
                    add_text(i, i + 1)
                    i += 1
                else:
                    tokens.append(tag)
                    i = tag.end
                continue
            run = run_length(text, i, ch, end)  # * _ ~
            delim = _delimiter_run(text, i, run)
            if delim is None:
                add_text(i, i + run)
            else:
                tokens.append(delim)
            i += run
        match_emphasis(tokens, self.pairs)
        return tokens

    def _link_at(self, logical: LogicalText, i: int, end: int) -> _Link | None:
        """For ``[`` at i: (index of the closing ``]``, end of the link, text translatable?,
        where an inline link's title and its delimiters are).

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
            dest_end, title = inline_destination(text, after, end)
            if dest_end != -1:
                return close, dest_end, True, title
        if after < end and text[after] == "[":
            label_close = logical.brackets.get(after, end)
            if label_close < end:
                label = text[after + 1 : label_close]
                if label.strip():
                    if norm_label(label) in self.definitions:
                        return close, label_close + 1, True, None
                elif norm_label(text[i + 1 : close]) in self.definitions:
                    return close, label_close + 1, False, None
        if norm_label(text[i + 1 : close]) in self.definitions:
            return close, close + 1, False, None
        return None


def _title(text: str, title: tuple[int, int] | None) -> list[tuple[str, int, int]]:
    """An inline link's or image's title as a slot span: its text inside the delimiters."""
    if title is None:
        return []
    start, end = title
    return [(text[start], start + 1, end - 1)]


def _html_at(text: str, i: int, end: int) -> InlineToken | None:
    """For ``<`` at i: an autolink or comment (atomic), an HTML tag, or None (plain text)."""
    for pattern in (AUTOLINK, COMMENT):
        match = pattern.match(text, i, end)
        if match:
            return InlineToken("atomic", i, match.end())
    match = OPEN_TAG.match(text, i, end)
    if match:
        name = match.group(1).lower()
        # A literal "<g1>" in the text must survive as an atomic code.
        void = match.group(2) == "/" or name in VOID or CODE_NAME.match(name)
        return InlineToken("atomic" if void else "tag_open", i, match.end(), name=name,
                           slots=_attribute_slots(text, i))
    match = CLOSE_TAG.match(text, i, end)
    if match:
        return InlineToken("tag_close", i, match.end(), name=match.group(1).lower())
    return None


def _attribute_slots(text: str, i: int) -> list[tuple[str, int, int]]:
    """An inline HTML tag's quoted ``alt`` and ``title`` values as slots (opener ``<`` and
    the attribute's name), translated as the HTML parser translates them."""
    tag = start_tag(text, i)
    if tag is None:
        return []
    return [(f"<{attr.name}", attr.value_start, attr.value_end) for attr in tag.attrs
            if attr.name in TRANSLATED_ATTRS and attr.quoted]


def _delimiter_run(text: str, i: int, run: int) -> InlineToken | None:
    """A run of ``*``, ``_`` or ``~`` that may open or close emphasis (None: plain text)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + run] if i + run < len(text) else ""
    left = not is_space(after) and (not is_punct(after) or is_space(before) or is_punct(before))
    right = not is_space(before) and (not is_punct(before) or is_space(after) or is_punct(after))
    if ch == "_":
        can_open = left and (not right or is_punct(before))
        can_close = right and (not left or is_punct(after))
    else:
        can_open, can_close = left, right
    if ch == "~" and run > 2:
        return None
    return InlineToken("delim", i, i + run, char=ch, can_open=can_open, can_close=can_close,
                       rem_start=i, rem_end=i + run)
