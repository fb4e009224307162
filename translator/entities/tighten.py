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

from translator.entities.model import AlignedPair, Mention
from translator.entities.similarity import similarity

_WORD = re.compile(r"[^\s,;:]+")
_POSSESSIVE = re.compile(r"['’]s?$")


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
    """The stretch of ``mention``'s words most similar to ``other``; the shortest on a tie."""

    def rank(candidate: Mention) -> tuple[float, int]:
        return similarity(other, candidate)[0], -len(candidate.text)

    best = max(word_runs(mention), key=rank, default=mention)
    return best if rank(best) > rank(mention) else mention


def word_runs(mention: Mention) -> list[Mention]:
    """Every run of ``mention``'s words, with and without a possessive ending ("Russia's")."""
    text = mention.text
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    normal_words = mention.normal.split()
    out = []
    for i in range(len(words)):
        for j in range(i, len(words)):
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
