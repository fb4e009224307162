"""``triglot tm``: exchange the translation memory with other tools as TMX 1.4."""

from __future__ import annotations

from pathlib import Path

import click

from translator.cli.output import echo_beside, warn
from translator.cli.paths import FilePath
from translator.core.errors import quote_path
from translator.core.i18n import _, ngettext

tm_option = click.option(
    "--tm", "tm_path", type=click.Path(path_type=Path),
    help=_("The memory: a run folder (its triglot-tm.sqlite3, where 'po import' puts a "
           "story's reviews) or a memory file [default: $TRIGLOT_TM]."))


@click.group(help=_("Export or import the translation memory (reviewed translations) as "
                    "TMX 1.4."))
def tm() -> None:
    """The ``tm`` group (its help text is the translated one above)."""


@tm.command("export", help=_("Write every reviewed translation to TMX_FILE."))
@click.argument("tmx_file", type=FilePath())
@tm_option
def export_command(tmx_file: Path, tm_path: Path | None) -> None:
    from translator.core.atomic import refuse_input_as_output
    from translator.review.tm import memory_path
    from translator.review.tmx import export_memory

    memory = memory_path(tm_path, None)
    refuse_input_as_output(tmx_file, [memory])
    count = export_memory(tmx_file, memory)
    echo_beside(ngettext("exported {count} translation unit to {path}",
                         "exported {count} translation units to {path}", count).format(
        count=count, path=quote_path(tmx_file)), tmx_file)


@tm.command("import", help=_("Add the ru/en/es translation pairs of TMX_FILE to the memory "
                             "(all or nothing)."))
@click.argument("tmx_file", type=FilePath())
@tm_option
def import_command(tmx_file: Path, tm_path: Path | None) -> None:
    from translator.review.tm import memory_path
    from translator.review.tmx import import_memory

    read, added = import_memory(tmx_file, memory_path(tm_path, None), warn)
    click.echo(ngettext("imported {count} translation pair from {path} ({added} new)",
                        "imported {count} translation pairs from {path} ({added} new)",
                        read).format(count=read, path=quote_path(tmx_file), added=added))
