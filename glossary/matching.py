"""Find glossary terms in text, in any inflected form, longest match first.

Text and terms are both reduced to sequences of lemmas and matched with one
Aho-Corasick automaton (pyahocorasick) built once per glossary and language, so
scanning costs little more than lemmatising the text. Hyphens, spaces and case
do not matter ("facial-recognition" = "Facial recognition"), except for terms
flagged case-sensitive; do-not-translate terms (names, brands) must appear exactly.

How a text is scanned, with no Python-level work per word: one regex split gives
its words and punctuation marks ("pieces") and the gaps between them; a cache maps
each piece to a two-character code (its lemma's, if a term uses that lemma); one
join makes the string the automaton scans (``glossary.match_codes``). Only its hits
cost Python work: nested ones are settled with a stack, the rare crossing ones by the
general rule. A matcher of a few terms (one concept's, as ``Glossary.renderings`` asks
thousands of times a run) builds no automaton: it looks at the pieces that have one of
its lemmas (``Lemmatizer.analysed``, shared by every matcher of the language), and
gives the same hits in the same order.

Public API::

    matcher = TermMatcher.from_concepts(concepts, "ru")   # or Glossary.matcher("ru")
    for match in matcher.find(text):                      # non-overlapping, in text order
        match.start, match.end, match.text, match.term, match.concept_id
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from glossary.match_codes import BARRIER, UNKNOWN, lemma_codes
from glossary.model import Concept, Term, fold
from glossary.morphology import (
    PIECES_AND_GAPS_RE,
    Lemmatizer,
    lemmatizer,
    surface_variants,
    term_words,
)
from glossary.names import has_capitals, without_possessive
from glossary.spelling import same_accents, same_case

#: A matcher of at most this many ways of writing its terms (one concept's, as
#: ``Glossary.renderings`` asks) looks them up word by word instead of building an
#: automaton: a run checks thousands of concepts, each in a sentence or two.
SCAN_UP_TO = 8
#: How many texts' matches a matcher with an automaton, or a glossary's matcher of a
#: language however few its terms (``recent``), keeps; one concept's matcher keeps one:
#: ``Glossary.renderings`` keeps what it finds.
RECENT_TEXTS = 4096


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


@dataclass(frozen=True, slots=True)
class _Entry:
    term: Term
    concept_id: str
    words: tuple[str, ...]  # the term's own words, for case and exact-form checks
    cased: bool  # flagged case-sensitive, or a name with capitals ("Games" is not "games")
    plain: bool  # neither case-sensitive nor do-not-translate: any form matches


#: An occurrence of one way of writing terms: its first and last position in the scanned
#: key ([gap, piece, gap, ...] numbering), and the entries written that way.
_Hit = tuple[int, int, tuple[_Entry, ...]]


class TermMatcher:
    """Matches the terms of one language. Build once, call ``find`` many times.

    ``names``: ids of the concepts that are names (``glossary.names.is_name``); their
    terms with capitals match only with the same capitals, and with ``spelled`` only with
    the same written accents (a name rendered as the glossary spells it).
    ``recent``: keep the matches of the last ``RECENT_TEXTS`` texts even with no automaton
    (a glossary's own matcher).
    """

    def __init__(self, lang: str, entries: Iterable[tuple[str, Term]],
                 lemmas: Lemmatizer | None = None, names: Collection[str] = (),
                 recent: bool = False, spelled: bool = False) -> None:
        self.lang = lang
        self._spelled = spelled
        self._lemmas = lemmas or lemmatizer(lang)
        self._pieces: dict[str, str] = {}  # piece of text -> its lemma's code (cache)
        self._recent: dict[str, list[TermMatch]] = {}  # ``find``'s last texts
        pending: list[tuple[list[str], Term, str]] = []
        primary: set[str] = set()
        variants: dict[str, str] = {}
        for concept_id, term in entries:
            words = list(term_words(term.text))
            if not words:
                continue
            pending.append((words, term, concept_id))
            for word in words:
                key = self._lemmas.lemma(word)
                primary.add(key)
                for form in surface_variants(word, lang):
                    variants.setdefault(form, key)  # the form itself: its lemma may be
                    # another word ("soles" -> "soler" would make "suelen" a "sol")
        self._primary = primary
        self._variants = {v: k for v, k in variants.items() if v not in primary}
        self._unknown, self._barrier = UNKNOWN * 2, BARRIER * 2
        # each way of writing a term, as its words' keys; entries sharing one form a group
        by_keys: dict[tuple[str, ...], list[_Entry]] = {}
        for words, term, concept_id in pending:
            cased = term.case_sensitive or (concept_id in names and has_capitals(term))
            plain = not (cased or term.dnt)
            entry = _Entry(term, concept_id, tuple(words), cased, plain)
            by_keys.setdefault(tuple(map(self._lemmas.lemma, words)), []).append(entry)
            if len(words) > 1 and "-" in term.text:  # "e-mail" also matches "email"
                glued = "".join(term.text.split("-"))
                if len(term_words(glued)) == 1 and self.key(glued) in primary:
                    by_keys.setdefault((self.key(glued),), []).append(
                        _Entry(term, concept_id, (glued,), cased, plain))
        self.size = len(pending)
        self._patterns_of: dict[str, list[tuple[str, ...]]] = {}  # concept -> its key tuples
        for keys, group in by_keys.items():
            for entry in group:
                self._patterns_of.setdefault(entry.concept_id, []).append(keys)
        self._forms_of: dict[str, set[str]] | None = None  # key -> variant forms keyed by it
        self._automaton = None
        self._keeps = RECENT_TEXTS if recent or len(by_keys) > SCAN_UP_TO else 1
        if len(by_keys) <= SCAN_UP_TO:  # a concept's own terms: looked up word by word
            self._wanted = {*primary, *self._variants}
            self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[_Entry, ...]]]] = {}
            for keys, group in by_keys.items():
                self._by_first.setdefault(keys[0], []).append((keys, tuple(group)))
            return
        import ahocorasick

        self._codes = dict(zip(sorted(primary), lemma_codes(len(primary)), strict=True))
        self._variant_codes = {v: self._codes[k] for v, k in self._variants.items()}
        self._any_codes = self._variant_codes | self._codes
        self._automaton = ahocorasick.Automaton()
        # A node's children are scanned in the order they were added: words that can never
        # occur (no text has "\x03"), added first, make the root find the characters of
        # unknown words and punctuation, the commonest, at once. They are never reported.
        for filler in (UNKNOWN, BARRIER):
            self._automaton.add_word(filler + "\x03", None)
        # The first entry of a group that accepts an occurrence wins; a plain one always does.
        for keys, group in by_keys.items():
            pattern = "".join(self._codes[key] for key in keys)
            self._automaton.add_word(pattern, (len(pattern) - 1, tuple(group)))
        self._automaton.make_automaton()

    @classmethod
    def from_concepts(cls, concepts: Iterable[Concept], lang: str,
                      lemmas: Lemmatizer | None = None) -> TermMatcher:
        """A matcher over every ``lang`` term of ``concepts`` (all statuses)."""
        return cls(lang, ((c.id or "", t) for c in concepts for t in c.terms if t.lang == lang),
                   lemmas)

    def clear_cache(self) -> None:
        """Forget cached piece codes, lemmas and the last text (benchmarks start cold)."""
        self._pieces.clear()
        self._lemmas.clear()
        self._recent.clear()

    def _code(self, piece: str) -> str:
        """The code of a piece's key, cached."""
        code = self._pieces.get(piece)
        if code is None:
            self._learn([piece])
            code = self._pieces[piece]
        return code

    def _learn(self, pieces: list[str]) -> None:
        """Cache the code of each new piece: that of its ``key`` if a term uses it, else all
        UNKNOWN; all BARRIER for punctuation. Most words have one candidate lemma, or none
        the glossary knows, and are settled with one dict lookup."""
        known = self._pieces
        codes, variant_codes, any_codes = self._codes, self._variant_codes, self._any_codes
        unknown = self._unknown
        new = list(set(pieces).difference(known))
        for piece, candidates in zip(new, self._lemmas.of_pieces(new), strict=True):
            if not candidates:
                known[piece] = self._barrier
            elif len(candidates) == 1:
                known[piece] = any_codes.get(candidates[0], unknown)
            else:
                known[piece] = next(  # a glossary lemma wins over a variant's
                    filter(None, map(codes.get, candidates)),
                    next(filter(None, map(variant_codes.get, candidates)), unknown))

    def key(self, word: str) -> str:
        """The automaton key of one token: a lemma, preferring lemmas the glossary uses."""
        candidates = self._lemmas.candidates(word)
        key = next((c for c in candidates if c in self._primary), None)
        if key is None:
            key = next((self._variants[c] for c in candidates if c in self._variants),
                       candidates[0])
        return key

    def may_hold(self, concept_id: str, text: str) -> bool:
        """Whether ``find`` could return a term of ``concept_id`` in ``text``: every word of
        one of its terms has a piece keyed by it there. A few lookups in the text's lemmas
        (``Lemmatizer.analysed``), where ``find`` reads every word; False is certain."""
        if self._forms_of is None:
            self._forms_of = {}
            for form, key in self._variants.items():
                self._forms_of.setdefault(key, set()).add(form)
        lemmas, forms_of = self._lemmas.analysed(text).lemmas, self._forms_of
        return any(all(key in lemmas or not lemmas.isdisjoint(forms_of.get(key, ()))
                       for key in keys) for keys in self._patterns_of.get(concept_id, ()))

    def find(self, text: str) -> list[TermMatch]:
        """Glossary terms occurring in ``text``: longest first, never overlapping, in order.

        Recent texts' matches are kept: the review asks QA and the annotations of one
        sentence in turn, with the same matchers, and a language-wide matcher is asked
        again about every source sentence enforcement read (``RECENT_TEXTS``)."""
        if not self.size:
            return []
        found = self._recent.get(text)
        if found is None:
            recent = self._recent
            if len(recent) >= self._keeps:
                del recent[next(iter(recent))]  # the oldest goes
            found = recent[text] = self._find(text)
        return list(found)

    def _find(self, text: str) -> list[TermMatch]:
        parts, hits = self._scanned(text) if self._automaton is None else self._coded(text)
        if not hits:
            return []
        # Occurrences (first and last position in key, entry) come by end. Most either stand
        # alone or nest ("District Court" in "Tverskoy District Court"): then the outermost
        # ones win, found with a stack. Only when two cross does the general rule run.
        kept: list[tuple[int, int, _Entry]] = []
        top_first = top_last = -1  # kept[-1]
        for first, last, entry in self._occurrences(hits, text, parts):
            if top_last >= first:
                if top_first < first:
                    if top_last == last:  # inside the previous occurrence
                        continue
                    kept = self._longest_first(hits, text, parts)
                    break
                kept.pop()  # the previous occurrence is inside this one; maybe more are
                while kept and kept[-1][0] >= first:
                    kept.pop()
                if kept and kept[-1][1] >= first:
                    kept = self._longest_first(hits, text, parts)
                    break
            kept.append((first, last, entry))
            top_first, top_last = first, last
        return _matches(parts, kept)

    def _coded(self, text: str) -> tuple[list[str], list[_Hit]]:
        """The automaton's hits: the text as the string of its pieces' codes, scanned once.

        [gap, piece, gap, piece, ..., gap]: words and punctuation marks get a code each,
        gaps (spaces and hyphens) none, so "facial-recognition" reads like "facial
        recognition" but "court, Moscow" does not."""
        parts = PIECES_AND_GAPS_RE.split(text)
        pieces = parts[1::2]
        code = self._pieces.__getitem__
        try:
            key = "".join(map(code, pieces))
        except KeyError:  # pieces not seen before: look them up once, then as above
            self._learn(pieces)
            key = "".join(map(code, pieces))
        return parts, [(last - length, last, group)
                       for last, (length, group) in self._automaton.iter(key)]

    def _scanned(self, text: str) -> tuple[list[str], list[_Hit]]:
        """The same hits, in the same order, for a matcher of a few terms: from the words
        that have one of its keys (``Lemmatizer.analysed``, shared by every matcher of the
        language), with no automaton to build and no word of the text to look up."""
        analysed = self._lemmas.analysed(text)
        parts = analysed.parts
        present = analysed.lemmas & self._wanted
        if not present:
            return parts, []
        where = analysed.positions
        keys: dict[int, str] = {}  # piece number -> its key, for pieces a term may use
        for wanted in present:
            for number in where[wanted]:
                if number not in keys:
                    keys[number] = self.key(parts[2 * number + 1])
        hits = []
        for number, key in keys.items():
            for pattern, group in self._by_first.get(key, ()):
                size = len(pattern)
                if all(keys.get(number + i) == pattern[i] for i in range(1, size)):
                    hits.append((2 * number, 2 * (number + size) - 1, group))
        hits.sort(key=lambda hit: (hit[1], hit[0]))  # by end, the longest first
        return parts, hits

    def _occurrences(self, hits: list[_Hit], text: str, parts: list[str]
                     ) -> Iterator[tuple[int, int, _Entry]]:
        """Hits by end position, minus those a case or exact-form rule refuses."""
        for first, last, group in hits:
            entry = group[0]
            if not entry.plain:
                entry = self._accepted(group, text, parts, first, last)
                if entry is None:
                    continue
            yield first, last, entry

    def _longest_first(self, hits: list[_Hit], text: str, parts: list[str]
                       ) -> list[tuple[int, int, _Entry]]:
        """The general rule: the longest occurrence wins, among equals the earlier one (no
        two share both length and start, so sorting never compares entries); the survivors
        in text order."""
        found = [(first - last, first, last, entry)
                 for first, last, entry in self._occurrences(hits, text, parts)]
        found.sort()
        taken = 0  # a bit per key position
        chosen = []
        for _, first, last, entry in found:
            bits = (2 << last) - (1 << first)
            if not taken & bits:
                taken |= bits
                chosen.append((first, last, entry))
        chosen.sort(key=itemgetter(0))
        return chosen

    def _accepted(self, group: tuple[_Entry, ...], text: str, parts: list[str],
                  first: int, last: int) -> _Entry | None:
        """The first entry of the group found between key positions ``first`` and ``last``
        that accepts the pieces there, if any."""
        offsets = list(accumulate(map(len, parts)))
        span = [(offsets[i - 1], offsets[i], parts[i]) for i in range(first + 1, last + 1, 2)]
        return next((e for e in group if e.plain or self._accepts(e, text, span)), None)

    def _accepts(self, entry: _Entry, text: str, span: list[tuple[int, int, str]]) -> bool:
        term = entry.term
        if term.dnt:  # exact form (an English possessive allowed), case as ``cased`` says
            surface = without_possessive(text[span[0][0]:span[-1][1]], self.lang)
            if entry.cased:
                return " ".join(surface.replace("-", " ").split()) == " ".join(
                    term.text.replace("-", " ").split())
            return fold(surface) == fold(term.text)
        if entry.cased:
            return all(same_case(tok[2], word) and (not self._spelled
                                                     or same_accents(tok[2], word))
                       for tok, word in zip(span, entry.words, strict=False))
        return True


_new = object.__new__


def _matches(parts: list[str], kept: list[tuple[int, int, _Entry]]) -> list[TermMatch]:
    """The TermMatch of each kept occurrence, given in text order.

    Built for speed, as on term-dense text this is a good share of matching: offsets come
    from joining the parts between matches (C-level copies, cheaper than summing lengths),
    and each frozen TermMatch gets its fields written into its ``__dict__``, as
    ``functools.cached_property`` does, instead of through a frozen dataclass's five
    ``object.__setattr__`` calls (twice the time).
    """
    matches = []
    start = gap = 0  # parts[gap] starts at offset start
    for first, last, entry in kept:
        start += len("".join(parts[gap:first + 1]))  # parts[first] is the gap before
        surface = parts[last] if last == first + 1 else "".join(parts[first + 1:last + 1])
        end = start + len(surface)
        match = _new(TermMatch)
        fields = match.__dict__
        fields["start"] = start
        fields["end"] = end
        fields["text"] = surface
        fields["term"] = entry.term
        fields["concept_id"] = entry.concept_id
        matches.append(match)
        start, gap = end, last + 1
    return matches
