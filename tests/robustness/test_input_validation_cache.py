"""``--cache`` naming something that is not a translation cache.

A glossary database given as ``--cache`` used to get a ``translations`` table
(and WAL journaling) added to it, exit 0; a text file or a folder was a
``sqlite3`` traceback. Each is now refused in one line, the file untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glossary.model import Concept, Term
from glossary.store import Termbase
from tests.conftest import run_cli
from tests.robustness.conftest import listing, one_line
from translator.cache import TranslationCache
from translator.core.errors import InputError


def glossary_db(path: Path) -> Path:
    with Termbase.open(path, create=True) as termbase:
        termbase.add_concept(Concept(terms=[Term("en", "court"), Term("es", "tribunal")]))
    return path


def other_program_db(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.close()
    return path


def a_text_file(path: Path) -> Path:
    path.write_text("shopping list\n", encoding="utf-8")
    return path


def a_folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize(("make", "reason"), [
    (glossary_db, "not a triglot translation cache (unknown SQLite file)"),
    (other_program_db, "not a triglot translation cache (unknown SQLite file)"),
    (a_text_file, "not a triglot translation cache (file is not a database)"),
    (a_folder, "is a directory, not a translation cache"),
], ids=["glossary", "other-sqlite", "text", "folder"])
def test_something_else_is_refused_and_left_as_it_was(tmp_path, make, reason):
    path = make(tmp_path / "cache.db")
    before = listing(tmp_path), path.read_bytes() if path.is_file() else None
    with pytest.raises(InputError) as caught:
        TranslationCache(path)
    assert str(caught.value) == f"{path}: {reason}"
    assert (listing(tmp_path), path.read_bytes() if path.is_file() else None) == before


@pytest.mark.parametrize("start", ["missing", "empty"])
def test_a_new_or_empty_file_becomes_the_cache(tmp_path, start):
    path = tmp_path / "deep" / "cache.db"
    if start == "empty":
        path.parent.mkdir()
        path.touch()
    cache = TranslationCache(path)
    cache.store("m", "o", [("court", "tribunal")])
    cache.close()
    assert TranslationCache(path).lookup("m", "o", ["court"]) == {"court": "tribunal"}


def test_translate_with_the_glossary_as_cache_fails_in_one_line(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The court fined the activist on Wednesday.\n", encoding="utf-8")
    glossary = glossary_db(tmp_path / "g.db")
    before = glossary.read_bytes()
    done = run_cli("translate", str(article), "--to", "es", "--from", "en",
                   "--out", str(tmp_path / "out"), "--cache", str(glossary))
    assert done.returncode == 2
    assert one_line(done.stderr).endswith("g.db: not a triglot translation cache "
                                          "(unknown SQLite file)")
    assert glossary.read_bytes() == before
    assert not Path(f"{glossary}-wal").exists()
    with Termbase.open(glossary) as termbase:
        assert [c.label() for c in termbase.concepts()] == ["court"]
