"""A forgiving element tree over the tokens, and the questions the walker asks of it.

Like a browser it closes ``<p>``, ``<li>``, ``<td>`` and the like implicitly
and ignores stray end tags, but it never rewrites anything: nodes only point
at token indexes. ``Page`` answers what a node's attribute, span and size are,
and whether it is inline content or a block container.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from translator.ingest.html.elements import ATOMIC, BLOCK, VOID
from translator.ingest.html.tokens import Token, tokenize

MAX_DEPTH = 200  # deeper elements are treated as empty so recursion stays bounded
_HEADINGS = {f"h{n}" for n in range(1, 7)}
_P_CLOSERS = {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
              "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
              "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p",
              "pre", "search", "section", "summary", "table", "ul", "li", "dd", "dt", "listing",
              "xmp", "plaintext"}
_SCOPE = {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
          "button", "svg", "math", "body"}
# start tag -> (elements it closes, elements that stop the search)
_IMPLIED = {
    "li": ({"li"}, {"ul", "ol", "menu"} | _SCOPE),
    "dt": ({"dt", "dd"}, {"dl"} | _SCOPE),
    "dd": ({"dt", "dd"}, {"dl"} | _SCOPE),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "thead": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select", "datalist", "optgroup"}),
    "optgroup": ({"optgroup", "option"}, {"select"}),
    "body": ({"head"}, {"html"}),
    "a": ({"a"}, _SCOPE),
}
_CODE_NAME = re.compile(r"[gx]\d+$")


@dataclass
class Node:
    name: str
    start_tok: int | None  # None for the root
    parent: Node | None = None
    end_tok: int | None = None  # None: void, self-closed or closed implicitly
    children: list[Node | int] = field(default_factory=list)  # int: a token index
    void: bool = False


def build_tree(tokens: list[Token]) -> Node:
    root = Node("#root", None)
    stack = [root]

    def close_to(names: set[str], stops: set[str]) -> None:
        for k in range(len(stack) - 1, 0, -1):
            if stack[k].name in names:
                del stack[k:]
                return
            if stack[k].name in stops:
                return

    for idx, token in enumerate(tokens):
        if token.kind == "start":
            name = token.name
            if name in _P_CLOSERS:
                close_to({"p"}, _SCOPE)
            if name in _IMPLIED:
                close_to(*_IMPLIED[name])
            if name in _HEADINGS and stack[-1].name in _HEADINGS:
                stack.pop()
            node = Node(name, idx, parent=stack[-1])
            stack[-1].children.append(node)
            if token.self_closing or name in VOID or _CODE_NAME.match(name):
                node.void = True  # a literal "<g1>" must survive as an atomic code
            elif len(stack) > MAX_DEPTH:
                node.void = True  # thousands of unclosed <font>s: flatten, keep every byte
            else:
                stack.append(node)
        elif token.kind == "end":
            match = next(
                (k for k in range(len(stack) - 1, 0, -1) if stack[k].name == token.name), None
            )
            if match is None:
                stack[-1].children.append(idx)  # stray end tag
            else:
                stack[match].end_tok = idx
                del stack[match:]
        else:
            stack[-1].children.append(idx)
    return root


def iter_nodes(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        if isinstance(child, Node):
            yield from iter_nodes(child)


def last_token(node: Node) -> int:
    if node.end_tok is not None:
        return node.end_tok
    for child in reversed(node.children):
        return child if isinstance(child, int) else last_token(child)
    assert node.start_tok is not None
    return node.start_tok


class Page:
    """An HTML source with its tokens and tree; caches per-node facts the walker reuses."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = tokenize(source)
        self.root = build_tree(self.tokens)
        self.has_body = any(n.name == "body" for n in iter_nodes(self.root))
        self._letters: dict[int, int] = {}
        self._block_inside: dict[int, bool] = {}

    def attr(self, node: Node, name: str) -> str | None:
        if node.start_tok is None:
            return None
        for attr in self.tokens[node.start_tok].attrs:
            if attr.name == name:
                if attr.value_start < 0:
                    return ""
                return html.unescape(self.source[attr.value_start : attr.value_end])
        return None

    def span(self, node: Node) -> tuple[int, int]:
        assert node.start_tok is not None
        return self.tokens[node.start_tok].start, self.tokens[last_token(node)].end

    def item_span(self, item: Node | int) -> tuple[int, int]:
        if isinstance(item, int):
            return self.tokens[item].start, self.tokens[item].end
        return self.span(item)

    def letters(self, node: Node) -> int:
        """How many letters the node's text holds: its weight as content."""
        key = id(node)
        if key not in self._letters:
            total = 0
            for child in node.children:
                if isinstance(child, Node):
                    total += self.letters(child)
                elif self.tokens[child].kind == "text":
                    token = self.tokens[child]
                    total += sum(ch.isalpha() for ch in self.source[token.start : token.end])
            self._letters[key] = total
        return self._letters[key]

    def has_block(self, node: Node) -> bool:
        """Whether a block element sits somewhere inside (``<a><h3>..</h3></a>`` is a container)."""
        key = id(node)
        if key not in self._block_inside:
            self._block_inside[key] = any(
                isinstance(child, Node)
                and (child.name in BLOCK or (child.name not in ATOMIC and self.has_block(child)))
                for child in node.children
            )
        return self._block_inside[key]

    def is_inline(self, child: Node | int) -> bool:
        if isinstance(child, int):
            return True  # text, comments, stray end tags
        if child.name in ATOMIC or (child.void and child.name not in BLOCK):
            return True
        if child.name in BLOCK:
            return False
        return not self.has_block(child)
