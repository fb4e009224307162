"""The review page of a translation run: one self-contained HTML file.

``manifest`` reads ``RUN_DIR/triglot-run.json``; ``annotate`` finds glossary
terms, names and QA findings in each segment and pairs them across the two
sides; ``consistency`` gathers every rendering of each term and name across
the run; ``page`` writes the HTML (inline CSS, no scripts, every text escaped).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.model import Concept
    from translator.review.report.page import ReportStats


def build_report(run_dir: Path, concepts: list[Concept] | None = None,
                 glossary_name: str = "") -> tuple[str, ReportStats]:
    """The review page for a run, and the counts a summary line needs."""
    from translator.review.report.annotate import annotate_run
    from translator.review.report.consistency import collect_renderings
    from translator.review.report.page import render_page
    from translator.run_record import load

    run = load(run_dir)
    views = annotate_run(run, concepts or [])
    renderings = collect_renderings(views)
    return render_page(run, views, renderings, glossary_name)
