"""Reviewing proposed glossary entries: the glossary learns only what a person approved.

``entities clusters --to-glossary`` and ``glossary extract --add`` store their
concepts as *proposed*; a proposal that meets an approved concept adds its new
terms to it as proposed terms. Translation, QA and matching ignore both. Here a
person approves, edits (then approves) or rejects them, by id or through a CSV
round trip. A rejected concept is kept as rejected, so the same proposal does not
come back from the next run; rejected proposed terms are removed.

Public API::

    pending(termbase)                            # proposed concepts, most mentioned first
    approve(termbase, ids) / reject(termbase, ids)
    edit_and_approve(termbase, cid, {"en": "Alyona Popova"})
    review_csv(concepts) -> str; apply_review_csv(termbase, path) -> ReviewOutcome
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from glossary.formats.cells import neutralise_row, restore
from glossary.model import (
    APPROVED,
    REJECTED,
    Concept,
    GlossaryError,
    Term,
    check_lang,
)
from glossary.store import Termbase
from translator.core.i18n import _
from translator.core.languages import LANGUAGES

REVIEW_COLUMNS = ["id", "decision", "count", "subject", *LANGUAGES, "variants", "context"]
DECISIONS = ("approve", "edit", "reject")
#: A cell starting with one of these is a formula to a spreadsheet: it gets a leading '.
REVIEW_SOURCE = "triglot glossary review"


def pending(termbase: Termbase) -> list[Concept]:
    """The concepts waiting for a decision (proposed, or approved with proposed terms),
    most mentioned first, then by id."""
    waiting = [c for c in termbase.concepts() if c.pending]
    return sorted(waiting, key=lambda c: -c.occurrences)


def _pending(termbase: Termbase, concept_id: str) -> Concept:
    concept = termbase.get(concept_id)
    if not concept.pending:
        raise GlossaryError(
            _(
                "concept {id} is not proposed (it is {review}); edit it with "
                "'triglot glossary edit'"
            ).format(id=concept.id, review=concept.review),
            termbase.path,
        )
    return concept


def _decide(concept: Concept, approved: bool) -> None:
    """Approve (or reject) ``concept`` in place: a proposed concept wholly, else its
    proposed terms (rejected ones removed)."""
    if concept.proposed:
        concept.review = APPROVED if approved else REJECTED
    if not approved and not concept.proposed and concept.approved:
        concept.terms = [t for t in concept.terms if not t.proposed]
    for term in concept.terms:
        term.proposed = term.proposed and concept.review == REJECTED


def _set_review(termbase: Termbase, ids: Iterable[str], approved: bool) -> list[str]:
    """Decide on each concept, all or none; only pending concepts may be decided."""
    done: list[str] = []
    with termbase.transaction():
        for concept_id in ids:
            concept = _pending(termbase, concept_id)
            _decide(concept, approved)
            termbase.update(concept)
            done.append(concept.id or "")
    return done


def approve(termbase: Termbase, ids: Iterable[str]) -> list[str]:
    """Approve proposed concepts (or proposed terms): from now on translation enforces them."""
    return _set_review(termbase, ids, True)


def reject(termbase: Termbase, ids: Iterable[str]) -> list[str]:
    """Reject proposed concepts (kept as rejected, never enforced nor proposed again), or
    the proposed terms of an approved concept (removed)."""
    return _set_review(termbase, ids, False)


def missing_languages(termbase: Termbase, ids: Iterable[str]) -> dict[str, list[str]]:
    """The languages each approved concept has no usable term in, by concept id.

    Translation into such a language cannot enforce the concept: a cluster of
    English articles proposes English spellings only, and approving it alone
    changes no Spanish or Russian output, which a person should be told.
    """
    gaps: dict[str, list[str]] = {}
    for concept_id in ids:
        concept = termbase.get(concept_id)
        have = {t.lang for t in concept.terms if not t.proposed}
        missing = [lang for lang in LANGUAGES if lang not in have]
        if missing and concept.approved:
            gaps[concept_id] = missing
    return gaps


def prefer(concept: Concept, lang: str, text: str) -> bool:
    """Make ``text`` the preferred ``lang`` term of ``concept`` (the old preferred term
    becomes admitted, so its spelling is still recognised in a source); True if changed."""
    lang, text = check_lang(lang), " ".join(text.split())
    if not text:
        raise GlossaryError(_("concept {id}: empty {lang} term").format(id=concept.id, lang=lang))
    current = concept.find_term(lang, text)
    if current is not None and current.status == "preferred" and current.text == text:
        return False
    for term in concept.terms_in(lang):
        if term.status == "preferred":
            term.status = "admitted"
    if current is None:
        pos = next((t.pos for t in concept.terms if t.pos), None)
        concept.terms.insert(0, Term(lang, text, "preferred", pos, source=REVIEW_SOURCE))
    else:
        current.text, current.status = text, "preferred"
        concept.terms.remove(current)
        concept.terms.insert(0, current)
    return True


def edit_and_approve(termbase: Termbase, concept_id: str, names: dict[str, str]) -> Concept:
    """Set the preferred term of each language in ``names`` and approve the concept."""
    with termbase.transaction():
        concept = _pending(termbase, concept_id)
        for lang, text in names.items():
            prefer(concept, lang, text)
        _decide(concept, True)
        termbase.update(concept)
    return termbase.get(concept.id or "")


def preferred(concept: Concept, lang: str) -> str:
    term = next((t for t in concept.terms_in(lang) if t.status == "preferred"), None)
    term = term or next(iter(concept.terms_in(lang)), None)
    return term.text if term else ""


def variants(concept: Concept) -> str:
    """The other terms, as "lang:text" joined with " | " (a proposed term of an approved
    concept marked "(proposed)")."""
    return " | ".join(f"{t.lang}:{t.text}" + (" (proposed)" if t.proposed else "")
                      for t in concept.terms if t.text != preferred(concept, t.lang))


# -- the CSV round trip ---------------------------------------------------------------

def review_csv(concepts: Iterable[Concept]) -> str:
    """The proposed concepts as a CSV to decide on: fill ``decision`` with approve, edit
    (change the en/ru/es cells) or reject; leave it empty to decide later."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REVIEW_COLUMNS)
    for c in concepts:
        row = [c.id or "", "", c.occurrences, c.subject,
               *(preferred(c, lang) for lang in LANGUAGES), variants(c), c.context]
        writer.writerow(neutralise_row(row))
    return buffer.getvalue()


@dataclass
class ReviewOutcome:
    """What a review CSV did: concept ids per decision, and rows left for later."""

    done: dict[str, list[str]] = field(default_factory=lambda: {d: [] for d in DECISIONS})
    undecided: int = 0

    def counts(self) -> Counter[str]:
        return Counter({d: len(ids) for d, ids in self.done.items()})


def apply_review_csv(termbase: Termbase, path: Path) -> ReviewOutcome:
    """Apply the decisions of a review CSV in one transaction: any bad row (unknown
    decision or id, a concept no longer proposed) changes nothing and names its line."""
    from glossary.formats.files import data_rows, read_text

    rows = list(csv.reader(io.StringIO(read_text(path), newline="")))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if "id" not in header or "decision" not in header:
        raise GlossaryError(_("line 1: not a review CSV: expected the columns {columns}")
                            .format(columns=", ".join(REVIEW_COLUMNS)), path)
    outcome = ReviewOutcome()
    decided: dict[str, int] = {}  # concept id -> the line that decided it
    with termbase.transaction():
        for number, row in data_rows(rows, header, path):
            cells = {h: restore(cell.strip()) for h, cell in row.items()}
            try:
                _check_once(termbase, cells, number, decided)
                _apply_row(termbase, cells, outcome)
            except GlossaryError as exc:
                raise GlossaryError(
                    _("line {number}: {message}").format(number=number, message=exc.message), path
                ) from exc
    return outcome


def _check_once(termbase: Termbase, cells: dict[str, str], number: int,
                decided: dict[str, int]) -> None:
    """A concept decided on two rows is refused as such: the second row would otherwise
    fail as "not proposed" (the first decided it), hiding the duplicated row."""
    if cells["decision"].lower() not in DECISIONS:
        return  # undecided, or a bad decision that ``_apply_row`` names
    concept_id = termbase.get(cells["id"]).id or ""
    if concept_id in decided:
        raise GlossaryError(_("concept {id} is listed twice (also at line {line}); keep one "
                              "row per concept").format(id=concept_id, line=decided[concept_id]))
    decided[concept_id] = number


def _apply_row(termbase: Termbase, cells: dict[str, str], outcome: ReviewOutcome) -> None:
    decision = cells["decision"].lower()
    if not decision:
        outcome.undecided += 1
        return
    if decision not in DECISIONS:
        raise GlossaryError(
            _("decision '{decision}': use {decisions} or leave it empty").format(
                decision=cells["decision"], decisions=", ".join(DECISIONS)
            )
        )
    concept = termbase.get(cells["id"])
    if decision == "reject":
        reject(termbase, [concept.id or ""])
    else:  # approve takes the name cells as they are, like edit
        names = {lang: cells[lang] for lang in LANGUAGES
                 if cells.get(lang) and cells[lang] != preferred(concept, lang)}
        edit_and_approve(termbase, concept.id or "", names)
    outcome.done[decision].append(concept.id or "")
