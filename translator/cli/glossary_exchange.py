"""``triglot glossary import | merge | extract``: bring other glossaries and candidate
terms into a termbase (``glossary.exchange``, ``glossary.extract``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translator.cli.glossary_common import echo_json, glossary_option, json_option, open_termbase

FILE = click.Path(path_type=Path, dir_okay=False)
format_option = click.option(
    "--format", "fmt", type=click.Choice(["csv", "tsv", "xlsx", "tbx", "tbx2"]),
    help="File format (default: from the extension; .tbx exports TBX-Basic 3, tbx2 the "
    "TBX 2 'martif' that translate-toolkit and Weblate read; TBX imports tell them apart).")


def pair_options(func):
    """``--from``/``--to``: the languages of a two-column (source,target) table."""
    func = click.option("--to", "target", help="Target language of a two-column table.")(func)
    return click.option("--from", "source", help="Source language of a two-column "
                        "(source,target) table.")(func)


@click.command("import")
@glossary_option
@click.argument("file", type=FILE)
@format_option
@pair_options
@click.option("--sheet", help="XLSX sheet name (default: the first).")
@json_option
def import_command(glossary_path: Path | None, file: Path, fmt: str | None, source: str | None,
                   target: str | None, sheet: str | None, as_json: bool) -> None:
    """Import concepts from CSV/TSV, XLSX or TBX: all of them, or nothing on any error."""
    from glossary.exchange import import_file

    with open_termbase(glossary_path, "glossary import", create=True) as tb:
        ids = import_file(tb, file, fmt, source=source, target=target, sheet=sheet, warn=_warn)
    if as_json:
        echo_json({"imported": len(ids), "ids": ids})
    else:
        click.echo(f"imported {len(ids)} concept{'s' if len(ids) != 1 else ''} from {file}")


@click.command()
@glossary_option
@click.argument("other", type=FILE)
@format_option
@pair_options
@json_option
def merge(glossary_path: Path | None, other: Path, fmt: str | None, source: str | None,
          target: str | None, as_json: bool) -> None:
    """Merge another glossary (a .db or any importable file) into this one.

    Concepts sharing a term are combined; entries already here win and every
    disagreement is reported as a conflict. Exits 1 when there were conflicts.
    """
    from glossary.exchange import merge_concepts, read_other

    incoming = read_other(other, fmt, source=source, target=target, warn=_warn)
    with open_termbase(glossary_path, "glossary merge", create=True) as tb:
        report = merge_concepts(tb, incoming)
    if as_json:
        echo_json({**report.counts, "conflicts": report.conflicts})
    else:
        click.echo(", ".join(f"{n} {a}" for a, n in report.counts.items()))
        for message in report.conflicts:
            click.echo(f"conflict: {message}")
    if report.conflicts:
        sys.exit(1)


@click.command()
@glossary_option
@click.argument("files", nargs=-1, type=FILE)
@click.option("--lang", help="Language of FILES (and of the source side of --parallel); "
              "default: detected from the text.")
@click.option("--parallel", nargs=2, type=FILE, metavar="SRC TGT",
              help="Line-aligned source and target files: also propose target-language "
              "equivalents.")
@click.option("--to", "target", help="Language of the --parallel target file; default: "
              "detected.")
@click.option("--min-count", default=2, show_default=True, help="Ignore rarer candidates.")
@click.option("--top", default=200, show_default=True, help="Keep the best N candidates.")
@click.option("--max-words", default=4, show_default=True)
@click.option("--min-words", default=2, show_default=True,
              help="Shortest candidate; 1 also proposes single words.")
@click.option("--output", "-o", type=FILE, help="Write the CSV here (default: stdout).")
@click.option("--add", "add_file", type=FILE,
              help="Add the rows a reviewer kept from an extract CSV to the glossary as "
              "proposed entries (approve them with 'triglot glossary review').")
@json_option
def extract(glossary_path: Path | None, files: tuple[Path, ...], lang: str | None,
            parallel: tuple[Path, Path] | None, target: str | None, min_count: int, top: int,
            max_words: int, min_words: int, output: Path | None, add_file: Path | None,
            as_json: bool) -> None:
    """Propose candidate terms from FILES as CSV for review (or --add the reviewed CSV).

    \b
    triglot glossary extract article*.txt --lang ru -o candidates.csv
    triglot glossary extract --parallel src.en tgt.ru --lang en --to ru -o c.csv
    triglot glossary extract --add c.csv
    """
    from glossary import extract as ex
    from glossary.model import check_lang
    from translator.entities.io import common_language

    if add_file is not None:
        _add_reviewed(glossary_path, add_file, as_json)
        return
    lang = common_language(list(files) or list(parallel or ())[:1], lang, _warn)
    if parallel and not target:
        target = common_language(parallel[1:], None, _warn)
    candidates = ex.extract_from_files(list(files), lang, parallel=parallel, target=target,
                                       min_count=min_count, top=top, max_words=max_words,
                                       min_words=min_words, find_names=entity_spans)
    if as_json:
        echo_json([c.to_dict() for c in candidates])
        return
    text = ex.candidates_csv(candidates, check_lang(lang),
                             check_lang(target) if parallel and target else None)
    if output is None:
        click.echo(text, nl=False)
        return
    from translator.core.atomic import write_text_atomic

    write_text_atomic(output, text)
    click.echo(f"{len(candidates)} candidates written to {output}", err=True)


def _warn(message: str) -> None:
    click.echo(f"triglot: warning: {message}", err=True)


def _add_reviewed(glossary_path: Path | None, add_file: Path, as_json: bool) -> None:
    from glossary.exchange import add_reviewed

    with open_termbase(glossary_path, "glossary extract --add", create=True) as tb:
        added, skipped = add_reviewed(tb, add_file)
    if as_json:
        echo_json({"added": added, "already_present": skipped})
    else:
        click.echo(f"added {added} concept{'s' if added != 1 else ''} as proposed"
                   + (f"; {skipped} already in the glossary (kept as they are)"
                      if skipped else "")
                   + "; approve them with 'triglot glossary review'")


def entity_spans(lines: list[str], lang: str) -> list[list[tuple[int, int]]]:
    """Where the entity extractor finds people's names: a term candidate never holds one.

    Courts, agencies and places stay candidates: the glossary wants them too."""
    from translator.entities.extract import extract_many

    return [[(m.start, m.end) for m in found if m.type == "PER"]
            for found in extract_many(lines, lang)]
