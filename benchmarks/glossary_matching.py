"""Glossary matching speed: term matching over WMT news vs lemmatising the same text.

A generated 10,000-concept ru/en/es glossary (terms are 1-3 word sequences
taken from the WMT text itself, so they really occur) is stored in SQLite,
loaded, and matched against wmt19.ru, wmt19.en and wmt13.es. Both sides start
with cold lemma caches; the two sides run interleaved (common.interleaved) and
the figure is the median of matching time / lemmatising time with its spread
(goal <= 1.5), plus the glossary's load time.

The baseline, ``Lemmatizer.lemmas``, does the part of matching that is
lemmatisation, the same way ``TermMatcher.find`` does it: the same regex split
into pieces (words and punctuation) and gaps, one lookup per piece in a
per-piece cache, and on a miss the same ``Lemmatizer.candidates``. So the ratio
is what matching adds: lemma codes, the automaton scan, choosing among
overlapping terms and building the matches. (It used to pay a regex match
object and a method call per word where matching did one dict lookup per
piece, and to skip punctuation, which matching looks up too: the two sides did
not time the same work.)

    python -m benchmarks.glossary_matching
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from benchmarks.common import WMT, Rounds, interleaved, report, timed
from glossary.matching import TermMatcher
from glossary.model import Concept, Term
from glossary.morphology import WORD_RE, Lemmatizer
from glossary.store import Termbase

CONCEPTS = 10_000
FILES = {"ru": "wmt19.ru", "en": "wmt19.en", "es": "wmt13.es"}
RUNS = 5


def sentences(lang: str) -> list[str]:
    path = WMT / FILES[lang]
    if not path.is_file():
        raise SystemExit(f"benchmark needs {path} (the shared corpus beside the project)")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def term_pool(lines: list[str], rng: random.Random) -> list[str]:
    """Distinct 1-3 word sequences of the text in random order, like a real termbase:
    mostly multiword terms; single-word terms only for longer (content) words."""
    pool: set[str] = set()
    for line in lines:
        words = [w for w in WORD_RE.findall(line) if len(w) > 3 and not w.isdigit()]
        for size in (1, 2, 3):
            for i in range(0, len(words) - size + 1, size + 1):
                if size > 1 or len(words[i]) > 6:
                    pool.add(" ".join(words[i:i + size]))
    ordered = sorted(pool)
    rng.shuffle(ordered)
    return ordered


def generate(texts: dict[str, list[str]]) -> list[Concept]:
    rng = random.Random(3)
    pools = {lang: term_pool(lines, rng) for lang, lines in texts.items()}
    concepts = []
    for i in range(CONCEPTS):
        terms = []
        for lang, pool in pools.items():
            terms.append(Term(lang, pool[i % len(pool)]))
            if i % 7 == 0:
                terms.append(Term(lang, pool[(i + CONCEPTS) % len(pool)], "admitted"))
        concepts.append(Concept(f"c{i + 1}", "benchmark", terms=terms))
    return concepts


def main() -> None:
    texts = {lang: sentences(lang) for lang in FILES}
    concepts = generate(texts)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        started = time.perf_counter()
        with Termbase.open(path, create=True) as tb:
            tb.add_concepts(concepts)
        write_time = time.perf_counter() - started
        started = time.perf_counter()
        with Termbase.open(path) as tb:
            loaded = tb.concepts()
        read_time = time.perf_counter() - started
    print(f"glossary: {len(loaded)} concepts, {sum(len(c.terms) for c in loaded)} terms; "
          f"import {write_time:.2f} s, load {read_time:.2f} s")
    total = Rounds()
    for lang, lines in texts.items():
        lemmas = Lemmatizer(lang)
        started = time.perf_counter()
        matcher = TermMatcher.from_concepts(loaded, lang, Lemmatizer(lang))
        build = time.perf_counter() - started
        found = sum(len(matcher.find(line)) for line in lines)

        def lemmatise(lemmas=lemmas, lines=lines) -> None:
            lemmas.clear()
            for line in lines:
                lemmas.lemmas(line)

        def match(matcher=matcher, lines=lines) -> None:
            matcher.clear_cache()
            for line in lines:
                matcher.find(line)

        rounds = interleaved(lambda match=match: timed(match),
                             lambda lemmatise=lemmatise: timed(lemmatise), RUNS, warm_up=1)
        print(f"{lang}: {len(lines)} sentences, {found} matches; automaton build {build:.2f} s")
        report(rounds, f"  {lang} match", f"  {lang} lemmatise", f"  {lang} ratio", "")
        total.top = [a + b for a, b in zip(total.top or [0.0] * RUNS, rounds.top, strict=True)]
        total.bottom = [a + b for a, b in
                        zip(total.bottom or [0.0] * RUNS, rounds.bottom, strict=True)]
    report(total, "match, all languages", "lemmatise, all languages",
           "matching / lemmatising", "goal <= 1.5")


if __name__ == "__main__":
    main()
