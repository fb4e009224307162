"""Shared pieces of the translation benchmarks: the WMT sentences and the base-size package."""

from __future__ import annotations

import sys
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
