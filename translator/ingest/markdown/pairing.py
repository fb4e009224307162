"""Pairing inline markup: emphasis delimiters, HTML tags and links become open/close/atomic items.

The tokenizer (``inline``) finds candidates; this module decides which ones
pair up and flattens them into ``Item`` tuples ``(kind, start, end, pair)``
over the block's logical text, ready for the ``UnitBuilder``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from translator.ingest.markdown.syntax import UNTRANSLATED_TAGS

Item = tuple[str, int, int, int]  # ("text" | "atomic" | "open" | "close", start, end, pair)


class PairNumbers:
    """Identifiers for pairs of markup, counted across one document."""

    def __init__(self) -> None:
        self.last = 0

    def new(self) -> int:
        self.last += 1
        return self.last


@dataclass
class InlineToken:
    """An inline token over the logical text of a block (lines joined by ``\\n``)."""

    kind: str  # text, atomic, delim, tag_open, tag_close, link
    start: int
    end: int
    char: str = ""
    can_open: bool = False
    can_close: bool = False
    name: str = ""
    inner: list[InlineToken] = field(default_factory=list)
    open_end: int = 0  # link: end of "["
    close_start: int = 0  # link: start of "](...)"
    # delimiter runs after matching: used pieces and the unmatched middle
    closes: list[tuple[int, int, int]] = field(default_factory=list)
    opens: list[tuple[int, int, int]] = field(default_factory=list)
    rem_start: int = 0
    rem_end: int = 0
    active: bool = True
    pair: int = 0
    # image alt text and link titles in this token: (opener, start, end) of the text
    # between ``![`` and ``]`` (opener "[") or between a title's delimiters ('"', "'", "(")
    slots: list[tuple[str, int, int]] = field(default_factory=list)


def match_emphasis(tokens: list[InlineToken], pairs: PairNumbers) -> None:
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
            pair = pairs.new()
            opener.opens.insert(0, (opener.rem_end - use, opener.rem_end, pair))
            opener.rem_end -= use
            closer.closes.append((closer.rem_start, closer.rem_start + use, pair))
            closer.rem_start += use
            for between in delims[opener_index + 1 : ci]:
                between.active = False


def match_tags(tokens: list[InlineToken], pairs: PairNumbers) -> None:
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
            pair = pairs.new()
            opener.pair = token.pair = pair
    for k in stack:
        tokens[k].kind = "atomic"
    # <code>..</code> and the like: never translated, one atomic code.
    idx = 0
    while idx < len(tokens):
        token = tokens[idx]
        if token.kind == "tag_open" and token.name in UNTRANSLATED_TAGS:
            close = next(k for k in range(idx + 1, len(tokens))
                         if tokens[k].kind == "tag_close" and tokens[k].pair == token.pair)
            tokens[idx : close + 1] = [InlineToken("atomic", token.start, tokens[close].end)]
        idx += 1


def slot_spans(tokens: list[InlineToken]) -> list[tuple[str, int, int]]:
    """The alt texts and titles of the tokens left after pairing, in order (not those
    inside ``<code>`` and the like: they collapsed into one atomic token)."""
    found: list[tuple[str, int, int]] = []
    for token in tokens:
        found.extend(token.slots)
        if token.kind == "link":
            found.extend(slot_spans(token.inner))
    return sorted(found, key=lambda slot: slot[1])


def flatten(tokens: list[InlineToken], pairs: PairNumbers) -> list[Item]:
    flat: list[Item] = []

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
            flat.append(("open", token.start, token.open_end, pairs.new()))
            flat.extend(flatten(token.inner, pairs))
            # The close takes the latest number, so a link inside a link's text never
            # pairs and validate_nesting keeps both as atomic markup (links do not nest).
            flat.append(("close", token.close_start, token.end, pairs.last))
        else:  # delimiter run: closers, unmatched middle, openers
            for a, b, pair in sorted(token.closes):
                flat.append(("close", a, b, pair))
            text(token.rem_start, token.rem_end)
            for a, b, pair in sorted(token.opens):
                flat.append(("open", a, b, pair))
    return flat


def validate_nesting(flat: list[Item]) -> list[Item]:
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
