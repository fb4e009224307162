"""``triglot entities``: find names in ru/en/es texts, pair them across a translation, group them.

Only click is imported here; natasha, pymorphy3 and babel load inside the
commands, so ``triglot --help`` stays fast. Output is CSV, or JSON with --json.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from translator.cli.output import echo_json, error, warn
from translator.cli.paths import FilePath
from translator.core.i18n import _

if TYPE_CHECKING:
    from translator.entities.io import InputText

json_option = click.option("--json", "as_json", is_flag=True, help=_("Print JSON for scripts."))
lang_option = click.option("--lang", help=_("Language of every FILE (ru, en, es); "
                                            "default: detected from each file's text."))
files_argument = click.argument("files", nargs=-1, required=True,
                                type=click.Path(path_type=Path))


def _write_csv(headers: list[str], rows: list[list[object]]) -> None:
    """Cells quote articles: none may start a spreadsheet formula."""
    from glossary.formats.cells import neutralise

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([neutralise(c) if isinstance(c, str) else c for c in row] for row in rows)



def _read(files: tuple[Path, ...], lang: str | None) -> tuple[list[InputText], bool]:
    """The usable inputs, and whether any file failed (with several files, each is reported)."""
    from translator.entities.io import read_inputs

    several = len(files) > 1 or any(path.is_dir() for path in files)
    texts, errors = read_inputs(files, lang, on_error=error if several else None, warn=warn)
    return texts, bool(errors)


def _lines_bar(texts: list[InputText]) -> Any:
    """A bar over the lines names are read from, file by file (NER takes a second or
    more per 1,000 lines)."""
    from translator.progress import counting

    return counting(sum(len(text.segments) for text in texts), _("lines"),
                    _("finding names"))


@click.group("entities", help=_("Named entities in ru/en/es: extract, align across a "
                                 "translation, cluster, evaluate."))
def entities() -> None:
    """The ``entities`` group (its help text is the translated one above)."""


@entities.command("extract", help=_(
    "List the names (PER, ORG, LOC, MISC) in FILES, one line per mention.\n\n"
    "Segments are the lines of the files; Russian names also get their dictionary form."))
@files_argument
@lang_option
@click.option("--gazetteer", "gazetteer_path", type=FilePath(),
              help=_("A glossary whose terms count as known names."))
@json_option
def extract_command(files: tuple[Path, ...], lang: str | None, gazetteer_path: Path | None,
                    as_json: bool) -> None:
    from translator.entities.workflows import MENTION_COLUMNS, mention_rows

    texts, failed = _read(files, lang)
    with _lines_bar(texts) as bar:
        rows = mention_rows(texts, gazetteer_path, bar.update)
    if as_json:
        echo_json(rows)
    else:
        _write_csv(MENTION_COLUMNS, [[r[h] for h in MENTION_COLUMNS] for r in rows])
    sys.exit(1 if failed else 0)


@entities.command("align", help=_(
    "Pair each name in the source with its rendering in the translation, or mark it missing.\n\n"
    "Exits 1 when some names are missing from the translation."))
@click.option("--source", "source_path", required=True, type=click.Path(path_type=Path),
              help=_("The original text, one segment a line."))
@click.option("--translation", "translation_path", required=True,
              type=click.Path(path_type=Path), help=_("Its translation, line for line."))
@click.option("--from", "source_lang",
              help=_("Source language (ru, en, es); default: detected."))
@click.option("--to", "target_lang",
              help=_("Translation language (ru, en, es); default: detected."))
@json_option
def align_command(source_path: Path, translation_path: Path, source_lang: str | None,
                  target_lang: str | None, as_json: bool) -> None:
    from translator.entities.workflows import ALIGNMENT_COLUMNS, align_files, alignment_row

    pairs = align_files(source_path, translation_path, source_lang, target_lang, warn)
    rows = [alignment_row(pair) for pair in pairs]
    if as_json:
        echo_json(rows)
    else:
        _write_csv(ALIGNMENT_COLUMNS,
                   [["" if r[h] is None else r[h] for h in ALIGNMENT_COLUMNS] for r in rows])
    sys.exit(1 if any(p.missing for p in pairs) else 0)


@entities.command("clusters", help=_(
    "Group the mentions of one entity across FILES (any mix of ru, en, es).\n\n"
    "Each cluster has a canonical form per language and its variants with counts."))
@files_argument
@lang_option
@click.option("--to-glossary", "glossary_path", type=FilePath(),
              help=_("Add each cluster to this glossary as a proposed concept, enforced only "
                     "once approved with 'triglot glossary review' (existing entries win)."))
@click.option("--min-count", default=2, show_default=True, type=click.IntRange(1),
              help=_("Leave out clusters with fewer mentions."))
@json_option
def clusters_command(files: tuple[Path, ...], lang: str | None, glossary_path: Path | None,
                     min_count: int, as_json: bool) -> None:
    from translator.entities.workflows import (
        CLUSTER_COLUMNS,
        add_clusters_to_glossary,
        cluster_rows,
        clusters_in_context,
    )

    texts, failed = _read(files, lang)
    with _lines_bar(texts) as bar:
        clusters, contexts = clusters_in_context(texts, min_count, bar.update)
    if glossary_path is not None:
        click.echo(add_clusters_to_glossary(clusters, glossary_path, contexts), err=True)
    if as_json:
        echo_json([c.as_dict() for c in clusters])
    else:
        _write_csv(CLUSTER_COLUMNS, cluster_rows(clusters))
    sys.exit(1 if failed else 0)


@entities.command("eval", help=_("Precision, recall and F1 of extraction per language and "
                                  "alignment per language pair."))
@click.option("--sentences", "sentences_path", required=True, type=click.Path(path_type=Path),
              help=_("JSONL of sentence triples: id, en, ru, es."))
@click.option("--gold", "gold_path", required=True, type=click.Path(path_type=Path),
              help=_("JSONL of gold entities: id, and entities with type, en, ru, es."))
@json_option
def eval_command(sentences_path: Path, gold_path: Path, as_json: bool) -> None:
    from translator.entities.evaluate import evaluate
    from translator.entities.workflows import EVALUATION_COLUMNS, evaluation_rows

    report = evaluate(sentences_path, gold_path)
    if as_json:
        echo_json(report.as_dict())
        return
    _write_csv(EVALUATION_COLUMNS, evaluation_rows(report))
    if report.unlocated:
        warn(_("{count} gold forms not found in their sentence (first: {first})").format(
            count=len(report.unlocated), first=report.unlocated[0]))
