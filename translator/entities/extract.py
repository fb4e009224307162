"""One entry point for extraction in any of the three languages.

Russian: natasha plus rules (``extract_ru``); English: spaCy's NER cleaned and
retyped (``extract_en_spacy``); Spanish: rules (``extract_latin``), since no
Spanish model with an acceptable licence runs without torch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from translator.core.languages import check_language
from translator.entities.model import Mention


def extract(text: str, lang: str, segment: int = 0, gazetteer: Iterable[str] = ()) -> list[Mention]:
    """Entity mentions in ``text`` written in ``lang`` (ru, en or es), in text order.

    ``gazetteer`` lists names known to be entities (a glossary's terms, say); it
    rescues names the extractor would miss or doubt.
    """
    lang = check_language(lang)
    if not text.strip():
        return []
    (found,) = extract_many([text], lang, gazetteer)
    return [replace(m, segment=segment) for m in found]


def _folded(gazetteer: Iterable[str]) -> set[str]:
    from translator.entities.gazetteer import fold

    return {fold(name) for name in gazetteer}


def _names_only(found: list[Mention], listed: set[str]) -> list[Mention]:
    """Without the mentions that are a common noun's abbreviation ("NGO", "CCTV",
    ``filters.COMMON_ABBREVIATIONS``), unless the gazetteer (``listed``, folded) has one."""
    from translator.entities.filters import COMMON_ABBREVIATIONS
    from translator.entities.gazetteer import fold

    return [m for m in found if m.text not in COMMON_ABBREVIATIONS or fold(m.text) in listed]


def load_models(lang: str) -> None:
    """Load what extraction in ``lang`` reads, so the first article pays no start-up.

    The models and dictionaries are loaded lazily and kept for the process;
    loading them here makes that cost visible as start-up (the progress bar
    and the speed benchmark count only extraction after it).
    """
    lang = check_language(lang)
    if lang == "ru":
        from translator.entities.extract_ru import _natasha
        from translator.entities.russian_morph import analyzer

        _natasha()
        analyzer()
        return
    from translator.entities import filters
    from translator.entities.russian_morph import analyzer

    analyzer()  # Russian names written in Latin letters are recognised through it
    filters.warm(lang)
    if lang == "en":
        from translator.entities.extract_en_spacy import english_ner

        english_ner()


def extract_many(segments: list[str], lang: str,
                 gazetteer: Iterable[str] = ()) -> list[list[Mention]]:
    """Mentions of each segment, numbered by segment; each model runs over one batch."""
    lang = check_language(lang)
    names = tuple(gazetteer)
    if lang == "ru":
        from translator.entities.extract_ru import extract_ru_many

        found = extract_ru_many(list(segments))
    elif lang == "en":
        from translator.entities.extract_en_spacy import extract_en_many
        from translator.entities.lexicon import dictionary_typed

        found = dictionary_typed(segments, extract_en_many(list(segments), names), lang)
    else:
        from translator.entities.extract_latin import extract_latin, places_typed
        from translator.entities.filters import is_boilerplate_line
        from translator.entities.lexicon import dictionary_typed

        found = places_typed(segments, dictionary_typed(segments, [
            [] if is_boilerplate_line(segment, lang)
            else extract_latin(segment, lang, index, names)
            for index, segment in enumerate(segments)], lang))
    from translator.entities.abbreviations import defined_abbreviations

    listed = _folded(names)
    return defined_abbreviations(list(segments), [_names_only(mentions, listed)
                                                  for mentions in found], lang)


def extract_segments(segments: list[str], lang: str,
                     gazetteer: Iterable[str] = ()) -> list[Mention]:
    """Mentions of every segment (line/paragraph) of a document, in document order."""
    return [m for found in extract_many(segments, lang, gazetteer) for m in found]


def extract_by_passage(segments: list[str], lang: str,
                       gazetteer: Callable[[str], Iterable[str]] = lambda lang: ()
                       ) -> list[list[Mention]]:
    """``extract_many`` for a document in ``lang`` whose lines may be in another of ru/en/es
    (an English quote in a Russian article): each line is read in its own language, as
    ``translate`` reads its paragraphs, so "English version: How Authorities Use
    Cameras" yields no Russian-rule organisations. ``gazetteer``: known names by language."""
    from translator.langdetect import passage_language

    langs = [passage_language(segment, lang) for segment in segments]
    found: list[list[Mention]] = [[] for _ in segments]
    for each in dict.fromkeys(langs):  # the others blanked: segment numbers stay
        only = [segment if own == each else "" for segment, own in zip(segments, langs,
                                                                         strict=True)]
        for index, mentions in enumerate(extract_many(only, each, gazetteer(each))):
            found[index] += mentions
    return found

