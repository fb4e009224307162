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

Modules: ``elements`` (what each element is), ``tokens`` (tokenizer, character
references, declared charset), ``tree`` (element tree, ``Page``),
``boilerplate`` (article regions, translate on/off), ``trafilatura_check``
(second opinion on boilerplate), ``attributes`` (``lang``, ``alt``, ``title``),
``text_runs`` (the walk that makes units). Writing back is generic:
``translator.document.render``.
"""

from __future__ import annotations

from pathlib import Path

from translator.document import Document, Part
from translator.ingest.html.text_runs import TextRunWalker
from translator.ingest.units import RefCounter

__all__ = ["load_html", "parse_html", "parse_html_fragment"]


def parse_html(text: str, path: Path | str | None = None) -> list[Part]:
    """The skeleton parts of an HTML page (raises ``InputError`` for a non-UTF-8 charset)."""
    return TextRunWalker(text, path=path).parse()


def parse_html_fragment(text: str, refs: RefCounter | None = None) -> list[Part]:
    """Parts of an HTML snippet (e.g. a Markdown HTML block): no page-level boilerplate checks."""
    return TextRunWalker(text, refs=refs, fragment=True).parse()


def load_html(text: str, path: Path, relpath: Path) -> Document:
    return Document(path=path, relpath=relpath, format="html", parts=parse_html(text, path))
