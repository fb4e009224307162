"""The ``triglot`` command. Subcommands are imported only when run, so ``--help`` stays fast.

Each entry of ``COMMANDS`` names a module and the click command in it; a
module's heavy imports (ctranslate2, pandas, lxml) happen inside its functions.
"""

from __future__ import annotations

import importlib
import sys

import click

from translator import __version__
from translator.core.errors import TriglotError

COMMANDS: dict[str, tuple[str, str, str]] = {
    # name: (module, attribute, one-line help shown by `triglot --help`)
    "translate": ("translator.cli.translate", "translate", "Translate articles (txt, md, html)."),
    "models": ("translator.cli.models", "models", "List, install and remove Argos packages."),
    "glossary": ("translator.cli.glossary", "glossary", "Keep a ru/en/es terminology glossary."),
    "check": ("translator.cli.check", "check", "Check a translation against the glossary."),
    "entities": ("translator.cli.entities", "entities", "Find, align and cluster names."),
    "po": ("translator.cli.po", "po", "Review translations as PO catalogs and import them back."),
    "tm": ("translator.cli.tm", "tm", "Export or import the translation memory as TMX."),
    "eval": ("translator.cli.eval", "eval_command", "Score a translation: BLEU, chrF, terms."),
    "report": ("translator.cli.report", "report", "Write an HTML review page for a run."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are loaded from ``COMMANDS`` on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute, _ = COMMANDS[name]
        return getattr(importlib.import_module(module_name), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="triglot")
def cli() -> None:
    """triglot: offline ru/en/es translation with consistent names and terminology."""


def main() -> None:
    """Console entry point: expected errors become one line on stderr, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("triglot: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except TriglotError as exc:
        click.echo(f"triglot: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("triglot: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
