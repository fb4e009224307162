"""Find glossary terms in text, in any inflected form, longest match first.

Text and terms are both reduced to sequences of lemmas and matched with one
Aho-Corasick automaton (pyahocorasick) built once per glossary and language, so
scanning costs little more than lemmatising the text. Hyphens, spaces and case
do not matter ("facial-recognition" = "Facial recognition"), except for terms
flagged case-sensitive; do-not-translate terms (names, brands) must appear exactly.

Public API::

    matcher = TermMatcher.from_concepts(concepts, "ru")   # or Termbase.matcher("ru")
    for match in matcher.find(text):                      # non-overlapping, in text order
        match.start, match.end, match.text, match.term, match.concept_id
    suggest_terms(termbase, text, "en", "ru")             # [(TermMatch, target Term | None)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import STATUSES, Concept, Term, fold
from .morphology import (
    PIECE_RE,
    WORD_RE,
    Lemmatizer,
    lemmatizer,
    surface_variants,
    tokenize,
)

if TYPE_CHECKING:
    from .store import Termbase

#: Each lemma the glossary uses becomes one character, so a text is scanned as a
#: string with one character per word: these two stand for the other cases.
UNKNOWN = "\x01"  # a word no term contains
BARRIER = "\x02"  # punctuation between words, so no term spans "court, Moscow"
_FIRST_ID = 0x100


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary term in a text (character offsets into that text)."""

    start: int
    end: int
    text: str
    term: Term
    concept_id: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "concept": self.concept_id, "lang": self.term.lang, "term": self.term.text,
                "status": self.term.status}


@dataclass(frozen=True)
class _Entry:
    term: Term
    concept_id: str
    size: int  # number of tokens
    words: tuple[str, ...]  # the term's own words, for case and exact-form checks
    plain: bool  # neither case-sensitive nor do-not-translate: any form matches
    rank: int  # position of the status in STATUSES: better statuses win ties


class TermMatcher:
    """Matches the terms of one language. Build once, call ``find`` many times."""

    def __init__(self, lang: str, entries: Iterable[tuple[str, Term]],
                 lemmas: Lemmatizer | None = None) -> None:
        import ahocorasick

        self.lang = lang
        self._lemmas = lemmas or lemmatizer(lang)
        self._chars: dict[str, str] = {}  # token -> its one-character lemma id (cache)
        pending: list[tuple[list[str], Term, str]] = []
        primary: set[str] = set()
        variants: dict[str, str] = {}
        for concept_id, term in entries:
            words = [t.text for t in tokenize(term.text)]
            if not words:
                continue
            pending.append((words, term, concept_id))
            for word in words:
                key = self._lemmas.lemma(word)
                primary.add(key)
                for form in surface_variants(word, lang):
                    variants.setdefault(self._lemmas.lemma(form), key)
        self._primary = primary
        self._variants = {v: k for v, k in variants.items() if v not in primary}
        self._ids: dict[str, str] = {}
        code = _FIRST_ID
        for key in sorted(primary):
            if 0xD800 <= code <= 0xDFFF:  # surrogates cannot stand alone in a str
                code = 0xE000
            self._ids[key] = chr(code)
            code += 1
        by_key: dict[str, list[_Entry]] = {}
        for words, term, concept_id in pending:
            plain = not (term.case_sensitive or term.dnt)
            entry = _Entry(term, concept_id, len(words), tuple(words), plain,
                           STATUSES.index(term.status))
            by_key.setdefault("".join(map(self._char, words)), []).append(entry)
            if len(words) > 1 and "-" in term.text:  # "e-mail" also matches "email"
                glued = "".join(term.text.split("-"))
                if len(tokenize(glued)) == 1 and self._char(glued) != UNKNOWN:
                    by_key.setdefault(self._char(glued), []).append(
                        _Entry(term, concept_id, 1, (glued,), plain, entry.rank))
        self._automaton = ahocorasick.Automaton()
        for pattern, group in by_key.items():
            if UNKNOWN not in pattern:
                self._automaton.add_word(pattern, (len(pattern), tuple(group)))
        self.size = len(pending)
        if by_key:
            self._automaton.make_automaton()

    @classmethod
    def from_concepts(cls, concepts: Iterable[Concept], lang: str,
                      lemmas: Lemmatizer | None = None) -> TermMatcher:
        """A matcher over every ``lang`` term of ``concepts`` (all statuses)."""
        return cls(lang, ((c.id or "", t) for c in concepts for t in c.terms if t.lang == lang),
                   lemmas)

    def clear_cache(self) -> None:
        """Forget cached token keys and lemmas (benchmarks start cold)."""
        self._chars.clear()
        self._lemmas.clear()

    def _char(self, word: str) -> str:
        """The one-character id of a token's key (UNKNOWN when no term uses it, BARRIER for
        punctuation), cached."""
        char = self._chars.get(word)
        if char is None:
            if WORD_RE.fullmatch(word) is None:
                char = BARRIER
            else:
                char = self._ids.get(self.key(word), UNKNOWN)
            self._chars[word] = char
        return char

    def key(self, word: str) -> str:
        """The automaton key of one token: a lemma, preferring lemmas the glossary uses."""
        candidates = self._lemmas.candidates(word)
        key = next((c for c in candidates if c in self._primary), None)
        if key is None:
            key = next((self._variants[c] for c in candidates if c in self._variants),
                       candidates[0])
        return key

    def find(self, text: str) -> list[TermMatch]:
        """Glossary terms occurring in ``text``: longest first, never overlapping, in order."""
        if not self.size:
            return []
        # Words and punctuation marks, one character each; spaces and hyphens vanish, so
        # "facial-recognition" reads like "facial recognition" but "court, Moscow" does not.
        pieces = PIECE_RE.findall(text)
        chars, char = self._chars, self._char
        found: list[tuple[int, int, int, int, _Entry]] = []
        spans: list[tuple[int, int, str]] | None = None  # offsets: only when needed
        for last, (size, group) in self._automaton.iter(
                "".join([chars.get(p) or char(p) for p in pieces])):
            first = last - size + 1
            for entry in group:
                if not entry.plain:
                    if spans is None:
                        spans = _spans(text)
                    if not self._accepts(entry, text, spans[first:last + 1]):
                        continue
                found.append((first - last, first, entry.rank, last, entry))
                break
        if not found:
            return []
        return self._select(text, spans or _spans(text), found)

    def _accepts(self, entry: _Entry, text: str, span: list[tuple[int, int, str]]) -> bool:
        term = entry.term
        if term.dnt:  # exact form, case-insensitive unless flagged
            surface = text[span[0][0]:span[-1][1]]
            if term.case_sensitive:
                return " ".join(surface.replace("-", " ").split()) == " ".join(
                    term.text.replace("-", " ").split())
            return fold(surface) == fold(term.text)
        if term.case_sensitive:
            return all(_same_case(tok[2], word) for tok, word in zip(span, entry.words,
                                                                     strict=False))
        return True

    @staticmethod
    def _select(text: str, tokens: list[tuple[int, int, str]],
                found: list[tuple[int, int, int, int, _Entry]]) -> list[TermMatch]:
        """Longest match wins; among equals, the earlier one and then the better status."""
        if len(found) > 1:
            found.sort(key=lambda f: f[:3])
        taken: set[int] = set()
        chosen: list[TermMatch] = []
        for _, first, _, last, entry in found:
            span = range(first, last + 1)
            if first == last:
                if first in taken:
                    continue
                taken.add(first)
            else:
                if not taken.isdisjoint(span):
                    continue
                taken.update(span)
            start, end = tokens[first][0], tokens[last][1]
            chosen.append(TermMatch(start, end, text[start:end], entry.term, entry.concept_id))
        chosen.sort(key=lambda m: m.start)
        return chosen


def _spans(text: str) -> list[tuple[int, int, str]]:
    """Start, end and text of every piece (word or punctuation mark) of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in PIECE_RE.finditer(text)]


def _same_case(found: str, wanted: str) -> bool:
    """Same capitals on the shared stem ("NATO" vs "Nato" differ; "НАТО" vs "НАТО" agree)."""
    n = min(len(found), len(wanted))
    return all(a.isupper() == b.isupper() for a, b in zip(found[:n], wanted[:n], strict=True))


def suggest_terms(termbase: Termbase, text: str, source: str,
                  target: str) -> list[tuple[TermMatch, Term | None]]:
    """For a source text: each glossary term found and the term a translation should use."""
    by_id = {c.id: c for c in termbase.concepts()}
    return [(m, by_id[m.concept_id].target_term(target))
            for m in termbase.matcher(source).find(text)]
