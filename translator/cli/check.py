"""``triglot check``: terminology QA of a translation against the glossary.

Exit 0 when clean, 1 when there are findings, 2 on bad input.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from translator.cli.glossary import _table, glossary_option


@click.command()
@click.option("--source", "source_file", required=True,
              type=click.Path(path_type=Path, dir_okay=False), help="Source text file.")
@click.option("--translation", "translation_file", required=True,
              type=click.Path(path_type=Path, dir_okay=False), help="Its translation.")
@click.option("--from", "source", required=True, help="Source language: ru, en or es.")
@click.option("--to", "target", required=True, help="Translation language.")
@glossary_option
@click.option("--documents", is_flag=True, help="Treat each file as one document instead of "
              "line-aligned segments (automatic when the line counts differ).")
@click.option("--skip", "skipped", multiple=True, metavar="CHECK",
              help="Skip a check: missing-term, rejected-term, dnt-changed, number-mismatch, "
              "inconsistent (repeatable, or comma-separated).")
@click.option("--csv", "csv_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the findings as CSV ('-' for stdout instead of the table).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def check(source_file: Path, translation_file: Path, source: str, target: str,
          glossary_path: Path, documents: bool, skipped: tuple[str, ...], csv_path: Path | None,
          as_json: bool) -> None:
    """Check a translation against the glossary: missing and forbidden terms, changed
    do-not-translate terms, differing numbers, and inconsistent renderings."""
    from glossary.formats import read_text
    from glossary.model import GlossaryError, check_lang
    from glossary.qa import CHECKS, check_pairs
    from glossary.store import Termbase

    source, target = check_lang(source), check_lang(target)
    if source == target:
        raise GlossaryError(f"--from and --to are both '{source}'")
    skip = {name.strip() for value in skipped for name in value.split(",") if name.strip()}
    unknown = skip - set(CHECKS)
    if unknown:
        raise GlossaryError(f"unknown check '{sorted(unknown)[0]}': use {', '.join(CHECKS)}")
    src_text, tgt_text = read_text(source_file), read_text(translation_file)
    src_lines, tgt_lines = src_text.splitlines(), tgt_text.splitlines()
    if not documents and len(src_lines) != len(tgt_lines):
        click.echo(f"triglot: note: {source_file} has {len(src_lines)} lines and "
                   f"{translation_file} {len(tgt_lines)}; checking them as two documents",
                   err=True)
        documents = True
    pairs = [(src_text, tgt_text)] if documents else list(zip(src_lines, tgt_lines, strict=True))
    with Termbase.open(glossary_path) as tb:
        concepts = tb.concepts()
    findings = check_pairs(concepts, pairs, source, target,
                           [c for c in CHECKS if c not in skip])
    fields = ["check", "segment", "message", "source_term", "expected", "found", "concept_id"]
    if csv_path is not None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for finding in findings:
            writer.writerow(finding.to_dict())
        if str(csv_path) == "-":
            click.echo(buffer.getvalue(), nl=False)
        else:
            from translator.core.atomic import write_text_atomic

            write_text_atomic(csv_path, buffer.getvalue())
    if as_json:
        click.echo(json.dumps({"segments": len(pairs), "findings": [f.to_dict() for f in findings],
                               "counts": _counts(findings)}, ensure_ascii=False, indent=2))
    elif str(csv_path) != "-":
        if findings:
            rows = [[str(f.segment) if f.segment is not None else "all", f.check, f.message]
                    for f in findings]
            click.echo(_table(["line" if not documents else "doc", "check", "problem"], rows))
        counts = _counts(findings)
        summary = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
        click.echo(f"{len(pairs)} segment{'s' if len(pairs) != 1 else ''} checked: "
                   + (summary if findings else "no findings"))
    if findings:
        sys.exit(1)


def _counts(findings) -> dict[str, int]:
    from glossary.qa import CHECKS

    return {name: sum(f.check == name for f in findings) for name in CHECKS}
