"""Tokens and lemmas for ru/en/es: what lets "распознаванием лиц" find "распознавание лиц".

Russian uses pymorphy3 (all parses are kept as candidate lemmas, best first);
English and Spanish use simplemma. This module is the one place that loads either:
others call ``russian_analyzer()``, ``lemmatizer(lang)`` or ``dictionary_lemma``.
Lemmas are cached per token, because news text repeats its words and lemmatising
is the cost of matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from glossary.spelling import unaccented
from glossary.stopwords import FUNCTION_WORDS

#: A word: letters/digits, with inner apostrophes ("don't", "l'Hospitalet").
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: A word, or one punctuation mark (anything but spaces and hyphens): what matching scans.
PIECE_RE = re.compile(WORD_RE.pattern + r"|[^\s\-‐‑‒–]")
#: Gaps that keep two words inside one term: spaces and hyphens, nothing else.
JOINING_GAP_RE = re.compile(r"[\s\-‐‑‒–]*")
#: ``split`` gives [gap, piece, gap, piece, ..., gap]: the pieces in one C-level pass, and
#: (through the gaps' lengths) their offsets, without a match object per piece.
PIECES_AND_GAPS_RE = re.compile(f"({PIECE_RE.pattern})")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Words with their character offsets; hyphens split words ("facial-recognition")."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


@lru_cache(maxsize=1 << 16)
def term_words(text: str) -> tuple[str, ...]:
    """A term's words, remembered: every matcher of a run splits the same terms."""
    return tuple(m.group() for m in WORD_RE.finditer(text))


def joined(text: str, left: Token, right: Token) -> bool:
    """True when only spaces or hyphens separate two tokens (so they may form one term)."""
    return JOINING_GAP_RE.fullmatch(text, left.end, right.start) is not None


@lru_cache(maxsize=1)
def russian_analyzer():
    """The one pymorphy3 analyzer of the process: loading it takes a second and 20 MB."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def dictionary_lemma(word: str, lang: str) -> str:
    """simplemma's plain lemma of an English or Spanish word, lower-cased (without the
    matcher's noun-first rules): what the entity extractor compares names with."""
    from glossary.lemma_tries import simplemma_lemmatizer

    return simplemma_lemmatizer().lemmatize(word.lower(), lang)


def simplemma_dictionary(lang: str):
    """simplemma's ``lang`` dictionary (form -> lemma), from the one factory every lookup
    uses (``glossary.lemma_tries``): opened once per process from its cached trie,
    however many parts of triglot look words up in it."""
    from glossary.lemma_tries import dictionary_factory

    return dictionary_factory().get_dictionary(lang)


def in_dictionary(word: str, lang: str) -> bool:
    """Whether simplemma's ``lang`` dictionary knows the lower-cased ``word`` as a form."""
    return word.lower() in simplemma_dictionary(lang)


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'")


class Analysed:
    """One text as a matcher of a few terms reads it: its [gap, piece, gap, ..., gap]
    split, every candidate lemma of its words, and (built on first use, as most texts
    hold none of such a matcher's lemmas) the numbers of the pieces that have each."""

    __slots__ = ("_of_pieces", "_positions", "lemmas", "parts")

    def __init__(self, parts: list[str], of_pieces: list[tuple[str, ...]]) -> None:
        self.parts = parts
        self.lemmas: set[str] = set().union(*of_pieces)
        self._of_pieces = of_pieces
        self._positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        if self._positions is None:
            where: dict[str, list[int]] = {}
            for number, candidates in enumerate(self._of_pieces):
                for candidate in candidates:
                    if candidate in where:
                        where[candidate].append(number)
                    else:
                        where[candidate] = [number]
            self._positions = where
        return self._positions


class Lemmatizer:
    """Candidate lemmas of single tokens in one language, cached per token."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._cache: dict[str, tuple[str, ...]] = {}
        self._lemmas: dict[str, str] = {}  # piece -> lemma, for ``lemmas``
        self._analysed: dict[str, Analysed] = {}  # recent texts
        self._of_pieces: dict[str, tuple[str, ...]] = {}  # piece -> candidates, () if none
        self._written: dict[str, str] = {}  # lower-cased word -> its lemma with accents
        if lang == "ru":
            self._parse = russian_analyzer().parse
        else:
            from glossary.lemma_tries import simplemma_lemmatizer

            self._lemmatize = simplemma_lemmatizer().lemmatize

    def candidates(self, word: str) -> tuple[str, ...]:
        """Possible lemmas of ``word``, most likely first, lower-cased; the word itself last."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        low = _norm(word)
        found = self._cache.get(low)
        if found is None:
            written = self._compute(low)
            # the lemma without accents ("Serguéi" and "Serguei" are one name to find); the
            # word itself as written ("casó", of "casar", is no "caso")
            found = (unaccented(written[0]), *written[1:])
            self._cache[low] = found
            self._written[low] = written[0]
        self._cache[word] = found
        return found

    def lemma(self, word: str) -> str:
        return self.candidates(word)[0]

    def written_lemma(self, word: str) -> str:
        """The lemma with its written accents ("cámara"): what a person reads, where
        ``lemma`` is a key."""
        self.candidates(word)
        return self._written[_norm(word)]

    def clear(self) -> None:
        """Forget cached lemmas (benchmarks start cold)."""
        self._cache.clear()
        self._written.clear()
        self._lemmas.clear()
        self._analysed.clear()
        self._of_pieces.clear()

    def analysed(self, text: str) -> Analysed:
        """``text`` as matchers of a few terms read it (``Analysed``). Kept for the last few
        hundred texts: a translation is asked about concept by concept."""
        found = self._analysed.get(text)
        if found is None:
            if len(self._analysed) >= 256:  # the oldest goes
                del self._analysed[next(iter(self._analysed))]
            parts = PIECES_AND_GAPS_RE.split(text)
            found = self._analysed[text] = Analysed(parts, self.of_pieces(parts[1::2]))
        return found

    def of_text(self, text: str) -> list[tuple[str, ...]]:
        """The candidate lemmas of each piece of ``text`` (``of_pieces``)."""
        return self.of_pieces(PIECES_AND_GAPS_RE.split(text)[1::2])

    def of_pieces(self, pieces: list[str]) -> list[tuple[str, ...]]:
        """The candidate lemmas of each piece (``PIECES_AND_GAPS_RE``), () for punctuation:
        one cached lookup a piece, shared by every matcher of the language."""
        known = self._of_pieces
        try:
            return list(map(known.__getitem__, pieces))
        except KeyError:
            for piece in set(pieces).difference(known):
                known[piece] = () if WORD_RE.fullmatch(piece) is None else \
                    self.candidates(piece)
            return list(map(known.__getitem__, pieces))

    def lemmas(self, text: str) -> list[str]:
        """The lemma of every piece of ``text``, punctuation standing for itself.

        The baseline the matcher is timed against, so it tokenises and looks pieces up the
        way ``TermMatcher.find`` does: one regex split, one cached dict lookup per piece.
        """
        pieces = PIECES_AND_GAPS_RE.split(text)[1::2]
        known = self._lemmas
        try:
            return list(map(known.__getitem__, pieces))
        except KeyError:
            for piece in set(pieces).difference(known):
                word = WORD_RE.fullmatch(piece) is not None
                known[piece] = self.written_lemma(piece) if word else piece
            return list(map(known.__getitem__, pieces))

    def _compute(self, low: str) -> tuple[str, ...]:
        if self.lang == "ru":
            if not _has_cyrillic(low):
                return (low,)
            seen: dict[str, None] = {}
            for parse in self._parse(low):
                seen.setdefault(_norm(parse.normal_form), None)
            seen.setdefault(low, None)
            return tuple(seen)
        if low.isdigit() or _has_cyrillic(low):  # no en/es lemma (nor its dictionary's
            return (low,)                       # load) for a Russian word
        if self.lang == "en" and low.endswith(("ing", "ings")) and len(low) > 5:
            # "training", "building", "meetings": nouns in terms, never the verb "train".
            return (low[:-1] if low.endswith("s") else low,)
        lemma = _norm(self._lemmatize(low, self.lang))
        if self.lang == "en" and low.endswith("ed") and lemma != low:
            return (low,)  # "protested" is a verb form, not the noun term "protest"
        return (lemma,) if lemma == low else (lemma, low)


#: Whether a lower-cased word has a Cyrillic letter (asked of every new word).
_has_cyrillic = re.compile("[а-я]").search


@lru_cache(maxsize=3)
def lemmatizer(lang: str) -> Lemmatizer:
    """A shared lemmatiser per language (its cache lives as long as the process)."""
    return Lemmatizer(lang)


# -- term-side variants: number and gender forms the lemmatiser may not fold ----------

_ES_UNACCENT = str.maketrans("áéíóú", "aeiou")


def _strip_final_accent(word: str) -> str:
    """acción -> accion (the plural 'acciones' drops the written accent)."""
    return word[:-2] + word[-2:].translate(_ES_UNACCENT) if len(word) >= 2 else word


@lru_cache(maxsize=1 << 16)
def surface_variants(word: str, lang: str) -> frozenset[str]:
    """Plural and gender forms of one term word, so 'abogado' also finds 'abogadas'
    (remembered: every matcher of a run asks for the same term words)."""
    w = _norm(word)
    out: set[str] = set()
    if lang == "es" and len(w) > 2:
        if w.endswith("o"):
            out |= {w[:-1] + "a", w + "s", w[:-1] + "as"}
        elif w.endswith("a"):
            out |= {w[:-1] + "o", w + "s", w[:-1] + "os"}
        elif w.endswith(("ón", "és", "ín")):
            base = _strip_final_accent(w)
            out |= {base + "a", base + "es", base + "as"}
        elif w.endswith("or"):
            out |= {w + "a", w + "es", w + "as"}
        elif w.endswith("z"):
            out.add(w[:-1] + "ces")
        elif w[-1] in "aeiouáéíóú":
            out.add(w + "s")
        else:
            out.add(w + "es")
    elif lang == "en" and len(w) > 2:
        if w.endswith(("s", "x", "z", "ch", "sh")):
            out.add(w + "es")
        elif w.endswith("y") and w[-2] not in "aeiou":
            out.add(w[:-1] + "ies")
        else:
            out.add(w + "s")
        if w.endswith("man"):
            out |= {w[:-3] + "men", w[:-3] + "woman", w[:-3] + "women"}
    return frozenset(out)


# -- phrases: dictionary form of a whole multiword term --------------------------------

def phrase_lemma(words: list[str], lang: str) -> str:
    """Dictionary form of a phrase, keeping agreement: "Тверского районного суда" ->
    "тверской районный суд", "распознаванием лиц" -> "распознавание лиц".

    Russian: the first noun is the head and goes to the nominative; adjectives
    before it agree with it; words after it (genitive modifiers) stay as they are.
    English/Spanish: each content word's lemma, modifiers after "de"/"of" unchanged.
    """
    if not words:
        return ""
    if lang != "ru":
        # Content words go to their lemma; words after "de"/"of" are modifiers and keep
        # their form ("derechos de las mujeres" -> "derecho de las mujeres").
        lem = lemmatizer(lang)
        out: list[str] = []
        keep = False
        for word in words:
            low = _norm(word)
            lemma = low if keep or low in FUNCTION_WORDS[lang] else lem.written_lemma(word)
            if lang == "es" and low.rstrip("s").endswith("a") and lemma.endswith("o"):
                lemma = low.rstrip("s")  # keep the feminine: "resonancia magnética"
            out.append(lemma)
            keep = keep or low in {"de", "del", "of"}
        return " ".join(out)
    morph = russian_analyzer()
    parses = [morph.parse(w)[0] for w in words]
    head = next((i for i, p in enumerate(parses) if p.tag.POS == "NOUN"), None)
    if head is None:
        return " ".join(_norm(p.normal_form) for p in parses)
    head_parse = parses[head]
    number = "plur" if "Pltm" in head_parse.tag else "sing"
    head_form = head_parse.inflect({"nomn", number})
    result: list[str] = []
    for i, (word, parse) in enumerate(zip(words, parses, strict=True)):
        if i < head and parse.tag.POS in ("ADJF", "PRTF", "NUMR", "NPRO"):
            grammemes = {"nomn", number}
            if number == "sing" and head_parse.tag.gender:
                grammemes.add(head_parse.tag.gender)
            form = parse.inflect(grammemes)
            result.append(form.word if form else parse.normal_form)
        elif i == head:
            result.append(head_form.word if head_form else parse.normal_form)
        else:
            result.append(word.lower())
    return " ".join(_norm(w) for w in result)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
