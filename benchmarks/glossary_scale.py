"""Large glossaries: import, find, export and translate with 1k, 10k and 50k concepts.

Each glossary is generated from WMT news (``wmt20``/``wmt21`` en and ru, ``wmt13``
es): one- to three-word sequences that neither start nor end with a function word,
the 3,000 commonest left out (a glossary does not list "people" or "year"). The
commands run as a user runs them, each in its own process, and the benchmark prints
its wall time and peak memory (the child's maximum resident set). The baselines are
the same commands on a one-concept glossary, measured in the same run, so the ratio
shows what the glossary's size adds. ``translate --glossary`` (Apertium en->es, 1,000
sentences of ``wmt19.en``) is run interleaved with a plain run, as the median ratio
of wall and of CPU seconds (the latter moves less with other users of the machine).
The generated glossaries are a hard case: their terms are common news words paired
at random across languages, so a sentence holds several terms that MT never renders
as the glossary wants, and each is post-edited. So the largest size is also run
against a termbase of only the concepts the sentences can hold (what a run loads of
it): that ratio is what the size itself costs, the rest is the work of the terms.

Goals (issue 13): import under 30 s; ``find`` under 0.5 s and 150 MB; ``translate
--glossary`` at most 1.2x a plain run; export under 200 MB.

    python -m benchmarks.glossary_scale [--sizes 1000,10000,50000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.common import WMT, interleaved, report, report_cpu, with_cpu

FIND = {"ru": "Суд обязал мэрию прекратить распознавание лиц протестующих в метро",
        "en": "The court ordered the city to stop using facial recognition on protesters",
        "es": "El tribunal ordenó a la ciudad dejar de usar el reconocimiento facial"}
SOURCES = {"en": ("wmt21.en", "wmt20.en"), "ru": ("wmt21.ru", "wmt20.ru", "wmt19.ru"),
           "es": ("wmt13.es",)}
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _terms(lang: str, count: int) -> list[str]:
    from glossary.stopwords import FUNCTION_WORDS

    stop, seen = FUNCTION_WORDS[lang], Counter()
    for name in SOURCES[lang]:
        for line in (WMT / name).read_text(encoding="utf-8").splitlines():
            words = WORD.findall(line.lower())
            for i, size in itertools.product(range(len(words)), (1, 2, 3)):
                gram = words[i:i + size]
                if len(gram) == size and gram[0] not in stop and gram[-1] not in stop \
                        and max(map(len, gram)) >= 4:
                    seen[" ".join(gram).replace("-", " ")] += 1
    ranked = [gram for gram, _ in seen.most_common()][3000:]
    random.Random(lang).shuffle(ranked)
    return ranked[:count]


def write_glossary(path: Path, count: int) -> None:
    """``count`` rows of one term per language, paired at random; a row whose term another
    row has is left out, as a glossary has it once."""
    columns = {lang: _terms(lang, count) for lang in ("en", "ru", "es")}
    rows, seen = [], set()
    for row in itertools.zip_longest(*columns.values(), fillvalue=""):
        keys = {f"{lang}:{term.casefold()}" for lang, term in zip(columns, row, strict=True)
                if term}
        if not keys & seen:
            seen |= keys
            rows.append(row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["en", "ru", "es"])
        writer.writerows(rows[:count])


def run(*args: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak MB of one triglot command in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "translator", *args], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    errors = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"triglot {' '.join(args)} failed: {errors.strip()}")
    return seconds, usage.ru_maxrss / 1024


def measure(db: Path, work: Path, env: dict[str, str]) -> dict:
    figures = {lang: run("glossary", "find", "-g", str(db), text, env=env)
               for lang, text in FIND.items()}
    figures["export tbx"] = run("glossary", "export", str(work / "out.tbx"), "-g", str(db),
                                env=env)
    return figures


def translate(sentences: Path, out: Path, env: dict[str, str], *glossary: str) -> float:
    """Seconds of one ``translate`` run (Apertium, cache off) into a fresh folder."""
    shutil.rmtree(out, ignore_errors=True)
    return run("translate", str(sentences), "--to", "es", "--engine", "apertium",
               "--no-cache", "--out", str(out), *glossary, env=env)[0]


def compare_translate(db: Path, sentences: Path, work: Path, env: dict[str, str],
                      rounds: int, against: Path | None = None) -> None:
    """``translate --glossary db`` against a plain run (or one with the glossary
    ``against``), interleaved, as the median ratio of wall and of CPU seconds."""
    cpu: tuple[list[float], list[float]] = ([], [])
    baseline = ("--glossary", str(against)) if against else ()
    done = interleaved(
        with_cpu(lambda: translate(sentences, work / "with", env, "--glossary", str(db)),
                 cpu[0]),
        with_cpu(lambda: translate(sentences, work / "plain", env, *baseline), cpu[1]),
        rounds)
    if against:
        report(done, f"  translate --glossary {db.name}", f"  translate --glossary "
               f"{against.name}", "  the whole termbase / only what the sentences hold",
               "the size's own cost; ~1.0")
        report_cpu(cpu, f"  {db.name}", against.name)
    else:
        report(done, "  translate --glossary", "  translate (no glossary)",
               "  translate --glossary / a plain run", "goal <= 1.2")
        report_cpu(cpu, "  with the glossary", "plain")


def keep_held(db: Path, held: Path, sentences: Path) -> int:
    """A termbase of only the concepts of ``db`` that ``sentences`` can hold: what a run
    loads of it, so a run with each differs by what the size of ``db`` costs."""
    from glossary.service import Glossary
    from glossary.store import Termbase

    lines = sentences.read_text(encoding="utf-8").splitlines()
    concepts = Glossary.load(db, texts={"en": lines}).concepts()
    with Termbase.open(held, create=True) as termbase, termbase.transaction():
        for concept in concepts:
            termbase.add_concept(concept)
    return len(concepts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--rounds", type=int, default=3, help="translate rounds per side")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # this process reads a termbase too (``keep_held``): it uses the same folders
        os.environ.update(HOME=tmp, XDG_CACHE_HOME=tmp, XDG_DATA_HOME=tmp)
        env = dict(os.environ)
        sentences = None
        if shutil.which("apertium"):
            sentences = work / "wmt19-1000.en.txt"
            lines = (WMT / "wmt19.en").read_text(encoding="utf-8").splitlines()[:1000]
            sentences.write_text("\n".join(lines) + "\n", encoding="utf-8")
        one = work / "one.db"
        # the first commands build the lemma tries (``glossary.lemma_tries``) once, as a
        # user's first run does; every figure below is of a later run
        run("glossary", "add", "-g", str(one), "--en", "court", "--ru", "суд", "--es",
            "tribunal", env=env)
        if sentences is not None:  # and the first run unpacks the language model
            translate(sentences, work / "first", env)  # (``translator.langid_model``)
        baseline = measure(one, work, env)
        print("baseline, a one-concept glossary: " + ", ".join(
            f"{name} {s:.2f} s {mb:.0f} MB" for name, (s, mb) in baseline.items()))
        if sentences is not None:
            compare_translate(one, sentences, work, env, args.rounds)
        for size in sizes:
            table, db = work / f"g{size}.csv", work / f"g{size}.db"
            write_glossary(table, size)
            seconds, mb = run("glossary", "import", str(table), "-g", str(db), env=env)
            print(f"\n{size:,} concepts: import {seconds:.1f} s, {mb:.0f} MB (goal < 30 s)")
            for name, (s, mb) in measure(db, work, env).items():
                goal = "goal < 200 MB" if name == "export tbx" else "goal < 0.5 s, 150 MB"
                print(f"  {name:<10} {s:6.2f} s {mb:6.0f} MB  ({s / baseline[name][0]:.2f}x "
                      f"the one-concept glossary) {goal}")
            if sentences is not None:
                compare_translate(db, sentences, work, env, args.rounds)
        if sentences is not None:  # what the size itself costs a run
            held = work / "held.db"
            count = keep_held(db, held, sentences)
            print(f"\n{max(sizes):,} concepts against a termbase of only the {count:,} of "
                  "them the sentences can hold:")
            compare_translate(db, sentences, work, env, args.rounds, against=held)

if __name__ == "__main__":
    main()
