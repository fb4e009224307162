"""Helpers for the review-loop tests: small runs with the tagging engine, catalog editing.

Runs here go through the real pipeline and the real PO export at the engine
interface (tests/fake_engine.py), so they are fast; the end-to-end story on the
project's real Argos packages is in test_review_loop.py.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import polib
import pytest

from tests.fake_engine import TaggingEngine
from translator.cache import TranslationCache
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress
from translator.review.po.catalog import FUZZY
from translator.review.po.export import export_run
from translator.review.tm import TranslationMemory

VIA_EN = {("ru", "en"), ("en", "ru"), ("en", "es"), ("es", "en")}

# Our own text (not corpus sentences): a Russian article and an English one.
RU_STORY = (
    "Суд в Казани оштрафовал журналиста за публикацию. Редакция обжалует штраф.\n\n"
    "Журналист узнал о решении из письма. Письмо пришло через неделю.\n\n"
    "Адвокат считает решение незаконным.\n"
)
EN_STORY = (
    "# Archive request\n\n"
    "The newspaper asked the court for the **full archive** of the case.\n\n"
    "- The court has not answered yet.\n"
    "- The newspaper will write again.\n"
)


def run(root: Path, out: Path, targets: list[str], memory: TranslationMemory | None = None):
    request = RunRequest([root], targets, out)
    return translate_run(request, TaggingEngine(VIA_EN), TranslationCache(None),
                         Progress(False), memory)


def export(out: Path, memory: TranslationMemory | None = None, glossary: Path | None = None):
    with (memory or TranslationMemory(None)) as mem:
        return export_run(out, mem, glossary, entities=False)


def exported_story(tmp_path: Path, text: str) -> Path:
    """``text`` as articles/sud.txt, translated into English, its catalog exported."""
    root = tmp_path / "articles"
    root.mkdir()
    (root / "sud.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run(root, out, ["en"]).errors == []
    export(out)
    return out


def entry_for(catalog: polib.POFile, text: str) -> polib.POEntry:
    found = [e for e in catalog if not e.obsolete and text in e.msgid]
    assert len(found) == 1, (text, [e.msgid for e in catalog])
    return found[0]


def review(path: Path, edits: dict[str, str | None]) -> None:
    """Act as a reviewer: for each sentence fragment, approve the MT (None) or replace it."""
    catalog = polib.pofile(str(path))
    for fragment, text in edits.items():
        entry = entry_for(catalog, fragment)
        if text is not None:
            entry.msgstr = text
        entry.flags = [f for f in entry.flags if f != FUZZY]
    catalog.save()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "sud.txt").write_text(RU_STORY, encoding="utf-8")
    (root / "archive.md").write_text(EN_STORY, encoding="utf-8")
    return root


@pytest.fixture
def fake_run(articles: Path, tmp_path: Path) -> Path:
    """A run of both articles into the other two languages, with catalogs."""
    out = tmp_path / "out"
    summary = run(articles, out, ["en", "es", "ru"])
    assert summary.errors == []
    export(out)
    return out


def catalog(out: Path, lang: str, name: str) -> Path:
    return out / "locales" / lang / "LC_MESSAGES" / name


def tool(name: str) -> str:
    """Path of an external client, or skip the test saying how to get it."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        hint = ("apt-get install gettext (make system-deps)" if name == "msgfmt"
                else "pip install translate-toolkit (dev extra)")
        pytest.skip(f"{name} is not installed: {hint}")
    return found
