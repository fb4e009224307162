"""``triglot tm``: exchange the translation memory with other tools as TMX 1.4."""

from __future__ import annotations

from pathlib import Path

import click

from translator.cli.po import tm_option


@click.group()
def tm() -> None:
    """Export or import the translation memory (reviewed translations) as TMX 1.4."""


@tm.command("export")
@click.argument("tmx_file", type=click.Path(path_type=Path, dir_okay=False))
@tm_option
def export_command(tmx_file: Path, tm_path: Path | None) -> None:
    """Write every reviewed translation to TMX_FILE."""
    from translator.review.tm import open_memory
    from translator.review.tmx import write_tmx

    with open_memory(tm_path) as memory:
        count = write_tmx(tmx_file, memory.units())
    click.echo(f"exported {count} translation units to {tmx_file}")


@tm.command("import")
@click.argument("tmx_file", type=click.Path(path_type=Path, dir_okay=False))
@tm_option
def import_command(tmx_file: Path, tm_path: Path | None) -> None:
    """Add the ru/en/es translation pairs of TMX_FILE to the memory (all or nothing)."""
    from translator.review.tm import open_memory
    from translator.review.tmx import read_tmx

    units = read_tmx(tmx_file)
    with open_memory(tm_path, create=True) as memory:
        added = memory.add(units)
    click.echo(f"imported {len(units)} translation pairs from {tmx_file} ({added} new)")
