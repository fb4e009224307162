"""Apertium's output mended where its transfer leaves marks the source does not have.

**Blanks of dropped words.** Transfer drops the words the other language does without
("he said" -> "dijo", '"We will appeal"' -> '"Apelaremos"') but keeps the blanks on
either side of them, so the output has two blanks in a row, a blank after an opening
quote or bracket ('" Apelaremos,"'), or one before a comma or a closing quote ("una
víctima ,"). Each is closed up unless the source itself writes a blank there. Straight
quotes open and close in turn; the ambiguous apostrophe is left alone.

**The capital after a copied opening word.** Transfer capitalises the first chunk a
rule translates after a sentence starts. Words it does not know (most names) pass
through no rule, so in a sentence that opens with one the capital lands on the next
word: "Koroteev said the ruling was unfair" -> "Koroteev Dijo el gobernante...", and
from Spanish "Sobyanin Did not answer". A fragment that opens in lower case (the rest
of a list item after its code: "(to clone this repository)") gets a capital too. So
the first word after the opening words a translation copied from its source, or the
first word of a fragment's translation, loses a capital that is only at its first
letter ("Dijo" -> "dijo", "Y" -> "y"; "OTAN" stays) when the source word there is in
lower case and the target language writes the word in lower case: Apertium's own
analyser of that language knows it in lower case, never as a name
(``LowerCaseWords``). So "Viena", a name transfer moved up ("Rangers host Rapid
Vienna" -> "Rangers Viena Rápida"), and English "Russian" or "November" keep theirs.

**The capital of a dropped opening word.** Transfer drops a subject the target
language does without, and the capital it held goes with it: "He was staying in the
team hotel" gives "se quedaba en el hotel de equipo", "There were no delays" "había
no retrasos", and from Spanish "Se dice que..." "says that...". Where the source opens
with a capital and the translation's first word is in lower case, that word gets one.

**Capitals copied onto the words transfer made.** Transfer gives every word it makes of
one source word, or of a phrase it reads as one, that word's capitals: "NATO" gives
"DE LA OTAN", and a sentence opening "Gracias a" or "Pese a" (read as capitals) gives
"THANKS TO", "IN SPITE OF". The opening run is written as a sentence opens ("Thanks
to"); elsewhere the words transfer adds are lowered beside the capitals they came with
("de la OTAN"). Acronyms it translates ("ONU", "PIB") and capitals the source writes
keep theirs.

**One spelling of a name.** A name Apertium's dictionary has in two cases comes out with
both: "released on YouTube" gives "encima YouTube/Youtube". The output keeps the
source's spelling.

**The opening question mark.** Spanish opens a question with "¿", which Apertium
never writes ("Why not?" -> "Por qué no?"). From English, a question whose first word
is a question word ("why", "did", "can"...) gets one where it starts: at the start of
the sentence, or just inside its last opening quote ('She asked: "Will it stay?"').
A question that starts inside a sentence without a quote is left as it is: where it
starts is not known.

Measured with ``apertium -u`` on real news (sentences changed): WMT19 English into
Spanish, the capital in 119 of 1,997 and the blanks at marks in 93; the first 3,000
WMT13 Spanish sentences into English, 47 and 53. FLORES dev: 42 and 27 of 997
into Spanish, 22 and 27 into English. The question mark: 19 of the 43 WMT19 questions
(the others start inside a sentence, or with a word that is not a question word).
The dropped opening capital (``translate``, against the code without it): 14 of the
1,997 WMT19 sentences, 9 of FLORES dev's 997, 4 of the first 3,000 WMT13 Spanish ones
into English, every change a capital restored. The copied capitals: 9 of WMT19's 1,997
sentences ("de la OTAN" 6 times), 3 of FLORES dev, 4 of WMT20-21's 3,004, and 11 of
the 3,000 WMT13 Spanish ones into English ("Thanks to", "Regarding", "In spite of").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from translator.engines.apertium_analyser import UNIT, AskedOnce, mode_analyser

#: Bump when what is mended changes: it is part of the Apertium cache key.
MEND_RULE = 4
_BLANKS = re.compile(r"[ \t]{2,}")
#: A blank before a mark that closes what comes before it (after a word), and after
#: one that opens what follows it (at the start or after a blank); group 1 is the mark.
_BEFORE_CLOSING = re.compile(r" ([,.;:!?)\]}»”])")
_AFTER_OPENING = re.compile(r"([(\[{«“¿¡]) ")
#: English words a question opens with ("Why ...?", "Did you ...?").
QUESTION_WORDS = frozenset({
    "what", "who", "whom", "whose", "why", "how", "when", "where", "which",
    "is", "are", "was", "were", "am", "do", "does", "did", "has", "have", "had",
    "can", "could", "will", "would", "shall", "should", "may", "might", "must",
    # the part before the apostrophe of "isn't", "don't", "won't"...
    "isn", "aren", "wasn", "weren", "don", "doesn", "didn", "hasn", "haven", "hadn",
    "couldn", "won", "wouldn", "shouldn"})
#: A question's last mark, before any closing quotes or brackets.
_ASKS = re.compile(r"\?[\"”’'»)\]]*\s*$")
#: What may stand before a question's first word: opening quotes and brackets.
_OPENERS = "\"“‘'«(["
_TOKEN = re.compile(r"\S+")
#: A token's word: what is left once leading and trailing punctuation are taken off.
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")


def mend_all(sources: Sequence[str], outputs: Sequence[str],
             lower_case: LowerCaseWords | None = None, spanish: bool = False) -> list[str]:
    """Apertium's output for each of ``sources``, its blanks and first capital mended
    (without ``lower_case`` no capital is changed), and, from English into Spanish
    (``spanish``), its questions opened with "¿"."""
    mended = [close_up(source, one_spelling(source, tidy(output))) for source, output in zip(
        sources, outputs, strict=True)]
    if spanish:
        mended = [open_question(source, output) for source, output in zip(
            sources, mended, strict=True)]
    mended = [opening_capital(source, output) for source, output in zip(
        sources, mended, strict=True)]
    added = _ADDED_WORDS["es" if spanish else "en"]
    mended = [capitals_copied(source, output, added) for source, output in zip(
        sources, mended, strict=True)]
    leaks = [leaked_capital(source, output) for source, output in zip(
        sources, mended, strict=True)]
    lower = lower_case.answers(leak[0] for leak in leaks if leak) if lower_case else {}
    return [output[:leak.start()] + output[leak.start()].lower() + output[leak.start() + 1:]
            if leak and lower.get(leak[0]) else output
            for output, leak in zip(mended, leaks, strict=True)]


def tidy(output: str) -> str:
    """Each line with its runs of blanks made one, and trimmed."""
    if "\n" not in output.strip():  # a sentence is one line
        return _BLANKS.sub(" ", output).strip()
    return "\n".join(_BLANKS.sub(" ", line).strip() for line in output.strip().split("\n"))


#: Two spellings of one word, as Apertium writes a name its dictionary has twice.
_TWO_SPELLINGS = re.compile(r"(?<![\w/])([^\W\d_][\w'’-]*)/([^\W\d_][\w'’-]*)(?![\w/])")


def one_spelling(source: str, output: str) -> str:
    """``output`` with one spelling where Apertium wrote both of a name its dictionary has
    in two cases ("YouTube" gives "YouTube/Youtube"): the source's, else the first."""
    if "/" not in output:
        return output

    def chosen(found: re.Match[str]) -> str:
        first, second = found[1], found[2]
        if first.lower() != second.lower() or found[0] in source:
            return found[0]
        return second if second in source and first not in source else first

    return _TWO_SPELLINGS.sub(chosen, output)


def opening_capital(source: str, output: str) -> str:
    """``output`` with a capital on its first word where ``source`` opens with one and
    the translation opens in lower case (the word that held it was dropped). Only
    where nothing but marks stands before either first word."""
    first, said = _WORD.search(source), _WORD.search(output)
    if first is None or said is None or not first[0][0].isupper() \
            or not said[0][0].islower() or _before_words(source[:first.start()]) \
            or _before_words(output[:said.start()]):
        return output
    return output[:said.start()] + said[0][0].upper() + output[said.start() + 1:]


#: Words transfer adds around a translated word ("NATO" -> "de la OTAN"), by language.
_ADDED_WORDS = {
    "es": frozenset({"a", "al", "con", "de", "del", "el", "en", "la", "las", "lo", "los",
                     "para", "por", "se", "un", "una", "y"}),
    "en": frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "it", "of", "on",
                     "that", "the", "to", "with"}),
}
#: A word in capitals this short may be an acronym transfer translated ("UN" -> "ONU").
ACRONYM_LETTERS = 4
_TWO_CAPITALS = re.compile("[A-ZÀ-ÖØ-ÞА-ЯЁ]{2}")
_CAPITALS = re.compile(r"\b[^\W\d_a-zà-ÿ]{2,}\b")


def capitals_copied(source: str, output: str, added: frozenset[str]) -> str:
    """``output`` without the capitals transfer copied from one source word, or a phrase it
    reads as one, onto every word it made of it: "NATO" gives "DE LA OTAN", and an opening
    "Gracias a" or "A pesar de" "THANKS TO", "IN SPITE of". The words it opens with in
    capitals the source does not write are written as a sentence opens, where the source's
    first word has no capital past its first letter ("Thanks to", "In spite of"); elsewhere
    only the words transfer adds (``added``) are lowered: "de la OTAN". Acronyms it
    translates ("UN" -> "ONU", "U.S." -> "EE.UU."), short words that are no added word,
    keep their capitals."""
    if not _TWO_CAPITALS.search(output):  # most outputs: told at C speed
        return output
    written = set(_WORD.findall(source))
    first = _WORD.search(output)
    opens = first.start() if first is not None else -1
    opening = _TOKEN.search(source)
    as_sentence = opening is not None and not any(c.isupper() for c in opening[0][1:])
    lowered: dict[int, str] = {}
    for run in _runs_of_capitals(output):
        at_start = run[0].start() == opens
        if at_start and as_sentence:  # up to a word the source has, or an acronym
            kept = next((n for n, word in enumerate(run) if word[0] in written or (
                len(word[0]) <= ACRONYM_LETTERS and word[0].lower() not in added)), len(run))
            lowered.update((word.start(), word[0]) for word in run[:kept])
        lowered.update((word.start(), word[0]) for word in run if word[0] not in written
                       and word[0].lower() in added and (at_start or len(run) > 1))
    for start, word in sorted(lowered.items(), reverse=True):
        text = word[0] + word[1:].lower() if start == opens else word.lower()
        output = output[:start] + text + output[start + len(word):]
    return output


def _runs_of_capitals(output: str) -> list[list[re.Match[str]]]:
    """The words in capitals of ``output``, in runs of those only blanks keep apart (what
    transfer made of one source word: "DE LA OTAN")."""
    runs: list[list[re.Match[str]]] = []
    for word in _CAPITALS.finditer(output):
        if not word[0][0].isupper():
            continue
        if runs and not output[runs[-1][-1].end():word.start()].strip():
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _before_words(text: str) -> bool:
    """Whether ``text`` holds a letter, a digit or an inline code's mark."""
    return any(char.isalnum() or char in "<>" for char in text)


def close_up(source: str, output: str) -> str:
    """``output`` without the blanks at marks that ``source`` never has (see above)."""
    for blank in (_BEFORE_CLOSING, _AFTER_OPENING):
        if blank.search(output):
            kept = {found[1] for found in blank.finditer(source) if _at_mark(found)}
            output = blank.sub(partial(_closed, kept), output)
    return _close_up_straight_quotes(source, output) if '"' in output else output


def _closed(kept: set[str], found: re.Match[str]) -> str:
    """A blank-and-mark match as the mend leaves it: the mark alone, unless the source
    writes the blank there too (``kept``) or the mark is not where it closes or opens."""
    return found[1] if found[1] not in kept and _at_mark(found) else found[0]


def _at_mark(found: re.Match[str]) -> bool:
    """Whether a blank-and-mark match stands where the mark closes (after a word) or
    opens (at the start or after a blank)."""
    start, text = found.start(), found.string
    if found.re is _AFTER_OPENING:
        return start == 0 or text[start - 1].isspace()
    return start > 0 and not text[start - 1].isspace()


def _quote_blanks(text: str) -> tuple[list[int], list[int]]:
    """Positions of the blanks inside straight quotes: after each opening one (1st,
    3rd...; at the start or after a blank) and before each closing one (not before a
    letter); none when the quotes do not pair up."""
    quotes = [m.start() for m in re.finditer('"', text)]
    if len(quotes) % 2:
        return [], []
    after = [q + 1 for q in quotes[::2]
             if text[q + 1:q + 2] == " " and (q == 0 or text[q - 1].isspace())]
    before = [q - 1 for q in quotes[1::2]
              if q and text[q - 1] == " " and not text[q + 1:q + 2].isalnum()]
    return after, before


def _close_up_straight_quotes(source: str, output: str) -> str:
    after, before = _quote_blanks(output)
    kept_after, kept_before = _quote_blanks(source)
    drop = (after if not kept_after else []) + (before if not kept_before else [])
    for position in sorted(drop, reverse=True):
        output = output[:position] + output[position + 1:]
    return output


def open_question(source: str, output: str) -> str:
    """``output`` with the "¿" Spanish opens a question with, which Apertium never
    writes, where the English ``source`` opens its question with a question word: at the
    start ("Why not?" -> "¿Por qué no?") or just inside its last opening quote ('He
    said: "Are you coming?"' -> 'Dijo: "¿Estás viniendo?"')."""
    if "¿" in output or not _ASKS.search(source) or not _ASKS.search(output):
        return output
    if _question_word_at(source, 0):
        return _insert_after_openers(output, 0)
    quotes = _opening_quotes(source)
    if quotes and _question_word_at(source, quotes[-1] + 1):
        kind = source[quotes[-1]]
        ours = [q for q in _opening_quotes(output) if output[q] == kind]
        theirs = [q for q in quotes if source[q] == kind]
        if len(ours) == len(theirs):
            return _insert_after_openers(output, ours[-1] + 1)
    return output


def _question_word_at(text: str, position: int) -> bool:
    word = _WORD.search(text, position)
    if word is None or text[position:word.start()].strip(_OPENERS + " "):
        return False
    return re.split("['’]", word[0].lower())[0] in QUESTION_WORDS


def _insert_after_openers(text: str, position: int) -> str:
    while position < len(text) and (text[position] in _OPENERS or text[position] == " "):
        position += 1
    return text[:position] + "¿" + text[position:]


def _opening_quotes(text: str) -> list[int]:
    """Where quotes open: “ and «, and every other straight quote (1st, 3rd...)."""
    straight = [m.start() for m in re.finditer('"', text)][::2]
    return sorted(straight + [m.start() for m in re.finditer("[“«]", text)])


def leaked_capital(source: str, output: str) -> re.Match[str] | None:
    """The word of ``output`` that may hold a capital transfer gave it where the source
    has none (see above): the first word after the opening words it copied, or the first
    word of a fragment, a source that opens in lower case ("(to clone it)" gives
    "(Para clonarlo)"); None when there is none."""
    opening = _TOKEN.search(source)
    if opening is None:
        return None
    if not output.startswith(opening[0]):  # most translations: nothing copied
        if source[opening.start()].isupper():  # most sources open with a capital
            return None
        first = _WORD.search(opening[0])
        if first is None or not first[0].islower():
            return None
        return _title_word(source, output, _TOKEN.search(output))
    for word, token in zip(_TOKEN.finditer(source), _TOKEN.finditer(output), strict=False):
        if word[0] != token[0]:  # the first word not copied
            next_word = _WORD.search(word[0])  # past a bracket or quote before it
            if next_word is None or not next_word[0][:1].islower():
                return None
            return _title_word(source, output, token)
    return None  # all copied, or nothing follows


def _title_word(source: str, output: str, token: re.Match[str] | None) -> re.Match[str] | None:
    """The word of ``token`` if it is capitalised at its first letter only and the source
    does not have it as written."""
    if token is None:
        return None
    word = _WORD.search(output, token.start(), token.end())
    if word is None or not word[0][:1].isupper() or not (len(word[0]) == 1
                                                         or word[0][1:].islower()):
        return None
    if _stands_in(word[0], source):
        return None  # a word the source has as written
    return word


def _stands_in(word: str, text: str) -> bool:
    """Whether ``word`` occurs in ``text`` as a whole word. A scan with ``str.find``: a
    pattern made per word would be compiled anew for most of them (the terms a glossary
    run translates alone ask about a thousand words)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _word_char(text[at - 1])) and not (end < len(text)
                                                           and _word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def written_lower(analysis: str) -> bool:
    """Whether lt-proc's analysis of a lower-cased word knows it, and never as a name."""
    units = UNIT.findall(analysis)
    return len(units) == 1 and not units[0][1].startswith("*") and "<np>" not in units[0][1]


class LowerCaseWords:
    """Which words a language writes in lower case, asked of Apertium's analyser of that
    language (the first program of the mode from it) once each; the analyser starts with
    the first question, which many runs never ask."""

    def __init__(self, analyser: list[str] | None) -> None:
        self._asked = AskedOnce(analyser, written_lower)

    @classmethod
    def for_mode(cls, mode: Path) -> LowerCaseWords:
        """For the target language of ``mode``: the analyser of the mode the other way
        (``spa-eng`` for ``eng-spa``), installed beside it by the pair's package."""
        first, second = mode.stem.split("-", 1)
        return cls(mode_analyser(mode.with_name(f"{second}-{first}.mode")))

    def close(self) -> None:
        self._asked.close()

    def answers(self, words: Iterable[str]) -> dict[str, bool]:
        """For each word as written (with its capital): written in lower case or not."""
        wanted = set(words)
        lowered = self._asked.answers(word.lower() for word in wanted)
        return {word: lowered[word.lower()] for word in wanted}
