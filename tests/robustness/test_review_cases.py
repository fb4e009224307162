"""Issue 12 item 11: a catalog entry a reviewer's tool broke is named for what happened to it.

An edited msgid, a deleted entry and a changed msgctxt each get their own warning
naming the catalog line (exit 1), and a translation whose msgid no longer is a
sentence of the article never reaches the article nor the translation memory.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.po.conftest import catalog, export, review, run
from translator.review.po.importer import import_run
from translator.review.tm import TranslationMemory

LAWYER = "The lawyer considers the ruling unlawful."
LETTER = "The letter arrived a week later."


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    """A Russian article translated into English, its catalog with two approved reviews."""
    root = tmp_path / "articles"
    root.mkdir()
    (root / "sud.txt").write_text(
        "Журналист узнал о решении из письма. Письмо пришло через неделю.\n\n"
        "Адвокат считает решение незаконным.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(root, out, ["en"]).errors == []
    export(out)
    review(catalog(out, "en", "sud.po"), {"Адвокат считает": LAWYER, "Письмо пришло": LETTER})
    return out


def edit(path: Path, fragment: str, change) -> polib.POEntry:
    cat = polib.pofile(str(path))
    entry = next(e for e in cat if fragment in e.msgid)
    change(cat, entry)
    cat.save()
    return entry


def memory_pairs(path: Path) -> set[tuple[str, str]]:
    with TranslationMemory(path) as memory:
        return {(u.source, u.target) for u in memory.units()}


def test_an_edited_msgid_is_named_and_kept_out_of_article_and_memory(reviewed, tmp_path):
    path = catalog(reviewed, "en", "sud.po")

    def rewrite(cat, entry):
        entry.msgid = "Адвокат считает решение законным."  # the reviewer "fixed" the source

    edit(path, "Адвокат считает", rewrite)
    tm = tmp_path / "tm.sqlite3"
    result = import_run(reviewed, tm, entities=False)
    assert len(result.warnings) == 1
    assert "msgid was edited" in result.warnings[0] and f"{path}:" in result.warnings[0]
    assert "older than the run" not in result.warnings[0]
    article = (reviewed / "en" / "sud.txt").read_text(encoding="utf-8")
    assert LAWYER not in article and "[en] Адвокат считает решение незаконным." in article
    pairs = memory_pairs(tm)
    assert ("Адвокат считает решение законным.", LAWYER) not in pairs
    assert ("Письмо пришло через неделю.", LETTER) in pairs
    assert all(target != LAWYER for _, target in pairs)


def test_a_deleted_entry_is_named_as_deleted(reviewed, tmp_path):
    path = catalog(reviewed, "en", "sud.po")
    edit(path, "Журналист узнал", lambda cat, entry: cat.remove(entry))
    result = import_run(reviewed, tmp_path / "tm.sqlite3", entities=False)
    assert len(result.warnings) == 1
    assert "missing (deleted" in result.warnings[0] and "Журналист узнал" in result.warnings[0]
    assert "older than the run" not in result.warnings[0]
    assert result.reviewed == 2


def test_a_changed_msgctxt_is_named_and_the_review_still_used(reviewed, tmp_path):
    path = catalog(reviewed, "en", "sud.po")

    def rehash(cat, entry):
        entry.msgctxt = entry.msgctxt.rpartition("#")[0] + "#deadbeef"

    edit(path, "Адвокат считает", rehash)
    tm = tmp_path / "tm.sqlite3"
    result = import_run(reviewed, tm, entities=False)
    assert len(result.warnings) == 1 and "msgctxt was changed" in result.warnings[0]
    assert "#deadbeef" in result.warnings[0]
    assert LAWYER in (reviewed / "en" / "sud.txt").read_text(encoding="utf-8")
    assert ("Адвокат считает решение незаконным.", LAWYER) in memory_pairs(tm)


def test_a_catalog_older_than_the_run_is_still_called_so(reviewed, tmp_path):
    root = tmp_path / "articles"
    (root / "sud.txt").write_text(
        "Журналист узнал о решении из звонка. Письмо пришло через неделю.\n\n"
        "Адвокат считает решение незаконным.\n", encoding="utf-8")
    assert run(root, reviewed, ["en"]).errors == []  # translated again, no 'po export'
    result = import_run(reviewed, tmp_path / "tm.sqlite3", entities=False)
    assert len(result.warnings) == 1 and "older than the run" in result.warnings[0]
