"""``triglot check``: terminology QA of a translation against the glossary.

The glossary is a termbase or any glossary file (``-g terms.csv``). Exit 0 when
clean, 1 when there are findings, 2 on bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translator.cli.glossary_common import glossary_option, load_glossary
from translator.cli.output import echo_json, note, table, warn
from translator.cli.paths import FilePath, is_stdout
from translator.core.i18n import _, ngettext


@click.command(help=_("Check a translation against the glossary: missing and forbidden "
                      "terms, changed do-not-translate terms, differing numbers, and "
                      "inconsistent renderings."))
@click.option("--source", "source_file", required=True, type=FilePath(),
              help=_("Source text file."))
@click.option("--translation", "translation_file", required=True, type=FilePath(),
              help=_("Its translation."))
@click.option("--from", "source", help=_("Source language: ru, en or es; default: detected."))
@click.option("--to", "target", help=_("Translation language; default: detected."))
@glossary_option
@click.option("--documents", is_flag=True, help=_("Treat each file as one document instead "
              "of line-aligned segments (automatic when the line counts differ)."))
@click.option("--skip", "skipped", multiple=True, metavar="CHECK",
              help=_("Skip a check: missing-term, rejected-term, dnt-changed, "
                     "number-mismatch, inconsistent (repeatable, or comma-separated)."))
@click.option("--csv", "csv_path", type=FilePath(),
              help=_("Also write the findings as CSV ('-' for stdout instead of the table)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON for scripts."))
def check(source_file: Path, translation_file: Path, source: str | None, target: str | None,
          glossary_path: Path | None, documents: bool, skipped: tuple[str, ...],
          csv_path: Path | None, as_json: bool) -> None:
    from glossary.model import check_lang
    from glossary.qa import check_files, checks_without
    from translator.core.atomic import refuse_input_as_output
    from translator.entities.io import file_language, read_input

    checks = checks_without(skipped)
    source = check_lang(source) if source else \
        file_language(source_file, read_input(source_file), None, warn, "--from")
    target = check_lang(target) if target else \
        file_language(translation_file, read_input(translation_file), None, warn, "--to")
    loaded = load_glossary(glossary_path, source=source, target=target)
    refuse_input_as_output(csv_path, [source_file, translation_file, loaded.path])
    report = check_files(loaded, source_file, translation_file, source, target,
                         documents=documents, checks=checks)
    if report.note:
        note(report.note)
    if csv_path is not None:
        _write_csv(csv_path, report.csv())
    if as_json:
        echo_json(report.to_dict())
    elif str(csv_path) != "-" and not is_stdout(csv_path):
        _echo_table(report)
    if report.findings:
        sys.exit(1)


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
        click.echo(table([_("doc") if report.documents else _("line"), _("check"),
                          _("problem")], rows))
    summary = ", ".join(f"{n} {name}" for name, n in report.counts.items() if n)
    checked = ngettext("{count} segment checked", "{count} segments checked",
                       report.segments).format(count=report.segments)
    click.echo(f"{checked}: {summary if report.findings else _('no findings')}")
