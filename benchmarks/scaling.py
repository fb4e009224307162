"""Cost that grows linearly: `triglot translate` on 1k, 4k and 16k sentences.

Input: English WMT news (``wmt19.en``, ``wmt20.en``, ``wmt21.en``, about 5,000
lines), cut into sentences with triglot's own splitter and cycled to the size
wanted, written as articles of 50 sentences, one a paragraph, in a temporary
folder. A run plans each unique sentence once, so a sentence repeated by a later
pass would be translated only once and make the big sizes look cheaper: every
sentence is numbered ("1234 The court ruled ..."), so all are distinct and the
engine translates every one (the printed ``sent`` column is what the engine was
given; for Argos it can be higher: the small test model invents inline codes and
those sentences go through MT again in pieces, most of them answered by the run's
own cache). Each command runs with ``--no-cache`` into a fresh output folder, so
no cache and no translation memory (``OUT/triglot-tm.sqlite3``, kept per output
folder and holding only reviewed translations) can answer anything.

Each command runs as a user runs it, in its own process with a private HOME:
``python -m translator translate IN --to es --engine E --no-cache --out OUT``,
for Apertium en->es and for Argos with the project's small real test package
(``tests/data/packages/triglot-test-en_es.argosmodel``, installed with ``triglot
models install --file``). The peak memory is the command's maximum resident set
(``os.wait4``). Sizes and engines run interleaved (1k, 4k, 16k, 1k, ...), and
each round's time per 1,000 sentences is divided by that round's figure at the
smallest size. Start-up (imports, the language model, the engine) is paid once
per run, so bigger runs are cheaper per 1,000 sentences; the marginal line
(extra seconds per extra 1,000 sentences between sizes) shows the growth without
it. CPU seconds (the command's and its Apertium processes', from ``os.wait4``)
are printed beside the wall time: on a machine shared with others they move
much less.

Goals (issue 13): time per 1,000 sentences at most about 1.2x the 1k figure
(linear); peak memory at most 1.3x the 1k peak (flat).

    python -m benchmarks.scaling [--sizes 1000,4000,16000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import ROOT, WMT, write_article

SOURCES = ("wmt19.en", "wmt20.en", "wmt21.en")
ARTICLE = 50  # sentences per article file
TEST_PACKAGE = ROOT / "tests" / "data" / "packages" / "triglot-test-en_es.argosmodel"
TIME_GOAL = 1.2  # per-1,000 time at a size / at the smallest size
MEMORY_GOAL = 1.3  # peak memory at a size / at the smallest size


@dataclass
class Runs:
    """One engine at one size: a figure per round."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system, with the engine's processes
    peak_mb: list[float] = field(default_factory=list)
    segments: int = 0
    sent: int = 0


def numbered_sentences(count: int) -> list[str]:
    """``count`` WMT sentences, the corpus cycled as often as needed, each numbered."""
    from translator.sentences import split_sentences

    found: list[str] = []
    for name in SOURCES:
        for line in (WMT / name).read_text(encoding="utf-8").splitlines():
            found += [s.strip() for s in split_sentences(line.strip(), "en") if s.strip()]
    # the odd sentence that splits in two once numbered (an unbalanced quote) is left out
    found = [s for s in found if len(split_sentences(f"1 {s}", "en")) == 1]
    cycled = itertools.islice(itertools.cycle(found), count)
    return [f"{number} {sentence}" for number, sentence in enumerate(cycled, 1)]


def write_inputs(folder: Path, sentences: list[str]) -> Path:
    folder.mkdir(parents=True)
    for start in range(0, len(sentences), ARTICLE):
        write_article(sentences[start:start + ARTICLE], folder / f"a{start // ARTICLE:04d}.txt")
    return folder


def run(args: list[str], env: dict[str, str], logs: Path) -> tuple[float, float, float, dict]:
    """Wall seconds, CPU seconds, peak MB and the JSON summary of one triglot command in its
    own process (CPU and peak include the processes it started and waited for: Apertium's)."""
    started = time.perf_counter()
    with (logs / "stdout").open("wb") as out, (logs / "stderr").open("wb") as err:
        process = subprocess.Popen([sys.executable, "-m", "translator", *args], env=env,
                                   stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        errors = (logs / "stderr").read_text(encoding="utf-8", errors="replace").strip()
        sys.exit(f"triglot {' '.join(args)} failed: {errors[-2000:]}")
    stdout = (logs / "stdout").read_text(encoding="utf-8")
    summary = json.loads(stdout) if stdout.strip().startswith("{") else {}
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, summary


def engines(tmp: Path, env: dict[str, str]) -> list[str]:
    """The engines this machine has, each said once when missing."""
    found = []
    if shutil.which("apertium"):
        found.append("apertium")
    else:
        print("scaling: apertium skipped, it is not installed (make system-deps)")
    if TEST_PACKAGE.is_file():
        run(["models", "install", "--file", str(TEST_PACKAGE)], env, tmp)
        found.append("argos")
    else:
        print(f"scaling: argos skipped, {TEST_PACKAGE} is missing (make test-packages)")
    return found


def translate(engine: str, inputs: Path, out: Path, env: dict[str, str],
              logs: Path) -> tuple[float, float, float, dict]:
    shutil.rmtree(out, ignore_errors=True)  # a fresh folder: no memory, no earlier record
    try:
        return run(["translate", str(inputs), "--to", "es", "--engine", engine, "--no-cache",
                    "--out", str(out), "--json"], env, logs)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def spread(ratios: list[float]) -> str:
    middle = statistics.median(ratios)
    half = (max(ratios) - min(ratios)) / 2 / middle
    return f"{middle:.2f} ({min(ratios):.2f}-{max(ratios):.2f}, ±{half:.1%})"


def per_1000_ratios(values: dict[int, list[float]], sizes: list[int]) -> dict[int, list[float]]:
    """Per round: the figure per 1,000 sentences at each size over the smallest size's."""
    per = {size: [value / size for value in values[size]] for size in sizes}
    return {size: [a / b for a, b in zip(per[size], per[sizes[0]], strict=True)]
            for size in sizes[1:]}


def marginal(values: dict[int, list[float]], sizes: list[int]) -> str:
    """Extra seconds per extra 1,000 sentences from each size to the next (start-up cancels)."""
    median = {size: statistics.median(values[size]) for size in sizes}
    return ",  ".join(f"{a:,}->{b:,} {(median[b] - median[a]) / (b - a) * 1000:.2f}"
                      for a, b in itertools.pairwise(sizes))


def report(engine: str, sizes: list[int], runs: dict[int, Runs]) -> None:
    base = sizes[0]
    print(f"\n{engine} en->es")
    print(f"  {'sentences':>9}  {'median s':>8}  {'s/1,000':>7}  {'CPU s/1,000':>11}  "
          f"{'peak MB':>7}  {'segments':>8}  {'sent':>6}  rounds (s)")
    for size in sizes:
        r = runs[size]
        median = statistics.median(r.seconds)
        print(f"  {size:>9,}  {median:8.2f}  {median / size * 1000:7.2f}  "
              f"{statistics.median(r.cpu) / size * 1000:11.2f}  "
              f"{statistics.median(r.peak_mb):7.0f}  {r.segments:>8,}  {r.sent:>6,}  "
              f"[{', '.join(f'{s:.1f}' for s in r.seconds)}]")
    wall = {size: runs[size].seconds for size in sizes}
    cpu = {size: runs[size].cpu for size in sizes}
    time_ratios = per_1000_ratios(wall, sizes)
    memory = {size: statistics.median(runs[size].peak_mb) / statistics.median(runs[base].peak_mb)
              for size in sizes[1:]}
    worst_time = max((statistics.median(r) for r in time_ratios.values()), default=1.0)
    worst_memory = max(memory.values(), default=1.0)
    print(f"  time per 1,000 / {base:,}'s: " + ",  ".join(
        f"{size:,} {spread(ratios)}" for size, ratios in time_ratios.items())
        + f"  (goal <= {TIME_GOAL}: {'PASS' if worst_time <= TIME_GOAL else 'MISS'})")
    print(f"  CPU per 1,000 / {base:,}'s: " + ",  ".join(
        f"{size:,} {spread(ratios)}" for size, ratios in per_1000_ratios(cpu, sizes).items())
        + "  (other users of the machine move it less)")
    print(f"  peak memory / {base:,}'s: " + ",  ".join(
        f"{size:,} {ratio:.2f}x" for size, ratio in memory.items())
        + f"  (goal <= {MEMORY_GOAL}: {'PASS' if worst_memory <= MEMORY_GOAL else 'MISS'})")
    print(f"  marginal s per extra 1,000: {marginal(wall, sizes)};  CPU: {marginal(cpu, sizes)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,16000",
                        help="sentence counts, comma-separated; the smallest is the baseline")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.sizes.split(","))
    if not WMT.is_dir():
        print(f"scaling: skipped, the shared corpus is not at {WMT}")
        return
    started = time.perf_counter()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="triglot-scaling-") as name:
        tmp = Path(name)
        env = {key: value for key, value in os.environ.items() if key != "TRIGLOT_TM"}
        env.update(HOME=name, XDG_CACHE_HOME=f"{name}/cache", XDG_DATA_HOME=f"{name}/data",
                   XDG_CONFIG_HOME=f"{name}/config", ARGOS_PACKAGES_DIR=f"{name}/argos",
                   LANGUAGE="en")
        found = engines(tmp, env)
        if not found:
            return
        sentences = numbered_sentences(max(sizes))
        inputs = {size: write_inputs(tmp / f"in-{size}", sentences[:size]) for size in sizes}
        runs = {engine: {size: Runs() for size in sizes} for engine in found}
        # a user's first run unpacks the language model into the cache (``langid_model``),
        # once: every measured run is a later one
        translate(found[0], inputs[sizes[0]], tmp / "out", env, tmp)
        for _ in range(options.rounds):
            for engine, size in itertools.product(found, sizes):
                seconds, cpu, peak, summary = translate(engine, inputs[size], tmp / "out", env,
                                                        tmp)
                done = runs[engine][size]
                done.seconds.append(seconds)
                done.cpu.append(cpu)
                done.peak_mb.append(peak)
                done.segments = summary.get("segments", 0)
                done.sent = summary.get("machine_translated", 0)
    print(f"scaling: {', '.join(SOURCES)} sentences, numbered so none repeats, in articles of "
          f"{ARTICLE}; {options.rounds} rounds interleaved over engines and sizes; whole "
          f"commands with --no-cache")
    for engine in found:
        report(engine, sizes, runs[engine])
    after = os.getloadavg()
    print(f"\nload average {load[0]:.1f} before, {after[0]:.1f} after ({os.cpu_count()} cores); "
          f"benchmark took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
