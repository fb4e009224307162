"""How likely two mentions, in any of ru/en/es, name the same entity (0..1).

Three kinds of evidence, the best one wins:
- names: Jaro-Winkler between folded romanisations, with the surname required
  to match well too (a shared first name is not the same person);
- words: organisations and places as bags of concepts ("суд" = "court" =
  "tribunal") and romanised proper words ("Тверского" ~ "Tverskoy");
- the gazetteer: one CLDR country code ("Китае" = "China").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from translator.entities.gazetteer import fold, territory_code
from translator.entities.institutions import concept_of
from translator.entities.model import Mention
from translator.entities.transliterate import has_cyrillic, latin_key, name_keys

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
STOPWORDS = {
    "ru": {"и", "в", "на", "по", "с", "для", "от", "при", "за", "из", "к", "о", "об", "против"},
    "en": {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "v", "vs", "s"},
    "es": {"de", "del", "la", "las", "los", "el", "y", "en", "para", "por", "a", "al", "contra"},
}
# Russian relational adjectives from names: Стэнфордский -> Стэнфорд, Бразильский -> Бразиль.
_RU_ADJ = re.compile(r"(ск|ск|ьск|цк)(ий|ой|ая|ое|ие)$")


@dataclass(frozen=True)
class Features:
    keys: frozenset[str]  # folded romanisations of the whole name
    last: frozenset[str]  # folded romanisations of its last word
    words: tuple[frozenset[str], ...]  # per content word: concept ids and folded keys
    territory: str | None
    exact: str  # folded text, for names copied across scripts unchanged
    single: bool


def _word_lemma(word: str, lang: str) -> str:
    if lang == "ru" and has_cyrillic(word):
        from translator.entities.russian_morph import lemma

        return lemma(word)
    from glossary.morphology import dictionary_lemma

    return dictionary_lemma(word, lang) if lang in ("en", "es") else word.lower()


@lru_cache(maxsize=65536)
def word_features(word: str, lang: str) -> frozenset[str]:
    """Concept id and folded romanisations for one word."""
    low = word.lower()
    base = _word_lemma(word, lang)
    feats: set[str] = set()
    concept = concept_of(base, lang) or concept_of(low, lang)
    if concept:
        feats.add("C:" + concept)
    if lang == "ru" and has_cyrillic(word):
        stem = _RU_ADJ.sub("", base)
        for form in {base, stem}:
            feats |= {k for k in name_keys(form.capitalize(), "ru")}
    else:
        feats.add(latin_key(word))
        feats.add(latin_key(base))
    feats.discard("")
    return frozenset(feats)


@lru_cache(maxsize=65536)
def _features(text: str, normal: str, lang: str) -> Features:
    # "США (НБА)": a bracketed abbreviation is a second name, not part of this one
    normal = re.sub(r"\s*\([^)]*\)", "", normal).strip() or normal
    text = re.sub(r"\s*\([^)]*\)", "", text).strip() or text
    words = [w for w in _WORD.findall(normal) if w.lower() not in STOPWORDS.get(lang, ())]
    if not words:
        words = _WORD.findall(normal) or [normal]
    keys = name_keys(normal, lang) | name_keys(text, lang)
    last = name_keys(words[-1], lang)
    code = territory_code(normal, lang) or territory_code(text, lang)
    if code is None and lang == "ru" and len(words) == 1:
        code = territory_code(_word_lemma(words[0], lang), lang)
    return Features(
        keys=keys, last=last,
        words=tuple(word_features(w, lang) for w in words),
        territory=code, exact=fold(text), single=len(words) == 1,
    )


def features(mention: Mention) -> Features:
    return _features(mention.text, mention.normal, mention.lang)


def _jw(a: str, b: str) -> float:
    from rapidfuzz.distance import JaroWinkler

    return JaroWinkler.similarity(a, b)


def _best(a: frozenset[str], b: frozenset[str]) -> float:
    return max((_jw(x, y) for x in a for y in b), default=0.0)


def _word_match(a: frozenset[str], b: frozenset[str], strict: bool = False) -> float:
    if a & b:
        return 1.0
    ca = {x for x in a if x.startswith("C:")}
    cb = {x for x in b if x.startswith("C:")}
    if ca and cb:
        return 0.0  # two different institution words
    ka, kb = a - ca, b - cb
    if not ka or not kb:
        return 0.0
    score = max((_jw(x, y) for x in ka for y in kb if not strict or _comparable(x, y)),
                default=0.0)
    return score if score >= 0.84 else 0.0


def _comparable(x: str, y: str) -> bool:
    """A word is not a spelling of a longer word it starts: "Face" is not "Facebook" nor
    "Inter" "Interfax", though Jaro-Winkler rewards the shared start."""
    short, long = sorted((x, y), key=len)
    return not long.startswith(short) or len(short) >= 0.8 * len(long)


def name_score(fa: Features, fb: Features) -> float:
    """Whole-name similarity with the surname held to a high bar."""
    full = _best(fa.keys, fb.keys)
    surname = _best(fa.last, fb.last)
    if fa.single != fb.single:
        # "Ovechkin" against "Alex Ovechkin": only the surname can speak.
        return surname * 0.97 if surname >= 0.9 else 0.0
    if surname < 0.8:
        return min(full, surname)
    return full


def words_score(fa: Features, fb: Features, strict: bool = False) -> float:
    """Soft Dice over content words: concepts must be equal, proper words close.

    ``strict`` (for corpus clusters, where no sentence pairs the forms): a word never
    matches a longer word it starts, and a lone proper word inside a longer name
    must match near-exactly."""
    if not fa.words or not fb.words:
        return 0.0
    used: set[int] = set()
    total = 0.0
    matches: list[float] = []
    proper = False
    for wa in fa.words:
        best, best_j = 0.0, -1
        for j, wb in enumerate(fb.words):
            if j in used:
                continue
            s = _word_match(wa, wb, strict)
            if s > best:
                best, best_j = s, j
        if best_j >= 0:
            used.add(best_j)
            total += best
            matches.append(best)
            proper = proper or not any(x.startswith("C:") for x in wa & fb.words[best_j])
    dice = 2 * total / (len(fa.words) + len(fb.words))
    # One name inside the other: "Universidad de Stanford" within "Stanford University
    # School of Medicine", "ВМС" within "US Navy". Every word of the shorter must match.
    shorter = min(len(fa.words), len(fb.words))
    strong = sorted(matches, reverse=True)[:shorter]
    if (len(fa.words) != len(fb.words) and total >= max(shorter - 0.2 * shorter, 0.84)
            and (not strict or not proper or shorter > 1 or strong[0] >= 0.93)):
        dice = max(dice, 0.9 if proper else 0.85)
    return dice if proper or dice >= 0.99 else dice * 0.9


def similarity(a: Mention, b: Mention, strict: bool = False) -> tuple[float, str]:
    """Score and the evidence that gave it: "exact", "gazetteer", "name" or "words"."""
    fa, fb = features(a), features(b)
    if fa.exact and fa.exact == fb.exact:
        return 1.0, "exact"
    if fa.territory and fa.territory == fb.territory:
        return 1.0, "gazetteer"
    if fa.territory and fb.territory:
        return 0.0, "gazetteer"
    n = name_score(fa, fb)
    w = words_score(fa, fb, strict)
    return (n, "name") if n >= w else (w, "words")
