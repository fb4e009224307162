"""The translation cache belongs to one story (its run folder) by default, like the memory.

The cache holds every sentence a run translated. Kept in the run folder, it goes when the
story's folder is deleted, and another story's run never opens it; a cache shared
between stories is named on purpose (``--cache``, ``TRIGLOT_CACHE``). A run folder below
the input folder is the run's output, never read back as input.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.fake_engine import TaggingEngine, run_cli_with
from tests.po.conftest import VIA_EN
from translator.cache import RUN_CACHE, user_cache_path
from translator.cli import cli

PROTEST = "Полиция задержала участников акции у метро."
COURT = "Суд отказал в иске."


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    run_cli_with(monkeypatch, TaggingEngine(VIA_EN))


def story(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def translate(articles: Path, out: Path, *extra: str, to: str = "en", env: dict | None = None):
    done = CliRunner().invoke(cli, ["translate", str(articles), "--to", to, "--out", str(out),
                                    "--json", *extra], env=env)
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout), done.stderr


def cached_sources(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT source FROM translations")}


def test_the_cache_is_kept_in_the_run_folder_and_a_rerun_takes_it(tmp_path):
    articles = story(tmp_path, "a", f"{PROTEST} {COURT}\n")
    first, _ = translate(articles, tmp_path / "a-out")
    assert first["segments_from_engine"] == 2
    assert cached_sources(tmp_path / "a-out" / RUN_CACHE) == {PROTEST, COURT}
    assert not user_cache_path().exists()
    again, _ = translate(articles, tmp_path / "a-out")
    assert (again["segments_from_cache"], again["segments_from_engine"]) == (2, 0)


def test_another_story_neither_reads_nor_holds_the_first_storys_sentences(tmp_path):
    translate(story(tmp_path, "a", f"{PROTEST} {COURT}\n"), tmp_path / "a-out")
    other, _ = translate(story(tmp_path, "b", f"{PROTEST}\n"), tmp_path / "b-out")
    assert (other["segments_from_cache"], other["segments_from_engine"]) == (0, 1)
    assert COURT not in cached_sources(tmp_path / "b-out" / RUN_CACHE)


def test_a_shared_cache_is_used_when_named(tmp_path):
    shared = tmp_path / "shared.sqlite3"
    translate(story(tmp_path, "a", f"{PROTEST}\n"), tmp_path / "a-out", "--cache", str(shared))
    named, _ = translate(story(tmp_path, "b", f"{PROTEST}\n"), tmp_path / "b-out",
                         env={"TRIGLOT_CACHE": str(shared)})
    assert named["segments_from_cache"] == 1
    assert not (tmp_path / "a-out" / RUN_CACHE).exists()
    assert not (tmp_path / "b-out" / RUN_CACHE).exists()


def test_an_earlier_per_user_cache_is_named_and_not_read(tmp_path):
    translate(story(tmp_path, "old", f"{PROTEST}\n"), tmp_path / "old-out",
              "--cache", str(user_cache_path()))  # as triglot kept it before
    first, warned = translate(story(tmp_path, "a", f"{PROTEST}\n"), tmp_path / "a-out")
    assert first["segments_from_cache"] == 0
    assert "cached per run folder" in warned and str(user_cache_path()) in warned
    assert warned.count("\n") == 1
    _, again = translate(tmp_path / "a", tmp_path / "a-out")
    assert "cached per run folder" not in again  # said when a folder starts its cache


def test_run_folders_below_the_inputs_are_not_read_back(tmp_path):
    articles = story(tmp_path, "a", f"{PROTEST}\n")
    first, warned = translate(articles, articles / "translated")
    assert (first["documents"], warned) == (1, "")
    translate(articles, articles / "spanish", to="es")  # an earlier run, another folder
    again, warned = translate(articles, articles / "translated", to="en,es")
    assert (again["documents"], again["failed"], warned) == (1, 0, "")
    assert again["segments_from_cache"] == 1  # its English, from its own run folder
