"""Catalogs as gettext and translators' tools leave them: still read, and each review used once.

What GNU msgfmt accepts must be read the same way here: comment marks written
without their space (``#revisar``, ``#,fuzzy``), a ``Language`` with a region
(Poedit's "Spanish (Spain)", ``es_ES``) or none at all (the folder says it, as
for gettext); and two sentences that differ only in their spaces share a
``msgctxt`` but keep their own entries, reviews and memory pairs.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import run_cli
from tests.po.conftest import catalog, export, exported_story, review
from translator.review.po.importer import import_run
from translator.review.tm import TranslationMemory

# Our own sentences: the same words, once with a no-break space and once with a plain one.
NBSP_STORY = ("Суд закрыл дело о штрафе 10\u00a0мая.\n\nСуд закрыл дело о штрафе 10 мая.\n\n"
              "Редакция газеты пока молчит.\n")
SILENT = "The newsroom keeps silent."
STORY = ("Редакция газеты пока молчит и не отвечает на вопросы читателей.\n\n"
         "Суд закрыл дело о штрафе за публикацию.\n")


def memory_pairs(path: Path) -> set[tuple[str, str]]:
    with TranslationMemory(path) as memory:
        return {(u.source, u.target) for u in memory.units()}


def review_spaces(path: Path) -> None:
    """Review the no-break-space entry and the plain one differently."""
    cat = polib.pofile(str(path))
    for entry in cat:
        if "мая" in entry.msgid:
            entry.msgstr = "NBSP review" if "\u00a0" in entry.msgid else "Plain review"
            entry.flags = []
    cat.save()


def test_sentences_differing_only_in_spaces_keep_their_own_reviews(tmp_path):
    out = exported_story(tmp_path, NBSP_STORY)
    path = catalog(out, "en", "sud.po")
    review_spaces(path)
    tm = tmp_path / "tm.sqlite3"
    result = import_run(out, tm, entities=False)
    assert result.warnings == []
    assert result.reviewed == 2
    article = (out / "en" / "sud.txt").read_text(encoding="utf-8")
    assert article.index("NBSP review") < article.index("Plain review")
    assert memory_pairs(tm) == {("Суд закрыл дело о штрафе 10\u00a0мая.", "NBSP review"),
                                ("Суд закрыл дело о штрафе 10 мая.", "Plain review")}


def test_exporting_again_keeps_each_spacing_variant_with_its_review(tmp_path):
    out = exported_story(tmp_path, NBSP_STORY)
    path = catalog(out, "en", "sud.po")
    review_spaces(path)
    export(out)
    entries = {e.msgid: e for e in polib.pofile(str(path)) if "мая" in e.msgid}
    assert entries["Суд закрыл дело о штрафе 10\u00a0мая."].msgstr == "NBSP review"
    assert entries["Суд закрыл дело о штрафе 10 мая."].msgstr == "Plain review"
    assert all("fuzzy" not in e.flags and e.previous_msgid is None for e in entries.values())


@pytest.mark.parametrize(("old", "new"), [
    ("#, fuzzy\nmsgctxt", "#,fuzzy\nmsgctxt"),
    ("# revisado por Ana", "#revisado por Ana"),
    ("#: sud.txt:p1", "#:sud.txt:p1"),
    ("\nmsgctxt \"sud.txt#", "\n#.a note\nmsgctxt \"sud.txt#"),
])
def test_comment_marks_without_their_space_are_read_as_gettext_reads_them(tmp_path, old, new):
    out = exported_story(tmp_path, STORY)
    path = catalog(out, "en", "sud.po")
    review(path, {"Редакция": SILENT})
    cat = polib.pofile(str(path))
    next(e for e in cat if e.msgstr == SILENT).tcomment = "revisado por Ana"
    cat.save()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if shutil.which("msgfmt"):
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    result = import_run(out, tmp_path / "tm.sqlite3", entities=False)
    assert result.warnings == []
    assert result.reviewed == 1
    assert SILENT in (out / "en" / "sud.txt").read_text(encoding="utf-8")


@pytest.mark.slow  # a whole translate, export and import through the CLI per value
@pytest.mark.parametrize("language", ["en_GB", "en-US", "en_GB.UTF-8", "", None])
def test_a_regional_or_missing_language_of_the_folders_language_is_accepted(tmp_path, language):
    out = exported_story(tmp_path, STORY)
    path = catalog(out, "en", "sud.po")
    review(path, {"Редакция": SILENT})
    text = path.read_text(encoding="utf-8")
    line = "" if language is None else f'"Language: {language}\\n"\n'
    path.write_text(text.replace('"Language: en\\n"\n', line), encoding="utf-8")
    done = run_cli("po", "import", str(out), "--tm", str(tmp_path / "tm.sqlite3"))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert SILENT in (out / "en" / "sud.txt").read_text(encoding="utf-8")
    export(out)  # a person's Language is kept when it is the folder's language
    if language:
        assert polib.pofile(str(path)).metadata["Language"] == language


@pytest.mark.parametrize("language", ["es", "es_ES", "ru-RU"])
def test_a_catalog_in_another_language_is_still_refused(tmp_path, language):
    out = exported_story(tmp_path, STORY)
    path = catalog(out, "en", "sud.po")
    review(path, {"Редакция": SILENT})
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Language: en\\n"', f'"Language: {language}\\n"'),
                    encoding="utf-8")
    done = run_cli("po", "import", str(out), "--tm", str(tmp_path / "tm.sqlite3"))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and f"language '{language}'" in lines[0], done.stderr
    assert not (tmp_path / "tm.sqlite3").exists()


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="msgattrib is not installed")
def test_an_entry_msgattrib_made_obsolete_is_named_as_obsolete_not_deleted(tmp_path):
    out = exported_story(tmp_path, STORY)
    path = catalog(out, "en", "sud.po")
    review(path, {"Редакция": SILENT})
    fuzzy = tmp_path / "fuzzy.po"
    subprocess.run(["msgattrib", "--only-fuzzy", "-o", str(fuzzy), str(path)], check=True)
    subprocess.run(["msgattrib", "--set-obsolete", f"--only-file={fuzzy}", "-o", str(path),
                    str(path)], check=True)
    result = import_run(out, tmp_path / "tm.sqlite3", entities=False)
    assert len(result.warnings) == 1, result.warnings
    assert "is obsolete (#~)" in result.warnings[0]
    assert f"{path}:" in result.warnings[0] and "Суд закрыл" in result.warnings[0]
    assert result.reviewed == 1 and result.machine == 1


def test_gettext_locale_forms_name_the_language_and_others_do_not():
    from translator.review.po.catalog import same_language

    for value in ("es", "es_ES", "es-419", "ES_es.UTF-8", "es@latin", "", None):
        assert same_language(value, "es"), value
    for value in ("en", "en_ES", "ru-RU", "spa"):
        assert not same_language(value, "es"), value
