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
An image's alt text and the titles of images, links and reference definitions
are translated as HTML's ``alt``/``title`` are: ``CodeSlot``s of the code they
sit in, or units of their own (``slots``).

Modules: ``syntax`` (patterns and small scanners), ``blocks`` (block
structure), ``tables`` (GFM tables), ``spans`` (code spans, brackets, link
destinations), ``inline`` (inline tokens), ``pairing`` (emphasis, tag and
link pairs), ``slots`` (alt text and titles). Writing back is generic:
``translator.document.render``.
"""

from __future__ import annotations

from pathlib import Path

from translator.document import Document, Part
from translator.ingest.markdown.blocks import BlockScanner

__all__ = ["load_markdown", "parse_markdown"]


def parse_markdown(text: str) -> list[Part]:
    """The skeleton parts of a Markdown article."""
    return BlockScanner(text).parse()


def load_markdown(text: str, path: Path, relpath: Path) -> Document:
    scanner = BlockScanner(text)
    parts = scanner.parse()
    return Document(path=path, relpath=relpath, format="md", parts=parts, notes=scanner.notes)
