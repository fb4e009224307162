"""Proposed glossary entries found in a run: shown apart from the approved ones.

A proposed concept (``entities clusters --to-glossary``, ``glossary extract --add``)
is never enforced nor marked as a glossary term; the review page lists where the
run's sources mention it, so a reviewer sees what waits for approval.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.model import Concept
    from translator.run_record import RunRecord


@dataclass
class ProposedRow:
    """One proposed concept: its id, label, the forms found and where."""

    concept: str
    label: str
    subject: str
    forms: dict[str, int] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(self.forms.values())


def proposed_rows(run: RunRecord, concepts: list[Concept]) -> list[ProposedRow]:
    """Each proposed concept the run's source sentences mention, most mentioned first."""
    from glossary.service import Glossary

    glossary = Glossary(concepts)
    if not glossary.proposed():
        return []
    rows: dict[str, ProposedRow] = {}
    for doc in run.documents:
        first = next(iter(doc.targets.values()), [])
        for number, segment in enumerate(first, start=1):
            for match in glossary.find_proposed(segment.source, segment.lang or doc.lang):
                concept = glossary.get(match.concept_id)
                row = rows.setdefault(match.concept_id, ProposedRow(
                    match.concept_id, concept.label(), concept.subject))
                row.forms[match.text] = row.forms.get(match.text, 0) + 1
                row.places.append(f"{doc.relpath} #{number}")
    return sorted(rows.values(), key=lambda r: (-r.count, r.label))
