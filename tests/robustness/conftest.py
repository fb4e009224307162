"""Helpers shared by the robustness tests: the repo's real test packages, rebuilt with a twist."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.conftest import TEST_PACKAGES


def real_package_entries(src: str = "en", tgt: str = "es") -> dict[str, bytes]:
    """Every entry of the repo's own ``src``->``tgt`` test package, by name."""
    with zipfile.ZipFile(TEST_PACKAGES / f"triglot-test-{src}_{tgt}.argosmodel") as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def one_line(text: str) -> str:
    """The single line a refusal prints, or a failure naming every line it printed."""
    lines = text.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got {len(lines)}:\n{text}"
    assert "Traceback" not in text
    return lines[0]


def listing(directory: Path) -> list[str]:
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*")) \
        if directory.exists() else []
