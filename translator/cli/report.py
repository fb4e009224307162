"""``triglot report``: an HTML review page for a translation run.

Exit 0 when the page is written (QA findings are shown on it, not in the exit
code: the page is for reading), 2 when the run or the glossary cannot be used.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from translator.core.errors import quote_path
from translator.review.report import DEFAULT_NAME
from translator.run_record import utf8_text


@click.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help=f"Where to write the page [default: RUN_DIR/{DEFAULT_NAME}].")
@click.option("--glossary", "-g", "glossary_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Termbase (.db) or glossary file (.csv/.tsv/.xlsx/.tbx) whose terms to mark;"
              " default $TRIGLOT_GLOSSARY or ./glossary.db if present.")
@click.option("--json", "as_json", is_flag=True, help="Print the page's counts as JSON.")
def report(run_dir: Path, output: Path | None, glossary_path: Path | None,
           as_json: bool) -> None:
    """Write a self-contained HTML page to review the run in RUN_DIR (the --out folder of
    `triglot translate`): source and translation side by side, glossary terms and names
    marked with their counterparts, QA findings, and terms or names rendered two ways."""
    from translator.review.report import write_report

    target, stats = write_report(run_dir, output, glossary_path)
    if as_json:
        click.echo(json.dumps({"output": utf8_text(str(target)), **stats.to_dict()}, indent=2))
        return
    click.echo(f"{stats.documents} documents, {stats.segments} segments, "
               f"{stats.findings} QA findings, {stats.inconsistent} terms or names rendered "
               f"two ways" + (f", {stats.from_memory} from the translation memory (marked TM)"
                              if stats.from_memory else ""))
    click.echo(f"report: {quote_path(target)}")
