"""``triglot check``: terminology QA of a translation against the glossary.

The glossary is a termbase or any glossary file (``-g terms.csv``). Exit 0 when
clean, 1 when there are findings, 2 on bad input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from translator.cli.glossary_common import glossary_option, load_glossary, table


@click.command()
@click.option("--source", "source_file", required=True,
              type=click.Path(path_type=Path, dir_okay=False), help="Source text file.")
@click.option("--translation", "translation_file", required=True,
              type=click.Path(path_type=Path, dir_okay=False), help="Its translation.")
@click.option("--from", "source", help="Source language: ru, en or es; default: detected.")
@click.option("--to", "target", help="Translation language; default: detected.")
@glossary_option
@click.option("--documents", is_flag=True, help="Treat each file as one document instead of "
              "line-aligned segments (automatic when the line counts differ).")
@click.option("--skip", "skipped", multiple=True, metavar="CHECK",
              help="Skip a check: missing-term, rejected-term, dnt-changed, number-mismatch, "
              "inconsistent (repeatable, or comma-separated).")
@click.option("--csv", "csv_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the findings as CSV ('-' for stdout instead of the table).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def check(source_file: Path, translation_file: Path, source: str | None, target: str | None,
          glossary_path: Path | None, documents: bool, skipped: tuple[str, ...],
          csv_path: Path | None, as_json: bool) -> None:
    """Check a translation against the glossary: missing and forbidden terms, changed
    do-not-translate terms, differing numbers, and inconsistent renderings."""
    from glossary.model import check_lang
    from glossary.qa import check_files, checks_without
    from translator.entities.io import file_language, read_input

    checks = checks_without(skipped)
    source = check_lang(source) if source else \
        file_language(source_file, read_input(source_file), None, _warn, "--from")
    target = check_lang(target) if target else \
        file_language(translation_file, read_input(translation_file), None, _warn, "--to")
    report = check_files(load_glossary(glossary_path, source=source, target=target),
                         source_file, translation_file, source, target, documents=documents,
                         checks=checks)
    if report.note:
        click.echo(f"triglot: note: {report.note}", err=True)
    if csv_path is not None:
        _write_csv(csv_path, report.csv())
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif str(csv_path) != "-":
        _echo_table(report)
    if report.findings:
        sys.exit(1)


def _warn(message: str) -> None:
    click.echo(f"triglot: warning: {message}", err=True)


def _write_csv(path: Path, text: str) -> None:
    if str(path) == "-":
        click.echo(text, nl=False)
        return
    from translator.core.atomic import write_text_atomic

    write_text_atomic(path, text)


def _echo_table(report) -> None:
    if report.findings:
        rows = [[str(f.segment) if f.segment is not None else "all", f.check, f.message]
                for f in report.findings]
        click.echo(table(["line" if not report.documents else "doc", "check", "problem"], rows))
    summary = ", ".join(f"{n} {name}" for name, n in report.counts.items() if n)
    click.echo(f"{report.segments} segment{'s' if report.segments != 1 else ''} checked: "
               + (summary if report.findings else "no findings"))
