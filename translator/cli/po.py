"""``triglot po``: review catalogs of a run, exported, imported back and counted."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from translator.core.errors import EXIT_FAILURES, EXIT_OK

glossary_option = click.option(
    "--glossary", "-g", "glossary_path", type=click.Path(path_type=Path, dir_okay=False),
    help="Glossary whose terms are noted in the catalogs [default: $TRIGLOT_GLOSSARY or "
         "./glossary.db, when it exists].")
tm_option = click.option(
    "--tm", "tm_path", type=click.Path(path_type=Path),
    help="Translation memory: a memory file, or a run folder to share its memory [default: "
         "$TRIGLOT_TM, else the run folder's own, RUN_DIR/triglot-tm.sqlite3].")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group()
def po() -> None:
    """Review translations in PO editors (Poedit, Lokalize, Weblate) and bring them back."""


@po.command("export")
@click.argument("run_dir", type=click.Path(path_type=Path))
@glossary_option
@tm_option
@json_option
def export_command(run_dir: Path, glossary_path: Path | None, tm_path: Path | None,
                   as_json: bool) -> None:
    """Write or update the catalogs of the translate run in RUN_DIR.

    One catalog per article and language, RUN_DIR/locales/<lang>/LC_MESSAGES/<article>.po.
    Existing catalogs are merged as msgmerge does: reviewed entries are kept,
    changed sentences become fuzzy, vanished ones obsolete.
    """
    from translator.review.po.export import export_review

    result = export_review(run_dir, glossary_path, tm_path)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    for line in result.human_lines():
        click.echo(line)


@po.command("import")
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option("--use-fuzzy", is_flag=True,
              help="Use fuzzy (unreviewed) translations too; by default they keep the MT.")
@glossary_option
@tm_option
@json_option
def import_command(run_dir: Path, use_fuzzy: bool, glossary_path: Path | None,
                   tm_path: Path | None, as_json: bool) -> None:
    """Rebuild the translated articles of RUN_DIR from its reviewed catalogs.

    Reviewed entries replace the MT, reviewed pairs go into the translation
    memory, and reviewers' renderings that differ from the glossary are written
    to RUN_DIR/glossary-proposals.csv (proposed, not applied).
    """
    from translator.review.glossary_source import resolve_glossary
    from translator.review.po.importer import import_run
    from translator.review.tm import memory_path

    result = import_run(run_dir, memory_path(tm_path, run_dir), use_fuzzy,
                        resolve_glossary(glossary_path))
    for warning in result.warnings:
        click.echo(f"triglot: warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in result.human_lines():
            click.echo(line)
    sys.exit(EXIT_FAILURES if result.warnings else EXIT_OK)


@po.command("stats")
@click.argument("run_dir", type=click.Path(path_type=Path))
@json_option
def stats_command(run_dir: Path, as_json: bool) -> None:
    """Review progress per language and article: reviewed, fuzzy, untranslated entries
    and glossary findings (a noted glossary term the translation does not use)."""
    from translator.review.po.stats import run_stats

    stats = run_stats(run_dir)
    if as_json:
        click.echo(json.dumps(stats.to_dict(), ensure_ascii=False, indent=2))
        return
    for line in stats.table():
        click.echo(line)
