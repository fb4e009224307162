"""``triglot translate``: a folder of ru/en/es articles in, translated articles out."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from translator.cache import cache_path_for, unused_user_cache
from translator.cli.output import error, warn
from translator.cli.po import glossary_option, tm_option
from translator.core.errors import EXIT_FAILURES, EXIT_OK
from translator.core.i18n import _
from translator.engines.base import BatchingOptions, DecodingOptions, LoadOptions
from translator.engines.registry import ENGINES, engines_help
from translator.review.tm import memory_path, open_memory, unused_user_memory

if TYPE_CHECKING:
    from translator.summary import RunSummary


def _languages(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
    """``--to``: a bad language is one ``triglot: error:`` line (exit 2), not a usage block."""
    from translator.core.languages import parse_language_list

    return parse_language_list(value)


HELP = _(
    "Translate articles (.txt, .md, .html) in PATHS, files or folders, offline.\n\n"
    "Sentences of all articles are batched together; each is translated once per target "
    "language and kept in the run folder's cache (OUT/triglot-cache.sqlite3; --cache), so "
    "reruns are instant and an interrupted run resumes where it stopped. With no direct "
    "model for a pair, the run pivots through English "
    "(ru->en->es). Sentences with a reviewed translation in the run folder's memory "
    "(OUT/triglot-tm.sqlite3; --tm) take it instead of machine translation.\n\n"
    "With --glossary, its terms are enforced: names and do-not-translate terms pass through "
    "the engine protected and come back in the glossary's form; other terms are replaced with the "
    "preferred term in the form the sentence needs.")


@click.command(help=HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "targets", required=True, callback=_languages,
              help=_("Target languages, comma-separated: es,en,ru."))
@click.option("--from", "source", type=click.Choice(["auto", "ru", "en", "es"]), default="auto",
              show_default=True,
              help=_("Source language; auto detects it per article and paragraph."))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help=_("Output folder: each file goes to OUT/LANG/ under its path relative "
                     "to the input."))
@click.option("--json", "as_json", is_flag=True,
              help=_("Print the run summary as JSON on stdout."))
@click.option("--beam-size", default=4, show_default=True, type=click.IntRange(1, 16),
              help=_("Hypotheses the decoder keeps (higher: slower, sometimes better)."))
@click.option("--max-batch-tokens", default=2048, show_default=True, type=click.IntRange(16),
              help=_("Maximum padded tokens per batch the engine translates."))
@click.option("--inter-threads", default=1, show_default=True, type=click.IntRange(1),
              help=_("Batches translated in parallel."))
@click.option("--intra-threads", default=0, show_default=True, type=click.IntRange(0),
              help=_("Threads per batch (0: CTranslate2 decides)."))
@click.option("--compute-type", default="int8", show_default=True,
              type=click.Choice(["int8", "int8_float32", "int16", "float32", "auto"]),
              help=_("Number type of the model's weights on the CPU."))
@click.option("--cache", "cache_path", type=click.Path(path_type=Path),
              help=_("Translation cache file [default: $TRIGLOT_CACHE, else the run "
                     "folder's own, OUT/triglot-cache.sqlite3]."))
@click.option("--no-cache", is_flag=True, help=_("Keep no translations on disk."))
@click.option("--po", "write_po", is_flag=True, help=_(
    "Also write review catalogs, one per article: OUT/locales/LANG/LC_MESSAGES/ARTICLE.po."))
@click.option("--engine", "engine_name", default="argos", show_default=True,
              type=click.Choice(ENGINES), help=engines_help())
@click.option("--ray", "ray_address", metavar="ADDRESS", help=_(
    "Translate on a Ray cluster: HOST:PORT, ray://HOST:PORT, or auto (this machine's, "
    "started if none runs). Needs pip install 'triglot[ray]'."))
@glossary_option
@tm_option
def translate(paths: tuple[Path, ...], targets: list[str], source: str, out_dir: Path,
              as_json: bool, beam_size: int, max_batch_tokens: int, inter_threads: int,
              intra_threads: int, compute_type: str, cache_path: Path | None,
              no_cache: bool, write_po: bool, glossary_path: Path | None,
              tm_path: Path | None, engine_name: str, ray_address: str | None) -> None:
    started = time.perf_counter()  # the run's time includes the review after it
    from translator.pipeline import RunRequest, translate_with
    from translator.review.after_run import review_run
    from translator.terminology import run_glossary

    request = RunRequest(list(paths), targets, out_dir, None if source == "auto" else source,
                         LoadOptions("cpu", compute_type, inter_threads, intra_threads),
                         DecodingOptions(beam_size), BatchingOptions(max_batch_tokens),
                         ray_address)
    chosen = run_glossary(glossary_path, for_catalogs=write_po)
    glossary, enforcer = chosen.path, chosen.enforcer
    memory = open_memory(memory_path(tm_path, out_dir))
    cache = cache_path_for(cache_path, no_cache, out_dir)
    old_cache = unused_user_cache(cache)  # said once the run is done, with its warnings

    def review(summary: RunSummary) -> None:
        summary.memory = str(memory.path)
        summary.warnings += old_cache + unused_user_memory(memory.path)
        with memory:
            try:
                review_run(out_dir, summary, memory, glossary, consistency=enforcer is not None,
                           write_po=write_po, enforced=enforcer and enforcer.glossary)
            except (OSError, UnicodeError) as exc:  # the articles are written: keep the summary
                summary.warnings.append(_("the review after the run failed ({reason})").format(
                    reason=exc))

    summary = translate_with(request, engine_name, cache, memory, enforcer, after=review)
    summary.seconds = time.perf_counter() - started
    _report(summary, out_dir, as_json)


def _report(summary: RunSummary, out_dir: Path, as_json: bool) -> None:
    """Warnings and errors on stderr, the summary on stdout; the exit code says if all went well."""
    for warning in summary.warnings:
        warn(warning)
    for problem in summary.errors:
        error(problem.line())
    if as_json:
        click.echo(_json_text(summary.to_dict()))
    else:
        for line in summary.human_lines():
            click.echo(line)
        if summary.outputs:
            click.echo(_("output: {folder}").format(folder=out_dir))
    sys.exit(EXIT_FAILURES if summary.errors else EXIT_OK)


def _json_text(data: dict) -> str:
    """The summary as JSON; file names that are not UTF-8 come out as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, indent=2)
    return text
