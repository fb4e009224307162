"""Plain data for the termbase: concepts, their terms in ru/en/es, and term statuses.

A concept is the unit of meaning ("facial recognition"); each language has one
or more terms for it, each with a status telling translators whether to use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from translator.core.errors import TriglotError
from translator.core.i18n import _
from translator.core.languages import LANGUAGES

STATUSES: tuple[str, ...] = ("preferred", "admitted", "deprecated", "superseded", "forbidden")
#: Statuses a translation should use, best first.
ACCEPTED_STATUSES: tuple[str, ...] = ("preferred", "admitted")
#: Statuses whose use in a translation is a QA finding.
REJECTED_STATUSES: tuple[str, ...] = ("deprecated", "superseded", "forbidden")
#: A concept's review states: only approved concepts are enforced and checked.
PROPOSED, APPROVED, REJECTED = "proposed", "approved", "rejected"
REVIEW_STATES: tuple[str, ...] = (APPROVED, PROPOSED, REJECTED)
PARTS_OF_SPEECH: tuple[str, ...] = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
#: A concept id: triglot's own (c12) and what other tools write (0012, term-4, EU.123).
#: Ids become TBX XML ids, CSV cells and "[c12]" in PO notes, so no spaces, quotes,
#: brackets or slashes; at most 100 ASCII characters.
CONCEPT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


class GlossaryError(TriglotError):
    """A glossary file or database that cannot be used; nothing was changed."""


def now_iso() -> str:
    """UTC timestamp, second precision, as stored in the termbase and in exports."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def check_concept_id(value: str) -> str:
    """A concept id as given, or refused: one that is not a valid XML id (with a "c"
    before a leading digit) or has spaces would break the TBX export and PO notes."""
    if not CONCEPT_ID.fullmatch(value):
        shown = repr(value if len(value) <= 60 else value[:57] + "...")
        raise GlossaryError(_("invalid concept id {id}: use letters, digits, '_', '-' or '.', "
                              "starting with a letter or digit (at most 100)").format(id=shown))
    return value


def check_status(value: str) -> str:
    norm = value.strip().lower()
    if norm not in STATUSES:
        raise GlossaryError(_("unknown status '{value}': use one of {choices}").format(
            value=value, choices=", ".join(STATUSES)))
    return norm


def check_lang(value: str) -> str:
    norm = value.strip().lower()
    if norm not in LANGUAGES:
        raise GlossaryError(_("unknown language code '{value}': use one of {choices}").format(
            value=value, choices=", ".join(LANGUAGES)))
    return norm


def check_pos(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    for pos in PARTS_OF_SPEECH:
        if pos.lower() == value.strip().lower():
            return pos
    raise GlossaryError(_("unknown part of speech '{value}': use one of {choices}").format(
        value=value, choices=", ".join(PARTS_OF_SPEECH)))


@dataclass(slots=True)
class Term:
    """One designation of a concept in one language."""

    lang: str
    text: str
    status: str = "preferred"
    pos: str | None = None
    case_sensitive: bool = False
    dnt: bool = False  # do not translate: the same string must appear in every language
    note: str = ""
    source: str = ""
    created: str = ""
    updated: str = ""
    #: A term a proposal added to an approved concept: not used until a person approves it.
    proposed: bool = False
    id: int | None = field(default=None, compare=False)
    concept_id: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        self.lang = check_lang(self.lang)
        self.status = check_status(self.status)
        self.pos = check_pos(self.pos)
        self.text = " ".join(self.text.split())
        if not self.text:
            raise GlossaryError(_("empty {lang} term").format(lang=self.lang))

    @property
    def accepted(self) -> bool:
        return self.status in ACCEPTED_STATUSES and not self.proposed

    @property
    def rejected(self) -> bool:
        return self.status in REJECTED_STATUSES

    def to_dict(self) -> dict:
        return {"lang": self.lang, "text": self.text, "status": self.status, "pos": self.pos,
                "case_sensitive": self.case_sensitive, "dnt": self.dnt, "note": self.note,
                "source": self.source, "created": self.created, "updated": self.updated,
                "proposed": self.proposed}

    def flags(self) -> list[str]:
        return [name for name, on in (("case-sensitive", self.case_sensitive),
                                      ("do-not-translate", self.dnt),
                                      ("proposed", self.proposed)) if on]


@dataclass(slots=True)
class Concept:
    """A unit of meaning with its terms in several languages."""

    id: str | None = None
    subject: str = ""
    definition: str = ""
    note: str = ""
    terms: list[Term] = field(default_factory=list)
    created: str = ""
    updated: str = ""
    #: Review state: a proposed concept (from ``entities clusters`` or ``glossary extract``)
    #: waits for a person's approval; only an approved one is enforced and checked; a
    #: rejected one is kept so the same proposal does not come back.
    review: str = "approved"
    occurrences: int = 0  # mentions counted when it was proposed
    context: str = ""  # one line of text it was proposed from
    #: Where an imported concept came from ("line 4", "conceptEntry c7"): for error messages.
    origin: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.review not in REVIEW_STATES:
            raise GlossaryError(_("unknown review state '{value}': use {choices}").format(
                value=self.review, choices=", ".join(REVIEW_STATES)))

    def terms_in(self, lang: str) -> list[Term]:
        return [t for t in self.terms if t.lang == lang]

    def target_term(self, lang: str) -> Term | None:
        """The term a translation into ``lang`` should use: preferred, else admitted."""
        for status in ACCEPTED_STATUSES:
            for term in self.terms:
                if term.lang == lang and term.status == status and not term.proposed:
                    return term
        dnt = [t for t in self.terms if t.dnt and not t.proposed]
        return Term(lang, dnt[0].text, "preferred", dnt=True,
                    case_sensitive=dnt[0].case_sensitive) if dnt else None

    def accepted_terms(self, lang: str) -> list[Term]:
        """Every term a translation into ``lang`` may use, best first: preferred, then
        admitted (or, with none, the do-not-translate form ``target_term`` falls back to)."""
        accepted = [t for status in ACCEPTED_STATUSES for t in self.terms
                    if t.lang == lang and t.status == status and not t.proposed]
        if accepted:
            return accepted
        fallback = self.target_term(lang)
        return [fallback] if fallback else []

    def find_term(self, lang: str, text: str) -> Term | None:
        key = fold(text)
        return next((t for t in self.terms if t.lang == lang and fold(t.text) == key), None)

    def to_dict(self) -> dict:
        return {"id": self.id, "subject": self.subject, "definition": self.definition,
                "note": self.note, "created": self.created, "updated": self.updated,
                "review": self.review, "occurrences": self.occurrences,
                "context": self.context, "terms": [t.to_dict() for t in self.terms]}

    @property
    def proposed(self) -> bool:
        return self.review == PROPOSED

    @property
    def approved(self) -> bool:
        return self.review == APPROVED

    @property
    def pending(self) -> bool:
        """Waiting for a person: a proposed concept, or proposed terms of an approved one."""
        return self.proposed or (self.approved and any(t.proposed for t in self.terms))

    def used_terms(self) -> list[Term]:
        """The terms matching and enforcement use: none of a concept not approved, and no
        proposed term."""
        return [t for t in self.terms if not t.proposed] if self.approved else []

    def label(self) -> str:
        """A short human name: the first preferred term, English first."""
        for lang in ("en", "ru", "es"):
            term = self.target_term(lang)
            if term and not term.dnt:
                return term.text
        return self.terms[0].text if self.terms else (self.id or "")


def fold(text: str) -> str:
    """Comparison key for 'the same term': case, spacing and hyphen differences ignored."""
    return " ".join(text.replace("-", " ").replace("ё", "е").replace("Ё", "Е").lower().split())


def id_sort_key(cid: str) -> tuple[str, int, str]:
    """Concept ids in natural order: c2 before c10."""
    digits = cid.lstrip("abcdefghijklmnopqrstuvwxyz")
    return (cid[: len(cid) - len(digits)], int(digits) if digits.isdigit() else -1, cid)
