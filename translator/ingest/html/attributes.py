"""Attribute values that are parts of their own: ``<html lang>`` and ``alt``/``title`` text.

``<html lang="ru">`` becomes a ``LangSlot`` (written as the target language);
quoted ``alt`` and ``title`` values of content elements become units, escaped
as attribute values when a translation is written.
"""

from __future__ import annotations

from translator.document import ESCAPE_HTML_ATTR, LangSlot
from translator.ingest.html.boilerplate import Context
from translator.ingest.html.elements import TRANSLATED_ATTRS
from translator.ingest.html.tokens import Token, add_decoded_text
from translator.ingest.units import RefCounter, Skeleton, UnitBuilder

_NO_TEXT_ATTRS = ("html", "body", "link", "meta", "style", "script")


def add_attribute_parts(token: Token, ctx: Context, skeleton: Skeleton, refs: RefCounter) -> None:
    """Place the LangSlot and attribute units of one start tag on the skeleton."""
    source = skeleton.source
    for attr in token.attrs:
        if attr.value_start < 0:
            continue
        if token.name == "html" and attr.name in ("lang", "xml:lang"):
            value = source[attr.value_start : attr.value_end]
            if value.strip():
                skeleton.add(attr.value_start, attr.value_end, LangSlot(value))
        elif (
            attr.name in TRANSLATED_ATTRS
            and attr.quoted
            and ctx.region
            and ctx.translate
            and token.name not in _NO_TEXT_ATTRS
        ):
            builder = UnitBuilder(source)
            add_decoded_text(builder, source, attr.value_start, attr.value_end)
            kind = f"{attr.name}-attr"
            built = builder.build(refs.next(kind), ESCAPE_HTML_ATTR, collapse_space=True)
            if built is None:
                refs.counts[kind] -= 1
            else:
                skeleton.add(*built)
