"""Fixtures for the glossary tests: the sample termbase and story (our own text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.formats import read_glossary
from glossary.store import Termbase

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def sample_concepts():
    return read_glossary(DATA / "terms.csv")


@pytest.fixture
def sample_db(tmp_path, sample_concepts) -> Path:
    path = tmp_path / "glossary.db"
    with Termbase.open(path, create=True) as tb:
        tb.import_concepts(sample_concepts)
    return path
