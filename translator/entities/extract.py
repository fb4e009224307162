"""One entry point for extraction in any of the three languages."""

from __future__ import annotations

from collections.abc import Iterable

from translator.core.languages import check_language
from translator.entities.model import Mention


def extract(text: str, lang: str, segment: int = 0, gazetteer: Iterable[str] = ()) -> list[Mention]:
    """Entity mentions in ``text`` written in ``lang`` (ru, en or es), in text order.

    ``gazetteer`` lists names known to be entities (a glossary's terms, say); it
    rescues sentence-initial names in English and Spanish.
    """
    lang = check_language(lang)
    if not text.strip():
        return []
    if lang == "ru":
        from translator.entities.extract_ru import extract_ru

        return extract_ru(text, segment)
    from translator.entities.extract_latin import extract_latin

    return extract_latin(text, lang, segment, gazetteer)


def extract_many(segments: list[str], lang: str,
                 gazetteer: Iterable[str] = ()) -> list[list[Mention]]:
    """Mentions of each segment, numbered by segment; Russian runs as one natasha batch."""
    lang = check_language(lang)
    if lang == "ru":
        from translator.entities.extract_ru import extract_ru_many

        return extract_ru_many(list(segments))
    names = tuple(gazetteer)
    return [extract(segment, lang, index, names) for index, segment in enumerate(segments)]


def extract_segments(segments: list[str], lang: str,
                     gazetteer: Iterable[str] = ()) -> list[Mention]:
    """Mentions of every segment (line/paragraph) of a document, in document order."""
    return [m for found in extract_many(segments, lang, gazetteer) for m in found]
