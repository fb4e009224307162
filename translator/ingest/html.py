"""HTML articles: our own tokenizer and a forgiving tree, so every byte of the page survives.

Block elements delimit units; a run of text and inline elements inside a block
is one unit. Inline elements with content become paired codes, while ``<br>``,
``<img>``, ``<code>``, ``<script>`` and the like are atomic codes. Unit text is
decoded (entities become characters, whitespace runs one space) and escaped
again when a translation is written. ``alt`` and ``title`` attribute values
of content elements are units of their own; ``<html lang>`` is a ``LangSlot``.

Only the article is translated: ``<title>`` and what lies inside
``<article>``/``<main>``/``[role=main]`` when the page has them; otherwise the
body minus navigation, headers, footers, asides, forms and elements whose
id/class name boilerplate, cross-checked with trafilatura's extraction.
Everything else is kept untranslated, byte for byte.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from translator.core.reading import check_html_charset
from translator.document import ESCAPE_HTML, ESCAPE_HTML_ATTR, Document, LangSlot, Part, Unit
from translator.ingest.units import RefCounter, Skeleton, UnitBuilder

SPACE = " \t\n\r\f"
MAX_DEPTH = 200  # deeper elements are treated as empty so recursion stays bounded

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr"}
RAW_TEXT = {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"}
RCDATA = {"title", "textarea"}
BLOCK_VOID = {"hr", "link", "meta", "base", "col"}  # void, but they separate blocks
# Never translated, wherever they are.
NEVER = {"script", "style", "noscript", "template", "code", "pre", "svg", "math", "kbd", "samp",
         "textarea", "select", "iframe", "object", "canvas", "video", "audio"}
# Inline elements that are atomic codes inside a unit (their content is not translated).
ATOMIC = (VOID - BLOCK_VOID) | NEVER | {"picture", "map"}
INLINE = {"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "button", "cite", "data", "del",
          "dfn", "em", "font", "i", "ins", "label", "mark", "meter", "output", "progress", "q",
          "rb", "rp", "rt", "rtc", "ruby", "s", "small", "span", "strike", "strong", "sub", "sup",
          "time", "tt", "u", "var", "nobr"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "col",
         "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
         "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
         "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "link", "main",
         "menu", "meta", "nav", "ol", "optgroup", "option", "p", "pre", "search", "section",
         "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "base",
         "datalist", "listing", "plaintext", "xmp"}
UNIT_KIND = {"p": "p", "li": "li", "td": "td", "th": "th", "dt": "dt", "dd": "dd",
             "blockquote": "quote", "figcaption": "figcaption", "caption": "caption",
             "summary": "summary", "legend": "legend", "title": "title", "option": "option",
             **{f"h{n}": "h" for n in range(1, 7)}}
TRANSLATED_ATTRS = ("alt", "title")

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

_BOILERPLATE_NAMES_ARTICLE = {"nav", "aside", "form", "menu"}
_BOILERPLATE_NAMES_BODY = _BOILERPLATE_NAMES_ARTICLE | {"header", "footer"}
_BOILERPLATE_ROLES = {"navigation", "search", "complementary", "banner", "contentinfo", "menu",
                      "menubar"}
_BOILERPLATE_WORD = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|breadcrumbs?|cookies?|share|"
    r"sharing|social|comments?|related|advert\w*|ads?|promo\w*|subscribe|subscription|"
    r"newsletter|widget)(?=$|[\s_-])",
    re.IGNORECASE,
)
_TRIM_ATOMIC = re.compile(
    r"<!--|<(?:br|img|wbr|hr|input|source|track|embed|script|style|noscript|template|svg|"
    r"iframe|video|audio|picture|object|canvas|map)\b",
    re.IGNORECASE,
)
_TAG_NAME = re.compile(r"<([A-Za-z][^\s/>]*)")
_END_NAME = re.compile(r"</([A-Za-z][^\s/>]*)")
_ATTR_NAME = re.compile(r"[^\s/>][^\s/>=]*")
_UNQUOTED = re.compile(r"[^\s>]*")
_CHAR_REF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_CODE_NAME = re.compile(r"[gx]\d+$")
_CHARSET_IN_CONTENT = re.compile(r"charset\s*=\s*([A-Za-z0-9_:.\-]+)", re.IGNORECASE)


# ---------------------------------------------------------------- tokens


@dataclass
class Attr:
    name: str
    value_start: int = -1  # -1: no value
    value_end: int = -1
    quoted: bool = False


@dataclass
class Token:
    kind: str  # text, rawtext, start, end, comment, doctype, pi, cdata
    start: int
    end: int
    name: str = ""
    attrs: list[Attr] = field(default_factory=list)
    self_closing: bool = False


def _start_tag(source: str, lt: int) -> Token | None:
    match = _TAG_NAME.match(source, lt)
    if not match:
        return None
    token = Token("start", lt, -1, name=match.group(1).lower())
    k = match.end()
    n = len(source)
    while k < n:
        ch = source[k]
        if ch == ">":
            token.end = k + 1
            return token
        if ch == "/" and source.startswith(">", k + 1):
            token.self_closing = True
            token.end = k + 2
            return token
        if ch in SPACE or ch == "/":
            k += 1
            continue
        name = _ATTR_NAME.match(source, k)
        assert name is not None
        attr = Attr(name.group(0).lower())
        k = name.end()
        j = k
        while j < n and source[j] in SPACE:
            j += 1
        if j < n and source[j] == "=":
            j += 1
            while j < n and source[j] in SPACE:
                j += 1
            if j < n and source[j] in "\"'":
                close = source.find(source[j], j + 1)
                if close == -1:
                    return None
                attr.value_start, attr.value_end, attr.quoted = j + 1, close, True
                k = close + 1
            else:
                value = _UNQUOTED.match(source, j)
                assert value is not None
                attr.value_start, attr.value_end = j, value.end()
                k = value.end()
        token.attrs.append(attr)
    return None


def _markup_at(source: str, lt: int) -> Token | None:
    if source.startswith("<!--", lt):
        close = source.find("-->", lt + 4)
        return Token("comment", lt, len(source) if close == -1 else close + 3)
    if source.startswith("<![CDATA[", lt):
        close = source.find("]]>", lt)
        return Token("cdata", lt, len(source) if close == -1 else close + 3)
    if source.startswith("<!", lt) or source.startswith("<?", lt):
        close = source.find(">", lt)
        kind = "doctype" if source.startswith("<!", lt) else "pi"
        return Token(kind, lt, len(source) if close == -1 else close + 1)
    if source.startswith("</", lt):
        match = _END_NAME.match(source, lt)
        if not match:
            return None
        close = source.find(">", match.end())
        if close == -1:
            return None
        return Token("end", lt, close + 1, name=match.group(1).lower())
    return _start_tag(source, lt)


def tokenize(source: str) -> list[Token]:
    """Tokens covering ``source`` exactly, in order (text fills every gap)."""
    tokens: list[Token] = []
    pos = text_start = 0
    n = len(source)
    while pos < n:
        lt = source.find("<", pos)
        if lt == -1:
            break
        token = _markup_at(source, lt)
        if token is None:
            pos = lt + 1
            continue
        if lt > text_start:
            tokens.append(Token("text", text_start, lt))
        tokens.append(token)
        pos = text_start = token.end
        if token.kind == "start" and not token.self_closing and (
            token.name in RAW_TEXT or token.name in RCDATA or token.name == "plaintext"
        ):
            if token.name == "plaintext":
                stop = n
            else:
                end_tag = re.compile(r"</" + re.escape(token.name) + r"[\s/>]", re.IGNORECASE)
                close = end_tag.search(source, pos)
                stop = close.start() if close else n
            if stop > pos:
                kind = "text" if token.name in RCDATA else "rawtext"
                tokens.append(Token(kind, pos, stop))
            pos = text_start = stop
    if text_start < n:
        tokens.append(Token("text", text_start, n))
    return tokens


# ---------------------------------------------------------------- tree


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


def _last_token(node: Node) -> int:
    if node.end_tok is not None:
        return node.end_tok
    for child in reversed(node.children):
        return child if isinstance(child, int) else _last_token(child)
    assert node.start_tok is not None
    return node.start_tok


# ---------------------------------------------------------------- parser


@dataclass
class _Context:
    region: bool  # inside the article's content
    translate: bool  # not switched off by translate="no", notranslate, <code>...


class _HtmlParser:
    def __init__(self, source: str, refs: RefCounter | None = None, fragment: bool = False,
                 path: Path | str | None = None) -> None:
        self.source = source
        self.tokens = tokenize(source)
        self.root = build_tree(self.tokens)
        self.skeleton = Skeleton(source)
        self.refs = refs or RefCounter()
        self.fragment = fragment
        self.path = path
        self.mode = "fragment" if fragment else "body"
        self.content_roots: set[int] = set()
        self.filtered_units: list[Unit] = []  # units subject to the trafilatura check
        self.text_size: dict[int, int] = {}
        self.block_inside: dict[int, bool] = {}
        self.has_body = any(n.name == "body" for n in iter_nodes(self.root))
        self.region_size = 0

    # ------------------------------------------------------------ helpers

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
        return self.tokens[node.start_tok].start, self.tokens[_last_token(node)].end

    def _letters(self, node: Node) -> int:
        key = id(node)
        if key not in self.text_size:
            total = 0
            for child in node.children:
                if isinstance(child, Node):
                    total += self._letters(child)
                elif self.tokens[child].kind == "text":
                    token = self.tokens[child]
                    total += sum(ch.isalpha() for ch in self.source[token.start : token.end])
            self.text_size[key] = total
        return self.text_size[key]

    def has_block(self, node: Node) -> bool:
        """Whether a block element sits somewhere inside (``<a><h3>..</h3></a>`` is a container)."""
        key = id(node)
        if key not in self.block_inside:
            self.block_inside[key] = any(
                isinstance(child, Node)
                and (child.name in BLOCK or (child.name not in ATOMIC and self.has_block(child)))
                for child in node.children
            )
        return self.block_inside[key]

    def is_inline(self, child: Node | int) -> bool:
        if isinstance(child, int):
            return True  # text, comments, stray end tags
        if child.name in ATOMIC or (child.void and child.name not in BLOCK):
            return True
        if child.name in BLOCK:
            return False
        return not self.has_block(child)

    # ------------------------------------------------------------ regions

    def _looks_boilerplate(self, node: Node) -> bool:
        names = _BOILERPLATE_NAMES_ARTICLE if self.mode == "article" else _BOILERPLATE_NAMES_BODY
        if node.name in names:
            return True
        role = (self.attr(node, "role") or "").strip().lower()
        if role in _BOILERPLATE_ROLES and (
            self.mode != "article" or role not in {"banner", "contentinfo"}
        ):
            return True
        label = f"{self.attr(node, 'class') or ''} {self.attr(node, 'id') or ''}"
        if not _BOILERPLATE_WORD.search(label):
            return False
        # A wrapper named "has-sidebar" that holds most of the text is not boilerplate.
        return self.region_size == 0 or self._letters(node) < 0.5 * self.region_size

    def _find_content_roots(self) -> None:
        body = next((n for n in iter_nodes(self.root) if n.name == "body"), None)
        total = self._letters(body or self.root)
        candidates = []

        def visit(node: Node, blocked: bool) -> None:
            for child in node.children:
                if not isinstance(child, Node):
                    continue
                role = (self.attr(child, "role") or "").strip().lower()
                if child.name in ("article", "main") or role == "main":
                    if not blocked:
                        candidates.append(child)
                    continue  # nested roots are covered by the outer one
                label = f"{self.attr(child, 'class') or ''} {self.attr(child, 'id') or ''}"
                child_blocked = (
                    blocked
                    or child.name in _BOILERPLATE_NAMES_BODY
                    or role in _BOILERPLATE_ROLES
                    or (bool(_BOILERPLATE_WORD.search(label))
                        and self._letters(child) < 0.5 * total)
                )
                visit(child, child_blocked)

        visit(self.root, False)
        if candidates:
            self.mode = "article"
            self.content_roots = {id(node) for node in candidates}
            self.region_size = sum(self._letters(node) for node in candidates)
        else:
            self.region_size = total

    def child_context(self, node: Node, ctx: _Context) -> _Context:
        region, translate = ctx.region, ctx.translate
        starts_content = (self.mode == "article" and id(node) in self.content_roots) or (
            self.mode == "body" and node.name == "body"
        )
        if starts_content:
            region = True
        elif (
            region
            and node.name not in INLINE | ATOMIC | {"html", "body"}
            and self._looks_boilerplate(node)
        ):
            region = False
        flag = (self.attr(node, "translate") or "").strip().lower()
        if flag == "no":
            translate = False
        elif flag == "yes":
            translate = True
        classes = (self.attr(node, "class") or "").lower().split()
        if "notranslate" in classes or node.name in NEVER:
            translate = False
        return _Context(region, translate)

    # ------------------------------------------------------------ walking

    def parse(self) -> list[Part]:
        self._check_charset()
        self._find_content_roots()
        # Without <body> (a sloppy page or a fragment) the content starts at the top.
        ctx = _Context(region=self.fragment or (self.mode == "body" and not self.has_body),
                       translate=True)
        self.walk(self.root, ctx, "div")
        parts = self.skeleton.finish()
        if self.mode == "body" and not self.fragment:
            parts = self._second_opinion(parts)
        return parts

    def _check_charset(self) -> None:
        for token in self.tokens:
            if token.kind != "start" or token.name != "meta":
                continue
            values = {a.name: self.source[a.value_start : a.value_end] for a in token.attrs
                      if a.value_start >= 0}
            charset = values.get("charset")
            if charset is None and values.get("http-equiv", "").lower() == "content-type":
                match = _CHARSET_IN_CONTENT.search(values.get("content", ""))
                charset = match.group(1) if match else None
            if charset:
                check_html_charset(charset.strip().lower(), self.path)

    def walk(self, node: Node, ctx: _Context, kind: str) -> None:
        """Process a block's children: runs of inline content become units, blocks recurse."""
        run: list[Node | int] = []
        for child in node.children:
            if self.is_inline(child):
                run.append(child)
                continue
            self.flush(run, ctx, kind)
            run = []
            assert isinstance(child, Node)
            self.block(child, ctx)
        self.flush(run, ctx, kind)

    def block(self, node: Node, ctx: _Context) -> None:
        inner = self.child_context(node, ctx)
        self.start_tag_parts(node, inner)
        if node.name == "title":
            if inner.translate and not self.fragment:
                self.flush(list(node.children), _Context(True, True), "title")
            return
        if node.name in NEVER:
            return
        self.walk(node, inner, UNIT_KIND.get(node.name, "div"))

    def start_tag_parts(self, node: Node, ctx: _Context) -> None:
        """``<html lang>`` becomes a LangSlot; ``alt``/``title`` of content become units."""
        assert node.start_tok is not None
        token = self.tokens[node.start_tok]
        for attr in token.attrs:
            if attr.value_start < 0:
                continue
            if node.name == "html" and attr.name in ("lang", "xml:lang"):
                value = self.source[attr.value_start : attr.value_end]
                if value.strip():
                    self.skeleton.add(attr.value_start, attr.value_end, LangSlot(value))
            elif (
                attr.name in TRANSLATED_ATTRS
                and attr.quoted
                and ctx.region
                and ctx.translate
                and node.name not in ("html", "body", "link", "meta", "style", "script")
            ):
                builder = UnitBuilder(self.source)
                self.text_items(builder, attr.value_start, attr.value_end)
                built = builder.build(self.refs.next(f"{attr.name}-attr"), ESCAPE_HTML_ATTR,
                                      collapse_space=True)
                if built is None:
                    self.refs.counts[f"{attr.name}-attr"] -= 1
                else:
                    self.skeleton.add(*built)

    def literal(self, item: Node | int, ctx: _Context) -> None:
        """An inline item that stays literal: only its attributes may be translated."""
        if isinstance(item, int):
            return
        inner = self.child_context(item, ctx)
        self.start_tag_parts(item, inner)
        for child in item.children:
            self.literal(child, inner)

    def flush(self, run: list[Node | int], ctx: _Context, kind: str) -> None:
        if not run:
            return
        if not (ctx.region and ctx.translate):
            for item in run:
                self.literal(item, ctx)
            return
        builder = UnitBuilder(self.source)
        for item in run:
            self.run_items(builder, item, ctx)
        built = builder.build(self.refs.next(kind), ESCAPE_HTML, collapse_space=True,
                              trim_atomic=lambda markup: bool(_TRIM_ATOMIC.match(markup)))
        if built is None:
            self.refs.counts[kind] -= 1
            for item in run:
                self.literal(item, ctx)
            return
        start, end, unit = built
        for item in run:
            if self.item_span(item)[1] <= start:
                self.literal(item, ctx)
        self.skeleton.add(start, end, unit)
        if self.mode == "body" and kind != "title":
            self.filtered_units.append(unit)
        for item in run:
            if self.item_span(item)[0] >= end:
                self.literal(item, ctx)

    def item_span(self, item: Node | int) -> tuple[int, int]:
        if isinstance(item, int):
            return self.tokens[item].start, self.tokens[item].end
        return self.span(item)

    def run_items(self, builder: UnitBuilder, item: Node | int, ctx: _Context) -> None:
        if isinstance(item, int):
            token = self.tokens[item]
            if token.kind == "text":
                self.text_items(builder, token.start, token.end)
            else:
                builder.atomic(token.start, token.end)
            return
        inner = self.child_context(item, ctx)
        assert item.start_tok is not None
        start_token = self.tokens[item.start_tok]
        if item.void or item.name in ATOMIC or not (inner.translate and inner.region):
            builder.atomic(*self.span(item))
            return
        if item.end_tok is None:
            builder.atomic(start_token.start, start_token.end)
            for child in item.children:
                self.run_items(builder, child, inner)
            return
        pair = builder.open(start_token.start, start_token.end)
        for child in item.children:
            self.run_items(builder, child, inner)
        end_token = self.tokens[item.end_tok]
        builder.close(pair, end_token.start, end_token.end)

    def text_items(self, builder: UnitBuilder, start: int, end: int) -> None:
        """Text with character references decoded; plain stretches stay splittable."""
        pos = start
        for match in _CHAR_REF.finditer(self.source, start, end):
            decoded = html.unescape(match.group(0))
            if decoded == match.group(0):
                continue
            builder.text(pos, match.start())
            builder.text(match.start(), match.end(), decoded)
            pos = match.end()
        builder.text(pos, end)

    # ------------------------------------------------------------ trafilatura

    def _second_opinion(self, parts: list[Part]) -> list[Part]:
        """Without <article>/<main>, a block that trafilatura leaves out is boilerplate."""
        if not self.filtered_units:
            return parts
        try:
            import trafilatura
        except ImportError:  # pragma: no cover - trafilatura is a declared dependency
            return parts
        extracted = trafilatura.bare_extraction(
            self.source, include_comments=False, include_tables=True,
            with_metadata=True,
        )
        if not extracted:
            return parts
        text = getattr(extracted, "text", None) or ""
        title = getattr(extracted, "title", None) or ""
        if not text.strip():
            return parts
        haystack = _squeeze(f"{title}\n{text}")
        rejected = {id(unit) for unit in self.filtered_units
                    if _squeeze(_visible(unit)) not in haystack}
        if len(rejected) == len(self.filtered_units):
            return parts  # trafilatura found nothing we recognise: do not trust it
        out: list[Part] = []
        for part in parts:
            if isinstance(part, Unit) and id(part) in rejected:
                literal = part.raw or ""
                if out and isinstance(out[-1], str):
                    out[-1] += literal
                else:
                    out.append(literal)
            elif isinstance(part, str) and out and isinstance(out[-1], str):
                out[-1] += part
            else:
                out.append(part)
        return out


_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def _visible(unit: Unit) -> str:
    """The unit's text as a reader sees it: atomic codes replaced by their visible text."""
    from translator.document import CODE_RE

    def shown(match: re.Match[str]) -> str:
        if match.group(3) is None:  # paired code: markup only
            return ""
        markup = unit.codes.get(match.group(0), "")
        return " " + _ANY_TAG.sub(" ", _HIDDEN.sub(" ", markup)) + " "

    return CODE_RE.sub(shown, unit.text)


def _squeeze(text: str) -> str:
    """Whitespace-free, case-folded text: robust to how extractors lay lines out."""
    return re.sub(r"\s+", "", html.unescape(text)).casefold()


def parse_html(text: str, path: Path | str | None = None) -> list[Part]:
    """The skeleton parts of an HTML page (raises ``InputError`` for a non-UTF-8 charset)."""
    return _HtmlParser(text, path=path).parse()


def parse_html_fragment(text: str, refs: RefCounter | None = None) -> list[Part]:
    """Parts of an HTML snippet (e.g. a Markdown HTML block): no page-level boilerplate checks."""
    return _HtmlParser(text, refs=refs, fragment=True).parse()


def load_html(text: str, path: Path, relpath: Path) -> Document:
    return Document(path=path, relpath=relpath, format="html", parts=parse_html(text, path))
