"""Bringing other glossaries into a termbase: import a file, merge a glossary, add the
reviewed candidates of ``glossary extract``.

An import is all or nothing; a merge keeps the entries already in the termbase
and reports every disagreement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from glossary.formats import read_glossary
from glossary.merging import MergeResult
from glossary.model import Concept
from glossary.store import Termbase

ACTIONS = ("added", "merged", "unchanged", "conflict")
Warn = Callable[[str], None]


@dataclass
class MergeReport:
    """What a merge did, concept by concept, summed up."""

    results: list[MergeResult] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {action: sum(r.action == action for r in self.results) for action in ACTIONS}

    @property
    def conflicts(self) -> list[str]:
        return [message for r in self.results for message in r.conflicts]


def import_file(termbase: Termbase, file: Path, fmt: str | None = None, *,
                source: str | None = None, target: str | None = None,
                sheet: str | None = None, warn: Warn | None = None,
                progress: Callable[[int], Callable[[int], None]] | None = None) -> list[str]:
    """Add every concept of a glossary file, or none when one is bad or already there;
    what the file's reader merged or changed goes to ``warn``. ``progress``, given the
    number of concepts read, returns what hears them added (a progress bar)."""
    concepts = read_glossary(file, fmt, source=source, target=target, sheet=sheet, warn=warn)
    if progress is None:
        return termbase.import_concepts(concepts, file)
    return termbase.import_concepts(_reported(concepts, progress(len(concepts))), file)


def _reported(concepts: list[Concept], added: Callable[[int], None]) -> Iterator[Concept]:
    """``concepts``, saying every 1,000 (and the last few) once they are added."""
    for number, concept in enumerate(concepts, start=1):
        yield concept  # the next one is asked for once this one is added
        if number % 1000 == 0 or number == len(concepts):
            added(number % 1000 or 1000)


def read_other(path: Path, fmt: str | None = None, *, source: str | None = None,
               target: str | None = None, warn: Warn | None = None) -> list[Concept]:
    """The concepts of another glossary: a termbase (``.db``) or any glossary file."""
    if Path(path).suffix.lower() == ".db" and fmt is None:
        with Termbase.open(path) as other:
            return other.concepts()
    return read_glossary(path, fmt, source=source, target=target, warn=warn)


def merge_concepts(termbase: Termbase, incoming: list[Concept]) -> MergeReport:
    """Fold ``incoming`` into the termbase in one transaction; entries already there win."""
    with termbase.transaction():
        return MergeReport([termbase.merge_concept(c) for c in incoming])


def add_reviewed(termbase: Termbase, path: Path) -> tuple[int, int]:
    """Add the rows kept from an extract CSV as proposed concepts, each with its count and
    example as context, for ``glossary review``: (added, already in the glossary)."""
    from glossary.extract import read_reviewed

    concepts = read_reviewed(path)
    for concept, (count, example) in zip(concepts, _counts_and_examples(path), strict=False):
        concept.review, concept.occurrences, concept.context = "proposed", count, example
    report = merge_concepts(termbase, concepts)
    added = report.counts["added"]
    return added, len(report.results) - added


def _counts_and_examples(path: Path) -> list[tuple[int, str]]:
    """The count and example of each kept row of an extract CSV, in row order."""
    import csv
    import io

    from glossary.formats.files import read_text

    rows = [r for r in csv.DictReader(io.StringIO(read_text(path), newline=""))
            if any((v or "").strip() for v in r.values())]
    return [(int(c) if (c := (r.get("count") or "").strip()).isdigit() else 0,
             (r.get("example") or "").strip()) for r in rows]
