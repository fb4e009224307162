"""``triglot report``: an HTML review page for a translation run.

Exit 0 when the page is written (QA findings are shown on it, not in the exit
code: the page is for reading), 2 when the run or the glossary cannot be used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from translator.cli.output import echo_beside
from translator.cli.paths import FilePath
from translator.core.errors import TriglotError, quote_path
from translator.core.i18n import _, ngettext
from translator.review.report import DEFAULT_NAME
from translator.run_record import utf8_text

if TYPE_CHECKING:
    from translator.review.report.page import ReportStats


@click.command(help=_(
    "Write a self-contained HTML page to review the run in RUN_DIR (the --out folder of "
    "`triglot translate`): source and translation side by side, glossary terms and names "
    "marked with their counterparts, QA findings, and terms or names rendered two ways."))
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=FilePath(),
              help=_("Where to write the page [default: RUN_DIR/{name}].").format(
                  name=DEFAULT_NAME))
@click.option("--glossary", "-g", "glossary_path", type=FilePath(),
              help=_("Termbase (.db) or glossary file (.csv/.tsv/.xlsx/.tbx) whose terms to "
                     "mark; default $TRIGLOT_GLOSSARY or ./glossary.db if present."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the page's counts as JSON."))
def report(run_dir: Path, output: Path | None, glossary_path: Path | None,
           as_json: bool) -> None:
    from translator.review.report import write_report

    _refuse_run_inputs(output, run_dir, glossary_path)
    target, stats = write_report(run_dir, output, glossary_path)
    if as_json:
        echo_beside(json.dumps({"output": utf8_text(str(target)), **stats.to_dict()}, indent=2),
                    target)
        return
    echo_beside(counts_line(stats), target)
    echo_beside(_("report: {path}").format(path=quote_path(target)), target)


def _refuse_run_inputs(output: Path | None, run_dir: Path, glossary_path: Path | None) -> None:
    """The page never replaces a run record (this run's or another's), the glossary, nor
    an article the run read or wrote."""
    from translator.core.atomic import refuse_input_as_output
    from translator.review.glossary_source import resolve_glossary
    from translator.run_record import RECORD_FILE

    if output is None:
        return
    if output.name == RECORD_FILE:
        raise TriglotError(_("is the record of a translation run; not overwritten, choose "
                             "another output file"), output)
    record = run_dir / RECORD_FILE if run_dir.is_dir() else run_dir
    if output.exists():  # only an existing file can be one of them: the record read once
        refuse_input_as_output(output, [record, resolve_glossary(glossary_path),
                                        *_run_articles(record.parent)])


def _run_articles(folder: Path) -> list[Path]:
    """The sources and translations a run's record names (none if it cannot be read:
    the report then says why)."""
    from translator.run_record import load

    try:
        record = load(folder)
    except TriglotError:
        return []
    return [path for doc in record.documents
            for path in (folder / doc.source, Path(doc.abspath) if doc.abspath else None,
                         *(folder / lang / doc.relpath for lang in doc.targets))
            if path is not None]


def counts_line(stats: ReportStats) -> str:
    counts = {"count": stats.documents, "segments": stats.segments, "findings": stats.findings,
              "inconsistent": stats.inconsistent, "memory": stats.from_memory}
    if stats.from_memory:
        return ngettext(
            "{count} document, {segments} segments, {findings} QA findings, {inconsistent} "
            "terms or names rendered two ways, {memory} from the translation memory (marked TM)",
            "{count} documents, {segments} segments, {findings} QA findings, {inconsistent} "
            "terms or names rendered two ways, {memory} from the translation memory (marked TM)",
            stats.documents).format(**counts)
    return ngettext("{count} document, {segments} segments, {findings} QA findings, "
                    "{inconsistent} terms or names rendered two ways",
                    "{count} documents, {segments} segments, {findings} QA findings, "
                    "{inconsistent} terms or names rendered two ways",
                    stats.documents).format(**counts)
