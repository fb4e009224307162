"""Bad input to the review steps: one clear line on stderr, exit 2, and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.po.conftest import RU_STORY, catalog, review


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def import_fails(out: Path, tmp_path: Path, *expected: str) -> str:
    before = snapshot(out)
    tm = tmp_path / "tm.sqlite3"
    done = run_cli("po", "import", str(out), "--tm", str(tm))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("triglot: error: "), done.stderr
    for text in expected:
        assert text in lines[0]
    assert snapshot(out) == before
    assert not tm.exists()
    return lines[0]


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def reviewed_run(fake_run: Path) -> Path:
    """A run with one review in each English catalog, so a good import would write things."""
    review(catalog(fake_run, "en", "sud.po"), {"Адвокат": "The lawyer disagrees."})
    return fake_run


def test_a_bad_escape_is_refused_with_its_line(reviewed_run, tmp_path):
    path = catalog(reviewed_run, "en", "sud.po")
    edit_text(path, 'msgstr "The lawyer disagrees."', 'msgstr "The lawyer \\q disagrees."')
    import_fails(reviewed_run, tmp_path, str(path), "bad escape '\\q' at line")


def test_a_duplicate_entry_is_refused(reviewed_run, tmp_path):
    path = catalog(reviewed_run, "en", "sud.po")
    text = path.read_text(encoding="utf-8")
    last_entry = text.rstrip("\n").rsplit("\n\n", 1)[1]
    path.write_text(text + "\n" + last_entry + "\n", encoding="utf-8")
    import_fails(reviewed_run, tmp_path, str(path), "duplicate entry (msgctxt 'sud.txt#")


def test_another_charset_is_refused(reviewed_run, tmp_path):
    path = catalog(reviewed_run, "es", "archive.po")
    text = path.read_text(encoding="utf-8").replace("charset=UTF-8", "charset=ISO-8859-5")
    path.write_bytes(text.encode("utf-8"))
    import_fails(reviewed_run, tmp_path, str(path), "catalog charset is ISO-8859-5")


def test_invalid_utf8_and_a_syntax_error_are_refused(reviewed_run, tmp_path):
    path = catalog(reviewed_run, "es", "sud.po")
    original = path.read_bytes()
    path.write_bytes(original + b'\nmsgid "x\xff"\nmsgstr ""\n')
    import_fails(reviewed_run, tmp_path, "invalid UTF-8 at line")
    path.write_bytes(original + b'\nmsgid "unterminated\nmsgstr ""\n')
    import_fails(reviewed_run, tmp_path, "syntax error at line")


def test_the_catalog_of_another_article_is_refused(reviewed_run, tmp_path):
    shutil.copy(catalog(reviewed_run, "en", "sud.po"), catalog(reviewed_run, "en", "archive.po"))
    import_fails(reviewed_run, tmp_path, "belongs to the article sud.txt")


def test_the_catalog_of_another_language_is_refused(reviewed_run, tmp_path):
    shutil.copy(catalog(reviewed_run, "es", "sud.po"), catalog(reviewed_run, "en", "sud.po"))
    import_fails(reviewed_run, tmp_path, "in language 'es'", "folder for 'en'")


def test_entries_of_another_article_are_refused(reviewed_run, tmp_path):
    path = catalog(reviewed_run, "en", "sud.po")
    edit_text(path, 'msgctxt "sud.txt#', 'msgctxt "archive.md#')
    import_fails(reviewed_run, tmp_path, "belongs to another article")


def test_a_source_article_changed_since_the_run_is_refused(reviewed_run, articles, tmp_path):
    (articles / "sud.txt").write_text(RU_STORY.replace("Редакция", "Газета"), encoding="utf-8")
    import_fails(reviewed_run, tmp_path, "the article changed since it was translated",
                 "translate ... --po")


@pytest.mark.parametrize("command", [["po", "import"], ["po", "export"], ["po", "stats"]])
def test_a_missing_run_directory(tmp_path, command):
    missing = tmp_path / "no-run"
    done = run_cli(*command, str(missing))
    assert done.returncode == 2
    assert done.stderr.strip() == f"triglot: error: {missing}: no such run directory"
    assert not missing.exists()


def test_a_folder_that_is_not_a_run(tmp_path):
    done = run_cli("po", "export", str(tmp_path))
    assert done.returncode == 2
    assert "not a triglot run: no triglot-run.json" in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_export_refuses_to_merge_into_a_broken_catalog(reviewed_run, tmp_path):
    path = catalog(reviewed_run, "en", "sud.po")
    edit_text(path, 'msgstr "The lawyer disagrees."', 'msgstr "The lawyer \\z disagrees."')
    before = snapshot(reviewed_run)
    done = run_cli("po", "export", str(reviewed_run), "--tm", str(tmp_path / "tm.sqlite3"))
    assert done.returncode == 2
    assert f"{path}: malformed PO catalog: bad escape" in done.stderr
    assert snapshot(reviewed_run) == before


def test_translate_po_with_a_missing_glossary_stops_before_translating(articles, tmp_path):
    out, missing = tmp_path / "out", tmp_path / "nowhere.db"
    done = run_cli("translate", str(articles), "--to", "en", "--out", str(out), "--po",
                   "--glossary", str(missing))
    assert done.returncode == 2
    assert done.stderr.strip() == f"triglot: error: {missing}: no such glossary"
    assert not out.exists()
