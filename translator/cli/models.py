"""``triglot models``: list, find, install and remove Argos translation packages.

Only ``available`` and ``install SRC TGT`` use the network; ``install --file``
is for air-gapped machines. Packages go where ``argospm`` puts them.
"""

from __future__ import annotations

from pathlib import Path

import click

from translator.cli.output import echo_json, table, warn
from translator.core.i18n import _

JSON_HELP = _("Print JSON for scripts.")


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


def _headers(*names: str) -> list[str]:
    return [name.upper() for name in names]


@click.group(help=_("List, install and remove Argos translation packages."))
def models() -> None:
    """The ``models`` group (its help text is the translated one above)."""


@models.command("list", help=_("Show installed packages (argospm's included)."))
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
def list_command(as_json: bool) -> None:
    from translator.packages.store import installed_packages, package_dir

    packages = installed_packages(warn=warn)
    if as_json:
        echo_json([p.to_json() for p in packages])
        return
    if not packages:
        click.echo(_("No packages installed in {folder}.").format(folder=package_dir()))
        click.echo(_("Install one with: triglot models install ru en "
                     "(or --file PATH.argosmodel without network)"))
        return
    rows = [[p.from_code, p.to_code, p.package_version or "?", _human_size(p.size_bytes),
             str(p.path)] for p in packages]
    click.echo(table(_headers(_("from"), _("to"), _("version"), _("size"), _("path")), rows))


@models.command(help=_("Show packages in the Argos index (uses the network)."))
@click.option("--all", "show_all", is_flag=True, help=_("Every language, not only ru/en/es."))
@click.option("--json", "as_json", is_flag=True, help=JSON_HELP)
def available(show_all: bool, as_json: bool) -> None:
    from translator.core.languages import LANGUAGES
    from translator.packages.index import available_packages
    from translator.packages.store import installed_packages

    entries = available_packages()
    if not show_all:
        entries = [e for e in entries if e.from_code in LANGUAGES and e.to_code in LANGUAGES]
    installed: dict[tuple[str, str], str] = {}
    for package in installed_packages(warn=warn):
        installed.setdefault(package.pair, package.package_version)
    if as_json:
        echo_json([{**e.to_json(), "installed_version": installed.get(e.pair)}
                   for e in entries])
        return
    if not entries:
        click.echo(_("The Argos package index offers no packages for ru/en/es "
                     "(see every language with --all)."))
        return
    rows = [[e.from_code, e.to_code, e.package_version or "?", installed.get(e.pair, "-"),
             f"{e.from_name} -> {e.to_name}"] for e in entries]
    click.echo(table(_headers(_("from"), _("to"), _("version"), _("installed"), _("name")),
                     rows))


INSTALL_EXAMPLES = """
\b
triglot models install ru en
triglot models install --file translate-ru_en-1_9.argosmodel"""


@models.command(help=_(
    "Install a package from the index, or a file with --file.\n\n"
    "Downloads the newest SOURCE->TARGET package from the Argos index; with "
    "--file PATH.argosmodel, verifies and installs that file without network.")
    + "\n" + INSTALL_EXAMPLES)
@click.argument("source", required=False)
@click.argument("target", required=False)
@click.option("--file", "archive", type=click.Path(dir_okay=True, path_type=Path),
              help=_("Install this .argosmodel file instead of downloading (no network)."))
def install(source: str | None, target: str | None, archive: Path | None) -> None:
    from translator.packages.install import install_package

    if (source is None) != (target is None):
        raise click.UsageError(_("give both SOURCE and TARGET, such as 'ru en', or --file PATH"))
    if archive is None and source is None:
        raise click.UsageError(_("give SOURCE TARGET to download, or --file PATH.argosmodel"))
    pair = (_code(source), _code(target)) if source and target else None
    done = install_package(pair, archive, on_download=lambda url: click.echo(
        _("Downloading {url}").format(url=url), err=True))
    package, previous = done.package, done.replaced
    click.echo(_("Installed {pair} version {version} ({size}) in {folder}").format(
        pair=f"{package.from_code}->{package.to_code}", version=package.package_version or "?",
        size=_human_size(package.size_bytes), folder=package.path))
    if previous is not None:
        click.echo(_("Replaced version {version} ({name})").format(
            version=previous.package_version or "?", name=previous.path.name))


@models.command(help=_("Remove an installed SOURCE->TARGET package."))
@click.argument("source")
@click.argument("target")
def remove(source: str, target: str) -> None:
    from translator.packages.store import remove_package

    for package in remove_package(_code(source), _code(target)):
        click.echo(_("Removed {pair} version {version} from {folder}").format(
            pair=f"{package.from_code}->{package.to_code}",
            version=package.package_version or "?", folder=package.path))
