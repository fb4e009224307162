"""Shared pieces of the benchmarks: the WMT sentences, the base-size package, and the
interleaved timing every comparison uses (median ratio and its spread)."""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WMT = ROOT.parent / "shared" / "corpus" / "wmt"
BENCH_PACKAGE = ROOT / ".cache" / "bench" / "triglot-bench-ru_en"
SENTENCES = 2000
INTRA_THREADS = 2  # the machines have 2 cores; both sides use the same


def wmt_sentences(count: int = SENTENCES, name: str = "wmt19.ru") -> list[str]:
    path = WMT / name
    if not path.is_file():
        sys.exit(f"benchmark needs {path} (the shared corpus beside the project)")
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line][:count]


def bench_package() -> Path:
    if not (BENCH_PACKAGE / "model" / "model.bin").is_file():
        sys.exit(f"benchmark needs {BENCH_PACKAGE}: run `make bench` (it builds it first)")
    return BENCH_PACKAGE


def package_dir_with(package: Path, tmp: Path) -> Path:
    """An Argos package directory holding just ``package`` (linked, not copied)."""
    packages = tmp / "packages"
    packages.mkdir()
    (packages / package.name).symlink_to(package, target_is_directory=True)
    return packages


def write_article(sentences: list[str], path: Path) -> None:
    """One sentence a paragraph, so segmentation gives back the same sentences."""
    path.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")


@dataclass
class Rounds:
    """Seconds per round of two sides run interleaved (A, B, A, B, ...)."""

    top: list[float] = field(default_factory=list)  # the ratio's numerator side
    bottom: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [top / bottom for top, bottom in zip(self.top, self.bottom, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)


def interleaved(top: Callable[[], float], bottom: Callable[[], float], rounds: int,
                warm_up: int = 0) -> Rounds:
    """Run the two sides alternately, each returning its seconds: a machine that gets busy
    slows both alike, so the per-round ratios agree even when the seconds do not. Every
    other round runs the bottom side first (A B, B A, A B, ...), so neither side always
    comes right after the other's work. The first ``warm_up`` rounds (first-call costs)
    are run but not counted."""
    done = Rounds()
    for round_ in range(warm_up + rounds):
        if round_ % 2:
            later = bottom()
            seconds = top(), later
        else:
            seconds = top(), bottom()
        if round_ >= warm_up:
            done.top.append(seconds[0])
            done.bottom.append(seconds[1])
    return done


def timed(work: Callable[[], object]) -> float:
    """Seconds ``work`` takes, from a collected heap, so one side does not pay for the
    other's garbage."""
    gc.collect()
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def report(rounds: Rounds, top: str, bottom: str, figure: str, goal: str) -> None:
    """Each side's median and rounds, then the median ratio and its spread (lowest and
    highest round, and half that range relative to the median)."""
    for name, seconds in ((top, rounds.top), (bottom, rounds.bottom)):
        print(f"{name}: median {_duration(statistics.median(seconds))}  "
              f"[{', '.join(_duration(s) for s in seconds)}]")
    ratios = rounds.ratios
    spread = (max(ratios) - min(ratios)) / 2 / rounds.ratio
    print(f"{figure}: median {rounds.ratio:.3f}, spread {min(ratios):.3f}-{max(ratios):.3f} "
          f"(±{spread:.1%}) over {len(ratios)} interleaved rounds  ({goal})")


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def with_cpu(side: Callable[[], float], cpu: list[float]) -> Callable[[], float]:
    """``side``, also noting the CPU seconds its processes used (they are waited for):
    other users of the machine move it less than the wall-clock time."""
    def run() -> float:
        before = _children_cpu()
        seconds = side()
        cpu.append(_children_cpu() - before)
        return seconds
    return run


def report_cpu(cpu: tuple[list[float], list[float]], top: str, bottom: str) -> None:
    """The CPU seconds ``with_cpu`` noted for each side, and their median ratio."""
    ratios = [a / b for a, b in zip(*cpu, strict=True)]
    indent = top[:len(top) - len(top.lstrip())]
    print(f"{indent}CPU seconds: {top.lstrip()} {statistics.median(cpu[0]):.2f}, {bottom} "
          f"{statistics.median(cpu[1]):.2f}; ratio median {statistics.median(ratios):.3f} "
          f"({min(ratios):.3f}-{max(ratios):.3f})")


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime
