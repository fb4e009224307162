"""Cold start: how much slower `triglot --help` starts than `python -c pass`.

Both are run as fresh processes, alternating, several times; the figure is
the ratio of the medians, so a busy machine slows both sides alike.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 15


def wall_time(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    baseline_argv = [sys.executable, "-c", "pass"]
    triglot_argv = [sys.executable, "-m", "translator", "--help"]
    wall_time(triglot_argv)  # warm the file cache and bytecode
    baseline, triglot = [], []
    for _ in range(RUNS):
        baseline.append(wall_time(baseline_argv))
        triglot.append(wall_time(triglot_argv))
    base, ours = statistics.median(baseline), statistics.median(triglot)
    print(f"python -c pass:  {base * 1000:.0f} ms (median of {RUNS})")
    print(f"triglot --help:  {ours * 1000:.0f} ms")
    print(f"cold-start ratio (triglot --help / python -c pass): {ours / base:.2f}")


if __name__ == "__main__":
    main()
