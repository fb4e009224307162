"""Issue 12 "also": catalogs are laid out as GNU msgcat lays them out.

``msgcat`` of a triglot catalog gives the same bytes back (so gettext tools and
editors show no change that is only wrapping), and a note is never broken in the
middle of a word ("facial-|recognition") or of a URL.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import CORPUS
from tests.po.conftest import catalog, export, review, run
from translator.review.po.catalog import CatalogInfo, Message, build_catalog
from translator.review.po.export import serialise

LONG_NOTE = ("glossary: распознавания лиц -> facial-recognition [c1]; see "
             "https://example.org/a-very-long/path/facial-recognition-cameras-in-the-moscow-metro")
SENTENCES = [
    ("Суд обязал мэрию прекратить использование системы распознавания лиц против "
     "протестующих, сообщил «Коммерсантъ».",
     'The court ordered the mayor\'s office to stop using the "facial-recognition" system '
     "against protesters, Kommersant reported: https://kommersant.ru/doc/4712345."),
    ("Адвокат U.N. считает решение незаконным.\nВторая строка.",
     "The U.N. lawyer considers the ruling unlawful.\nA second line."),
    ("Короткое.", "Short."),
]


def msgcat() -> str:
    found = shutil.which("msgcat")
    if found is None:
        pytest.skip("msgcat is not installed: apt-get install gettext (make system-deps)")
    return found


def through_msgcat(path: Path) -> str:
    return subprocess.run([msgcat(), str(path)], capture_output=True, text=True,
                          check=True).stdout


def made_catalog(tmp_path: Path) -> Path:
    messages = [Message(f"ru/a.txt#{i:08x}", source, target, [f"ru/a.txt:p{j}" for j in
                                                              range(i * 7)], [LONG_NOTE])
                for i, (source, target) in enumerate(SENTENCES)]
    messages[0].reviewed = True
    path = tmp_path / "a.po"
    path.write_text(serialise(build_catalog(CatalogInfo("ru/a.txt", "ru", "en"), messages,
                                            "2026-01-01 00:00+0000")), encoding="utf-8")
    return path


def test_msgcat_gives_a_triglot_catalog_back_byte_for_byte(tmp_path):
    path = made_catalog(tmp_path)
    assert through_msgcat(path) == path.read_text(encoding="utf-8")


def test_a_note_is_one_line_never_broken_inside_a_word(tmp_path):
    text = made_catalog(tmp_path).read_text(encoding="utf-8")
    assert f"#. {LONG_NOTE}\n" in text
    assert all(line.startswith("#. glossary") for line in text.splitlines()
               if line.startswith("#."))


def test_a_reviewed_and_merged_run_stays_in_msgcat_layout(tmp_path):
    root = tmp_path / "articles"
    root.mkdir()
    (root / "sud.txt").write_text(" ".join(s for s, _ in SENTENCES[:1]) + "\n\n"
                                  + SENTENCES[2][0] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run(root, out, ["en"])
    export(out)
    path = catalog(out, "en", "sud.po")
    review(path, {"Короткое": "Short, and reviewed in an editor that wraps lines its own way: "
                              "with polib at seventy-eight columns and textwrap."})
    export(out)  # merged again: written back in gettext's layout
    assert through_msgcat(path) == path.read_text(encoding="utf-8")


@pytest.mark.corpus
def test_real_news_sentences_wrap_as_msgcat_wraps_them(tmp_path):
    lines = {lang: (CORPUS / "flores-dev" / f"flores-dev.{lang}").read_text(
        encoding="utf-8").splitlines()[:300] for lang in ("ru", "en", "es")}
    catalog_file = polib.POFile()
    catalog_file.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for number, (ru, en, es) in enumerate(zip(lines["ru"], lines["en"], lines["es"],
                                              strict=True)):
        catalog_file.append(polib.POEntry(msgctxt=f"a.txt#{number}", msgid=ru, msgstr=en,
                                          comment=f"translation memory 80%: {en} => {es}",
                                          previous_msgid=es if number % 5 == 0 else None,
                                          flags=["fuzzy"]))
    path = tmp_path / "flores.po"
    path.write_text(serialise(catalog_file), encoding="utf-8")
    assert through_msgcat(path) == path.read_text(encoding="utf-8")
