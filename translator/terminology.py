"""Glossary enforcement after MT: minimal intervention on the plain translation.

The plain MT of a sentence is kept for every term it already renders right; only
the terms it got wrong are touched. A common noun is post-edited: MT's rendering
(found by the target-side glossary matcher, by translating the source term alone,
or, for a name, by romanisation similarity: ``translator.name_search``) is replaced
with the preferred term in the same case and number. A name plain MT lost
altogether goes through MT a second time as an atomic placeholder ``<xN/>`` and
is put back afterwards (in Russian, in the case a preceding preposition asks for).
Of the candidates, the one with more terms right wins, then the one closer to the
plain translation (``choose``), so a sentence that needed nothing is never changed
and a placeholder that breaks the engine's word order is used only when it helps.

Every enforced term is checked in the final text. A lost, doubled or corrupted
placeholder means the protected candidate is dropped; a failed edit is dropped.
Which concepts are names is ``glossary.names``'s rule. The run-level steps are
stages in ``translator.stages.enforcement``; the cache serves both MT passes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from glossary.inflection import name_form
from glossary.names import without_possessive
from translator.core.errors import TriglotError
from translator.core.inline_codes import codes_intact
from translator.document import CODE_RE
from translator.term_edits import Edit, apply_edits, surname_form

if TYPE_CHECKING:
    from glossary.matching import TermMatch, TermMatcher
    from glossary.model import Concept, Term
    from glossary.service import Glossary

#: Statuses of a term record: the first three mean the preferred term is in the output.
PROTECTED, POST_EDITED, ALREADY = "protected", "post-edited", "already correct"
NOT_ENFORCED = "not enforced"
#: A proposed glossary entry found in the source: left alone until a person approves it.
PROPOSED = "proposed"
ENFORCED_STATUSES = (PROTECTED, POST_EDITED, ALREADY)
#: The project's Argos packages know codes up to 8; more placeholders would be garbled.
MAX_CODES = 8


@dataclass(frozen=True)
class TermRecord:
    """What enforcement did with one concept found in one sentence."""

    concept: str
    source: str  # the term as found in the source sentence
    target: str  # the preferred target term
    status: str  # protected / post-edited / already correct / not enforced
    reason: str = ""  # why not enforced

    @property
    def enforced(self) -> bool:
        return self.status in ENFORCED_STATUSES

    def to_dict(self) -> dict:
        """Its fields, ``reason`` only when there is one (built directly: a run records
        thousands, and ``dataclasses.asdict`` copies each field deeply)."""
        data = {"concept": self.concept, "source": self.source, "target": self.target,
                "status": self.status}
        if self.reason:
            data["reason"] = self.reason
        return data

    def note(self) -> str:
        how = self.status if self.enforced else f"not enforced: {self.reason or self.status}"
        return f"{self.source} -> {self.target} ({how})"


@dataclass
class Found:
    """A source term to enforce, with its placeholder code when it is protected."""

    match: TermMatch
    wanted: Term
    code: str | None = None
    alone: str = ""  # the source term as MT of it alone should see it: no possessive


@dataclass
class Prepared:
    """A sentence ready for MT: ``text`` has the placeholders, ``original`` has not."""

    original: str
    text: str
    source: str
    target: str
    found: list[Found] = field(default_factory=list)
    skipped: list[TermRecord] = field(default_factory=list)

    @property
    def protected(self) -> bool:
        return self.text != self.original


@dataclass
class Enforced:
    text: str
    terms: list[TermRecord]


def next_code_number(text: str) -> int:
    numbers = [int(m.group(2) or m.group(3)) for m in CODE_RE.finditer(text)]
    return max(numbers, default=0) + 1


class TermEnforcer:
    """Enforces one glossary's terms, through the glossary's own matchers and rule."""

    def __init__(self, glossary: Glossary | Iterable[Concept], termbase: Path | None = None
                 ) -> None:
        """``termbase``: where ``glossary`` came from, so ``focus`` can load less of it."""
        from glossary.service import Glossary

        self.glossary = Glossary.of(glossary)
        self.concepts = {c.id or "": c for c in self.glossary.concepts()}
        self._single: dict[tuple[str, str, str], TermMatcher] = {}
        self._termbase = termbase

    def focus(self, texts: dict[str, list[str]]) -> None:
        """Keep only the concepts these source texts can hold ({lang: texts}): a termbase of
        50,000 concepts then costs a run what its few hundred relevant ones cost."""
        if self._termbase is not None:
            from glossary.service import Glossary

            self.glossary = Glossary.load(self._termbase, texts=texts)
            self.concepts = {c.id or "": c for c in self.glossary.concepts()}
            self._single.clear()
            self._termbase = None

    def matcher(self, lang: str) -> TermMatcher:
        return self.glossary.matcher(lang)

    def single(self, lang: str, key: str, term: Term) -> TermMatcher:
        """A matcher for MT's own rendering of a term, to find it in the sentence."""
        from glossary.matching import TermMatcher

        cache_key = (lang, key, term.text)
        if cache_key not in self._single:
            self._single[cache_key] = TermMatcher(lang, [(key, term)])
        return self._single[cache_key]

    # -- before MT ------------------------------------------------------------------------

    def is_name(self, concept_id: str) -> bool:
        return concept_id in self.glossary.names

    def prepare(self, text: str, source: str, target: str,
                protect: Collection[str] | None = None) -> Prepared:
        """Find the sentence's glossary terms and put placeholders on its names (only on
        those of the concepts in ``protect``, when given: none for the plain pass)."""
        prepared = Prepared(text, text, source, target)
        seen: set[str] = set()
        pieces: list[str] = []
        position = 0
        number = next_code_number(text)
        for match in self.matcher(source).find(text):
            concept = self.concepts.get(match.concept_id)
            wanted = concept.target_term(target) if concept else None
            if concept is not None and wanted is not None:
                wanted = surname_form(concept, match.term, wanted)
            if concept is None or wanted is None:
                if match.concept_id not in seen:
                    prepared.skipped.append(TermRecord(match.concept_id, match.text, "",
                                                       NOT_ENFORCED, f"no {target} term"))
                seen.add(match.concept_id)
                continue
            found = Found(match, wanted, alone=without_possessive(match.text, source))
            if (self.is_name(match.concept_id) and number <= MAX_CODES
                    and (protect is None or match.concept_id in protect)):
                found.code = f"<x{number}/>"
                number += 1
                pieces.append(text[position:match.start])
                pieces.append(found.code)
                position = match.end
            if match.concept_id in seen and found.code is None:
                continue  # one record per concept, unless each occurrence is protected
            seen.add(match.concept_id)
            prepared.found.append(found)
        pieces.append(text[position:])
        prepared.text = "".join(pieces)
        for match in self.glossary.find_proposed(text, source):
            if match.concept_id not in seen:
                seen.add(match.concept_id)
                wanted = self.concepts[match.concept_id].target_term(target)
                prepared.skipped.append(TermRecord(match.concept_id, match.text,
                                                   wanted.text if wanted else "", PROPOSED,
                                                   "proposed, not approved"))
        return prepared

    # -- after MT -------------------------------------------------------------------------

    def restore(self, prepared: Prepared, output: str, mended: bool = False) -> str | None:
        """Put the names back; None when MT lost, doubled or added a code. ``mended``: read
        garbled codes as codes and keep each once (``translator.placeholders``); a code MT
        dropped leaves its name out, but a broken markup code is still None."""
        ours = [f.code for f in prepared.found if f.code]
        if mended:
            from translator.placeholders import mend, without

            output = mend(output, ours)
            if not codes_intact(without(prepared.text, ours), without(output, ours)):
                return None
        elif not codes_intact(prepared.text, output):
            return None
        counts = Counter(m.group(0) for m in CODE_RE.finditer(output))
        text = output
        for found in prepared.found:
            if found.code is None or (mended and not counts[found.code]):
                continue
            if counts[found.code] != 1:
                return None
            start = text.index(found.code)
            form = name_form(found.wanted.text, text[:start], prepared.target)
            if start == 0 or re.search(r"[.!?]\s*$", text[:start]):
                form = form[:1].upper() + form[1:]
            text = text[:start] + form + text[start + len(found.code):]
        return re.sub(r" {2,}", " ", text).strip() if mended else text

    def finish(self, prepared: Prepared, output: str, plain: str | None = None,
               renderings: dict[str, str] | None = None) -> Enforced:
        """The final sentence and its term records.

        ``output`` is MT of the protected text; ``plain`` MT of the original, given
        when the placeholders did not survive. ``renderings`` maps a source term to
        its MT alone, used to find a term the target matcher does not know.
        """
        restored = self.restore(prepared, output) if plain is None else None
        protected_ok = restored is not None
        text = restored if protected_ok else (plain if plain is not None else output)
        return self.edit(prepared, text, protected_ok, renderings)

    def edit(self, prepared: Prepared, text: str, protected_ok: bool,
             renderings: dict[str, str] | None = None) -> Enforced:
        """Post-edit and verify ``text``: the names already restored when ``protected_ok``,
        else plain MT of the original sentence.

        Every concept's renderings are found in ``text`` as MT gave it and replaced in one
        pass (``translator.term_edits``); where two replacements would interfere the
        concepts are edited one after the other instead."""
        renderings = renderings or {}
        records = list(prepared.skipped)
        done: set[str] = set()
        planned: list[tuple[Found, str, list[TermMatch]]] = []
        for found in prepared.found:
            cid = found.match.concept_id
            if cid in done:
                continue
            done.add(cid)
            if found.code is not None and protected_ok:
                planned.append((found, PROTECTED, []))
            else:
                planned.append((found, *self.spans(text, found, prepared, renderings)))
        edited = apply_edits(text, [self.edit_of(span, found) for found, _, spans in planned
                                    for span in spans], prepared.target)
        if edited is None:  # replacements too close to make at once: one concept at a time
            text = self.one_by_one(text, planned, range(len(planned)), prepared, renderings)
        else:  # a concept found right in MT's text may have lost its term to another's edit
            text = self.one_by_one(edited, planned, [
                number for number, (found, status, _) in enumerate(planned)
                if status in (ALREADY, POST_EDITED)
                and not self.present(edited, found, prepared.target)], prepared, renderings)
        # verified in the final sentence, which QA then checks with the same answers: a
        # later edit may have changed an earlier one
        for found, status, _ in planned:
            cid = found.match.concept_id
            record = TermRecord(cid, found.match.text, found.wanted.text, status)
            if record.enforced and not self.present(text, found, prepared.target):
                record = TermRecord(cid, found.match.text, found.wanted.text, NOT_ENFORCED,
                                    "not found in the output after editing")
            elif not record.enforced:
                record = TermRecord(cid, found.match.text, found.wanted.text, NOT_ENFORCED,
                                    status)
            records.append(record)
        return Enforced(text, records)

    def one_by_one(self, text: str, planned: list[tuple[Found, str, list[TermMatch]]],
                   numbers: Iterable[int], prepared: Prepared,
                   renderings: dict[str, str]) -> str:
        """Edit the concepts ``numbers`` of ``planned`` in turn, each in the text as the
        previous edits left it; ``planned`` gets their new statuses and spans."""
        for number in numbers:
            found, status, _ = planned[number]
            if status == PROTECTED:
                continue
            status, spans = self.spans(text, found, prepared, renderings)
            text = apply_edits(text, [self.edit_of(span, found) for span in spans],
                               prepared.target, apart=False) or text
            planned[number] = (found, status, spans)
        return text

    def edit_of(self, span: TermMatch, found: Found) -> Edit:
        return Edit(span, found.wanted.text, self.is_name(found.match.concept_id))

    def present(self, text: str, found: Found, target: str) -> bool:
        """The glossary's one rule: the concept is rendered with the wanted term."""
        cid = found.match.concept_id
        if found.wanted not in self.concepts[cid].terms:  # a derived form: a surname alone
            return bool(self.single(target, "form:" + cid, found.wanted).find(text))
        return self.glossary.rendered(cid, text, target) == found.wanted

    def spans(self, text: str, found: Found, prepared: Prepared,
              renderings: dict[str, str]) -> tuple[str, list[TermMatch]]:
        """Where ``text`` renders the concept otherwise than with the wanted term: a status
        (post-edited, already correct, or why nothing can be done) and the spans to replace.
        """
        target = prepared.target
        if self.present(text, found, target):
            return ALREADY, []
        cid = found.match.concept_id
        matcher = self.matcher(target)
        spans = [m for m in matcher.find(text) if m.concept_id == cid] \
            if matcher.may_hold(cid, text) else []
        if not spans:
            rendering = renderings.get(found.alone, "").strip()
            if rendering and CODE_RE.search(rendering) is None:
                from glossary.model import Term

                try:
                    alone = Term(target, rendering, "admitted")
                except TriglotError:  # an odd rendering is just not used
                    alone = None
                if alone is not None:
                    spans = self.single(target, "mt:" + cid, alone).find(text)
        if not spans and self.is_name(cid):
            spans = self.respelled(text, found, target)
        if not spans:
            return "MT's rendering not found", []
        return POST_EDITED, spans

    def respelled(self, text: str, found: Found, target: str) -> list[TermMatch]:
        """The name as MT respelled it ("Navalni" for "Navalny"), clear of other terms."""
        from glossary.matching import TermMatch
        from translator.name_search import locate_name

        taken = [(m.start, m.end) for m in self.matcher(target).find(text)
                 if m.concept_id != found.match.concept_id]
        span = locate_name(text, found.wanted.text, target, taken)
        if span is None:
            return []
        start, end = span
        return [TermMatch(start, end, text[start:end], found.wanted, found.match.concept_id)]


def count_terms(terms: Iterable[TermRecord]) -> tuple[int, int]:
    """(enforced, not enforced); proposed entries count as not enforced."""
    items = list(terms)
    enforced = sum(r.enforced for r in items)
    return enforced, len(items) - enforced


class RunGlossary(NamedTuple):
    """The glossary a translation run uses, and what it uses it for."""

    path: Path | None  # named, or the default one when catalogs are written
    concepts: list[Concept]  # enforced: only a named glossary's
    enforcer: TermEnforcer | None


def run_glossary(named: Path | None, for_catalogs: bool = False) -> RunGlossary:
    """Enforce a glossary only when one is named; catalogs note the default one too.

    A glossary is a termbase (``.db``) or a glossary file (CSV/TSV/XLSX/TBX).
    """
    from glossary.service import Glossary, resolve_glossary

    path = resolve_glossary(named) if for_catalogs or named else None
    if named is None:
        return RunGlossary(path, [], None)
    from glossary.formats import is_glossary_file

    if is_glossary_file(named):
        glossary = Glossary.load(named)
        return RunGlossary(path, glossary.concepts(), TermEnforcer(glossary))
    # a termbase: its concepts are read once the run knows its sentences (``focus``); one
    # that cannot be read (missing, empty, not a termbase) is refused now, before any MT
    from glossary.store import Termbase

    with Termbase.open(named):
        pass
    return RunGlossary(path, [], TermEnforcer([], termbase=Path(named)))
