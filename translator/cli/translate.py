"""``triglot translate``: a folder of ru/en/es articles in, translated articles out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from translator.cli.po import glossary_option, tm_option
from translator.core.errors import EXIT_FAILURES, EXIT_OK


def _languages(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
    from translator.core.errors import TriglotError
    from translator.core.languages import parse_language_list

    try:
        return parse_language_list(value)
    except TriglotError as exc:
        raise click.BadParameter(exc.message) from None


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "targets", required=True, callback=_languages,
              help="Target language(s), comma-separated: es,en,ru.")
@click.option("--from", "source", type=click.Choice(["auto", "ru", "en", "es"]), default="auto",
              show_default=True, help="Source language; auto detects it per article and paragraph.")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Output folder: files go to OUT/<lang>/<same relative path>.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON on stdout.")
@click.option("--beam-size", default=4, show_default=True, type=click.IntRange(1, 16))
@click.option("--max-batch-tokens", default=2048, show_default=True, type=click.IntRange(16),
              help="Maximum padded tokens per MT batch.")
@click.option("--inter-threads", default=1, show_default=True, type=click.IntRange(1),
              help="Batches translated in parallel.")
@click.option("--intra-threads", default=0, show_default=True, type=click.IntRange(0),
              help="Threads per batch (0: CTranslate2 decides).")
@click.option("--compute-type", default="int8", show_default=True,
              type=click.Choice(["int8", "int8_float32", "int16", "float32", "auto"]))
@click.option("--cache", "cache_path", type=click.Path(path_type=Path),
              help="Translation cache file [default: ~/.cache/triglot/translations.sqlite3].")
@click.option("--no-cache", is_flag=True, help="Keep no translations on disk.")
@click.option("--po", "write_po", is_flag=True,
              help="Also write review catalogs: OUT/locales/<lang>/LC_MESSAGES/<article>.po.")
@click.option("--engine", "engine_name", default="argos", show_default=True,
              type=click.Choice(["argos", "apertium"]),
              help="MT engine: Argos packages, or Apertium (en<->es, from apt).")
@glossary_option
@tm_option
def translate(paths: tuple[Path, ...], targets: list[str], source: str, out_dir: Path,
              as_json: bool, beam_size: int, max_batch_tokens: int, inter_threads: int,
              intra_threads: int, compute_type: str, cache_path: Path | None,
              no_cache: bool, write_po: bool, glossary_path: Path | None,
              tm_path: Path | None, engine_name: str) -> None:
    """Translate articles (.txt, .md, .html) in PATHS, files or folders, offline.

    Sentences of all articles are batched together; each is translated once per
    target language and kept in a cache, so reruns are instant and an
    interrupted run resumes where it stopped. With no direct model for a pair,
    the run pivots through English (ru->en->es). Sentences with a reviewed
    translation in the translation memory take it instead of MT.

    With --glossary, its terms are enforced: names and do-not-translate terms
    pass through MT protected and come back in the glossary's form; other terms
    are replaced with the preferred term in the form the sentence needs.
    """
    from translator.cache import TranslationCache, default_cache_path
    from translator.engines.base import TranslateOptions
    from translator.engines.registry import make_engine
    from translator.pipeline import RunRequest, translate_run
    from translator.progress import Progress
    from translator.review.glossary_source import resolve_glossary
    from translator.review.tm import open_memory

    options = TranslateOptions(
        beam_size=beam_size, max_batch_tokens=max_batch_tokens, inter_threads=inter_threads,
        intra_threads=intra_threads, compute_type=compute_type,
    )
    request = RunRequest(list(paths), targets, out_dir,
                         None if source == "auto" else source, options)
    cache = TranslationCache(None if no_cache else (cache_path or default_cache_path()))
    glossary = resolve_glossary(glossary_path) if write_po or glossary_path else None
    enforcer = None
    if glossary_path is not None:  # enforcement only when asked for by name
        from translator.evaluation import load_concepts
        from translator.terminology import TermEnforcer

        concepts = load_concepts(glossary_path)
        enforcer = TermEnforcer(concepts)
    engine = make_engine(engine_name)
    memory = open_memory(tm_path)
    progress = Progress()
    try:
        summary = translate_run(request, engine, cache, progress, memory, enforcer)
    finally:
        progress.close()
        cache.close()
    # Consistency rows and review catalogs, from one annotation of the run (as `po export`).
    from translator.review.after_run import review_run

    with memory:
        review_run(out_dir, summary, memory, glossary, consistency=enforcer is not None,
                   write_po=write_po)

    for warning in summary.warnings:
        click.echo(f"triglot: warning: {warning}", err=True)
    for problem in summary.errors:
        click.echo(f"triglot: error: {problem.line()}", err=True)
    if as_json:
        json.dump(summary.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        click.echo()
    else:
        for line in summary.human_lines():
            click.echo(line)
        if summary.outputs:
            click.echo(f"output: {out_dir}")
    sys.exit(EXIT_FAILURES if summary.errors else EXIT_OK)
