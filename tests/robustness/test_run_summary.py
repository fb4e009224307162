"""The run summary adds up: segments by where they came from, plurals, the whole run's time."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from tests.fake_engine import TaggingEngine, run_cli_with
from translator.cache import TranslationCache
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress
from translator.summary import RunSummary

VIA_EN = {("ru", "en"), ("en", "ru"), ("en", "es"), ("es", "en")}
RU = "Суд оштрафовал активистку за участие в акции. Адвокат подал жалобу на решение суда.\n"


def run(folder, out, cache):
    request = RunRequest([folder], ["en", "es"], out, "ru")
    return translate_run(request, TaggingEngine(VIA_EN), cache, Progress(False))


def test_segments_add_up_and_a_pivot_is_not_counted_twice(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):  # the same sentences twice: 8 segments, 4 unique jobs
        (folder / name).write_text(RU, encoding="utf-8")
    cache = tmp_path / "cache.sqlite3"
    first = run(folder, tmp_path / "a", TranslationCache(cache))
    assert first.segments == 8
    assert (first.segments_from_engine, first.segments_from_cache) == (8, 0)
    again = run(folder, tmp_path / "b", TranslationCache(cache))
    assert (again.segments_from_engine, again.segments_from_cache) == (0, 8)
    data = again.to_dict()
    assert data["segments_from_cache"] == data["segments"] == 8
    # per model lookup, unique sentences: ru->en 2 for en, ru->en 2 + en->es 2 for es
    assert data["cache_hits"] == 6
    assert "segments: 8 to translate: 8 found in the cache, 0 translated by the engine" in \
        again.human_lines()


def test_one_is_singular():
    assert "0 sentences sent to it" in RunSummary("fake", ["es"]).human_lines()[-1]
    summary = RunSummary("fake", ["es"], tm_hits=1, markup_fallbacks=1, machine_translated=1)
    text = "\n".join(summary.human_lines())
    assert "1 sentences" not in text
    assert "1 sentence reused" in text and "1 sentence translated piecewise" in text


@pytest.mark.parametrize(("count", "form"), [(1, "1 предложение"), (3, "3 предложения"),
                                             (5, "5 предложений"), (21, "21 предложение")])
def test_russian_counts_take_their_three_forms(monkeypatch, count, form):
    monkeypatch.setenv("LANGUAGE", "ru")
    summary = RunSummary("fake", ["es"], markup_fallbacks=count)
    assert f"{form} переведен" in summary.human_lines()[-1]


def test_the_time_covers_the_review_after_the_translation(tmp_path, monkeypatch):
    import translator.review.after_run
    from translator.cli import cli

    def slow_review(*args, **kwargs):
        time.sleep(0.6)

    run_cli_with(monkeypatch, TaggingEngine(VIA_EN))
    monkeypatch.setattr(translator.review.after_run, "review_run", slow_review)
    (tmp_path / "a.txt").write_text(RU, encoding="utf-8")
    done = CliRunner().invoke(cli, ["translate", str(tmp_path / "a.txt"), "--to", "es",
                                    "--out", str(tmp_path / "out"), "--json", "--no-cache"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["seconds"] >= 0.6


def test_a_failed_review_is_a_warning_and_the_articles_stay(tmp_path, monkeypatch):
    import translator.review.after_run
    from translator.cli import cli

    def failing_review(*args, **kwargs):
        raise OSError(28, "No space left on device")

    run_cli_with(monkeypatch, TaggingEngine(VIA_EN))
    monkeypatch.setattr(translator.review.after_run, "review_run", failing_review)
    (tmp_path / "a.txt").write_text(RU, encoding="utf-8")
    done = CliRunner().invoke(cli, ["translate", str(tmp_path / "a.txt"), "--to", "es",
                                    "--out", str(tmp_path / "out"), "--no-cache"])
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    assert done.exit_code == 0, done.output
    assert done.stderr.strip().splitlines() == [
        "triglot: warning: the review after the run failed ([Errno 28] No space left on device)"]
    assert (tmp_path / "out" / "es" / "a.txt").is_file()
