"""Changing a termbase by hand: add a concept, edit one, remove some (``triglot glossary``).

Each function is one transaction on an open ``Termbase``: all of it lands or
none of it does, and a refused change says why in one line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glossary.model import (
    Concept,
    GlossaryError,
    Term,
    check_concept_id,
    check_lang,
    check_pos,
    check_status,
)
from glossary.store import Termbase
from translator.core.i18n import _

#: ``--flag`` values and the term field each sets.
FLAGS: dict[str, tuple[str, bool]] = {
    "case-sensitive": ("case_sensitive", True), "no-case-sensitive": ("case_sensitive", False),
    "dnt": ("dnt", True), "no-dnt": ("dnt", False), "do-not-translate": ("dnt", True)}


def new_terms(by_lang: dict[str, Iterable[str]], extra: Iterable[tuple[str, str, str]] = (), *,
              status: str = "preferred", pos: str | None = None, case_sensitive: bool = False,
              dnt: bool = False, source: str = "") -> list[Term]:
    """Terms for a new concept: per language the first with ``status``, the rest admitted;
    ``extra`` (lang, status, text) terms as given."""
    check_status(status)
    terms = [Term(lang, text, status if i == 0 else "admitted", pos, case_sensitive, dnt,
                  source=source)
             for lang, texts in by_lang.items() for i, text in enumerate(texts)]
    terms += [Term(lang, text, term_status, pos, case_sensitive, dnt, source=source)
              for lang, term_status, text in extra]
    if not terms:
        raise GlossaryError(_("give at least one term: --en, --ru, --es or --term"))
    return terms


def add_new_concept(termbase: Termbase, concept: Concept) -> Concept:
    """Store a new concept; a term another concept already has is refused, and so is an id
    that could not be exported (``--id`` is checked here, where ids are chosen by hand)."""
    if concept.id is not None:
        check_concept_id(concept.id)
    with termbase.transaction():
        for term in concept.terms:
            for other in termbase.lookup(term.lang, term.text):
                raise GlossaryError(_("the {lang} term '{text}' is already in concept {id}; "
                                      "use 'triglot glossary edit {id}'").format(
                                          lang=term.lang, text=term.text, id=other.id),
                                    termbase.path)
        new_id = termbase.add_concept(concept)
    return termbase.get(new_id)


@dataclass
class ConceptEdit:
    """The changes ``glossary edit`` asks for; fields left None stay as they are."""

    subject: str | None = None
    definition: str | None = None
    note: str | None = None
    add_terms: tuple[tuple[str, str, str], ...] = ()  # (lang, status, text)
    remove_terms: tuple[tuple[str, str], ...] = ()  # (lang, text)
    statuses: tuple[tuple[str, str, str], ...] = ()  # (lang, text, status)
    parts_of_speech: tuple[tuple[str, str, str], ...] = ()  # (lang, text, pos)
    flags: tuple[tuple[str, str, str], ...] = ()  # (lang, text, flag)
    term_notes: tuple[tuple[str, str, str], ...] = ()  # (lang, text, note)


def apply_edit(concept: Concept, edit: ConceptEdit) -> None:
    """Change ``concept`` in place as ``edit`` says, or raise naming the first problem."""

    def term(lang: str, text: str) -> Term:
        found = concept.find_term(check_lang(lang), text)
        if found is None:
            raise GlossaryError(_("concept {id} has no {lang} term '{text}'").format(
                id=concept.id, lang=lang, text=text))
        return found

    for name in ("subject", "definition", "note"):
        if getattr(edit, name) is not None:
            setattr(concept, name, getattr(edit, name))
    for lang, text in edit.remove_terms:
        concept.terms.remove(term(lang, text))
    for lang, status, text in edit.add_terms:
        if concept.find_term(check_lang(lang), text):
            raise GlossaryError(_("concept {id} already has the {lang} term '{text}'").format(
                id=concept.id, lang=lang, text=text))
        concept.terms.append(Term(lang, text, status))
    for lang, text, status in edit.statuses:
        term(lang, text).status = check_status(status)
    for lang, text, pos in edit.parts_of_speech:
        term(lang, text).pos = check_pos(pos)
    for lang, text, flag in edit.flags:
        if flag not in FLAGS:
            raise GlossaryError(_("unknown flag '{flag}': use {choices}").format(
                flag=flag, choices=", ".join(FLAGS)))
        name, value = FLAGS[flag]
        setattr(term(lang, text), name, value)
    for lang, text, value in edit.term_notes:
        term(lang, text).note = value


def edit_concept(termbase: Termbase, concept_id: str, edit: ConceptEdit) -> Concept:
    """Apply ``edit`` to a stored concept in one transaction; the concept as stored after."""
    with termbase.transaction():
        concept = termbase.get(concept_id)
        apply_edit(concept, edit)
        termbase.update(concept)
    return termbase.get(concept.id or "")


def remove_concepts(termbase: Termbase, concept_ids: Iterable[str]) -> int:
    """Remove concepts with all their terms, all or none; how many were removed."""
    count = 0
    with termbase.transaction():
        for concept_id in concept_ids:
            termbase.remove(concept_id)
            count += 1
    return count


def select_concepts(concepts: Iterable[Concept], lang: str | None = None,
                    subject: str | None = None) -> list[Concept]:
    """``glossary list``'s filter: concepts with a ``lang`` term, in ``subject``."""
    lang = check_lang(lang) if lang else None
    return [c for c in concepts if (lang is None or c.terms_in(lang))
            and (subject is None or c.subject.lower() == subject.lower())]
