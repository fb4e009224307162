"""``triglot glossary``: keep one ru/en/es termbase for a story, find its terms, exchange it.

The termbase is one SQLite file (``--glossary``, else $TRIGLOT_GLOSSARY, else
``./glossary.db``). Commands that only read (list, show, find, export) also take
a glossary file (CSV/TSV/XLSX/TBX) and refuse a missing one; commands that
change the termbase (add, edit, remove, import, merge, extract --add) need a
termbase and create it. Each command is a thin shell over ``glossary.*``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translator.cli.glossary_common import (
    LANGS,
    concept_rows,
    count_concepts,
    describe,
    glossary_option,
    json_option,
    load_glossary,
)
from translator.cli.glossary_edit import add, edit, remove
from translator.cli.glossary_exchange import extract, format_option, import_command, merge
from translator.cli.glossary_exchange import pair_options as _pairs
from translator.cli.glossary_review import review
from translator.cli.output import echo_beside, echo_json, table
from translator.cli.paths import FilePath
from translator.core.i18n import _, ngettext


@click.group(help=_("Keep a ru/en/es terminology base: add, find, import, export, merge, "
                    "extract, review."))
def glossary() -> None:
    """The ``glossary`` group (its help text is the translated one above)."""


for _command in (add, edit, remove, import_command, merge, extract, review):
    glossary.add_command(_command)


@glossary.command("list", help=_("List the concepts with their preferred terms."))
@glossary_option
@click.option("--lang", help=_("Only concepts with a term in this language."))
@click.option("--subject", help=_("Only concepts in this subject field."))
@json_option
def list_command(glossary_path: Path | None, lang: str | None, subject: str | None,
                 as_json: bool) -> None:
    from glossary.editing import select_concepts

    concepts = select_concepts(load_glossary(glossary_path).concepts(), lang, subject)
    if as_json:
        echo_json([c.to_dict() for c in concepts])
    elif not concepts:
        click.echo(_("no concepts"))
    else:
        click.echo(table(["id", _("subject"), *LANGS], concept_rows(concepts)))
        click.echo(count_concepts(len(concepts)))


@glossary.command(help=_("Show one concept with all its terms and their details."))
@glossary_option
@click.argument("concept_id")
@json_option
def show(glossary_path: Path | None, concept_id: str, as_json: bool) -> None:
    concept = load_glossary(glossary_path).get(concept_id)
    if as_json:
        echo_json(concept.to_dict())
    else:
        click.echo(describe(concept))


@glossary.command(help=_("Find glossary terms in TEXT, in any inflected form, with their "
                        "spans.\n\nExits 0 when terms were found, 1 when none were."))
@glossary_option
@click.argument("text", required=False)
@click.option("--file", "file_path", type=FilePath(),
              help=_("Search this UTF-8 text file instead of TEXT ('-' for stdin)."))
@click.option("--lang", help=_("Language of the text (default: detected; ru, en and es "
                               "when unsure)."))
@click.option("--to", "target", help=_("Also show the term a translation into this language "
                                       "should use."))
@json_option
def find(glossary_path: Path | None, text: str | None, file_path: Path | None,
         lang: str | None, target: str | None, as_json: bool) -> None:
    from glossary.formats import read_text
    from glossary.model import GlossaryError, check_lang
    from translator.core.reading import read_stream

    if (text is None) == (file_path is None):
        raise GlossaryError(_("give TEXT or --file, not both and not neither"))
    if file_path is not None:
        text = (read_stream(sys.stdin.buffer) if str(file_path) == "-"
                else read_text(file_path))
    from glossary.stopwords import plain_language

    found = check_lang(lang) if lang else plain_language(text or "")
    langs = [found] if found else list(LANGS)
    target = check_lang(target) if target else None
    glossary = load_glossary(glossary_path, texts={lang: [text or ""] for lang in langs})
    results = glossary.search(text or "", langs, target)
    if as_json:
        echo_json(results)
    elif results:
        headers = [_("span"), _("lang"), _("found"), _("term"), _("status"), _("concept")] + \
            ([_("target")] if target else [])
        rows = [[f"{r['start']}-{r['end']}", r["lang"], r["text"], r["term"], r["status"],
                 r["concept"]] + ([r.get("target") or "-"] if target else []) for r in results]
        click.echo(table(headers, rows))
    else:
        click.echo(_("no glossary terms found"))
    if not results:
        sys.exit(1)


@glossary.command(help=_("Export the glossary to CSV/TSV, XLSX or TBX (--from/--to: "
                        "two-column form)."))
@glossary_option
@click.argument("file", type=FilePath())
@format_option
@_pairs
@click.option("--no-header", is_flag=True, help=_("Two-column form without a header (DeepL)."))
def export(glossary_path: Path | None, file: Path, fmt: str | None, source: str | None,
           target: str | None, no_header: bool) -> None:
    from glossary.formats import write_glossary
    from translator.core.atomic import refuse_input_as_output

    loaded = load_glossary(glossary_path)
    refuse_input_as_output(file, [loaded.path])
    count = write_glossary(file, loaded.concepts(), fmt, source=source, target=target,
                           header=not no_header)
    echo_beside(ngettext("exported {count} entry to {file}", "exported {count} entries to {file}",
                         count).format(count=count, file=file), file)

