"""``triglot glossary import | merge | extract``: bring other glossaries and candidate
terms into a termbase (``glossary.exchange``, ``glossary.extract``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import click

from translator.cli.glossary_common import glossary_option, json_option, open_termbase
from translator.cli.output import echo_json, note, warn
from translator.cli.paths import FilePath
from translator.core.i18n import _, ngettext

FILE = FilePath()
format_option = click.option(
    "--format", "fmt", type=click.Choice(["csv", "tsv", "xlsx", "tbx", "tbx2"]),
    help=_("File format (default: from the extension; .tbx exports TBX-Basic 3, tbx2 the "
           "TBX 2 'martif' that translate-toolkit and Weblate read; TBX imports tell them "
           "apart)."))
EXTRACT_EXAMPLES = """
\b
triglot glossary extract article*.txt --lang ru -o candidates.csv
triglot glossary extract --parallel src.en tgt.ru --lang en --to ru -o c.csv
triglot glossary extract --add c.csv"""


def pair_options(func):
    """``--from``/``--to``: the languages of a two-column (source,target) table."""
    func = click.option("--to", "target",
                        help=_("Target language of a two-column table."))(func)
    return click.option("--from", "source", help=_("Source language of a two-column "
                                                   "(source,target) table."))(func)


@click.command("import", help=_("Import concepts from CSV/TSV, XLSX or TBX: all of them, or "
                                "nothing on any error."))
@glossary_option
@click.argument("file", type=FILE)
@format_option
@pair_options
@click.option("--sheet", help=_("XLSX sheet name (default: the first)."))
@json_option
def import_command(glossary_path: Path | None, file: Path, fmt: str | None, source: str | None,
                   target: str | None, sheet: str | None, as_json: bool) -> None:
    from glossary.exchange import import_file
    from translator.progress import counting

    with ExitStack() as bars:  # a large import takes seconds: a bar once the file is read
        def progress(total: int) -> Callable[[int], None]:
            return bars.enter_context(counting(total, _("concepts"), _("importing"))).update

        with open_termbase(glossary_path, "glossary import", create=True) as tb:
            ids = import_file(tb, file, fmt, source=source, target=target, sheet=sheet,
                              warn=warn, progress=progress)
    if as_json:
        echo_json({"imported": len(ids), "ids": ids})
    else:
        click.echo(ngettext("imported {count} concept from {file}",
                            "imported {count} concepts from {file}",
                            len(ids)).format(count=len(ids), file=file))


@click.command(help=_(
    "Merge another glossary (a .db or any importable file) into this one.\n\nConcepts "
    "sharing a term are combined; entries already here win and every disagreement is "
    "reported as a conflict. Exits 1 when there were conflicts."))
@glossary_option
@click.argument("other", type=FILE)
@format_option
@pair_options
@json_option
def merge(glossary_path: Path | None, other: Path, fmt: str | None, source: str | None,
          target: str | None, as_json: bool) -> None:
    from glossary.exchange import merge_concepts, read_other

    incoming = read_other(other, fmt, source=source, target=target, warn=warn)
    with open_termbase(glossary_path, "glossary merge", create=True) as tb:
        report = merge_concepts(tb, incoming)
    if as_json:
        echo_json({**report.counts, "conflicts": report.conflicts})
    else:
        click.echo(_("{added} added, {merged} merged, {unchanged} unchanged, {conflict} "
                     "conflict").format(**report.counts))
        for message in report.conflicts:
            click.echo(_("conflict: {message}").format(message=message))
    if report.conflicts:
        sys.exit(1)


@click.command(help=_("Propose candidate terms from FILES as CSV for review (or --add the "
                      "reviewed CSV).") + "\n" + EXTRACT_EXAMPLES)
@glossary_option
@click.argument("files", nargs=-1, type=FILE)
@click.option("--lang", help=_("Language of FILES (and of the source side of --parallel); "
                               "default: detected from the text."))
@click.option("--parallel", nargs=2, type=FILE, metavar="SRC TGT",
              help=_("Line-aligned source and target files: also propose target-language "
                     "equivalents."))
@click.option("--to", "target", help=_("Language of the --parallel target file; default: "
                                       "detected."))
@click.option("--min-count", default=2, show_default=True,
              help=_("Ignore rarer candidates."))
@click.option("--top", default=200, show_default=True, help=_("Keep the best N candidates."))
@click.option("--max-words", default=4, show_default=True,
              help=_("Longest candidate, in words."))
@click.option("--min-words", default=2, show_default=True,
              help=_("Shortest candidate; 1 also proposes single words."))
@click.option("--output", "-o", type=FILE, help=_("Write the CSV here (default: stdout)."))
@click.option("--add", "add_file", type=FILE,
              help=_("Add the rows a reviewer kept from an extract CSV to the glossary as "
                     "proposed entries (approve them with 'triglot glossary review')."))
@json_option
def extract(glossary_path: Path | None, files: tuple[Path, ...], lang: str | None,
            parallel: tuple[Path, Path] | None, target: str | None, min_count: int, top: int,
            max_words: int, min_words: int, output: Path | None, add_file: Path | None,
            as_json: bool) -> None:
    from glossary import extract as ex
    from glossary.model import check_lang
    from translator.core.atomic import refuse_input_as_output
    from translator.entities.io import common_language

    if add_file is not None:
        _add_reviewed(glossary_path, add_file, as_json)
        return
    refuse_input_as_output(output, [*files, *(parallel or ())])
    lang = common_language(list(files) or list(parallel or ())[:1], lang, warn)
    if parallel and not target:
        target = common_language(parallel[1:], None, warn)
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
    note(ngettext("{count} candidate written to {path}", "{count} candidates written to {path}",
                  len(candidates)).format(count=len(candidates), path=output))


def _add_reviewed(glossary_path: Path | None, add_file: Path, as_json: bool) -> None:
    from glossary.exchange import add_reviewed

    with open_termbase(glossary_path, "glossary extract --add", create=True) as tb:
        added, skipped = add_reviewed(tb, add_file)
    if as_json:
        echo_json({"added": added, "already_present": skipped})
    else:
        if skipped:
            message = ngettext(
                "added {count} concept as proposed; {skipped} already in the glossary (kept "
                "as they are); approve them with 'triglot glossary review'",
                "added {count} concepts as proposed; {skipped} already in the glossary (kept "
                "as they are); approve them with 'triglot glossary review'", added)
        else:
            message = ngettext(
                "added {count} concept as proposed; approve them with 'triglot glossary review'",
                "added {count} concepts as proposed; approve them with 'triglot glossary "
                "review'", added)
        click.echo(message.format(count=added, skipped=skipped))


def entity_spans(lines: list[str], lang: str) -> list[list[tuple[int, int]]]:
    """Where the entity extractor finds people's names: a term candidate never holds one.

    Courts, agencies and places stay candidates: the glossary wants them too."""
    from translator.entities.extract import extract_many

    return [[(m.start, m.end) for m in found if m.type == "PER"]
            for found in extract_many(lines, lang)]
