"""One entry point for extraction in any of the three languages.

Russian: natasha plus rules (``extract_ru``); English: spaCy's NER cleaned and
retyped (``extract_en_spacy``); Spanish: rules (``extract_latin``), since no
Spanish model with an acceptable licence runs without torch.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

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
    if lang == "ru":
        from translator.entities.extract_ru import extract_ru

        return _names_only(extract_ru(text, segment), gazetteer)
    (found,) = extract_many([text], lang, gazetteer)
    return [_renumber(m, segment) for m in found]


def _names_only(found: list[Mention], gazetteer: Iterable[str]) -> list[Mention]:
    """Without the mentions that are a common noun's abbreviation ("NGO", "CCTV",
    ``filters.COMMON_ABBREVIATIONS``), unless the gazetteer lists one as a name."""
    from translator.entities.filters import COMMON_ABBREVIATIONS
    from translator.entities.gazetteer import fold

    listed = {fold(name) for name in gazetteer}
    return [m for m in found if m.text not in COMMON_ABBREVIATIONS or fold(m.text) in listed]


def _renumber(mention: Mention, segment: int) -> Mention:
    return Mention(mention.text, mention.type, mention.start, mention.end, mention.lang,
                   mention.normal, segment, mention.origin)


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

        found = extract_en_many(list(segments), names)
    else:
        from translator.entities.extract_latin import extract_latin
        from translator.entities.filters import is_boilerplate_line

        found = _places_alike([_listed_places(segment, [] if is_boilerplate_line(
            segment, lang) else extract_latin(segment, lang, index, names))
            for index, segment in enumerate(segments)])
    return [_names_only(mentions, names) for mentions in found]


#: What joins the members of a list: "Edimburgo y Glasgow", "Berlín, Colonia, Hamburgo".
_LIST_JOINT = re.compile(r"\s*(?:,|\by\b|\be\b|\bo\b)\s*|\s*,\s*(?:y|e|o)\s+")


def _listed_places(segment: str, mentions: list[Mention]) -> list[Mention]:
    """A name listed beside a place ("Edimburgo y Glasgow", with "Edimburgo" a place) is a
    place too, where its shape alone made it a person; a Russian name ("Popova y Rusia")
    stays a person."""
    from translator.entities.names import is_russian_name

    mentions = list(mentions)
    changed = True
    while changed:
        changed = False
        for i, (first, second) in enumerate(itertools.pairwise(mentions)):
            if {first.type, second.type} != {"LOC", "PER"} or not _LIST_JOINT.fullmatch(
                    segment[first.end:second.start]):
                continue
            k = i if first.type == "PER" else i + 1
            person = mentions[k]
            if person.origin == "gazetteer" or len(person.text.split()) > 1 \
                    or is_russian_name(person.text):
                continue
            mentions[k] = Mention(person.text, "LOC", person.start, person.end, person.lang,
                                  person.normal, person.segment, person.origin)
            changed = True
    return mentions


def _places_alike(found: list[list[Mention]]) -> list[list[Mention]]:
    """A name the rules call a place somewhere in the document ("en Quebec") is a place
    wherever its shape alone made it a person ("el sistema sanitario de Quebec")."""
    places = {m.text for mentions in found for m in mentions if m.type == "LOC"}
    return [[Mention(m.text, "LOC", m.start, m.end, m.lang, m.normal, m.segment, m.origin)
             if m.type == "PER" and m.text in places and m.origin != "gazetteer" else m
             for m in mentions] for mentions in found]


def extract_segments(segments: list[str], lang: str,
                     gazetteer: Iterable[str] = ()) -> list[Mention]:
    """Mentions of every segment (line/paragraph) of a document, in document order."""
    return [m for found in extract_many(segments, lang, gazetteer) for m in found]
