"""What ``triglot translate`` does once the articles are written: review it in one call.

The run record is read once, its sentences are annotated once (glossary terms,
names, QA findings) and the annotations are stored in the record, so the
consistency rows of the summary, the PO catalogs written now and a later
``triglot report`` with the same glossary all show the same findings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from translator.core.errors import TriglotError

if TYPE_CHECKING:
    from glossary.service import Glossary
    from translator.review.tm import TranslationMemory
    from translator.summary import RunSummary


def review_run(run_dir: Path, summary: RunSummary, memory: TranslationMemory,
               glossary: Path | None, consistency: bool, write_po: bool,
               enforced: Glossary | None = None) -> None:
    """Annotate the run in ``run_dir`` with ``glossary`` and fill in ``summary``.

    ``consistency``: every term with its renderings (``translate --glossary``);
    ``write_po``: the review catalogs (``translate --po``), whose notes name the
    names, so then the names' renderings are compared too. Finding names takes
    NER over every sentence on both sides, which costs more than translating them
    with Apertium, so a glossary run alone checks its terms and leaves names to
    the review (``--po``, ``triglot report``). ``enforced``: the glossary the run
    enforced, whose concepts and matchers are reused. A failure is one more error of
    the run, not an exception: the articles are written.
    """
    if not summary.outputs or not (consistency or write_po):
        return
    from translator.review.annotator import annotate
    from translator.review.glossary_source import review_glossary
    from translator.review.po.export import export_record
    from translator.review.report.consistency import collect_renderings
    from translator.run_record import load
    from translator.summary import Problem

    try:
        record = load(run_dir)
        annotations = annotate(record, review_glossary(glossary, record, enforced),
                               entities=write_po)
        annotations.store(record)
        record.save()
        if consistency:
            summary.consistency = [row.to_dict()
                                   for row in collect_renderings(record, annotations)]
        if write_po:
            summary.catalogs = [str(path) for path in
                                export_record(record, memory, annotations).catalogs]
    except TriglotError as exc:
        summary.errors.append(Problem(exc.path or str(run_dir), exc.message))
