"""`translate --ray` throughput with 1 and 2 Ray workers against a local run, same input.

Input: WMT ru news sentences (default 2000) as one article, ru->en. Model: the
Transformer-base sized bench package when `make bench` has built it, else the
project's small test package (real CTranslate2, but so small that per-batch
overhead weighs more than it would with a real model). Every side runs with
one CTranslate2 thread per model, so "local" is one core and the cluster (a
local two-CPU Ray cluster on the loopback address) gives each worker one.
The cluster and its workers start once, outside the timed runs (an archive run
pays that once); each timed run is a whole ``translate_run`` with no cache.
Rounds interleave local, 1 worker, 2 workers. Printed: median segments/s per
side and the ratios to local (aims: 1 worker >= 0.90, 2 workers ~1.8).

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


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    tmp = Path(tempfile.mkdtemp(prefix="ray-bench-", dir="/tmp"))  # Ray's sockets: short paths
    os.environ.update(RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER="0", RAY_USAGE_STATS_ENABLED="0",
                      RAY_AUTH_MODE="disabled", TMPDIR=str(tmp))
    packages, which = packages_dir(tmp)
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    article = tmp / "wmt.ru.txt"
    write_article(wmt_sentences(count), article)

    import ray

    import translator
    from translator.engines.argos import ArgosEngine
    from translator.engines.ray_pool import on_ray

    started = time.perf_counter()
    # Three logical CPUs for three actors: the 1-worker pool idles while the 2-worker one runs.
    ray.init(num_cpus=3, _temp_dir=str(tmp / "ray"), include_dashboard=False,
             log_to_driver=False, runtime_env={"py_modules": [translator]})
    sides = {"local": ArgosEngine(), "1 worker": on_ray(ArgosEngine(), "auto", workers=1),
             "2 workers": on_ray(ArgosEngine(), "auto", workers=2)}
    print(f"cluster and workers started in {time.perf_counter() - started:.1f} s (not timed)")
    rates: dict[str, list[float]] = {name: [] for name in sides}
    for round_ in range(rounds + 1):  # round 0 warms up: workers load the model
        for name, engine in sides.items():
            rate = timed_run(article, tmp / f"out-{round_}-{name.replace(' ', '')}", engine)
            if round_:
                rates[name].append(rate)
    ray.shutdown()

    print(f"{count} WMT ru sentences -> en, {which}; {rounds} rounds, interleaved")
    local = statistics.median(rates["local"])
    for name, values in rates.items():
        ratios = [value / base for value, base in zip(values, rates["local"], strict=True)]
        print(f"{name:>9}: median {statistics.median(values):7.1f} seg/s  "
              f"ratio to local {statistics.median(values) / local:.2f} "
              f"(per round {', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
