"""The batch run at the engine interface: layout, structure, pivots, fallbacks, bad inputs.

The engine here is the tagging fake (tests/fake_engine.py); the real Argos
path is covered end to end in test_translate_e2e.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fake_engine import TaggingEngine
from translator.cache import TranslationCache
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress
from translator.run_record import RECORD_FILE as MANIFEST

VIA_EN = {("ru", "en"), ("en", "ru"), ("en", "es"), ("es", "en")}

RU = "Суд оштрафовал активистку за участие в акции. Адвокат подал жалобу на решение суда.\n"
EN_MD = (
    "# Cameras in the metro\n\n"
    "The **district court** fined her. Read [the ruling](https://example.org/r?id=7).\n\n"
    "- Lawyers filed an appeal against the decision.\n"
    "- The `camera_id` field stays as it is.\n"
)
ES_HTML = (
    '<!doctype html>\n<html lang="es"><head><title>Cámaras en el metro</title></head>\n'
    "<body><nav><a href='/'>Inicio</a></nav>\n<article><h1>Cámaras de reconocimiento facial</h1>\n"
    '<p>El tribunal multó a la activista. Lea <a href="https://example.org/x">la sentencia</a>'
    " completa &amp; el recurso.</p></article>\n<footer>Todos los derechos reservados</footer>"
    "</body></html>\n"
)


def run(paths, targets, out, engine=None, cache=None, source=None):
    engine = engine or TaggingEngine(VIA_EN)
    request = RunRequest([Path(p) for p in paths], targets, out, source)
    return translate_run(request, engine, cache or TranslationCache(None), Progress(False))


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "ru").mkdir(parents=True)
    (root / "ru" / "sud.txt").write_text(RU, encoding="utf-8")
    (root / "en.md").write_text(EN_MD, encoding="utf-8")
    (root / "es.html").write_text(ES_HTML, encoding="utf-8")
    return root


def test_outputs_mirror_the_input_tree_per_language_in_the_same_format(articles, tmp_path):
    out = tmp_path / "out"
    summary = run([articles], ["en", "es", "ru"], out)
    assert summary.errors == []
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == [
        "en/es.html", "en/ru/sud.txt", "es/en.md", "es/ru/sud.txt",
        "ru/en.md", "ru/es.html", MANIFEST,
    ]
    assert summary.translated == 3 and summary.failed == 0


def test_markdown_structure_survives_and_urls_and_code_are_kept(articles, tmp_path):
    out = tmp_path / "out"
    run([articles], ["es"], out)
    text = (out / "es" / "en.md").read_text(encoding="utf-8")
    assert text.startswith("# [es] Cameras in the metro\n\n")
    assert "[es] The **district court** fined her." in text
    assert "[the ruling](https://example.org/r?id=7)" in text
    assert "- [es] Lawyers filed an appeal against the decision.\n" in text
    assert "`camera_id`" in text


def test_html_keeps_markup_translates_article_only_and_escapes_text(articles, tmp_path):
    out = tmp_path / "out"
    run([articles], ["en"], out)
    html = (out / "en" / "es.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "<nav><a href='/'>Inicio</a></nav>" in html  # boilerplate untouched
    assert "<footer>Todos los derechos reservados</footer>" in html
    assert '<a href="https://example.org/x">' in html
    assert "&amp; el recurso" in html  # decoded for MT, escaped again on output
    assert "<title>[en] Cámaras en el metro</title>" in html


def test_ru_to_es_pivots_through_english_and_the_summary_says_so(articles, tmp_path):
    summary = run([articles / "ru"], ["es"], tmp_path / "out")
    text = (tmp_path / "out" / "es" / "sud.txt").read_text(encoding="utf-8")
    assert text.startswith("[es] [en] Суд оштрафовал")
    assert summary.pivots == ["ru->es via en"]


def test_lost_inline_markup_falls_back_to_piecewise_translation(articles, tmp_path):
    engine = TaggingEngine(VIA_EN, drop_codes=True)
    summary = run([articles / "en.md"], ["es"], tmp_path / "out", engine=engine)
    text = (tmp_path / "out" / "es" / "en.md").read_text(encoding="utf-8")
    assert "**[es] district court**" in text
    assert "[[es] the ruling](https://example.org/r?id=7)" in text
    assert "[es] The `camera_id` [es] field stays as it is." in text
    assert summary.markup_fallbacks == 3


def test_a_mixed_article_translates_each_paragraph_from_its_own_language(tmp_path):
    path = tmp_path / "mixed.md"
    path.write_text(
        "Правозащитники потребовали отключить камеры распознавания лиц в московском метро.\n\n"
        "> The cameras were used to find and detain peaceful protesters, the group said.\n",
        encoding="utf-8")
    run([path], ["es"], tmp_path / "out")
    text = (tmp_path / "out" / "es" / "mixed.md").read_text(encoding="utf-8")
    assert text.startswith("[es] [en] Правозащитники")  # ru -> en -> es
    assert "> [es] The cameras were used" in text  # en -> es directly


def test_articles_already_in_the_target_language_get_no_copy(articles, tmp_path):
    summary = run([articles / "en.md"], ["en"], tmp_path / "out")
    assert summary.outputs == [] and summary.errors == []


def test_bad_inputs_are_named_and_the_other_files_still_succeed(articles, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (bad / "latin1.txt").write_bytes("Der Richter sagte: \xfcber alles".encode("latin-1"))
    (bad / "german.txt").write_text(
        "Die Kameras in der Moskauer U-Bahn erkennen Gesichter und melden sie der Polizei.\n",
        encoding="utf-8")
    (bad / "notes.pdf").write_bytes(b"%PDF-1.4")
    summary = run([articles / "en.md", bad, tmp_path / "missing.txt"], ["es"], tmp_path / "out")
    messages = {Path(p.path).name: p.message for p in summary.errors}
    assert set(messages) == {"empty.txt", "binary.txt", "latin1.txt", "german.txt", "missing.txt"}
    assert "line 1" in messages["latin1.txt"]
    assert "de" in messages["german.txt"]
    assert any("notes.pdf" in w for w in summary.warnings)
    assert summary.outputs == [str(tmp_path / "out" / "es" / "en.md")]
    assert not (tmp_path / "out" / "es" / "bad").exists()


def test_missing_model_fails_those_articles_and_names_the_install_command(articles, tmp_path):
    engine = TaggingEngine({("en", "es")})
    summary = run([articles], ["es"], tmp_path / "out", engine=engine)
    problems = {Path(p.path).name: p.message for p in summary.errors}
    assert set(problems) == {"sud.txt"}
    assert "triglot models install ru en" in problems["sud.txt"]
    assert (tmp_path / "out" / "es" / "en.md").is_file()


def test_rerun_takes_everything_from_the_cache_and_writes_identical_files(articles, tmp_path):
    cache_path = tmp_path / "cache.sqlite3"
    first = run([articles], ["en", "es"], tmp_path / "a", cache=TranslationCache(cache_path))
    engine = TaggingEngine(VIA_EN)
    second = run([articles], ["en", "es"], tmp_path / "b", engine=engine,
                 cache=TranslationCache(cache_path))
    assert engine.calls == []
    assert second.cache_hits >= first.segments and second.machine_translated == 0
    for path in (tmp_path / "a").rglob("*.*"):
        if path.name != MANIFEST:
            other = tmp_path / "b" / path.relative_to(tmp_path / "a")
            assert other.read_bytes() == path.read_bytes()


def test_output_folder_inside_the_input_folder_is_not_read_back(articles):
    run([articles], ["en"], articles / "out")
    summary = run([articles], ["en"], articles / "out")
    assert summary.documents == 3


def test_manifest_records_sentences_and_mt_for_later_steps(articles, tmp_path):
    run([articles / "ru"], ["en"], tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    (doc,) = manifest["documents"]
    first = doc["targets"]["en"][0]
    assert first["source"].startswith("Суд оштрафовал") and first["mt"].startswith("[en] ")
    assert first["ref"] == "p1"


def test_each_pair_is_loaded_once_and_warmed_before_translating(articles, tmp_path):
    """A pair is loaded (and a translator with ``warm`` warmed) as soon as an article in
    its source language is read, before any batch; the run's MT uses that same load."""
    events: list = []

    class Warmable(TaggingEngine):
        def load(self, source, target, load, decoding):
            translator = super().load(source, target, load, decoding)
            events.append(("load", source, target))
            translator.warm = lambda: events.append(("warm", source, target))
            return translator

    engine = Warmable(VIA_EN)
    engine.calls = events  # the batches the translators are given, in the same list
    summary = run([articles / "en.md"], ["es", "ru"], tmp_path / "out", engine=engine)
    assert summary.errors == []
    assert sorted(e for e in events if e[0] == "load") == [("load", "en", "es"),
                                                           ("load", "en", "ru")]
    first_batch = next(i for i, e in enumerate(events) if isinstance(e[2], list))
    assert {e for e in events[:first_batch] if e[0] == "warm"} == {("warm", "en", "es"),
                                                                    ("warm", "en", "ru")}


def test_with_the_source_language_given_the_pair_warms_before_any_article_is_read(
        articles, tmp_path, monkeypatch):
    """``--from``: the engine gets ready (Apertium loads its dictionaries) while the
    articles are read and segmented, not after the first one is."""
    import translator.ingest

    events: list = []
    read = translator.ingest.load_document
    monkeypatch.setattr(translator.ingest, "load_document",
                        lambda *args: events.append("read") or read(*args))

    class Warmable(TaggingEngine):
        def load(self, source, target, load, decoding):
            translator = super().load(source, target, load, decoding)
            translator.warm = lambda: events.append("warm")
            return translator

    run([articles / "en.md"], ["es"], tmp_path / "out", engine=Warmable(VIA_EN), source="en")
    assert events[:2] == ["warm", "read"]


def test_the_engine_is_closed_when_the_run_returns_even_if_the_review_fails(
        articles, tmp_path, monkeypatch):
    import translator.engines.registry
    from translator.pipeline import translate_with

    closed: list = []

    class Closable(TaggingEngine):
        def close(self):
            closed.append(True)

    def failing_review(summary):
        assert summary.outputs  # given the run's summary, articles written
        raise RuntimeError("review failed")

    monkeypatch.setattr(translator.engines.registry, "make_engine",
                        lambda name: Closable(VIA_EN))
    request = RunRequest([articles / "en.md"], ["es"], tmp_path / "out")
    with pytest.raises(RuntimeError):
        translate_with(request, "fake", None, after=failing_review)
    assert closed == [True]
