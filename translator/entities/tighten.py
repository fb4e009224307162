"""Cut both sides of an aligned pair to exactly the name they share.

An extractor or a projected window may take in the next word ("Alyona Popova
Dice"), a possessive ("Russia's") or a neighbouring name: Spanish rules read
"crítico de Kremlin Alexei Navalny" as one run of capitals. A pair cut to the words
that match leaves the rest of the span for the other names of the sentence, and
marks exactly the name in a review catalog.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from translator.entities.model import AlignedPair, Mention
from translator.entities.similarity import similarity

_WORD = re.compile(r"[^\s,;:]+")
_POSSESSIVE = re.compile(r"['’]s?$")
CLOSE = 0.02  # similarities this close are a tie: more words win


def tightened(pair: AlignedPair) -> AlignedPair:
    """The pair with each side cut to its best-matching words: words at either edge are
    dropped while the two sides stay at least as similar, the target first."""
    if pair.target is None:
        return pair
    target = trimmed(pair.target, pair.source)
    source = trimmed(pair.source, target)
    if (source, target) == (pair.source, pair.target):
        return pair
    return AlignedPair(source, target, pair.score, pair.method)


def trimmed(mention: Mention, other: Mention) -> Mention:
    """The stretch of ``mention``'s words most like ``other``: of the runs within ``CLOSE``
    of the best, the one with the most words, then the shortest ("Russia" of "Russia's").
    A word that resembles the other side is kept: "George Malets" (0.967) for "Georgy
    Malets", not the surname alone (0.970); "Según" and "Dice" are dropped."""
    scored = [(similarity(other, run)[0], run) for run in word_runs(mention)]
    if not scored:
        return mention
    best = max(score for score, _ in scored)
    return max((run for score, run in scored if score >= best - CLOSE),
               key=lambda run: (len(run.text.split()), -len(run.text)))


@lru_cache(maxsize=4)
def edge_words(lang: str) -> frozenset[str]:
    """Words a name neither starts nor ends with: "el", "of", "в"."""
    from translator.entities.similarity import STOPWORDS

    if lang == "ru":
        return frozenset(STOPWORDS["ru"])
    from translator.entities.filters import FUNCTION_WORDS

    return frozenset(STOPWORDS[lang] | FUNCTION_WORDS[lang])


def is_edge_word(word: str, lang: str) -> bool:
    """A word a name neither starts nor ends with: a function word in lower case ("del",
    "of", "в"); a capital makes it the name's ("Las Vegas", "Al Pacino")."""
    return word.islower() and lang in ("ru", "en", "es") and word in edge_words(lang)


def word_runs(mention: Mention) -> list[Mention]:
    """Every run of ``mention``'s words, with and without a possessive ending ("Russia's"),
    that neither starts nor ends with a lower-case function word ("del Banco", "of
    Expression"; "Los Ángeles" and "Al Pacino" keep theirs)."""
    text = mention.text
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    normal_words = mention.normal.split()
    out = []

    def edge(number: int) -> bool:
        return is_edge_word(text[slice(*words[number])], mention.lang)

    for i in range(len(words)):
        if edge(i):
            continue
        for j in range(i, len(words)):
            if edge(j):
                continue
            a, b = words[i][0], words[j][1]
            ends = [b]
            possessive = _POSSESSIVE.search(text[a:b])
            if possessive and possessive.start() > 0:
                ends.append(a + possessive.start())
            for end in ends:
                if mention.normal == text:
                    normal = text[a:end]
                elif len(normal_words) == len(words):
                    normal = " ".join(normal_words[i:j + 1])
                else:
                    normal = mention.normal
                out.append(replace(mention, text=text[a:end], start=mention.start + a,
                                   end=mention.start + end, normal=normal))
    return out
