"""How the automaton of ``glossary.matching`` reads lemmas: two characters each.

A text is scanned as one string, a code per word or punctuation mark; these are the
codes, and the two fillers that stand for everything no term uses.
"""

from __future__ import annotations

import math

#: Each lemma the glossary uses becomes a two-character code, and a text is scanned as the
#: string of its pieces' codes: these two characters, doubled, stand for the other pieces.
UNKNOWN = "\x01"  # a word no term contains
BARRIER = "\x02"  # punctuation between words, so no term spans "court, Moscow"
_FIRST_CODE = 0x100


def lemma_codes(count: int) -> list[str]:
    """Two-character codes for ``count`` lemmas, first and second characters drawn from two
    disjoint alphabets of about sqrt(count) characters each.

    pyahocorasick finds a character by scanning a trie node's children one by one, so one
    character per lemma (thousands of children under the root) costs microseconds per word;
    two small alphabets keep every node small, and since a pattern starts with a first
    character, a match starts where a code starts. Two characters also make a position in
    the scanned string equal the index of the same piece in ``PIECES_AND_GAPS_RE.split``'s
    [gap, piece, gap, ...]: a match's first character is at its first piece's gap (whose
    end is where the piece starts) and its last at its last piece.
    """
    base = max(1, math.isqrt(max(count - 1, 0)) + 1)
    return [chr(_FIRST_CODE + number // base) + chr(_FIRST_CODE + base + number % base)
            for number in range(count)]
