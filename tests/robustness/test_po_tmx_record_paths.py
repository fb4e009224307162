"""A run record edited by hand cannot make a command write outside the run folder.

``po export`` joined a document's ``relpath`` to the catalog folder as it was:
an absolute path or ``../..`` wrote the catalog anywhere (exit 0). The record
is now checked where it is loaded, so every command reading it refuses such a
record in one line, exit 2, and writes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.po.conftest import RU_STORY, exported_story
from tests.robustness.conftest import one_line
from translator.core.errors import InputError
from translator.run_record import RECORD_FILE, load


@pytest.fixture
def story_run(tmp_path: Path) -> Path:
    """A Russian article translated into English, with its catalog."""
    return exported_story(tmp_path, RU_STORY)


def tamper(out: Path, change) -> None:
    path = out / RECORD_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["documents"][0])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def set_relpath(value: str):
    def change(doc: dict) -> None:
        doc["relpath"] = value
    return change


ESCAPES = ["{tmp}/outside.txt", "../../outside.txt", "sub/../../../outside.txt", ""]


@pytest.mark.parametrize("command", [("po", "export"), ("po", "import"), ("report",)])
@pytest.mark.parametrize("relpath", ESCAPES)
def test_an_article_path_leading_outside_the_run_is_refused_and_nothing_written(
        story_run, tmp_path, command, relpath):
    tamper(story_run, set_relpath(relpath.format(tmp=tmp_path)))
    before = snapshot(tmp_path)
    done = run_cli(*command, str(story_run), "--tm", str(tmp_path / "tm.sqlite3")) \
        if command[0] == "po" else run_cli(*command, str(story_run))
    assert done.returncode == 2, done.stderr
    line = one_line(done.stderr)
    assert line.startswith(f"triglot: error: {story_run / RECORD_FILE}: ")
    assert "is not a path below the run folder" in line
    assert snapshot(tmp_path) == before
    assert not list(tmp_path.glob("outside*")) and not list(tmp_path.parent.glob("outside*"))


def test_a_target_language_that_is_a_path_is_refused(story_run, tmp_path):
    def change(doc: dict) -> None:
        doc["targets"]["../../elsewhere"] = doc["targets"].pop("en")

    tamper(story_run, change)
    before = snapshot(tmp_path)
    done = run_cli("po", "export", str(story_run), "--tm", str(tmp_path / "tm.sqlite3"))
    assert done.returncode == 2, done.stderr
    assert "unsupported language '../../elsewhere'" in one_line(done.stderr)
    assert snapshot(tmp_path) == before


def test_every_reader_gets_the_check_where_the_record_is_loaded(story_run):
    tamper(story_run, set_relpath("/etc/outside.txt"))
    with pytest.raises(InputError, match=r"'/etc/outside\.txt' is not a path below"):
        load(story_run)


def test_an_ordinary_nested_article_path_still_loads(story_run):
    tamper(story_run, set_relpath("news/2024/sud.txt"))
    assert load(story_run).documents[0].relpath == "news/2024/sud.txt"
