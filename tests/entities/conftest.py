"""Paths to the trilingual fixture written for these tests (tests/entities/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


def lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()
