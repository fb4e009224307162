"""Merging one glossary's concept into another's: entries already there always win.

Pure functions over ``glossary.model`` concepts, so the rule can be read and
tested without a database; ``Termbase.merge_concept`` finds the stored concept
and saves the result.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace

from glossary.model import Concept, Term
from translator.core.i18n import _


@dataclass
class MergeResult:
    """What merging one incoming concept did: existing entries always win."""

    concept_id: str | None
    action: str  # "added", "merged", "unchanged", "conflict"
    added_terms: list[Term] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def merge_into(stored: Concept, incoming: Concept) -> tuple[Concept, MergeResult]:
    """``stored`` with what ``incoming`` adds (a copy), and what was done.

    New terms are added; a term whose status, flags or part of speech differ, a
    second preferred term for a language, or a different subject/definition is
    reported as a conflict and left as is. The result's action is "merged" when
    the copy differs from ``stored`` (save it), else "unchanged" or "conflict".
    """
    ours = copy.deepcopy(stored)
    result = MergeResult(ours.id, "unchanged")
    for name in ("subject", "definition", "note"):
        mine, theirs = getattr(ours, name), getattr(incoming, name)
        if theirs and not mine:
            setattr(ours, name, theirs)
            result.action = "merged"
        elif theirs and mine != theirs:
            result.conflicts.append(_("{id}: {field} differs: kept '{ours}', other has "
                                      "'{theirs}'").format(id=ours.id, field=name, ours=mine,
                                                           theirs=theirs))
    for term in incoming.terms:
        conflict = _term_conflict(ours, term)
        if conflict is not None:
            if conflict:
                result.conflicts.append(conflict)
            continue
        ours.terms.append(replace(term))  # a copy, proposed flag and all
        result.added_terms.append(term)
    if result.added_terms:
        result.action = "merged"
    if result.conflicts and result.action == "unchanged":
        result.action = "conflict"
    return ours, result


def _term_conflict(ours: Concept, term: Term) -> str | None:
    """None when ``term`` may be added to ``ours``; else why not ("" when already there
    the same way)."""
    existing = ours.find_term(term.lang, term.text)
    if existing is not None:
        diffs = [f"{n} {getattr(existing, n)!r} vs {getattr(term, n)!r}"
                 for n in ("status", "pos", "case_sensitive", "dnt")
                 if getattr(term, n) not in (None, getattr(existing, n))]
        return _("{id}: {lang} '{text}': {differences} (kept ours)").format(
            id=ours.id, lang=term.lang, text=existing.text,
            differences="; ".join(diffs)) if diffs else ""
    preferred = [t for t in ours.terms_in(term.lang) if t.status == "preferred"]
    if term.status == "preferred" and preferred:
        return _("{id}: {lang} preferred term is '{ours}', other has '{theirs}' (not "
                 "added)").format(id=ours.id, lang=term.lang, ours=preferred[0].text,
                                  theirs=term.text)
    return None
