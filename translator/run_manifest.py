"""Build the run record (``translator.run_record``) from a finished translate step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from translator.engines.base import options_label
from translator.run_record import (
    DocumentRecord,
    RunRecord,
    SegmentRecord,
    file_sha256,
    relative_source,
)

if TYPE_CHECKING:
    from translator.pipeline import Article, Planned, RunRequest
    from translator.stages import SentenceJob
    from translator.summary import RunSummary


def write_manifest(
    request: RunRequest,
    articles: list[Article],
    plan: list[Planned],
    jobs: dict[tuple[str, str, str], SentenceJob],
    summary: RunSummary,
) -> None:
    """Record the run (sources, sentences, MT, term records) for PO export and reports."""
    record = RunRecord(request.out_dir, summary.engine, dict(summary.models),
                       options_label(request.load, request.decoding))
    planned = {(item.index, item.target): item for item in plan}
    for index, article in enumerate(articles):
        doc = article.doc
        entry = DocumentRecord(relative_source(doc.path, request.out_dir), doc.relpath.as_posix(),
                               doc.format, doc.lang or "", file_sha256(doc.path))
        for target in request.targets:
            if (index, target) in planned:
                entry.targets[target] = [
                    segment_record(doc.units[s.unit].ref, s.unit, jobs[(s.lang, target, s.text)])
                    for s in planned[(index, target)].segments]
        record.documents.append(entry)
    record.save()


def segment_record(ref: str, unit: int, job: SentenceJob) -> SegmentRecord:
    return SegmentRecord(ref, unit, job.source, job.text, job.translation or "",
                         tuple(r.to_dict() for r in job.terms))
