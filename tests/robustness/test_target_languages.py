"""``--to`` a language triglot does not have, or the one the article is already in."""

from __future__ import annotations

from tests.conftest import run_cli
from tests.fake_engine import TaggingEngine
from tests.robustness.conftest import one_line
from translator.cache import TranslationCache
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress

ES = "El tribunal multó a la activista. Su abogado presentó un recurso.\n"


def test_an_unsupported_target_is_one_error_line(tmp_path):
    (tmp_path / "a.txt").write_text(ES, encoding="utf-8")
    done = run_cli("translate", str(tmp_path / "a.txt"), "--to", "de",
                   "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert one_line(done.stderr) == \
        "triglot: error: unsupported language 'de': use one of ru, en, es"
    assert not (tmp_path / "out").exists()


def test_an_article_already_in_the_target_is_skipped_with_a_reason(tmp_path):
    (tmp_path / "x-es.txt").write_text(ES, encoding="utf-8")
    request = RunRequest([tmp_path / "x-es.txt"], ["es"], tmp_path / "out", "es")
    engine = TaggingEngine({("en", "es"), ("es", "en")})
    summary = translate_run(request, engine, TranslationCache(None), Progress(False))
    assert summary.outputs == [] and summary.errors == []
    assert summary.warnings == [f"{tmp_path / 'x-es.txt'}: skipped for es: already in Spanish"]
    assert summary.to_dict()["warnings"] == summary.warnings
