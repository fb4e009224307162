"""A run folder or an articles folder that moved since ``translate --po``, through the real CLI.

The run record keeps each source both relative to the run folder and absolute,
with a hash of its content: a project moved whole and a run folder moved alone
still import; a renamed articles folder is one clear line; a source that
changed is refused even when a file still stands where the record points.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from tests.conftest import EXAMPLES, run_cli
from tests.po.conftest import catalog
from tests.test_translate_e2e import argos_dir  # noqa: F401 - the installed test packages
from translator.review.po.catalog import FUZZY

ARTICLE = "kamery-v-metro.txt"
REVIEWED = "Reviewed by a person, not a machine."
#: Each test translates and exports a project (2-4 s): the full suite, not the fast lane.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One translation cache for the module: every run after the first is instant."""
    return tmp_path_factory.mktemp("cache") / "cache.sqlite3"


@pytest.fixture
def project(tmp_path, argos_dir, cache) -> Path:  # noqa: F811
    """project/articles/<one article>, translated into English with --po into project/out,
    with the first sentence of its catalog reviewed."""
    root = tmp_path / "project"
    (root / "articles").mkdir(parents=True)
    shutil.copy(EXAMPLES / "ru" / ARTICLE, root / "articles" / ARTICLE)
    done = run_cli("translate", str(root / "articles"), "--to", "en", "--out", str(root / "out"),
                   "--po", "--cache", str(cache), env={"ARGOS_PACKAGES_DIR": str(argos_dir)},
                   cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    path = catalog(root / "out", "en", "kamery-v-metro.po")
    entries = polib.pofile(str(path))
    first = next(e for e in entries if not e.obsolete)
    first.msgstr, first.flags = REVIEWED, [f for f in first.flags if f != FUZZY]
    entries.save()
    return root


def po_import(run_dir: Path, tmp_path: Path):
    return run_cli("po", "import", str(run_dir), "--tm", str(tmp_path / "tm.sqlite3"), "--json",
                   cwd=tmp_path)


def imported_text(run_dir: Path) -> str:
    return (run_dir / "en" / ARTICLE).read_text(encoding="utf-8")


def test_a_run_folder_moved_alone_still_imports(project, tmp_path):
    moved = tmp_path / "elsewhere" / "run"
    moved.parent.mkdir()
    shutil.move(project / "out", moved)
    done = po_import(moved, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["reviewed"] == 1
    assert REVIEWED in imported_text(moved)


def test_a_project_moved_whole_still_imports(project, tmp_path):
    moved = tmp_path / "archive" / "project-2026"
    moved.parent.mkdir()
    shutil.move(project, moved)
    done = po_import(moved / "out", tmp_path)
    assert done.returncode == 0, done.stderr
    assert REVIEWED in imported_text(moved / "out")


def test_a_renamed_articles_folder_is_one_clear_line(project, tmp_path):
    (project / "articles").rename(project / "articles-2026")
    before = imported_text(project / "out")
    done = po_import(project / "out", tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("triglot: error: "), done.stderr
    assert ARTICLE in lines[0] and "renamed or moved" in lines[0]
    assert imported_text(project / "out") == before
    assert not (tmp_path / "tm.sqlite3").exists()


def test_a_changed_source_is_refused_with_old_and_new_articles_folders(project, tmp_path):
    """The old folder is kept under another name and a new one, with an updated article,
    takes its place: a file stands where the record points, but it is not what was
    translated."""
    shutil.copytree(project / "articles", project / "articles-old")
    path = project / "articles" / ARTICLE
    path.write_text(path.read_text(encoding="utf-8") + "\nОдин новый абзац.\n", encoding="utf-8")
    done = po_import(project / "out", tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "the article changed since it was translated" in lines[0]
    assert str(path) in lines[0]
