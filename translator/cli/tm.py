"""``triglot tm``: exchange the translation memory with other tools as TMX 1.4."""

from __future__ import annotations

from pathlib import Path

import click

from translator.core.errors import quote_path

tm_option = click.option(
    "--tm", "tm_path", type=click.Path(path_type=Path),
    help="The memory: a run folder (its triglot-tm.sqlite3, where 'po import' puts a "
         "story's reviews) or a memory file [default: $TRIGLOT_TM].")


@click.group()
def tm() -> None:
    """Export or import the translation memory (reviewed translations) as TMX 1.4."""


@tm.command("export")
@click.argument("tmx_file", type=click.Path(path_type=Path, dir_okay=False))
@tm_option
def export_command(tmx_file: Path, tm_path: Path | None) -> None:
    """Write every reviewed translation to TMX_FILE."""
    from translator.review.tm import memory_path
    from translator.review.tmx import export_memory

    count = export_memory(tmx_file, memory_path(tm_path, None))
    click.echo(f"exported {count} translation units to {quote_path(tmx_file)}")


@tm.command("import")
@click.argument("tmx_file", type=click.Path(path_type=Path, dir_okay=False))
@tm_option
def import_command(tmx_file: Path, tm_path: Path | None) -> None:
    """Add the ru/en/es translation pairs of TMX_FILE to the memory (all or nothing)."""
    from translator.review.tm import memory_path
    from translator.review.tmx import import_memory

    read, added = import_memory(tmx_file, memory_path(tm_path, None))
    click.echo(f"imported {read} translation pairs from {quote_path(tmx_file)} ({added} new)")
