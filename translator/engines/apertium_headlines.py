"""English title-case headlines given to Apertium in sentence case.

English news writes headlines in title case ("Facial Recognition Tech May Be Being Used
Against Russian Protestors"). Apertium carries each word's capital to its translation,
so the Spanish, which writes headlines in sentence case, comes out with capitals
scattered over it: "Tecnología de Reconocimiento facial Puede Ser Ser Utilizada Contra
ruso Protestors". A sentence in title case (nearly every word capitalised, a function
word too) goes to Apertium with the capital taken off each word its English analyser
knows in lower case and never as a name (the analyser already running for the compounds,
``apertium_compounds``): "Tecnología de reconocimiento facial puede ser ser utilizada
contra ruso protestors". The first word, names ("Moscow", "Navalny"), words in capitals
("U.S.", "CBS") and words with an inner capital ("YouTube") keep theirs: a name is what
the analyser reads as one in the headline as written ("China", not "porcelana"; "Salt
Lake City"), the word after a first name ("Justin Sun"), or a word the run's other
sentences write capitalised more often than not.

Measured with ``translate --engine apertium`` en->es against the code without it: 9 of
WMT19's 1,997 lines change and 32 of WMT20-21's 3,004, all of them headlines, every one
read: capitals where Spanish has none are gone ("Tomará "Cariz Duro" En" -> "tomará
"cariz duro" en"), names keep theirs; FLORES dev (no headlines) does not change. It
costs about 25 ms on 4,000 lines, most of it telling headlines from running text.
"""

from __future__ import annotations

import re
from collections import Counter

from translator.engines.apertium_analyser import UNIT, Analyser, AskedOnce
from translator.engines.apertium_mends import written_lower
from translator.engines.apertium_stream import escape

#: Bump when what is changed changes: it is part of the Apertium cache key.
HEADLINE_RULE = 1
_WORD = re.compile(r"[^\W\d_][\w'’]*")
#: Words title case capitalises and running text does not.
_SMALL = frozenset({"a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to",
                    "from", "by", "of", "in", "with", "as", "is", "are", "be", "was",
                    "after", "over", "against", "into", "about", "amid", "says", "say",
                    "may", "will", "can", "its", "his", "her", "their", "our"})
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]")
#: A headline has this many words at least, and this share of them capitalised.
MIN_WORDS, MIN_CAPITALISED = 4, 0.8


def title_case(sentence: str) -> bool:
    """Whether ``sentence`` is written in title case: nearly every word capitalised,
    among them a word running text writes in lower case ("Of", "May", "Against")."""
    if len(_LOWER_WORD.findall(sentence)) > (1 - MIN_CAPITALISED) * (sentence.count(" ") + 1):
        return False  # running text, told at C speed (most sentences of a run)
    words = _WORD.findall(sentence)
    if len(words) < MIN_WORDS:
        return False
    capitalised = [word for word in words if word[0].isupper()]
    return len(capitalised) >= MIN_CAPITALISED * len(words) and any(
        word.lower() in _SMALL for word in capitalised[1:])


class EnglishHeadlines:
    """Title-case sentences of English sources, sentence-cased for Apertium. A word keeps
    its capital where it may be a name: the analyser reads it, in the headline as written,
    as part of a name ("China", "Salt Lake City"), or the batch writes it capitalised
    inside a sentence ("Pence said..."). Others lose it where the analyser knows the word
    in lower case and never as a name (``written_lower``, asked once per word)."""

    def __init__(self, analyser: Analyser | None) -> None:
        self._analyser = analyser
        self._lower = AskedOnce(analyser, written_lower)
        #: each sentence changed, as Apertium was given it: the mends compare its output
        #: with that (a capital transfer leaks onto "Pide" is one the source lost)
        self.cased: dict[str, str] = {}

    def sentence_cased(self, chunks: list[list[str]]) -> list[list[str]]:
        """``chunks`` with each title-case sentence sentence-cased (see above)."""
        headlines = [(c, i) for c, chunk in enumerate(chunks)
                     for i, sentence in enumerate(chunk) if title_case(sentence)]
        if not headlines or self._analyser is None:
            return chunks
        titles = {chunks[c][i] for c, i in headlines}
        try:
            analyses = self._analyser.analyses([_as_stream(chunks[c][i]) for c, i in headlines])
        except OSError:  # the next question starts it again
            self._analyser.close()
            return chunks
        words = {w for sentence in titles for w in _WORD.findall(sentence)[1:]
                 if _plain_capital(w)}
        named = _named_inside([s for chunk in chunks for s in chunk if s not in titles], words)
        result = [list(chunk) for chunk in chunks]
        for (c, i), analysis in zip(headlines, analyses, strict=True):
            named_here = named | _names_in(analysis)
            words = [w for w in _WORD.finditer(chunks[c][i])][1:]
            candidates = [w for w in words if _plain_capital(w[0]) and w[0] not in named_here]
            lower = self._lower.answers(w[0].lower() for w in candidates)
            sentence = chunks[c][i]
            for word in reversed(candidates):
                if lower[word[0].lower()]:
                    sentence = sentence[:word.start()] + word[0].lower() + sentence[word.end():]
            result[c][i] = self.cased[chunks[c][i]] = sentence
        return result


def _as_stream(sentence: str) -> str:
    """A headline as the analyser reads it: one line, its stream characters escaped (an
    unescaped "@" or "$" stops lt-proc, and with it the compounds' questions)."""
    return escape(" ".join(sentence.splitlines()))


def _names_in(analysis: str) -> set[str]:
    """The words of a headline the analyser reads as (part of) a name, and the word after
    a first name ("Justin Sun": "Sun" is a surname here, not "sol")."""
    names: set[str] = set()
    after_first_name = False
    for surface, readings in UNIT.findall(analysis):
        if "<np>" in readings or after_first_name:
            names.update(surface.split())
        after_first_name = "<ant>" in readings
    return names


def _named_inside(sentences: list[str], words: set[str]) -> set[str]:
    """Those of ``words`` the ``sentences`` write capitalised more often than in lower
    case: names ("Pence"), not "In" or "Open" of a headline the test missed. Counted over
    blank-separated tokens, with a mark after the word or not (C-speed splits, a sentence
    at a time: one split of a 16,000-sentence run's text held 25 MB of tokens at once)."""
    if not words or not sentences:
        return set()
    tokens: Counter[str] = Counter()
    for sentence in sentences:
        tokens.update(sentence.split())

    def count(word: str) -> int:
        return sum(tokens[word + mark] for mark in _AFTER_WORD)

    return {word for word in words if count(word) > count(word.lower())}


#: What may follow a word in a blank-separated token.
_AFTER_WORD = ("", ",", ".", ":", ";", "'s", "’s", ")", '"', "”")


def _plain_capital(word: str) -> bool:
    """A capital on the first letter only ("Tech", not "CBS", "YouTube" or "tech")."""
    return word[0].isupper() and not any(char.isupper() for char in word[1:])
