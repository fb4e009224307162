"""`translate --ray` throughput with 1 and 2 Ray workers against a local run, same input.

Input: WMT ru news sentences (default 2000) as one article, ru->en. Model: the
Transformer-base sized bench package when `make bench` has built it, else the
project's small test package (real CTranslate2, but so small that per-batch
overhead weighs more than it would with a real model). Every side runs with
one CTranslate2 thread per model, so "local" is one core and the cluster (a
local two-CPU Ray cluster on the loopback address) gives each worker one.
The cluster and its workers start once, outside the timed runs (an archive run
pays that once); each timed run is a whole ``translate_run`` with no cache.
Rounds interleave local, 1 worker, 2 workers, and what two plain processes
gain over one on the same batches (no Ray: the machine's own ceiling at that
moment, as other users' load takes its share of the 2 cores). Printed: median
segments/s per side, ratios to local (aims: 1 worker >= 0.90, 2 workers ~1.8)
and the ceiling.

    python -m benchmarks.ray_scaling [SENTENCES] [ROUNDS]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import BENCH_PACKAGE, ROOT, package_dir_with, wmt_sentences, write_article

TEST_PACKAGE = ROOT / "tests" / "data" / "packages" / "triglot-test-ru_en.argosmodel"


def packages_dir(tmp: Path) -> tuple[Path, str]:
    """An Argos package dir with a ru->en package, and which one it is."""
    if (BENCH_PACKAGE / "model" / "model.bin").is_file():
        return package_dir_with(BENCH_PACKAGE, tmp), "bench (Transformer-base size)"
    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp / "packages")
    from translator.packages.store import install_archive

    install_archive(TEST_PACKAGE)
    return tmp / "packages", "test package (small; overhead weighs more)"


def timed_run(article: Path, out: Path, engine) -> float:
    """Segments per second of one whole run."""
    from translator.cache import TranslationCache
    from translator.engines.base import LoadOptions
    from translator.pipeline import RunRequest, translate_run
    from translator.progress import Progress

    request = RunRequest([article], ["en"], out, "ru", LoadOptions(intra_threads=1))
    cache = TranslationCache(None)
    started = time.perf_counter()
    summary = translate_run(request, engine, cache, Progress(enabled=False))
    seconds = time.perf_counter() - started
    cache.close()
    assert not summary.errors, summary.errors
    return summary.segments / seconds


def translate_all(batches: list[list[str]]) -> float:
    """Seconds one process takes to translate ``batches`` with a fresh model (no Ray)."""
    from translator.engines.argos import ArgosEngine
    from translator.engines.base import DecodingOptions, LoadOptions

    model = ArgosEngine().load("ru", "en", LoadOptions(intra_threads=1), DecodingOptions())
    if not batches:  # warm-up: stay busy a moment so the other process takes the other task
        time.sleep(1.0)
    started = time.perf_counter()
    for batch in batches:
        model.translate(batch)
    return time.perf_counter() - started


def machine_ceiling(sentences: list[str]) -> float:
    """What two plain processes gain over one on this machine right now, on the same batches:
    the most two workers could give while other users' load takes its share of the cores."""
    from multiprocessing import get_context

    from translator.batching import make_batches
    from translator.engines.argos import ArgosEngine
    from translator.engines.base import DecodingOptions, LoadOptions

    model = ArgosEngine().load("ru", "en", LoadOptions(intra_threads=1), DecodingOptions())
    batches = make_batches(sentences, model.token_count, 2048)
    with get_context("spawn").Pool(2) as pool:
        pool.map(translate_all, [[], []], chunksize=1)  # both import triglot before timing
        started = time.perf_counter()
        pool.map(translate_all, [batches])
        one = time.perf_counter() - started
        started = time.perf_counter()
        pool.map(translate_all, [batches[0::2], batches[1::2]])
        return one / (time.perf_counter() - started)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    tmp = Path(tempfile.mkdtemp(prefix="ray-bench-", dir="/tmp"))  # Ray's sockets: short paths
    # Ray runs workers at nice 15 so they never starve its own daemons; on a shared machine
    # that hands their CPU to other users' processes, which says nothing about triglot (a
    # cluster node runs nothing else), so here they run at the local run's priority.
    os.environ.update(RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0", RAY_USAGE_STATS_ENABLED="0",
                      RAY_AUTH_MODE="disabled", RAY_worker_niceness="0", TMPDIR=str(tmp))
    packages, which = packages_dir(tmp)
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    article = tmp / "wmt.ru.txt"
    write_article(wmt_sentences(count), article)

    import ray

    import translator
    from translator.engines.argos import ArgosEngine
    from translator.engines.ray_pool import on_ray

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    # Three logical CPUs for three actors: the 1-worker pool idles while the 2-worker one runs.
    ray.init(num_cpus=3, _temp_dir=str(tmp / "ray"), include_dashboard=False,
             log_to_driver=False, runtime_env={"py_modules": [translator]})
    sides = {"local": ArgosEngine(), "1 worker": on_ray(ArgosEngine(), "auto", workers=1),
             "2 workers": on_ray(ArgosEngine(), "auto", workers=2)}
    print(f"cluster and workers started in {time.perf_counter() - started:.1f} s (not timed)")
    rates: dict[str, list[float]] = {name: [] for name in sides}
    ceilings: list[float] = []
    for round_ in range(rounds + 1):  # round 0 warms up: workers load the model
        for name, engine in sides.items():
            rate = timed_run(article, tmp / f"out-{round_}-{name.replace(' ', '')}", engine)
            if round_:
                rates[name].append(rate)
        if round_:
            ceilings.append(machine_ceiling(wmt_sentences(count)))
    ray.shutdown()

    print(f"{count} WMT ru sentences -> en, {which}; {rounds} rounds, interleaved; "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after "
          f"({os.cpu_count()} cores)")
    ratios = {name: [value / base for value, base in zip(values, rates["local"], strict=True)]
              for name, values in rates.items()}
    for name, values in rates.items():
        print(f"{name:>9}: median {statistics.median(values):7.1f} seg/s, ratio to local "
              f"{line(ratios[name])}")
    print(f"two plain processes / one, same batches, no Ray (the machine's ceiling for 2 "
          f"workers at the time): {line(ceilings)}")
    share = [two / ceiling for two, ceiling in zip(ratios["2 workers"], ceilings, strict=True)]
    print(f"2 workers' ratio / that ceiling: {line(share)}")


def line(values: list[float]) -> str:
    """Median, then each round's value."""
    rounds = ", ".join(f"{value:.2f}" for value in values)
    return f"median {statistics.median(values):.2f} (per round {rounds})"


if __name__ == "__main__":
    main()
