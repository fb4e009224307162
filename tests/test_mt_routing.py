import pytest

from tests.fake_engine import TaggingEngine
from translator.cache import TranslationCache
from translator.core.errors import ModelError
from translator.engines.base import DecodingOptions
from translator.mt import MachineTranslator

ALL_VIA_EN = {("ru", "en"), ("en", "ru"), ("en", "es"), ("es", "en")}


def make(pairs, cache=None):
    engine = TaggingEngine(pairs)
    return engine, MachineTranslator(engine, cache or TranslationCache(None))


def test_direct_pair_is_used_when_installed():
    _, mt = make(ALL_VIA_EN | {("ru", "es")})
    assert mt.translate(["Привет"], "ru", "es") == {"Привет": "[es] Привет"}
    assert mt.stats.pivots == set()


def test_ru_to_es_pivots_through_english_and_says_so():
    engine, mt = make(ALL_VIA_EN)
    out = mt.translate(["Привет"], "ru", "es")
    assert out == {"Привет": "[es] [en] Привет"}
    assert [(c[0], c[1]) for c in engine.calls] == [("ru", "en"), ("en", "es")]
    assert mt.stats.pivots == {"ru->es via en"}


@pytest.mark.parametrize(("pairs", "hint"), [
    (set(), "triglot models install ru en"),
    ({("ru", "en")}, "triglot models install en es"),
])
def test_missing_model_names_the_install_command(pairs, hint):
    _, mt = make(pairs)
    with pytest.raises(ModelError, match=hint):
        mt.route("ru", "es" if ("ru", "en") in pairs else "en")


def test_each_unique_sentence_is_translated_once_and_cached_for_the_next_run(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    engine, mt = make(ALL_VIA_EN, cache)
    mt.translate(["a b", "a b", "c"], "en", "es")
    assert sum(len(call[2]) for call in engine.calls) == 2
    cache.close()

    engine2, mt2 = make(ALL_VIA_EN, TranslationCache(tmp_path / "c.sqlite3"))
    assert mt2.translate(["a b", "c"], "en", "es") == {"a b": "[es] a b", "c": "[es] c"}
    assert engine2.calls == []
    assert mt2.stats.cache_hits == 2


def test_without_a_cache_file_a_run_still_translates_a_shared_first_hop_once():
    """--no-cache keeps nothing after the run, but within it the Russian sentences a run
    into English and into Spanish (through English) share go through ru->en once."""
    engine, mt = make(ALL_VIA_EN)
    mt.translate(["Привет", "Пока"], "ru", "en")
    assert mt.translate(["Привет", "Пока"], "ru", "es") == {
        "Привет": "[es] [en] Привет", "Пока": "[es] [en] Пока"}
    assert [(c[0], c[1], len(c[2])) for c in engine.calls] == [("ru", "en", 2), ("en", "es", 2)]
    assert mt.stats.cache_hits == 0  # this run's own translations are not cache hits


def test_cache_entries_do_not_leak_between_decoding_options(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    engine = TaggingEngine(ALL_VIA_EN)
    for beam in (4, 1):
        mt = MachineTranslator(engine, cache, decoding=DecodingOptions(beam_size=beam))
        mt.translate(["x"], "en", "es")
    assert len(engine.calls) == 2


def test_apertium_without_the_pair_says_so_instead_of_naming_an_argos_package():
    engine, mt = make({("en", "es"), ("es", "en")})
    engine.name = "apertium"
    mt = MachineTranslator(engine, TranslationCache(None))
    with pytest.raises(ModelError) as refused:
        mt.route("en", "ru")
    assert str(refused.value).startswith("Apertium has no en->ru pair (it has: en->es, es->en)")
    assert "models install" not in str(refused.value)
