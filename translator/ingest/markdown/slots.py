"""Image alt text and link titles: slots in their block's codes, or units of their own.

In ``![alt](src "title")`` and ``[text](url "title")`` the alt text and the titles
are translated, as HTML's ``alt`` and ``title`` are (a screen reader reads them in
the article's language); the URL never. One that lies inside its block's unit sits
in one of that unit's codes and hangs on it as a ``CodeSlot``, the HTML parser's
mechanism. One outside it (an image alone in its paragraph, a link that is the whole
paragraph and whose markup stays outside the unit) is a unit of its own on the
skeleton. A reference definition's title (``[id]: url "title"``) is a unit of its
own too: every use of the definition shows it. Alt text that is the reference's
label (``![label][]``, ``![label]``) stays, or the image would lose its definition;
so does alt text (or a title) that is only a file name or a URL. Raw HTML tags in a
paragraph (``<img alt="...">``, ``<abbr title="...">``) get their quoted ``alt`` and
``title`` translated the HTML parser's way (``html.attributes.attribute_unit``:
character references decoded, the value written back escaped), unless the value runs
over a quote's or list's line marks.

The text is decoded only of the escapes written back on output
(``document.MD_ESCAPED``): ``\\[`` and ``\\]`` in alt text, the title's delimiter,
and ``\\\\``; others (``\\*``) go to MT as the paragraphs' do. Code spans in alt text
are atomic codes. Units are named as HTML's (``alt-attr1``, ``title-attr1``).
"""

from __future__ import annotations

import re

from translator.document import ESCAPE_MD_ALT, MD_ESCAPED, MD_TITLE_ESCAPES, Unit
from translator.ingest.html.attributes import attribute_unit
from translator.ingest.html.tokens import Attr
from translator.ingest.markdown.spans import LogicalText
from translator.ingest.markdown.syntax import REF_DEF
from translator.ingest.units import RefCounter, Skeleton, UnitBuilder, hang_in_code

Built = tuple[int, int, Unit]

# Only a file name: one word with an extension, or any text ending in an image's one.
_FILE_NAME = re.compile(
    r"[^\s]+\.[A-Za-z0-9]{2,5}|.*\.(?:png|jpe?g|gif|svg|webp|bmp|ico|tiff?|avif)", re.I | re.S)


def slot_unit(logical: LogicalText, opener: str, start: int, end: int,
              refs: RefCounter) -> Built | None:
    """The alt text (opener ``[``) or title (opener ``"``, ``'``, ``(``) between logical
    ``start`` and ``end`` as a unit with its source span (None: nothing to translate); an
    inline HTML tag's ``alt`` or ``title`` value (opener ``<alt``, ``<title``) too."""
    text = logical.text
    if _FILE_NAME.fullmatch(text[start:end].strip()):
        return None
    if opener.startswith("<"):  # an inline HTML tag's alt or title: HTML, not Markdown
        return _attribute_unit(logical, opener[1:], start, end, refs)
    escape = ESCAPE_MD_ALT if opener == "[" else MD_TITLE_ESCAPES[opener]
    decoded = MD_ESCAPED[escape] + "\\"
    builder = UnitBuilder(logical.source)
    run = pos = start
    while pos < end:
        span_end = logical.code_spans.get(pos, -1) if opener == "[" else -1
        if text[pos] == "\\" and pos + 1 < end and text[pos + 1] in decoded:
            logical.add_text(builder, run, pos)
            builder.text(logical.to_source(pos), logical.to_source(pos + 2), text[pos + 1])
            run = pos = pos + 2
        elif text[pos] == "\\":
            pos = min(pos + 2, end)
        elif start < span_end <= end:
            logical.add_text(builder, run, pos)
            builder.atomic(logical.to_source(pos), logical.to_source(span_end))
            run = pos = span_end
        else:
            pos += 1
    logical.add_text(builder, run, end)
    kind = "alt-attr" if opener == "[" else "title-attr"
    built = builder.build(refs.next(kind), escape, collapse_space=True)
    if built is None:
        refs.counts[kind] -= 1
    return built


def _attribute_unit(logical: LogicalText, name: str, start: int, end: int,
                    refs: RefCounter) -> Built | None:
    """The value of an inline HTML tag's attribute ``name``: character references decoded,
    written back escaped as an attribute value, as in an HTML article. A value that runs
    over the marks of a quote's or list's lines stays as it is."""
    first, last = logical.to_source(start), logical.to_source(end)
    if last - first != end - start:
        return None
    return attribute_unit(logical.source, Attr(name, first, last, quoted=True), refs)


def add_block(skeleton: Skeleton, host: Built | None, code_spans: dict[str, tuple[int, int]],
              slots: list[Built]) -> None:
    """Place a block's unit and its alt/title units: inside one of its codes, a unit's
    slot; outside the unit, a part of its own, in source order."""
    parts = [] if host is None else [host]
    for start, end, unit in slots:
        if host is not None and hang_in_code(host[2], host[0], code_spans, start, end, unit):
            continue
        if host is None or end <= host[0] or start >= host[1]:
            parts.append((start, end, unit))
    for part in sorted(parts, key=lambda built: built[0]):
        skeleton.add(*part)


def add_definition_title(skeleton: Skeleton, start: int, end: int, refs: RefCounter) -> None:
    """The title of the link reference definition on ``source[start:end]``, as a unit."""
    match = REF_DEF.match(skeleton.source, start, end)
    if match is None or match.group(2) is None or match.group(1).startswith("^"):
        return
    first, last = match.span(2)
    logical = LogicalText(skeleton.source, [(first, last)], [])
    built = slot_unit(logical, skeleton.source[first], 1, last - first - 1, refs)
    if built is not None:
        skeleton.add(*built)
