"""The one place the review side reads a glossary: which one, and its concepts.

Everything after a run (summary, PO notes, report, proposals) asks for its
glossary here, through the glossary service (``glossary.service``), so every
command takes a termbase or any glossary file by the same rule.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.model import Concept
    from glossary.service import Glossary
    from translator.run_record import RunRecord


def resolve_glossary(path: Path | None) -> Path | None:
    """The glossary named, else $TRIGLOT_GLOSSARY, else ./glossary.db if present (one rule,
    ``glossary.service.resolve_glossary``, for every command)."""
    from glossary.service import resolve_glossary as resolve

    return resolve(path)


def load_concepts(path: Path | None, record: RunRecord | None = None) -> list[Concept]:
    """The concepts of a termbase (.db) or a glossary file (CSV/TSV/XLSX/TBX); none for None.

    With the run's ``record``, a termbase gives only the concepts its sentences can hold,
    and those whose rejected terms its translations can hold (``glossary.index``): the
    terms QA checks, without reading every concept of a large termbase.
    """
    if path is None:
        return []
    from glossary.service import Glossary

    if record is None:
        return Glossary.load(path).concepts()
    sources, translations = run_texts(record)
    return Glossary.load(path, texts=sources, rejected_in=translations).concepts()


def review_glossary(path: Path | None, record: RunRecord, enforced: Glossary | None
                    ) -> Glossary:
    """The glossary to review ``record`` with, as ``load_concepts`` gives it. When the run
    enforced the same termbase, the concepts already loaded for its sources are kept with
    their matchers, and only what the translations hold besides is read."""
    from glossary.service import Glossary

    if path is None:
        return Glossary([])
    sources, translations = run_texts(record)
    if enforced is not None and enforced.path is not None \
            and Path(enforced.path).resolve() == Path(path).resolve():
        return enforced.including(sources, rejected_in=translations)
    return Glossary.load(path, texts=sources, rejected_in=translations)


def run_texts(record: RunRecord) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Every source sentence of a run and every translation, each by language."""
    sources: dict[str, list[str]] = {}
    translations: dict[str, list[str]] = {}
    for doc in record.documents:
        for target, segments in doc.targets.items():
            for segment in segments:
                sources.setdefault(segment.lang, []).append(segment.source)
                translations.setdefault(target, []).append(segment.mt)
    return sources, translations


def concepts_digest(concepts: list[Concept]) -> str:
    """A short fingerprint of the concepts' content: equal glossaries, equal digests. Every
    field of every concept and term but the database's row numbers, as one repr (what
    ``to_dict`` holds, at a fraction of the cost of JSON for thousands of concepts)."""
    data = repr(sorted(
        (str(c.id), c.subject, c.definition, c.note, c.created, c.updated, c.review,
         c.occurrences, c.context,
         [(t.lang, t.text, t.status, t.pos, t.case_sensitive, t.dnt, t.note, t.source,
           t.created, t.updated, t.proposed) for t in c.terms])
        for c in concepts))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
