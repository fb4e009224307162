"""TermMatcher.find against a plain reference implementation, on generated sentences.

``find`` turns lemmas into two-character codes, scans them with an Aho-Corasick
automaton and settles nested occurrences with a stack, so a slip in any of
those would move, drop or add matches. The reference below spells the rules
out the obvious way: every term tried at every word, then the longest
occurrence first, the earlier among equals. Sentences and terms are our own,
combined at random so that terms nest, cross, touch punctuation and change case.
"""

from __future__ import annotations

import random
import re
from itertools import product

import pytest

from glossary import matching
from glossary.matching import TermMatch, TermMatcher
from glossary.model import Concept, Term, fold
from glossary.morphology import PIECE_RE, WORD_RE

SENTENCES = 300

# (text, case_sensitive, dnt) per concept; a concept may have several terms.
GLOSSARIES = {
    "en": [
        [("court", False, False)], [("district court", False, False)],
        [("Tverskoy District Court", False, False)], [("court order", False, False)],
        [("order", False, False), ("protection order", False, False)],
        [("facial recognition", False, False)], [("recognition camera", False, False)],
        [("facial recognition camera", False, False)], [("e-mail", False, False)],
        [("email address", False, False)],
        [("human rights", False, False)], [("rights defender", False, False)],
        [("defender", False, False)], [("US", True, False)], [("Telegram", False, True)],
        [("NATO", True, True)], [("lawyer", False, False)], [("policy", False, False)],
        [("Memorial", False, True)], [("memorial", False, False)],
        [("Court", True, False)], [("train", False, False)],
    ],
    "es": [
        [("abogado", False, False)], [("derechos humanos", False, False)],
        [("defensor de derechos humanos", False, False)], [("defensor", False, False)],
        [("cámara de reconocimiento facial", False, False)],
        [("reconocimiento facial", False, False)], [("tribunal", False, False)],
        [("tribunal supremo", False, False)], [("orden de protección", False, False)],
        [("protección", False, False)], [("Telegram", False, True)], [("ONU", True, False)],
        [("correo-e", False, False)], [("protección de datos", False, False)],
        # "llegado" has the lemmas "llegar" (a form of "llegada") and "llegado" (this term's).
        [("llegada", False, False)], [("llegados", False, False)],
    ],
    "ru": [
        [("суд", False, False)], [("районный суд", False, False)],
        [("Тверской районный суд", False, False)], [("распознавание лиц", False, False)],
        [("права человека", False, False)], [("правозащитник", False, False)],
        [("защита прав человека", False, False)], [("защита", False, False)],
        [("Telegram", False, True)], [("НАТО", True, False)], [("лицо", False, False)],
        [("суд присяжных", False, False)],
    ],
}

# Pieces of sentences: term words in several forms and cases, other words, punctuation.
FRAGMENTS = {
    "en": ["court", "courts", "Court", "COURT", "district", "District", "Tverskoy", "order",
           "orders", "protection", "facial", "Facial", "recognition", "camera", "cameras",
           "e-mail", "email", "emails", "address", "human", "rights", "defender", "defenders", "US",
           "us", "Telegram", "telegram", "NATO", "Nato", "lawyer", "lawyers", "policy",
           "policies", "Memorial", "memorials", "train", "training", "trains", "the",
           "said", "a", "new", "on", "Monday", "and", "of", ",", ".", ";", "—", "(", ")",
           "'", "3", "don't", "district court order", "human rights defender",
           "Facial-Recognition cameras", "Tverskoy district court"],
    "es": ["abogado", "abogadas", "abogados", "Abogada", "derechos", "derecho", "humanos",
           "humanas", "defensor", "defensoras", "defensores", "de", "las", "cámara",
           "cámaras", "reconocimiento", "facial", "faciales", "tribunal", "tribunales",
           "Tribunal", "supremo", "Supremo", "orden", "órdenes", "protección",
           "protecciones", "Telegram", "TELEGRAM", "ONU", "Onu", "correo", "e", "correoe",
           "el", "y", "dijo", "nuevo", ",", ".", ";", "—", "(", ")", "2024",
           "órdenes de protección de datos", "defensoras de derechos humanos",
           "cámaras de reconocimiento facial", "llegado", "llegada", "llegadas"],
    "ru": ["суд", "суда", "суде", "Суд", "районный", "районного", "районном", "Тверской",
           "Тверского", "распознавание", "распознавания", "распознаванием", "лиц", "лицо",
           "лица", "права", "прав", "правах", "человека", "людей", "правозащитник",
           "правозащитники", "правозащитников", "защита", "защиты", "защите", "Telegram",
           "Телеграм", "НАТО", "Нато", "в", "и", "о", "заявил", "новый", ",", ".", ";",
           "—", "(", ")", "2024", "районного суда присяжных", "защиты прав человека",
           "Тверского районного суда", "распознаванием лиц"],
}
JOINERS = [" "] * 8 + ["-", " - ", ", ", ". ", " — ", "\n"]


def sentences(fragments: list[str], rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        words = rng.choices(fragments, k=rng.randint(1, 24))
        text = words[0]
        for word in words[1:]:
            text += rng.choice(JOINERS) + word
        out.append(text)
    return out


def concepts_of(lang: str, glossary: list[list[tuple[str, bool, bool]]]) -> list[Concept]:
    statuses = ["preferred", "admitted", "deprecated"]
    return [Concept(f"c{i}", terms=[Term(lang, text, statuses[(i + j) % 3],
                                         case_sensitive=cs, dnt=dnt)
                                    for j, (text, cs, dnt) in enumerate(terms)])
            for i, terms in enumerate(glossary, start=1)]


def accepts(term: Term, surface: str, tokens: list[str], words: list[str]) -> bool:
    """Do-not-translate terms appear exactly (case aside unless flagged); case-sensitive
    terms have the same capitals as the glossary on each word's shared stem."""
    if term.dnt:
        if term.case_sensitive:
            return (re.sub(r"[\s-]+", " ", surface).strip()
                    == re.sub(r"[\s-]+", " ", term.text).strip())
        return fold(surface) == fold(term.text)
    if term.case_sensitive:
        return all(a.isupper() == b.isupper()
                   for token, word in zip(tokens, words, strict=False)
                   for a, b in zip(token, word, strict=False))
    return True


def reference(matcher: TermMatcher, concepts: list[Concept], lang: str, text: str):
    """Matches of ``text`` found the slow way, and every occurrence considered (spans)."""
    terms = [(c.id, t) for c in concepts for t in c.terms if t.lang == lang]
    used = {matcher.key(w) for _, t in terms for w in WORD_RE.findall(t.text)}
    # Each term by its words' lemmas; "e-mail" also as the one word "email". Order matters:
    # when terms share lemmas, the first that accepts the occurrence is the match.
    patterns = []
    for concept_id, term in terms:
        words = WORD_RE.findall(term.text)
        patterns.append((tuple(matcher.key(w) for w in words), term, concept_id, words))
        glued = term.text.replace("-", "")
        if (len(words) > 1 and "-" in term.text and len(WORD_RE.findall(glued)) == 1
                and matcher.key(glued) in used):
            patterns.append(((matcher.key(glued),), term, concept_id, [glued]))
    pieces = [(m.start(), m.end(), m.group()) for m in PIECE_RE.finditer(text)]
    keys = [matcher.key(p) if WORD_RE.fullmatch(p) else None for _, _, p in pieces]
    occurrences = []  # (first piece, last piece, term, concept id)
    for first in range(len(pieces)):
        accepted: dict[int, tuple] = {}
        for lemmas, term, concept_id, words in patterns:
            last = first + len(lemmas) - 1
            if last in accepted or tuple(keys[first:last + 1]) != lemmas:
                continue
            surface = text[pieces[first][0]:pieces[last][1]]
            tokens = [p[2] for p in pieces[first:last + 1]]
            if accepts(term, surface, tokens, words):
                accepted[last] = (first, last, term, concept_id)
        occurrences.extend(accepted.values())
    taken: set[int] = set()
    chosen = []
    for first, last, term, concept_id in sorted(occurrences, key=lambda o: (o[0] - o[1], o[0])):
        if taken.isdisjoint(range(first, last + 1)):
            taken.update(range(first, last + 1))
            start, end = pieces[first][0], pieces[last][1]
            chosen.append(TermMatch(start, end, text[start:end], term, concept_id))
    return sorted(chosen, key=lambda m: m.start), [(o[0], o[1]) for o in occurrences]


def crossing(spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < b[0] <= a[1] < b[1] for a, b in product(spans, spans))


def nested(spans: list[tuple[int, int]]) -> bool:
    return any(a != b and a[0] <= b[0] and b[1] <= a[1] for a, b in product(spans, spans))


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_find_agrees_with_the_reference(lang):
    concepts = concepts_of(lang, GLOSSARIES[lang])
    matcher = TermMatcher.from_concepts(concepts, lang)
    texts = sentences(FRAGMENTS[lang], random.Random(lang), SENTENCES)
    found = crossed = nests = 0
    for text in texts:
        expected, spans = reference(matcher, concepts, lang, text)
        assert matcher.find(text) == expected, text
        found += len(expected)
        crossed += crossing(spans)
        nests += nested(spans)
    # The sentences really exercise the matcher: many matches, nested and crossing terms.
    assert found > SENTENCES
    assert crossed > 10 and nests > 10


@pytest.mark.slow
def test_large_glossary_agrees_with_the_reference():
    """Thousands of lemmas: longer code alphabets, hits of every length everywhere."""
    rng = random.Random(7)
    syllables = ["ba", "ko", "ti", "ru", "me", "sa", "lo", "vi", "ne", "du"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=4)) for _ in range(3000)})
    glossary = [[(" ".join(rng.choices(vocabulary, k=rng.choice([1, 1, 2, 3]))), False, False)]
                for _ in range(2500)]
    concepts = concepts_of("en", glossary)
    matcher = TermMatcher.from_concepts(concepts, "en")
    words = [w for terms in glossary[:300] for t, _, _ in terms for w in t.split()]
    texts = sentences([*words, ",", "."], rng, 150)
    found = 0
    for text in texts:
        expected, _ = reference(matcher, concepts, "en", text)
        assert matcher.find(text) == expected, text
        found += len(expected)
    assert found > 150


def test_a_cold_cache_gives_the_same_matches():
    concepts = concepts_of("en", GLOSSARIES["en"])
    matcher = TermMatcher.from_concepts(concepts, "en")
    texts = sentences(FRAGMENTS["en"], random.Random(1), 50)
    warm = [matcher.find(t) for t in texts]
    matcher.clear_cache()
    assert [matcher.find(t) for t in texts] == warm


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
@pytest.mark.parametrize("scan_up_to", [0, matching.SCAN_UP_TO])
def test_one_concepts_matcher_agrees_with_the_reference(lang, scan_up_to, monkeypatch):
    """A matcher of one concept's terms (how a translation is checked for a concept) looks
    them up word by word; with ``scan_up_to`` 0 it builds an automaton: both find what the
    reference finds, including a term inside a longer term of the same concept."""
    monkeypatch.setattr(matching, "SCAN_UP_TO", scan_up_to)
    concepts = concepts_of(lang, GLOSSARIES[lang])
    concepts.append(Concept("c99", terms=[Term(lang, t, "admitted") for t in
                                          {"en": ["court", "district court"],
                                           "es": ["tribunal", "tribunal supremo"],
                                           "ru": ["суд", "районный суд"]}[lang]]))
    texts = sentences(FRAGMENTS[lang], random.Random(lang + "alone"), 120)
    found = 0
    for concept in concepts:
        matcher = TermMatcher.from_concepts([concept], lang)
        for text in texts:
            expected, _ = reference(matcher, [concept], lang, text)
            assert matcher.find(text) == expected, (concept.id, text)
            found += len(expected)
    assert found > len(texts)


@pytest.mark.parametrize("lang", ["en", "es", "ru"])
def test_may_hold_is_false_only_where_find_finds_nothing_of_the_concept(lang):
    """Enforcement asks ``may_hold`` before scanning a sentence for one concept's terms."""
    concepts = concepts_of(lang, GLOSSARIES[lang])
    matcher = TermMatcher.from_concepts(concepts, lang)
    texts = sentences(FRAGMENTS[lang], random.Random(lang + "hold"), 150)
    skipped = 0
    for text in texts:
        found = {m.concept_id for m in matcher.find(text)}
        for concept in concepts:
            holds = matcher.may_hold(concept.id, text)
            assert holds or concept.id not in found, (concept.id, text)
            skipped += not holds
    assert skipped > len(texts)  # and it does rule most concepts out
