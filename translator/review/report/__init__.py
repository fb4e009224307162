"""The review page of a translation run: one self-contained HTML file.

``translator.review.annotator`` finds glossary terms, names and QA findings in
each segment (or the run record already holds them); ``annotate`` turns them
into marks paired across the two sides; ``consistency`` gathers every
rendering of each term and name across the run; ``page`` writes the HTML
(inline CSS, no scripts, every text escaped).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.model import Concept
    from translator.review.report.page import ReportStats

DEFAULT_NAME = "triglot-report.html"


def build_report(run_dir: Path, concepts: list[Concept] | None = None,
                 glossary_name: str = "") -> tuple[str, ReportStats]:
    """The review page for a run, and the counts a summary line needs."""
    from translator.review.annotator import annotate
    from translator.review.report.annotate import document_views
    from translator.review.report.consistency import collect_renderings
    from translator.review.report.page import render_page
    from translator.review.report.proposed import proposed_rows
    from translator.run_record import load

    run = load(run_dir)
    annotations = annotate(run, concepts or [])
    return render_page(run, document_views(run, annotations),
                       collect_renderings(run, annotations), glossary_name,
                       proposed=proposed_rows(run, concepts or []))


def write_report(run_dir: Path, output: Path | None = None,
                 glossary: Path | None = None) -> tuple[Path, ReportStats]:
    """``triglot report``: the page written to ``output`` (default RUN_DIR/triglot-report.html),
    with the glossary named, else the default one; returns where it went and its counts."""
    from translator.core.atomic import write_text_atomic
    from translator.review.glossary_source import load_concepts, resolve_glossary
    from translator.run_record import load

    glossary = resolve_glossary(glossary)
    concepts = load_concepts(glossary, load(run_dir)) if glossary else []
    page, stats = build_report(run_dir, concepts, str(glossary or ""))
    target = output or (run_dir if run_dir.is_dir() else run_dir.parent) / DEFAULT_NAME
    write_text_atomic(target, page)
    return target, stats
