"""Corpus consistency: every rendering of each glossary term and name across a whole run.

A glossary term counts by the glossary term the translation used (its
dictionary form, so Russian case endings are one rendering); a name by the
dictionary form of its aligned rendering. A term or name with two or more
renderings is flagged: readers of several articles should meet one name for one
person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from glossary.model import Concept
    from translator.review.annotations import RunAnnotations
    from translator.run_record import RunRecord


@dataclass
class Rendering:
    text: str
    places: list[str] = field(default_factory=list)  # "relpath (lang) #segment"


@dataclass
class ConsistencyRow:
    """One term or name in one direction, and how the run rendered it."""

    kind: str  # "term" or "entity"
    label: str  # the source term or name, dictionary form
    source_lang: str
    target_lang: str
    renderings: dict[str, Rendering] = field(default_factory=dict)  # folded text -> rendering
    missing: list[str] = field(default_factory=list)  # places where it was not found
    expected: str = ""  # terms: the glossary's target term

    @property
    def inconsistent(self) -> bool:
        return len(self.renderings) > 1

    @property
    def occurrences(self) -> int:
        return sum(len(r.places) for r in self.renderings.values()) + len(self.missing)

    def add(self, text: str | None, place: str) -> None:
        from glossary.model import fold

        if text is None:
            self.missing.append(place)
            return
        self.renderings.setdefault(fold(text), Rendering(text)).places.append(place)

    def ordered(self) -> list[Rendering]:
        return sorted(self.renderings.values(), key=lambda r: (-len(r.places), r.text))

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "label": self.label, "from": self.source_lang,
            "to": self.target_lang, "expected": self.expected or None,
            "renderings": {r.text: len(r.places) for r in self.ordered()},
            "missing": len(self.missing), "two_ways": self.inconsistent,
        }

    def line(self) -> str:
        shown = ", ".join(f"{r.text} x{len(r.places)}" for r in self.ordered())
        return f"{self.label} ({self.source_lang}->{self.target_lang}): {shown}"


def run_consistency(run_dir: Path, concepts: list[Concept]) -> list[ConsistencyRow]:
    """Every term and name of the run in ``run_dir`` with its renderings across all outputs."""
    from translator.review.annotator import annotate
    from translator.run_record import load

    record = load(run_dir)
    return collect_renderings(record, annotate(record, concepts))


def collect_renderings(record: RunRecord, annotations: RunAnnotations) -> list[ConsistencyRow]:
    """Rows for every term and name of the run, the inconsistent ones first."""
    from glossary.model import fold

    rows: dict[tuple, ConsistencyRow] = {}
    for doc, tgt, number, segment, found in annotations.walk(record):
        place = f"{doc.relpath} ({tgt}) #{number}"
        src = segment.lang
        for use in found.term_uses():
            key = ("term", use.concept_id, tgt)
            row = rows.get(key)
            if row is None:
                row = rows[key] = ConsistencyRow("term", use.source, src, tgt,
                                                 expected=use.expected)
            if src not in row.source_lang.split(","):  # one term, several source languages
                row.source_lang += f",{src}"
                row.label += f" / {use.source}"
            row.add(use.rendered, place)
        for pair in found.names:
            key = ("entity", src, tgt, fold(pair.source.normal))
            row = rows.get(key)
            if row is None:
                row = rows[key] = ConsistencyRow("entity", pair.source.normal, src, tgt)
            row.add(pair.target.normal if pair.target else None, place)
    return sorted(rows.values(), key=lambda r: (not r.inconsistent, r.kind != "term",
                                                -r.occurrences, r.label.lower()))
