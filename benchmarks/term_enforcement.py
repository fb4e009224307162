"""Glossary enforcement on real MT: FLORES dev with Apertium, plain and enforced.

The glossary is what a new user brings: the dev set's gold entity pairs as a plain
two-column CSV (``en,es``, nothing else; ``benchmarks.flores_glossary``), imported
into a termbase as ``triglot glossary import`` does. Each direction is translated
twice through fresh in-memory caches, plain and with enforcement; the table gives
term accuracy (``translator.evaluation``), chrF and BLEU against the reference, and
the time spent inside the engine (the fastest of ``--repeat`` runs, plain and
enforced taking turns) and the tokens given to it, the enforced run's as a ratio to
the plain one's.

``--with-terms`` adds the 94 common-noun concepts of
``examples/glossary/flores-dev-terms.csv`` (post-edited, never protected).

    .venv/bin/python -m benchmarks.term_enforcement [--pair en-es] [--with-terms] [--misses N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks.flores_glossary import FLORES, ROOT, csv_text, entity_rows

TERMS = ROOT / "examples" / "glossary" / "flores-dev-terms.csv"


class TimedEngine:
    """An engine whose translators add the seconds spent in ``translate`` to ``seconds``."""

    def __init__(self, engine) -> None:
        self.engine, self.name, self.seconds = engine, engine.name, 0.0
        self.tokens = 0  # what the engine was given, by its own count: steadier than time

    def pairs(self) -> set[tuple[str, str]]:
        return self.engine.pairs()

    def cache_key(self, load, decoding) -> str:
        return self.engine.cache_key(load, decoding)

    def load(self, source: str, target: str, load, decoding):
        inner = self.engine.load(source, target, load, decoding)
        outer = self

        class Timed:
            identity, token_count = inner.identity, inner.token_count

            def translate(self, batch: Sequence[str]) -> list[str]:
                outer.tokens += sum(map(inner.token_count, batch))
                started = time.perf_counter()
                try:
                    return inner.translate(batch)
                finally:
                    outer.seconds += time.perf_counter() - started

        return Timed()


def csv_glossary(folder: Path) -> tuple[list, str]:
    """The concepts of the plain CSV imported as is into a new termbase (a refused import
    ends the benchmark: the file is what a user brings), and how it went."""
    from glossary.exchange import import_file
    from glossary.store import Termbase

    path = folder / "flores-dev-entities.csv"
    path.write_text(csv_text(entity_rows()), encoding="utf-8")
    with Termbase.open(folder / "glossary.db", create=True) as termbase:
        import_file(termbase, path)
        return termbase.concepts(), f"{path.name} imported as is"


def with_terms(concepts: list) -> list:
    """``concepts`` and the common terms; a term wins over a name with its source form."""
    from glossary.formats import read_glossary
    from glossary.model import fold

    terms = read_glossary(TERMS)
    known = {fold(t.text) for c in terms for t in c.terms}
    return [c for c in concepts if not any(fold(t.text) in known for t in c.terms)] + terms


@dataclass
class Run:
    name: str
    outputs: list[str]
    jobs: dict
    engine_seconds: float
    engine_tokens: int
    fallbacks: int


def translate(engine, srcs: list[str], source: str, target: str, glossary=None,
              name: str = "plain MT") -> Run:
    from translator.cache import TranslationCache
    from translator.mt import MachineTranslator
    from translator.stages import make_jobs, translate_jobs
    from translator.terminology import TermEnforcer

    timed = TimedEngine(engine)
    jobs = {job.text: job for job in make_jobs((source, target, s) for s in srcs)}
    enforcer = TermEnforcer(glossary) if glossary is not None else None
    counts = translate_jobs(list(jobs.values()), MachineTranslator(timed, TranslationCache(None)),
                            enforcer=enforcer)
    return Run(name, [jobs[s].translation or "" for s in srcs], jobs, timed.seconds,
               timed.tokens, counts.placeholder_fallbacks)


def fastest(makers: list[Callable[[], Run]], repeat: int) -> list[Run]:
    """Each kind of run ``repeat`` times, the kinds taking turns (the machine is shared, so
    its load changes), and of each kind the run with the least engine time."""
    done: list[list[Run]] = [[] for _ in makers]
    for _ in range(max(1, repeat)):
        for runs, make in zip(done, makers, strict=True):
            runs.append(make())
    return [min(runs, key=lambda run: run.engine_seconds) for runs in done]


def report(runs: list[Run], glossary, srcs: list[str], refs: list[str], source: str,
           target: str, misses: int = 0) -> None:
    from translator.evaluation import corpus_scores, term_accuracy

    print("| run | term accuracy | chrF | BLEU | engine time | engine input (tokens) |")
    print("|---|---|---|---|---|---|")
    base = runs[0]
    base_chrf = corpus_scores(base.outputs, [refs]).chrf
    for run in runs:
        tally = term_accuracy(glossary, srcs, run.outputs, source, target)
        scores = corpus_scores(run.outputs, [refs])
        print(f"| {run.name} | {tally.correct / max(1, tally.total):.3f} "
              f"({tally.correct}/{tally.total}) | {scores.chrf:.2f} "
              f"({scores.chrf - base_chrf:+.2f}) | {scores.bleu:.2f} | "
              f"{run.engine_seconds:.1f} s (x{run.engine_seconds / base.engine_seconds:.2f}) | "
              f"{run.engine_tokens} (x{run.engine_tokens / base.engine_tokens:.2f}) |")
        records = [r for job in run.jobs.values() for r in job.terms]
        if records:
            statuses = Counter(r.status for r in records)
            changed = sum(out != plain for out, plain in zip(run.outputs, base.outputs,
                                                             strict=True))
            print(f"|   | {', '.join(f'{n} {s}' for s, n in statuses.most_common())}; "
                  f"{changed} sentences changed; placeholders broken in {run.fallbacks} | | | | |")
        for miss in tally.misses[:misses] if run is not base else []:
            print(f"  miss line {miss.line}: {miss.source_term} -> {miss.expected}: "
                  f"{run.outputs[miss.line - 1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--pair", action="append", help="en-es, es-en (default both)")
    parser.add_argument("--misses", type=int, default=0, help="show N remaining misses")
    parser.add_argument("--with-terms", action="store_true",
                        help=f"add the common terms of {TERMS.name}")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each kind; the fastest one's engine time is shown")
    args = parser.parse_args()
    if not (FLORES / "entities.jsonl").is_file():
        sys.exit(f"benchmark needs {FLORES} (the shared corpus beside the project)")
    from translator.engines.registry import make_engine

    engine = make_engine(args.engine)
    with tempfile.TemporaryDirectory() as tmp:
        glossary, how = csv_glossary(Path(tmp))
    print(f"glossary: {len(glossary)} concepts from the FLORES dev gold entities; {how}")
    if args.with_terms:
        glossary = with_terms(glossary)
        print(f"  + the common terms of {TERMS.name}: {len(glossary)} concepts")
    for pair in args.pair or ["en-es", "es-en"]:
        source, target = pair.split("-")
        srcs = (FLORES / f"flores-dev.{source}").read_text(encoding="utf-8").splitlines()
        refs = (FLORES / f"flores-dev.{target}").read_text(encoding="utf-8").splitlines()
        print(f"\nFLORES dev {source}->{target}, {len(srcs)} sentences, engine {engine.name}")
        translate(engine, srcs[:20], source, target)  # start the engine before timing it
        runs = fastest([partial(translate, engine, srcs, source, target),
                        partial(translate, engine, srcs, source, target, glossary,
                                "with enforcement")], args.repeat)
        report(runs, glossary, srcs, refs, source, target, args.misses)


if __name__ == "__main__":
    main()
