"""``triglot models``: list, find, install and remove Argos translation packages.

Only ``available`` and ``install SRC TGT`` use the network; ``install --file``
is for air-gapped machines. Packages go where ``argospm`` puts them.
"""

from __future__ import annotations

import json
from pathlib import Path

import click


def _warn(message: str) -> None:
    click.echo(f"triglot: warning: {message}", err=True)


def _code(value: str) -> str:
    """Accept ``RU`` for ``ru``, but keep codes such as ``pt_BR`` as Argos spells them."""
    from translator.core.languages import LANGUAGES

    code = value.strip()
    return code.lower() if code.lower() in LANGUAGES else code


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [headers, *rows]
    )


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group()
def models() -> None:
    """List, install and remove Argos translation packages."""


@models.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def list_command(as_json: bool) -> None:
    """Show installed packages (argospm's included)."""
    from translator.packages.store import installed_packages, package_dir

    packages = installed_packages(warn=_warn)
    if as_json:
        _echo_json([p.to_json() for p in packages])
        return
    if not packages:
        click.echo(f"No packages installed in {package_dir()}.")
        click.echo("Install one with: triglot models install ru en "
                   "(or --file PATH.argosmodel without network)")
        return
    rows = [[p.from_code, p.to_code, p.package_version or "?", _human_size(p.size_bytes),
             str(p.path)] for p in packages]
    click.echo(_table(["FROM", "TO", "VERSION", "SIZE", "PATH"], rows))


@models.command()
@click.option("--all", "show_all", is_flag=True, help="Every language, not only ru/en/es.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def available(show_all: bool, as_json: bool) -> None:
    """Show packages in the Argos index (uses the network)."""
    from translator.core.languages import LANGUAGES
    from translator.packages.index import available_packages
    from translator.packages.store import installed_packages

    entries = available_packages()
    if not show_all:
        entries = [e for e in entries if e.from_code in LANGUAGES and e.to_code in LANGUAGES]
    installed: dict[tuple[str, str], str] = {}
    for package in installed_packages(warn=_warn):
        installed.setdefault(package.pair, package.package_version)
    if as_json:
        _echo_json([{**e.to_json(), "installed_version": installed.get(e.pair)}
                    for e in entries])
        return
    if not entries:
        click.echo("The Argos package index offers no packages for ru/en/es "
                   "(see every language with --all).")
        return
    rows = [[e.from_code, e.to_code, e.package_version or "?", installed.get(e.pair, "-"),
             f"{e.from_name} -> {e.to_name}"] for e in entries]
    click.echo(_table(["FROM", "TO", "VERSION", "INSTALLED", "NAME"], rows))


@models.command()
@click.argument("source", required=False)
@click.argument("target", required=False)
@click.option("--file", "archive", type=click.Path(dir_okay=True, path_type=Path),
              help="Install this .argosmodel file instead of downloading (no network).")
def install(source: str | None, target: str | None, archive: Path | None) -> None:
    """Install a package from the index, or a file with --file.

    Downloads the newest SOURCE->TARGET package from the Argos index; with
    --file PATH.argosmodel, verifies and installs that file without network.

    \b
    Examples:
      triglot models install ru en
      triglot models install --file translate-ru_en-1_9.argosmodel
    """
    from translator.packages.install import install_package

    if (source is None) != (target is None):
        raise click.UsageError("give both SOURCE and TARGET (e.g. 'ru en'), or --file PATH")
    if archive is None and source is None:
        raise click.UsageError("give SOURCE TARGET to download, or --file PATH.argosmodel")
    pair = (_code(source), _code(target)) if source and target else None
    done = install_package(pair, archive,
                           on_download=lambda url: click.echo(f"Downloading {url}", err=True))
    package, previous = done.package, done.replaced
    click.echo(f"Installed {package.from_code}->{package.to_code} "
               f"version {package.package_version or '?'} "
               f"({_human_size(package.size_bytes)}) in {package.path}")
    if previous is not None:
        click.echo(f"Replaced version {previous.package_version or '?'} ({previous.path.name})")


@models.command()
@click.argument("source")
@click.argument("target")
def remove(source: str, target: str) -> None:
    """Remove an installed SOURCE->TARGET package."""
    from translator.packages.store import remove_package

    for package in remove_package(_code(source), _code(target)):
        click.echo(f"Removed {package.from_code}->{package.to_code} "
                   f"version {package.package_version or '?'} from {package.path}")
