"""``triglot entities``: find names in ru/en/es texts, pair them across a translation, group them.

Only click is imported here; natasha, pymorphy3 and babel load inside the
commands, so ``triglot --help`` stays fast. Output is CSV, or JSON with --json.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from translator.entities.io import InputText

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
lang_option = click.option("--lang", help="Language of every FILE (ru, en, es); "
                           "default: detected from each file's text.")
files_argument = click.argument("files", nargs=-1, required=True,
                                type=click.Path(path_type=Path))


def _write_csv(headers: list[str], rows: list[list[object]]) -> None:
    """Cells quote articles: none may start a spreadsheet formula."""
    from glossary.formats.cells import neutralise

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([neutralise(c) if isinstance(c, str) else c for c in row] for row in rows)


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _report(exc: Exception) -> None:
    click.echo(f"triglot: error: {exc}", err=True)


def _warn(message: str) -> None:
    click.echo(f"triglot: warning: {message}", err=True)


def _read(files: tuple[Path, ...], lang: str | None) -> tuple[list[InputText], bool]:
    """The usable inputs, and whether any file failed (with several files, each is reported)."""
    from translator.entities.io import read_inputs

    texts, errors = read_inputs(files, lang, on_error=_report if len(files) > 1 else None,
                                warn=_warn)
    return texts, bool(errors)


@click.group("entities")
def entities() -> None:
    """Named entities in ru/en/es: extract, align across a translation, cluster, evaluate."""


@entities.command("extract")
@files_argument
@lang_option
@click.option("--gazetteer", "gazetteer_path", type=click.Path(path_type=Path, dir_okay=False),
              help="A glossary whose terms count as known names.")
@json_option
def extract_command(files: tuple[Path, ...], lang: str | None, gazetteer_path: Path | None,
                    as_json: bool) -> None:
    """List the names (PER, ORG, LOC, MISC) in FILES, one line per mention.

    Segments are the files' lines; Russian names also get their dictionary form.
    """
    from translator.entities.workflows import MENTION_COLUMNS, mention_rows

    texts, failed = _read(files, lang)
    rows = mention_rows(texts, gazetteer_path)
    if as_json:
        _echo_json(rows)
    else:
        _write_csv(MENTION_COLUMNS, [[r[h] for h in MENTION_COLUMNS] for r in rows])
    sys.exit(1 if failed else 0)


@entities.command("align")
@click.option("--source", "source_path", required=True, type=click.Path(path_type=Path),
              help="The original text, one segment a line.")
@click.option("--translation", "translation_path", required=True,
              type=click.Path(path_type=Path), help="Its translation, line for line.")
@click.option("--from", "source_lang", help="Source language (ru, en, es); default: detected.")
@click.option("--to", "target_lang", help="Translation language (ru, en, es); default: detected.")
@json_option
def align_command(source_path: Path, translation_path: Path, source_lang: str | None,
                  target_lang: str | None, as_json: bool) -> None:
    """Pair each name in the source with its rendering in the translation, or mark it missing.

    Exits 1 when some names are missing from the translation.
    """
    from translator.entities.workflows import ALIGNMENT_COLUMNS, align_files, alignment_row

    pairs = align_files(source_path, translation_path, source_lang, target_lang, _warn)
    rows = [alignment_row(pair) for pair in pairs]
    if as_json:
        _echo_json(rows)
    else:
        _write_csv(ALIGNMENT_COLUMNS,
                   [["" if r[h] is None else r[h] for h in ALIGNMENT_COLUMNS] for r in rows])
    sys.exit(1 if any(p.missing for p in pairs) else 0)


@entities.command("clusters")
@files_argument
@lang_option
@click.option("--to-glossary", "glossary_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Add each cluster to this glossary as a proposed concept, enforced only "
              "once approved with 'triglot glossary review' (existing entries win).")
@click.option("--min-count", default=2, show_default=True, type=click.IntRange(1),
              help="Leave out clusters with fewer mentions.")
@json_option
def clusters_command(files: tuple[Path, ...], lang: str | None, glossary_path: Path | None,
                     min_count: int, as_json: bool) -> None:
    """Group the mentions of one entity across FILES (any mix of ru, en, es).

    Each cluster has a canonical form per language and its variants with counts.
    """
    from translator.entities.workflows import (
        CLUSTER_COLUMNS,
        add_clusters_to_glossary,
        cluster_rows,
        clusters_in_context,
    )

    texts, failed = _read(files, lang)
    clusters, contexts = clusters_in_context(texts, min_count)
    if glossary_path is not None:
        click.echo(add_clusters_to_glossary(clusters, glossary_path, contexts), err=True)
    if as_json:
        _echo_json([c.as_dict() for c in clusters])
    else:
        _write_csv(CLUSTER_COLUMNS, cluster_rows(clusters))
    sys.exit(1 if failed else 0)


@entities.command("eval")
@click.option("--sentences", "sentences_path", required=True, type=click.Path(path_type=Path),
              help='JSONL of {"id", "en", "ru", "es"} sentence triples.')
@click.option("--gold", "gold_path", required=True, type=click.Path(path_type=Path),
              help='JSONL of {"id", "entities": [{"type", "en", "ru", "es"}]}.')
@json_option
def eval_command(sentences_path: Path, gold_path: Path, as_json: bool) -> None:
    """Precision, recall and F1 of extraction per language and alignment per language pair."""
    from translator.entities.evaluate import evaluate
    from translator.entities.workflows import EVALUATION_COLUMNS, evaluation_rows

    report = evaluate(sentences_path, gold_path)
    if as_json:
        _echo_json(report.as_dict())
        return
    _write_csv(EVALUATION_COLUMNS, evaluation_rows(report))
    if report.unlocated:
        click.echo(f"triglot: warning: {len(report.unlocated)} gold forms not found in their "
                   f"sentence (first: {report.unlocated[0]})", err=True)
