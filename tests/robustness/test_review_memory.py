"""Issue 12 item 16: the translation memory belongs to one story (its run folder) by default.

A reviewed pair of one story never fills another story's output unless that
memory is named on purpose (``--tm``); every sentence the memory filled is
marked in the run record, the catalog and the report, and the summary counts them.
"""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from tests.fake_engine import TaggingEngine, run_cli_with
from tests.po.conftest import VIA_EN, entry_for, review
from translator.cli import cli
from translator.review.tm import RUN_MEMORY, user_tm_path
from translator.run_record import load

SHARED = "Адвокат считает решение незаконным."
LAWYER = "The lawyer considers the ruling unlawful."


@pytest.fixture(autouse=True)
def fake_engine(monkeypatch):
    run_cli_with(monkeypatch, TaggingEngine(VIA_EN))


def invoke(*args: str):
    done = CliRunner().invoke(cli, list(args))
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return done


def story(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def translate(articles: Path, out: Path, *extra: str) -> dict:
    done = invoke("translate", str(articles), "--to", "en", "--out", str(out), "--po",
                  "--json", *extra)
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


@pytest.fixture
def reviewed_story(tmp_path: Path) -> Path:
    """Story A translated, one sentence reviewed and imported: A's memory holds it."""
    out = tmp_path / "a-out"
    translate(story(tmp_path, "a", f"{SHARED} Суд отказал.\n"), out)
    review(out / "locales" / "en" / "LC_MESSAGES" / "a.po", {"Адвокат считает": LAWYER})
    done = invoke("po", "import", str(out))
    assert done.exit_code == 0, done.output
    return out


def test_the_memory_is_kept_in_the_run_folder(reviewed_story):
    assert (reviewed_story / RUN_MEMORY).is_file()
    assert not user_tm_path().exists()


def test_another_story_does_not_get_it_unless_named_with_tm(reviewed_story, tmp_path):
    other = story(tmp_path, "b", f"{SHARED} Он подаст жалобу.\n")
    alone = translate(other, tmp_path / "b-out")
    assert alone["tm_hits"] == 0
    assert LAWYER not in (tmp_path / "b-out" / "en" / "b.txt").read_text(encoding="utf-8")

    shared = translate(other, tmp_path / "b-shared", "--tm", str(reviewed_story))
    assert shared["tm_hits"] == 1 and shared["segments_from_memory"] == 1
    assert shared["memory"] == str(reviewed_story / RUN_MEMORY)
    assert LAWYER in (tmp_path / "b-shared" / "en" / "b.txt").read_text(encoding="utf-8")


def test_a_sentence_from_the_memory_is_marked_everywhere(reviewed_story, tmp_path):
    done = invoke("translate", str(tmp_path / "a"), "--to", "en", "--out", str(reviewed_story),
                  "--po")
    assert done.exit_code == 0, done.output
    assert "translation memory: 1 sentence reused" in done.stdout
    assert str(reviewed_story / RUN_MEMORY) in done.stdout
    segments = load(reviewed_story).documents[0].targets["en"]
    assert [s.from_memory for s in segments] == [True, False]
    catalog = polib.pofile(str(reviewed_story / "locales/en/LC_MESSAGES/a.po"))
    assert "instead of MT" in entry_for(catalog, "Адвокат считает").comment
    assert "translation memory" not in entry_for(catalog, "Суд отказал").comment
    report = invoke("report", str(reviewed_story))
    assert "1 from the translation memory" in report.stdout
    page = (reviewed_story / "triglot-report.html").read_text(encoding="utf-8")
    assert page.count('class="tm"') == 1


def test_an_earlier_per_user_memory_is_named_not_used_silently(tmp_path):
    from translator.review.tm import TMUnit, TranslationMemory

    with TranslationMemory(user_tm_path(), create=True) as memory:
        memory.add([TMUnit("ru", "en", SHARED, LAWYER)])
    done = invoke("translate", str(story(tmp_path, "c", SHARED + "\n")), "--to", "en",
                  "--out", str(tmp_path / "c-out"))
    assert done.exit_code == 0, done.output
    assert "kept per run folder" in done.stderr and str(user_tm_path()) in done.stderr
