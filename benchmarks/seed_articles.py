"""Minimal intervention on real articles: the seed articles en->es through Apertium, plain and
with an approved glossary of their people and places
(``examples/glossary/seed-people-places.csv``).

Both runs are whole ``translate`` runs (reading, segmentation, the stages) through
fresh in-memory caches. For each sentence with a glossary term the table counts
whether plain Apertium already rendered every term as the glossary wants, and
whether enforcement changed the sentence; the goal is no change where nothing was
wrong. Every such change is printed with its term records.

    .venv/bin/python -m benchmarks.seed_articles [--engine apertium]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed-articles"
GLOSSARY = ROOT / "examples" / "glossary" / "seed-people-places.csv"


def run(engine, articles: list[Path], out: Path, enforcer=None) -> dict:
    """(article, unit, source sentence) -> (translation, term records) of one run."""
    from translator.cache import TranslationCache
    from translator.pipeline import RunRequest, translate_run
    from translator.progress import Progress
    from translator.run_record import load

    translate_run(RunRequest(articles, ["es"], out, "en"), engine, TranslationCache(None),
                  Progress(False), enforcer=enforcer)
    return {(doc.source, s.unit, s.source): (s.mt, s.terms)
            for doc in load(out).documents for s in doc.targets["es"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--changes", action="store_true",
                        help="also print the sentences changed where plain MT missed a term")
    args = parser.parse_args()
    articles = sorted(SEED.glob("*.txt"))
    if not articles:
        sys.exit(f"benchmark needs {SEED} (the shared corpus beside the project)")
    from glossary.service import Glossary
    from translator.engines.registry import make_engine
    from translator.terminology import TermEnforcer

    engine = make_engine(args.engine)
    glossary = Glossary.load(GLOSSARY)
    with tempfile.TemporaryDirectory() as tmp:
        plain = run(engine, articles, Path(tmp) / "plain")
        enforced = run(engine, articles, Path(tmp) / "enforced", TermEnforcer(glossary))
    tally = {(right, changed): 0 for right in (True, False) for changed in (True, False)}
    changed_right = []
    for key, (text, terms) in enforced.items():
        found = glossary.find(key[2], "en")
        if not found:
            continue
        before = plain[key][0]
        right = all(glossary.rendered(m.concept_id, before, "es")
                    == glossary.expected(m.concept_id, "es") for m in found)
        tally[(right, text != before)] += 1
        if text != before and (right or args.changes):
            changed_right.append((right, before, text, terms))
    print(f"seed articles en->es, {len(articles)} articles, {len(enforced)} sentences, "
          f"engine {engine.name}; glossary {GLOSSARY.name} ({len(glossary)} concepts)")
    print()
    print("| sentences with glossary terms | plain MT changed | left as plain MT |")
    print("|---|---|---|")
    for right, label in ((True, "plain MT had every term right"),
                         (False, "plain MT missed a term")):
        print(f"| {label} | {tally[(right, True)]} | {tally[(right, False)]} |")
    for right, before, text, terms in changed_right:
        why = "changed although right" if right else "changed, plain MT missed a term"
        print(f"\n{why}:\n  plain: {before}\n  now:   {text}\n  terms: "
              + "; ".join(f"{t['source']} -> {t['target']} ({t['status']})" for t in terms))


if __name__ == "__main__":
    main()
