"""Read a run's record (``OUT/triglot-run.json``): its articles, sentences and MT.

``translate`` writes the record; the PO steps read it, so they need neither
the engine nor the models.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from translator.core.errors import TriglotError
from translator.pipeline import MANIFEST


@dataclass(frozen=True)
class RecordedSegment:
    ref: str  # paragraph ("p3")
    unit: int
    lang: str  # the sentence's source language
    source: str  # what MT saw (codes renumbered)
    mt: str
    #: Glossary enforcement (``translate --glossary``): {concept, source, target, status,
    #: reason?} per concept found in the sentence.
    terms: tuple[dict, ...] = ()


@dataclass
class RecordedDocument:
    source: Path
    relpath: str
    format: str
    lang: str
    targets: dict[str, list[RecordedSegment]] = field(default_factory=dict)

    def unit_languages(self) -> dict[int, str]:
        """The language each translated unit was read in, over all targets."""
        return {s.unit: s.lang for segments in self.targets.values() for s in segments}


@dataclass
class RunRecord:
    run_dir: Path
    documents: list[RecordedDocument]

    def document(self, relpath: str) -> RecordedDocument | None:
        return next((d for d in self.documents if d.relpath == relpath), None)


def read_run(run_dir: Path) -> RunRecord:
    """The record of the run in ``run_dir``, or one clear error."""
    run_dir = Path(run_dir)
    if not run_dir.exists():
        raise TriglotError("no such run directory", run_dir)
    if not run_dir.is_dir():
        raise TriglotError("not a directory (expected a translate --out folder)", run_dir)
    path = run_dir / MANIFEST
    if not path.is_file():
        raise TriglotError(f"not a triglot run: no {MANIFEST} (run 'triglot translate ... "
                           f"--out {run_dir}' first)", run_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        documents = [_document(entry, run_dir) for entry in data["documents"]]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise TriglotError(f"unreadable run record ({exc.__class__.__name__}: {exc})",
                           path) from None
    return RunRecord(run_dir, documents)


def _document(entry: dict, run_dir: Path) -> RecordedDocument:
    source = Path(entry.get("abspath") or entry["source"])
    doc = RecordedDocument(source, str(entry["relpath"]), str(entry["format"]),
                           str(entry["lang"]))
    for target, segments in entry["targets"].items():
        doc.targets[str(target)] = [
            RecordedSegment(str(s["ref"]), int(s["unit"]), str(s["lang"]), str(s["source"]),
                            str(s["mt"]), tuple(dict(t) for t in s.get("terms", ())))
            for s in segments]
    return doc
