"""One glossary, however it is stored: which one to use, its terms in a text, and whether
a translation renders them.

Every reader of a glossary goes through here (QA, evaluation, ``glossary find``, and
enforcement, the review page and PO notes), so a termbase (``.db``) and a glossary
file (CSV/TSV/XLSX/TBX) work the same everywhere, each language's matcher is built
once, and "is the term in the translation" has one answer. Changing a termbase is
``glossary.store.Termbase``'s job; a glossary file is only ever read.

Public API::

    path = resolve_glossary(glossary_path)      # --glossary, $TRIGLOT_GLOSSARY, ./glossary.db
    glossary = Glossary.load(path)              # or Glossary(concepts)
    glossary.find(text, "ru")                   # [TermMatch], longest first, in text order
    glossary.suggest(text, "en", "ru")          # [(TermMatch, target Term | None)]
    glossary.rendered(concept_id, translation, "ru")   # the accepted Term used, or None
    glossary.find_proposed(text, "ru")          # proposed entries in a text: never enforced
    concept_id in glossary.names                # a name: protected, matched with its capitals

A proposed concept (``Concept.proposed``, added by ``entities clusters --to-glossary``
or ``glossary extract --add``) is listed, shown and exported, but no matcher here finds
it until a person approves it (``glossary review``): it is never enforced nor checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.model import Concept, GlossaryError, Term, fold, id_sort_key
from glossary.names import is_name
from translator.core.i18n import _

if TYPE_CHECKING:
    from glossary.matching import TermMatch, TermMatcher

#: The termbase a command uses when given none and $TRIGLOT_GLOSSARY is not set.
DEFAULT_GLOSSARY = Path("glossary.db")
ENV_VAR = "TRIGLOT_GLOSSARY"


def resolve_glossary(path: Path | str | None) -> Path | None:
    """The glossary a command reads: ``path`` (``--glossary``), else $TRIGLOT_GLOSSARY,
    else ./glossary.db when it exists, else None. A glossary named by the option or
    the variable must exist."""
    named = path or os.environ.get(ENV_VAR) or None
    if named is None:
        return DEFAULT_GLOSSARY if DEFAULT_GLOSSARY.is_file() else None
    named = Path(named)
    if not named.exists():
        raise GlossaryError(_("no such glossary") if path else _(
            "no such glossary (named by ${variable})").format(variable=ENV_VAR), named)
    return named


def termbase_path(path: Path | str | None, action: str = "this command") -> Path:
    """The termbase a write command changes (created when missing): ``path``, else
    $TRIGLOT_GLOSSARY, else ./glossary.db. A glossary file is refused in one line."""
    target = Path(path or os.environ.get(ENV_VAR) or DEFAULT_GLOSSARY)
    from glossary.formats import is_glossary_file

    if is_glossary_file(target):
        raise GlossaryError(_("{action} changes a termbase (.db), not a glossary file; "
                              "import the file into one with 'triglot glossary import "
                              "{path}'").format(action=action, path=target), target)
    return target


#: A termbase of no more concepts than there are texts to match, and at most this many,
#: is read whole: a focused load costs per text, a whole one per concept.
READ_WHOLE_UP_TO = 5000


class Glossary:
    """A read-only set of concepts with one term matcher per language, built on first use."""

    def __init__(self, concepts: Iterable[Concept], path: Path | None = None,
                 names: frozenset[str] | None = None) -> None:
        """``names``: which of ``concepts`` are names, when that is known already."""
        self.path = path
        self._concepts = list(concepts)
        _give_ids(self._concepts)
        self._by_id = {c.id or "": c for c in self._concepts}
        #: Names (``glossary.names``) are matched with their capitals and protected in MT.
        self.names = names if names is not None else frozenset(
            c.id or "" for c in self._concepts if is_name(c))
        self._matchers: dict[tuple[str, bool], TermMatcher] = {}
        #: (lang, concept) -> the concept's accepted terms, best first, and their matcher
        self._accepted: dict[tuple[str, str], tuple[list[Term], TermMatcher]] = {}
        #: (lang, concept, translation) -> ``renderings``: enforcement verifies the final
        #: sentence and QA checks it again, term by term
        self._found: dict[tuple[str, str, str], list[TermMatch]] = {}
        #: For a termbase loaded for some texts only: those texts, by language.
        self.focused_on: dict[str, set[str]] | None = None

    @classmethod
    def load(cls, path: Path | str, *, source: str | None = None,
             target: str | None = None,
             texts: Mapping[str, Iterable[str]] | None = None,
             rejected_in: Mapping[str, Iterable[str]] | None = None) -> Glossary:
        """A termbase (``.db``, opened read-only in effect) or a glossary file; ``source``
        and ``target`` name the languages of a two-column (source,target) table.

        ``texts`` ({lang: texts}) says what will be matched: a termbase then loads only
        the concepts whose stored match keys occur in them (``glossary.index``), which
        finds the same terms in those texts at a fraction of the time and memory.
        ``rejected_in`` ({lang: translations}) adds the concepts whose deprecated,
        superseded or forbidden terms occur there: QA reports a rejected term wherever a
        translation uses it, and a term the source does not hold is otherwise of no
        interest. A termbase with no more concepts than there are texts (and at most
        ``READ_WHOLE_UP_TO``) is read whole: that costs less than the lookup, and its
        matchers then serve the run and the review after it alike.
        """
        path = Path(path)
        from glossary.formats import is_glossary_file

        if is_glossary_file(path):
            from glossary.formats import read_glossary

            return cls(read_glossary(path, source=source, target=target), path)
        from glossary.store import Termbase

        with Termbase.open(path) as termbase:
            wanted = _listed(texts)
            checked = _listed(rejected_in) or {}
            if checked and not termbase.has_rejected_terms():
                checked = {}
            count = sum(map(len, [*(wanted or {}).values(), *checked.values()]))
            if wanted is not None and len(termbase) > min(READ_WHOLE_UP_TO, count):
                from glossary.index import text_keys

                def keys(group: dict[str, list[str]]) -> dict[str, list[set[str]]]:
                    return {lang: [text_keys(t, lang) for t in items]
                            for lang, items in group.items()}

                found = termbase.concepts_for(keys(wanted), keys(checked))
                if found is not None:
                    glossary = cls(found, path)
                    glossary.focused_on = {lang: set(items) for lang, items in wanted.items()}
                    return glossary
            return cls(termbase.concepts(), path)

    def including(self, texts: Mapping[str, Iterable[str]],
                  rejected_in: Mapping[str, Iterable[str]] | None = None) -> Glossary:
        """This glossary, with the concepts its termbase holds for ``texts`` (and for the
        rejected terms of ``rejected_in``) too, when it was loaded for other texts: the
        review after a run adds what the translations hold to what enforcement loaded
        for the sources, and keeps the matchers built so far, all of them when nothing
        is added. The concepts are those ``load`` with all the texts gives."""
        if self.focused_on is None or self.path is None:
            return self  # a whole glossary: nothing more to read
        new = {lang: [t for t in items if t not in self.focused_on.get(lang, ())]
               for lang, items in texts.items()}
        checked = {lang: [t for t in items if t not in self.focused_on.get(lang, ())]
                   for lang, items in (rejected_in or {}).items()}
        if not any(new.values()) and not any(checked.values()):
            return self
        more = Glossary.load(self.path, texts=new, rejected_in=checked)
        if more.focused_on is None:  # the index could not be used: everything was read
            return more
        added = [c for c in more.concepts() if (c.id or "") not in self._by_id]
        if not added:
            return self
        merged = Glossary([*self._concepts, *added], self.path,
                          names=self.names | more.names)
        merged._concepts.sort(key=lambda c: id_sort_key(c.id or ""))
        merged._accepted = dict(self._accepted)  # a concept's own matcher does not change,
        merged._found = self._found              # nor what it finds
        merged.focused_on = {lang: self.focused_on.get(lang, set()) | more.focused_on.get(
            lang, set()) for lang in {*self.focused_on, *more.focused_on}}
        return merged

    @classmethod
    def of(cls, glossary: Glossary | Iterable[Concept]) -> Glossary:
        """``glossary`` itself, or a Glossary over a list of concepts (older callers)."""
        return glossary if isinstance(glossary, Glossary) else cls(glossary)

    # -- the concepts --------------------------------------------------------------------

    def concepts(self) -> list[Concept]:
        """Every concept (a method, as on ``Termbase``, so either can be passed around)."""
        return self._concepts

    def __len__(self) -> int:
        return len(self._concepts)

    def get(self, concept_id: str) -> Concept:
        """The concept ``concept_id`` (``12`` also finds ``c12``); a clear error if absent."""
        for key in (concept_id, f"c{concept_id}"):
            if key in self._by_id:
                return self._by_id[key]
        raise GlossaryError(_("no concept with id '{id}'").format(id=concept_id), self.path)

    def lookup(self, lang: str, text: str) -> list[Concept]:
        """Concepts that have ``text`` as a term in ``lang`` (case/hyphen/spacing ignored)."""
        key = fold(text)
        return [c for c in self._concepts
                if any(t.lang == lang and fold(t.text) == key for t in c.terms)]

    def expected(self, concept_id: str, lang: str) -> Term | None:
        """The term a translation into ``lang`` should use for the concept."""
        return self._by_id[concept_id].target_term(lang)

    # -- terms in a text -----------------------------------------------------------------

    def proposed(self) -> list[Concept]:
        """The concepts waiting for a person's approval, wholly or for some terms."""
        return [c for c in self._concepts if c.pending]

    def matcher(self, lang: str, *, proposed: bool = False) -> TermMatcher:
        """The matcher over every approved ``lang`` term (all statuses) of the approved
        concepts (``proposed``: over the proposed terms and concepts instead; rejected
        concepts never), built once."""
        key = (lang, proposed)
        if key not in self._matchers:
            from glossary.matching import TermMatcher

            pairs = [(c.id or "", t) for c in self._concepts
                     for t in (_proposed_terms(c) if proposed else c.used_terms())
                     if t.lang == lang]
            self._matchers[key] = TermMatcher(lang, pairs, names=self.names, recent=True)
        return self._matchers[key]

    def find_proposed(self, text: str, lang: str) -> list[TermMatch]:
        """Proposed entries in ``text``: what enforcement skips and the report shows apart."""
        return self.matcher(lang, proposed=True).find(text)

    def find(self, text: str, lang: str) -> list[TermMatch]:
        """Glossary terms in ``text``, in any inflected form: longest first, never
        overlapping, in text order."""
        return self.matcher(lang).find(text)

    def suggest(self, text: str, source: str, target: str) -> list[tuple[TermMatch, Term | None]]:
        """Each glossary term found in a ``source`` text and the term a translation into
        ``target`` should use."""
        return [(m, self._by_id[m.concept_id].target_term(target)) for m in self.find(text, source)]

    def search(self, text: str, langs: Iterable[str], target: str | None = None) -> list[dict]:
        """``glossary find``: the terms of ``text`` in each of ``langs``, as records ordered
        by position, each with the term a translation into ``target`` should use."""
        results = []
        for lang in langs:
            for match in self.find(text, lang):
                record = match.to_dict()
                if target:
                    wanted = self._by_id[match.concept_id].target_term(target)
                    record["target"] = wanted.text if wanted else None
                results.append(record)
        return sorted(results, key=lambda r: (r["start"], r["lang"]))

    # -- terms in a translation ----------------------------------------------------------

    def renderings(self, concept_id: str, translation: str, lang: str) -> list[TermMatch]:
        """Where ``translation`` uses an accepted ``lang`` term of the concept (preferred or
        admitted, or its do-not-translate form), in any inflected form, in text order.

        This is the one rule for "the term is in the translation". Each concept is
        looked for on its own, so a term inside a longer glossary term still counts
        ("reconocimiento" in "reconocimiento facial"); deprecated, superseded and
        forbidden terms never do.
        """
        key = (lang, concept_id, translation)
        found = self._found.get(key)
        if found is None:
            if len(self._found) > 100_000:
                self._found.clear()
            found = self._found[key] = self._accepted_terms(concept_id, lang)[1].find(
                translation)
        return list(found)

    def rendered(self, concept_id: str, translation: str, lang: str) -> Term | None:
        """The best accepted term ``translation`` renders the concept with (preferred before
        admitted), or None. Compare it with ``expected`` to ask for the preferred term."""
        found = {id(m.term) for m in self.renderings(concept_id, translation, lang)}
        terms = self._accepted_terms(concept_id, lang)[0]
        return next((t for t in terms if id(t) in found), None)

    def _accepted_terms(self, concept_id: str, lang: str) -> tuple[list[Term], TermMatcher]:
        key = (lang, concept_id)
        if key not in self._accepted:
            from glossary.matching import TermMatcher

            terms = self._by_id[concept_id].accepted_terms(lang)
            self._accepted[key] = (terms, TermMatcher(lang, [(concept_id, t) for t in terms],
                                                      names=self.names, spelled=True))
        return self._accepted[key]


def _listed(texts: Mapping[str, Iterable[str]] | None) -> dict[str, list[str]] | None:
    return None if texts is None else {lang: list(items) for lang, items in texts.items()}


def _proposed_terms(concept: Concept) -> list[Term]:
    if concept.proposed:
        return concept.terms
    return [t for t in concept.terms if t.proposed] if concept.approved else []


def _give_ids(concepts: list[Concept]) -> None:
    """Concepts read from a file without ids get the next free ``cN``, as an import would,
    so every match, finding and ``glossary show`` can name its concept."""
    used = {c.id for c in concepts if c.id}
    number = max((int(i[1:]) for i in used if i[:1] == "c" and i[1:].isdigit()), default=0)
    for concept in concepts:
        if not concept.id:
            number += 1
            while f"c{number}" in used:
                number += 1
            concept.id = f"c{number}"
