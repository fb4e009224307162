"""Split a unit's text into sentences for MT, losslessly.

sentencex (Wikimedia's rule-based splitter) finds the candidate boundaries on
the text with inline codes removed; the boundaries are then mapped back onto
the coded text and repaired:

* a boundary never falls inside a paired code ``<gN>``..``</gN>`` (MT must see
  both ends of a pair in one segment);
* a piece that starts with a lower-case letter or a digit continues the
  previous sentence: the split was after an abbreviation ("12 янв. 2021 г.",
  "5 p. m. today", "т. е. всё").

The pieces concatenate back to exactly the input; the whitespace between two
sentences stays at the end of the first piece. Closing codes right after a
sentence end go with that sentence; opening and atomic codes go with the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from translator.document import CODE_RE

# Punctuation that may open a sentence before its first letter.
_OPENERS = "\"'«»“”„‘’([{¿¡—–-*•·"
_SPACE = " \t\n\r\f\v\u00a0\u2009\u202f"


def _plain_with_map(text: str) -> tuple[str, Sequence[int]]:
    """The text without codes, and for each plain index its index in ``text`` (plus the end)."""
    if "<" not in text:  # no codes (most sentences): each index is its own
        return text, range(len(text) + 1)
    plain: list[str] = []
    index: list[int] = []
    pos = 0
    for match in CODE_RE.finditer(text):
        plain.append(text[pos:match.start()])
        index.extend(range(pos, match.start()))
        pos = match.end()
    plain.append(text[pos:])
    index.extend(range(pos, len(text) + 1))
    return "".join(plain), index


def _raw_boundaries(plain: str, lang: str) -> list[int]:
    """Sentence end offsets in ``plain`` found by sentencex (excluding 0 and the end)."""
    import sentencex

    ends = []
    # sentencex knows abbreviations for many languages and falls back to generic rules.
    for sentence in sentencex.get_sentence_boundaries(lang or "en", plain):
        end = sentence["end_index"]
        if 0 < end < len(plain):
            ends.append(end)
    return sorted(set(ends))


def _to_coded(pos: int, code_ending_at: dict[int, re.Match[str]]) -> int:
    """Move a boundary (the next sentence's first character) back over opening/atomic codes.

    Codes between two sentences are shared out so that closing codes end the
    first sentence and opening or atomic codes begin the next one.
    """
    while pos in code_ending_at and code_ending_at[pos].group(1) != "/":
        pos = code_ending_at[pos].start()
    return pos


def _inside_pair(text: str) -> list[tuple[int, int]]:
    """Spans strictly inside paired codes, from the end of ``<gN>`` to the start of ``</gN>``."""
    spans = []
    opened: dict[str, int] = {}
    for match in CODE_RE.finditer(text):
        closing, g_num, _ = match.groups()
        if g_num and not closing:
            opened[g_num] = match.end()
        elif g_num and g_num in opened:
            spans.append((opened.pop(g_num), match.start()))
    return spans


def _continues(piece: str) -> bool:
    """Whether a piece reads as the continuation of a sentence (lower case or digit first)."""
    stripped = CODE_RE.sub("", piece).lstrip(_SPACE + _OPENERS)
    if not stripped:
        return True  # only codes or punctuation: glue to the previous sentence
    first = stripped[0]
    return first.isdigit() or (first.isalpha() and first.islower())


def split_sentences(text: str, lang: str) -> list[str]:
    """Sentences of ``text`` in language ``lang``; ``"".join(result) == text``."""
    if not text:
        return []
    plain, plain_index = _plain_with_map(text)
    if not plain.strip():
        return [text]
    code_ending_at = {m.end(): m for m in CODE_RE.finditer(text)}
    protected = _inside_pair(text)
    cuts = []
    for boundary in _raw_boundaries(plain, lang):
        pos = _to_coded(plain_index[boundary], code_ending_at)
        if 0 < pos < len(text) and not any(a <= pos <= b for a, b in protected):
            cuts.append(pos)
    pieces: list[str] = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        piece = text[start:cut]
        if not piece:
            continue
        if pieces and (_continues(piece) or not pieces[-1].strip(_SPACE)):
            pieces[-1] += piece
        else:
            pieces.append(piece)
        start = cut
    return pieces
