"""What terminology survives an engine that garbles placeholders and respells names.

FLORES dev through Apertium, with the plain two-column glossary of the dev gold
entities (as ``benchmarks.term_enforcement``), enforced twice: once through the
well-behaved engine, once through ``tests.garbling_engine.GarblingEngine``
wrapping it (placeholders dropped, reordered, duplicated and corrupted, names
respelled the way transliteration varies, at its default rates). The table gives
term accuracy, and the sentences lost (empty, or with a placeholder left in) or
duplicated (half again as long as plain MT of the same engine, or with a name put back
through a placeholder more often than the source has it).

    .venv/bin/python -m benchmarks.garbled_terms [--pair en-es] [--scale 2] [--engine apertium]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from benchmarks.flores_glossary import FLORES
from benchmarks.term_enforcement import Run, csv_glossary, translate

#: A placeholder, whole or in a corrupted form, left in a translation.
LEFT_CODE_RE = re.compile(r"<\s*/?\s*[xX]\s*\d+\s*/?\s*>|&lt;x\d+|(?<![\w-])x\d+(?![\w-])")


def lost_and_duplicated(run: Run, plain: Run, srcs: list[str], glossary, source: str,
                        target: str) -> tuple[int, int]:
    lost = duplicated = 0
    for src, out, before in zip(srcs, run.outputs, plain.outputs, strict=True):
        if not out.strip() or (LEFT_CODE_RE.search(out) and not LEFT_CODE_RE.search(src)):
            lost += 1
            continue
        job = run.jobs[src]
        protected = {r.concept for r in job.terms if r.status == "protected"}
        in_source = [m.concept_id for m in glossary.find(src, source)]
        if len(out) > 1.5 * max(len(before), 1) or any(
                len(glossary.renderings(cid, out, target)) > in_source.count(cid)
                for cid in protected):
            duplicated += 1
    return lost, duplicated


def scaled(rates, factor: float):
    from dataclasses import fields, replace

    return replace(rates, **{f.name: min(1.0, getattr(rates, f.name) * factor)
                             for f in fields(rates)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--pair", action="append", help="en-es, es-en (default both)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every garbling rate (capped at 1)")
    args = parser.parse_args()
    if not (FLORES / "entities.jsonl").is_file():
        sys.exit(f"benchmark needs {FLORES} (the shared corpus beside the project)")
    from glossary.service import Glossary
    from tests.garbling_engine import GarblingEngine, Rates
    from translator.engines.registry import make_engine
    from translator.evaluation import term_accuracy

    engine = make_engine(args.engine)
    garbling = GarblingEngine(engine, scaled(Rates(), args.scale))
    with tempfile.TemporaryDirectory() as tmp:
        concepts, how = csv_glossary(Path(tmp))
    glossary = Glossary(concepts)
    print(f"glossary: {len(concepts)} concepts from the FLORES dev gold entities; {how}")
    print(f"garbling rates: {garbling.rates}")
    for pair in args.pair or ["en-es", "es-en"]:
        source, target = pair.split("-")
        srcs = (FLORES / f"flores-dev.{source}").read_text(encoding="utf-8").splitlines()
        print(f"\nFLORES dev {source}->{target}, {len(srcs)} sentences")
        print("| engine | run | term accuracy | lost | duplicated | protected passes broken |")
        print("|---|---|---|---|---|---|")
        for label, used in (("well-behaved", engine), ("garbling", garbling)):
            plain = translate(used, srcs, source, target)
            for run in (plain, translate(used, srcs, source, target, glossary, "enforced")):
                tally = term_accuracy(glossary, srcs, run.outputs, source, target)
                lost, duplicated = lost_and_duplicated(run, plain, srcs, glossary, source,
                                                       target)
                broken = run.fallbacks if run.jobs and run.name == "enforced" else "-"
                print(f"| {label} | {run.name} | {tally.correct / max(1, tally.total):.3f} "
                      f"({tally.correct}/{tally.total}) | {lost} | {duplicated} | {broken} |")


if __name__ == "__main__":
    main()
