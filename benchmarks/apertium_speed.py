"""Apertium speed: `triglot translate --engine apertium` against raw `apertium -u eng-spa`.

Both sides translate the same 4,000 English WMT news lines into Spanish. The
raw side is one `apertium -u eng-spa` process over the whole text; triglot's
side is the whole CLI command with `--no-cache` (start-up, reading,
segmentation, batching, the persistent Apertium pipeline, writing). Rounds are
interleaved A,B then B,A (common.interleaved), after one round not counted (the
dictionaries are read from disk once); five of them, as the host's other users move
one round's ratio by up to ±10%. Printed: each side's median seconds and the ratio
triglot / raw, median and spread over rounds (goal <= 1.10); then each side's CPU
seconds (user + system of the command and every process it ran),
whose ratio moves far less than the wall-clock one on a machine shared with others.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import (
    interleaved,
    report,
    report_cpu,
    timed,
    with_cpu,
    wmt_sentences,
    write_article,
)

SENTENCES = 4000
ROUNDS = 5


def english_lines(count: int = SENTENCES) -> list[str]:
    lines: list[str] = []
    for name in ("wmt19.en", "wmt20.en", "wmt21.en"):
        lines += wmt_sentences(count, name)
    return lines[:count]


def raw_apertium(text: Path) -> float:
    with text.open("rb") as source:
        return timed(lambda: subprocess.run(["apertium", "-u", "eng-spa"], stdin=source,
                                            stdout=subprocess.DEVNULL, check=True))


def triglot_command(article: Path, out: Path) -> float:
    argv = [sys.executable, "-m", "translator", "translate", str(article), "--from", "en",
            "--to", "es", "--engine", "apertium", "--out", str(out), "--no-cache"]
    return timed(lambda: subprocess.run(argv, capture_output=True, text=True, check=True))


def main() -> None:
    if shutil.which("apertium") is None:
        print("apertium speed: skipped, apertium is not installed (make system-deps)")
        return
    sentences = english_lines()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        text = tmp / "wmt.txt"
        text.write_text("\n".join(sentences) + "\n", encoding="utf-8")
        article = tmp / "article.txt"
        write_article(sentences, article)
        triglot_command(article, tmp / "out")  # not counted: the dictionaries read from disk
        raw_apertium(text)
        cpu: tuple[list[float], list[float]] = ([], [])
        rounds = interleaved(with_cpu(lambda: triglot_command(article, tmp / "out"), cpu[0]),
                             with_cpu(lambda: raw_apertium(text), cpu[1]), ROUNDS)
    print(f"sentences: {len(sentences)} English WMT news lines, en->es")
    report(rounds, "triglot translate --engine apertium", "raw apertium -u eng-spa",
           "ratio (triglot / raw)", "goal <= 1.10")
    report_cpu(cpu, "triglot", "raw")


if __name__ == "__main__":
    main()
