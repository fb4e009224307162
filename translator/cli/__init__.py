"""The ``triglot`` command. Subcommands are imported only when run, so ``--help`` stays fast.

Each entry of ``COMMANDS`` names a module and the click command in it; a
module's heavy imports (ctranslate2, pandas, lxml) happen inside its functions.
"""

from __future__ import annotations

import gc
import importlib
import sys

import click

from translator import __version__
from translator.core import i18n
from translator.core.errors import EXIT_FAILURES, TriglotError, os_error_line
from translator.core.i18n import N_, _

i18n.install()  # before any command module builds its help texts
#: Words click shows through gettext without marking them for extraction ("[required]").
CLICK_WORDS = (N_("required"),)

COMMANDS: dict[str, tuple[str, str, str]] = {
    # name: (module, attribute, one-line help shown by `triglot --help`)
    "translate": ("translator.cli.translate", "translate",
                  N_("Translate articles (txt, md, html).")),
    "models": ("translator.cli.models", "models",
               N_("List, install and remove Argos packages.")),
    "glossary": ("translator.cli.glossary", "glossary",
                 N_("Keep a ru/en/es terminology glossary.")),
    "check": ("translator.cli.check", "check",
              N_("Check a translation against the glossary.")),
    "entities": ("translator.cli.entities", "entities",
                 N_("Find, align and cluster names.")),
    "po": ("translator.cli.po", "po",
           N_("Review translations as PO catalogs and import them back.")),
    "tm": ("translator.cli.tm", "tm",
           N_("Export or import the translation memory as TMX.")),
    "eval": ("translator.cli.eval", "eval_command",
             N_("Score a translation: BLEU, chrF, terms.")),
    "report": ("translator.cli.report", "report",
               N_("Write an HTML review page for a run.")),
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
        rows = [(name, _(COMMANDS[name][2])) for name in self.list_commands(ctx)]
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help=_("triglot: offline ru/en/es translation with consistent names and "
                    "terminology."))
@click.version_option(__version__, prog_name="triglot")
def cli() -> None:
    """The command group; its help text is the translated one above."""


#: Collect cycles after this many new objects rather than CPython's 700: a run's concepts,
#: matchers and records live until it ends and hold few cycles, and on a large glossary
#: the default rescans them all a few hundred times (a tenth of the run).
GC_THRESHOLDS = (50_000, 20, 20)


def main() -> None:
    """Console entry point: expected errors become one line on stderr, never a traceback."""
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(_("triglot: interrupted"), err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except TriglotError as exc:
        click.echo(_("triglot: error: {message}").format(message=exc), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo(_("triglot: interrupted"), err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)
    except OSError as exc:  # the system refused a file no check foresaw: still one line
        click.echo(_("triglot: error: {message}").format(message=os_error_line(exc)), err=True)
        sys.exit(EXIT_FAILURES)
