"""The walk over an HTML page that turns each run of inline content into one unit.

Block elements delimit units; a run of text and inline elements inside a block
is one unit. Inline elements with content become paired codes, while ``<br>``,
``<img>``, ``<code>``, ``<script>`` and the like are atomic codes. Unit text is
decoded (entities become characters, whitespace runs one space). What is not
translated is left on the skeleton literally, byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from translator.core.reading import check_html_charset
from translator.document import ESCAPE_HTML, Part, Unit
from translator.ingest.html.attributes import add_attribute_parts, slot_units, translated_attrs
from translator.ingest.html.boilerplate import ContentRegions, Context
from translator.ingest.html.elements import ATOMIC, NEVER, UNIT_KIND
from translator.ingest.html.tokens import Attr, add_decoded_text, declared_charsets
from translator.ingest.html.trafilatura_check import drop_units_trafilatura_rejects
from translator.ingest.html.tree import Node, Page
from translator.ingest.units import RefCounter, Skeleton, UnitBuilder

_TRIM_ATOMIC = re.compile(
    r"<!--|<(?:br|img|wbr|hr|input|source|track|embed|script|style|noscript|template|svg|"
    r"iframe|video|audio|picture|object|canvas|map)\b",
    re.IGNORECASE,
)


class TextRunWalker:
    """Parses one page (or a fragment, such as a Markdown HTML block) into skeleton parts."""

    def __init__(self, source: str, refs: RefCounter | None = None, fragment: bool = False,
                 path: Path | str | None = None) -> None:
        self.page = Page(source)
        self.skeleton = Skeleton(source)
        self.refs = refs or RefCounter()
        self.fragment = fragment
        self.path = path
        self.trafilatura_candidates: list[Unit] = []  # units subject to the trafilatura check
        self.run_attrs: list[Attr] = []  # alt/title values inside the run being built

    def parse(self) -> list[Part]:
        for charset in declared_charsets(self.page.source, self.page.tokens):
            check_html_charset(charset, self.path)
        self.regions = ContentRegions(self.page, self.fragment)
        # Without <body> (a sloppy page or a fragment) the content starts at the top.
        body_mode = self.regions.mode == "body"
        ctx = Context(region=self.fragment or (body_mode and not self.page.has_body),
                      translate=True)
        self.walk(self.page.root, ctx, "div")
        parts = self.skeleton.finish()
        if body_mode and not self.fragment:
            parts = drop_units_trafilatura_rejects(self.page.source, parts,
                                                   self.trafilatura_candidates)
        return parts

    def _attributes(self, node: Node, ctx: Context) -> None:
        assert node.start_tok is not None
        add_attribute_parts(self.page.tokens[node.start_tok], ctx, self.skeleton, self.refs)

    def walk(self, node: Node, ctx: Context, kind: str) -> None:
        """Process a block's children: runs of inline content become units, blocks recurse."""
        run: list[Node | int] = []
        for child in node.children:
            if self.page.is_inline(child):
                run.append(child)
                continue
            self.flush(run, ctx, kind)
            run = []
            assert isinstance(child, Node)
            self.block(child, ctx)
        self.flush(run, ctx, kind)

    def block(self, node: Node, ctx: Context) -> None:
        inner = self.regions.child_context(node, ctx)
        self._attributes(node, inner)
        if node.name == "title":
            if inner.translate and not self.fragment:
                self.flush(list(node.children), Context(True, True), "title")
            return
        if node.name in NEVER:
            return
        self.walk(node, inner, UNIT_KIND.get(node.name, "div"))

    def literal(self, item: Node | int, ctx: Context) -> None:
        """An inline item that stays literal: only its attributes may be translated."""
        if isinstance(item, int):
            return
        inner = self.regions.child_context(item, ctx)
        self._attributes(item, inner)
        for child in item.children:
            self.literal(child, inner)

    def atomic_attrs(self, item: Node, ctx: Context) -> None:
        """The translatable attributes inside an atomic code (``<img alt>``, ``<picture>``)."""
        inner = self.regions.child_context(item, ctx)
        assert item.start_tok is not None
        self.run_attrs.extend(translated_attrs(self.page.tokens[item.start_tok], inner))
        for child in item.children:
            if isinstance(child, Node):
                self.atomic_attrs(child, inner)

    def flush(self, run: list[Node | int], ctx: Context, kind: str) -> None:
        if not run:
            return
        if not (ctx.region and ctx.translate):
            for item in run:
                self.literal(item, ctx)
            return
        builder = UnitBuilder(self.page.source)
        self.run_attrs = []
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
            if self.page.item_span(item)[1] <= start:
                self.literal(item, ctx)
        slot_units(unit, start, builder.code_spans, self.run_attrs, self.page.source, self.refs)
        self.skeleton.add(start, end, unit)
        if self.regions.mode == "body" and kind != "title":
            self.trafilatura_candidates.append(unit)
        for item in run:
            if self.page.item_span(item)[0] >= end:
                self.literal(item, ctx)

    def run_items(self, builder: UnitBuilder, item: Node | int, ctx: Context) -> None:
        if isinstance(item, int):
            token = self.page.tokens[item]
            if token.kind == "text":
                add_decoded_text(builder, self.page.source, token.start, token.end)
            else:
                builder.atomic(token.start, token.end)
            return
        inner = self.regions.child_context(item, ctx)
        assert item.start_tok is not None
        start_token = self.page.tokens[item.start_tok]
        if item.void or item.name in ATOMIC or not (inner.translate and inner.region):
            builder.atomic(*self.page.span(item))
            self.atomic_attrs(item, ctx)
            return
        self.run_attrs.extend(translated_attrs(start_token, inner))
        if item.end_tok is None:
            builder.atomic(start_token.start, start_token.end)
            for child in item.children:
                self.run_items(builder, child, inner)
            return
        pair = builder.open(start_token.start, start_token.end)
        for child in item.children:
            self.run_items(builder, child, inner)
        end_token = self.page.tokens[item.end_tok]
        builder.close(pair, end_token.start, end_token.end)
