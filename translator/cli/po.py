"""``triglot po``: review catalogs of a run, exported, imported back and counted."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translator.cli.output import echo_json, warn
from translator.cli.paths import FilePath
from translator.core.errors import EXIT_FAILURES, EXIT_OK
from translator.core.i18n import _

glossary_option = click.option(
    "--glossary", "-g", "glossary_path", type=FilePath(),
    help=_("Glossary whose terms are noted in the catalogs [default: $TRIGLOT_GLOSSARY or "
           "./glossary.db, when it exists]."))
tm_option = click.option(
    "--tm", "tm_path", type=click.Path(path_type=Path),
    help=_("Translation memory: a memory file, or a run folder to share its memory [default: "
           "$TRIGLOT_TM, else the run folder's own, RUN_DIR/triglot-tm.sqlite3]."))
json_option = click.option("--json", "as_json", is_flag=True, help=_("Print JSON for scripts."))


@click.group(help=_("Review translations in PO editors (Poedit, Lokalize, Weblate) and bring "
                    "them back."))
def po() -> None:
    """The ``po`` group (its help text is the translated one above)."""


@po.command("export", help=_(
    "Write or update the catalogs of the translate run in RUN_DIR.\n\n"
    "One catalog per article and language, RUN_DIR/locales/<lang>/LC_MESSAGES/<article>.po. "
    "Existing catalogs are merged as msgmerge does: reviewed entries are kept, changed "
    "sentences become fuzzy, vanished ones obsolete."))
@click.argument("run_dir", type=click.Path(path_type=Path))
@glossary_option
@tm_option
@json_option
def export_command(run_dir: Path, glossary_path: Path | None, tm_path: Path | None,
                   as_json: bool) -> None:
    from translator.review.po.export import export_review

    result = export_review(run_dir, glossary_path, tm_path)
    if as_json:
        echo_json(result.to_dict())
        return
    for line in result.human_lines():
        click.echo(line)


@po.command("import", help=_(
    "Rebuild the translated articles of RUN_DIR from its reviewed catalogs.\n\n"
    "Reviewed entries replace the MT, reviewed pairs go into the translation memory, and "
    "renderings by reviewers that differ from the glossary are written to "
    "RUN_DIR/glossary-proposals.csv (proposed, not applied)."))
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option("--use-fuzzy", is_flag=True,
              help=_("Use fuzzy (unreviewed) translations too; by default they keep the MT."))
@glossary_option
@tm_option
@json_option
def import_command(run_dir: Path, use_fuzzy: bool, glossary_path: Path | None,
                   tm_path: Path | None, as_json: bool) -> None:
    from translator.review.glossary_source import resolve_glossary
    from translator.review.po.importer import import_run
    from translator.review.tm import memory_path

    result = import_run(run_dir, memory_path(tm_path, run_dir), use_fuzzy,
                        resolve_glossary(glossary_path))
    for warning in result.warnings:
        warn(warning)
    if as_json:
        echo_json(result.to_dict())
    else:
        for line in result.human_lines():
            click.echo(line)
    sys.exit(EXIT_FAILURES if result.warnings else EXIT_OK)


@po.command("stats", help=_(
    "Review progress per language and article: reviewed, fuzzy, untranslated entries and "
    "glossary findings (a noted glossary term the translation does not use)."))
@click.argument("run_dir", type=click.Path(path_type=Path))
@json_option
def stats_command(run_dir: Path, as_json: bool) -> None:
    from translator.review.po.stats import run_stats

    stats = run_stats(run_dir)
    if as_json:
        echo_json(stats.to_dict())
        return
    for line in stats.table():
        click.echo(line)
