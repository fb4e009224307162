"""Attribute values that are parts of their own: ``<html lang>`` and ``alt``/``title`` text.

``<html lang="ru">`` becomes a ``LangSlot`` (written as the target language);
quoted ``alt`` and ``title`` values of content elements become units, escaped
as attribute values when a translation is written. Those of an element inside
a run of text (``<img alt>`` or ``<a title>`` mid-sentence) sit in one of that
run's codes: ``slot_units`` hangs them on the run's unit as ``CodeSlot``s.
"""

from __future__ import annotations

from translator.document import ESCAPE_HTML_ATTR, LangSlot, Unit
from translator.ingest.html.boilerplate import Context
from translator.ingest.html.elements import TRANSLATED_ATTRS
from translator.ingest.html.tokens import Attr, Token, add_decoded_text
from translator.ingest.units import RefCounter, Skeleton, UnitBuilder, hang_in_code

_NO_TEXT_ATTRS = ("html", "body", "link", "meta", "style", "script")


def translated_attrs(token: Token, ctx: Context) -> list[Attr]:
    """The attributes of one start tag whose values are text to translate."""
    if not (ctx.region and ctx.translate) or token.name in _NO_TEXT_ATTRS:
        return []
    return [attr for attr in token.attrs
            if attr.name in TRANSLATED_ATTRS and attr.quoted and attr.value_start >= 0]


def attribute_unit(source: str, attr: Attr, refs: RefCounter) -> tuple[int, int, Unit] | None:
    """The value of ``attr`` as a unit with its source span (None: no words in it)."""
    builder = UnitBuilder(source)
    add_decoded_text(builder, source, attr.value_start, attr.value_end)
    kind = f"{attr.name}-attr"
    built = builder.build(refs.next(kind), ESCAPE_HTML_ATTR, collapse_space=True)
    if built is None:
        refs.counts[kind] -= 1
        return None
    return built


def add_attribute_parts(token: Token, ctx: Context, skeleton: Skeleton, refs: RefCounter) -> None:
    """Place the LangSlot and attribute units of one start tag on the skeleton."""
    source = skeleton.source
    if token.name == "html":
        for attr in token.attrs:
            if attr.name in ("lang", "xml:lang") and attr.value_start >= 0:
                value = source[attr.value_start : attr.value_end]
                if value.strip():
                    skeleton.add(attr.value_start, attr.value_end, LangSlot(value))
    for attr in translated_attrs(token, ctx):
        built = attribute_unit(source, attr, refs)
        if built is not None:
            skeleton.add(*built)


def slot_units(host: Unit, host_start: int, code_spans: dict[str, tuple[int, int]],
               attrs: list[Attr], source: str, refs: RefCounter) -> None:
    """Hang the values of ``attrs`` that lie inside the host's codes on it as slots (one
    outside the unit is written literally, its attributes added there)."""
    for attr in attrs:
        if not any(first <= attr.value_start and attr.value_end <= last
                   for first, last in code_spans.values()):
            continue
        built = attribute_unit(source, attr, refs)
        if built is not None:
            hang_in_code(host, host_start, code_spans, *built)
