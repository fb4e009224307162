"""Glossary enforcement on real MT: FLORES dev en->es with Apertium, without and with it.

The glossary is the dev set's gold entities (en/es forms as proper-name
concepts, protected through MT) plus the common-noun terms of
``examples/glossary/flores-dev-terms.csv`` (post-edited). Both runs go
through the same MachineTranslator in this process; the table gives term
accuracy (``translator.evaluation``), BLEU and chrF, and the ratio of each
to the plain-MT baseline.

    .venv/bin/python -m benchmarks.term_enforcement [--engine apertium] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLORES = ROOT.parent / "shared" / "corpus" / "flores-dev"
TERMS = ROOT / "examples" / "glossary" / "flores-dev-terms.csv"


def entity_concepts(path: Path, source: str, target: str) -> list:
    """One proper-name concept per gold entity form (the commonest target form preferred,
    the others admitted); the source form is matched case-sensitively ("Ma" is a name,
    "ma" is not)."""
    from glossary.model import Concept, Term, fold

    forms: dict[str, Counter[str]] = {}
    spelled: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        for entity in json.loads(line)["entities"]:
            src, tgt = entity.get(source), entity.get(target)
            if src and tgt:
                key = fold(src)
                spelled.setdefault(key, src)
                forms.setdefault(key, Counter())[" ".join(tgt.split())] += 1
    concepts = []
    for number, (key, counter) in enumerate(sorted(forms.items()), start=1):
        terms = [Term(source, spelled[key], pos="properNoun", case_sensitive=True)]
        seen = {fold(spelled[key])} if source == target else set()
        for rank, (form, _) in enumerate(counter.most_common()):
            if fold(form) in seen:
                continue
            seen.add(fold(form))
            terms.append(Term(target, form, "preferred" if rank == 0 else "admitted",
                              pos="properNoun"))
        concepts.append(Concept(id=f"e{number}", subject="named entity (gold)", terms=terms))
    return concepts


def glossary(source: str, target: str) -> tuple[list, list, list]:
    """(all concepts, the entity ones, the term ones); terms win over an entity
    with the same source form."""
    from glossary.formats import read_glossary
    from glossary.model import fold

    terms = read_glossary(TERMS)
    known = {fold(t.text) for c in terms for t in c.terms_in(source)}
    entities = [c for c in entity_concepts(FLORES / "entities.jsonl", source, target)
                if not any(fold(t.text) in known for t in c.terms_in(source))]
    return entities + terms, entities, terms


def score(name: str, hyps: list[str], srcs: list[str], refs: list[str], concepts, parts,
          source: str, target: str, seconds: float) -> dict:
    from translator.evaluation import corpus_scores, term_accuracy

    scores = corpus_scores(hyps, [refs])
    row = {"run": name, "bleu": scores.bleu, "chrf": scores.chrf, "seconds": seconds}
    for label, subset in (("all", concepts), *parts):
        tally = term_accuracy(subset, srcs, hyps, source, target)
        row[label] = (tally.correct, tally.total)
        if label == "all":
            row["misses"] = tally.misses
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="apertium")
    parser.add_argument("--from", dest="source", default="en")
    parser.add_argument("--to", dest="target", default="es")
    parser.add_argument("--misses", type=int, default=0, help="show N remaining misses")
    args = parser.parse_args()
    if not (FLORES / "entities.jsonl").is_file():
        sys.exit(f"benchmark needs {FLORES} (the shared corpus beside the project)")

    from translator.cache import TranslationCache
    from translator.engines.registry import make_engine
    from translator.mt import MachineTranslator
    from translator.stages import make_jobs, translate_jobs
    from translator.terminology import TermEnforcer, count_terms

    source, target = args.source, args.target
    srcs = (FLORES / f"flores-dev.{source}").read_text(encoding="utf-8").splitlines()
    refs = (FLORES / f"flores-dev.{target}").read_text(encoding="utf-8").splitlines()
    concepts, entities, terms = glossary(source, target)
    parts = (("names", entities), ("terms", terms))
    engine = make_engine(args.engine)

    started = time.perf_counter()
    jobs = make_jobs((source, target, s) for s in srcs)
    translate_jobs(jobs, MachineTranslator(engine, TranslationCache(None)))
    plain = {job.text: job.translation for job in jobs}
    plain_seconds = time.perf_counter() - started
    baseline = score("plain MT", [plain[s] for s in srcs], srcs, refs, concepts, parts,
                     source, target, plain_seconds)

    started = time.perf_counter()
    jobs = {job.text: job for job in make_jobs((source, target, s) for s in srcs)}
    run = translate_jobs(list(jobs.values()), MachineTranslator(engine, TranslationCache(None)),
                         enforcer=TermEnforcer(concepts))
    seconds = time.perf_counter() - started
    done = {text: job.translation for text, job in jobs.items()}
    enforced = score("with enforcement", [done[s] for s in srcs], srcs, refs, concepts, parts,
                     source, target, seconds)
    records = [r for s in srcs for r in jobs[s].terms]
    statuses = Counter(r.status for r in records)

    print(f"FLORES dev {source}->{target}, {len(srcs)} sentences, engine {engine.name}; "
          f"glossary: {len(entities)} gold entities + {len(terms)} terms ({TERMS.name})")
    print()
    print("| run | term accuracy | names | common terms | BLEU | chrF | time |")
    print("|---|---|---|---|---|---|---|")
    for row in (baseline, enforced):
        cells = [f"{row[k][0] / row[k][1]:.3f} ({row[k][0]}/{row[k][1]})"
                 for k in ("all", "names", "terms")]
        print(f"| {row['run']} | {' | '.join(cells)} | {row['bleu']:.1f} | {row['chrf']:.1f} "
              f"| {row['seconds']:.1f} s |")
    ratio = {k: enforced[k][0] / max(1, enforced[k][1]) / max(1e-9, baseline[k][0]
                                                                / max(1, baseline[k][1]))
             for k in ("all",)}
    print()
    print(f"ratio to plain MT: term accuracy x{ratio['all']:.3f}, "
          f"chrF x{enforced['chrf'] / baseline['chrf']:.4f}, "
          f"BLEU x{enforced['bleu'] / baseline['bleu']:.4f}, "
          f"time x{enforced['seconds'] / baseline['seconds']:.2f}")
    good, bad = count_terms(records)
    print(f"enforcement records: {good} enforced, {bad} not enforced; "
          + ", ".join(f"{n} {s}" for s, n in statuses.most_common())
          + f"; placeholders broken in {run.placeholder_fallbacks} sentences")
    reasons = Counter(r.reason for r in records if not r.enforced)
    if reasons:
        print("not enforced because: " + ", ".join(f"{r} ({n})" for r, n in
                                                   reasons.most_common()))
    for miss in enforced["misses"][: args.misses]:
        print(f"  miss line {miss.line}: {miss.source_term} -> {miss.expected}: "
              f"{done[srcs[miss.line - 1]]}")


if __name__ == "__main__":
    main()
