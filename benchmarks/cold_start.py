"""Cold start: how much slower `triglot --help` starts than `python -c pass`.

Both are run as fresh processes, interleaved (common.interleaved), several
times; the figure is the median per-round ratio with its spread, so a busy
machine slows both sides alike.
"""

from __future__ import annotations

import subprocess
import sys

from benchmarks.common import interleaved, report, timed

RUNS = 15


def wall_time(argv: list[str]) -> float:
    return timed(lambda: subprocess.run(argv, check=True, stdout=subprocess.DEVNULL))


def main() -> None:
    baseline_argv = [sys.executable, "-c", "pass"]
    triglot_argv = [sys.executable, "-m", "translator", "--help"]
    wall_time(triglot_argv)  # warm the file cache and bytecode
    rounds = interleaved(lambda: wall_time(triglot_argv), lambda: wall_time(baseline_argv), RUNS)
    report(rounds, "triglot --help", "python -c pass",
           "cold-start ratio (triglot --help / python -c pass)", "no goal")


if __name__ == "__main__":
    main()
