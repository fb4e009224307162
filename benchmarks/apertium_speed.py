"""Apertium speed: `triglot translate --engine apertium` against raw `apertium -u eng-spa`.

Both sides translate the same 4,000 English WMT news lines into Spanish. The
raw side is one `apertium -u eng-spa` process over the whole text; triglot's
side is the whole CLI command with `--no-cache` (start-up, reading,
segmentation, batching, the persistent Apertium pipeline, writing). Rounds
are interleaved A,B,A,B. Printed: each side's median seconds and the ratio
triglot / raw with its spread over rounds (goal <= 1.10).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import wmt_sentences, write_article

SENTENCES = 4000
ROUNDS = 3


def english_lines(count: int = SENTENCES) -> list[str]:
    lines: list[str] = []
    for name in ("wmt19.en", "wmt20.en", "wmt21.en"):
        lines += wmt_sentences(count, name)
    return lines[:count]


def raw_apertium(text: Path) -> float:
    started = time.perf_counter()
    with text.open("rb") as source:
        subprocess.run(["apertium", "-u", "eng-spa"], stdin=source,
                       stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def triglot_command(article: Path, out: Path) -> float:
    argv = [sys.executable, "-m", "translator", "translate", str(article), "--from", "en",
            "--to", "es", "--engine", "apertium", "--out", str(out), "--no-cache"]
    started = time.perf_counter()
    subprocess.run(argv, capture_output=True, text=True, check=True)
    return time.perf_counter() - started


def main() -> None:
    sentences = english_lines()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        text = tmp / "wmt.txt"
        text.write_text("\n".join(sentences) + "\n", encoding="utf-8")
        article = tmp / "article.txt"
        write_article(sentences, article)
        raw, ours = [], []
        for round_ in range(ROUNDS):
            raw.append(raw_apertium(text))
            ours.append(triglot_command(article, tmp / f"out{round_}"))
    ratios = [mine / base for base, mine in zip(raw, ours, strict=True)]
    print(f"sentences: {len(sentences)}, rounds: {ROUNDS} (interleaved)")
    print(f"raw apertium -u eng-spa: median {statistics.median(raw):.1f} s  "
          f"{[round(x, 1) for x in raw]}")
    print(f"triglot translate --engine apertium: median {statistics.median(ours):.1f} s  "
          f"{[round(x, 1) for x in ours]}")
    print(f"ratio (triglot / raw): median {statistics.median(ratios):.3f}, "
          f"range {min(ratios):.3f}-{max(ratios):.3f}  (goal <= 1.10)")


if __name__ == "__main__":
    main()
