"""Every registered engine through the engine contract (``translator.engines.base``).

What the pipeline calls, and nothing else: ``pairs()``, ``load(...)``,
``cache_key(...)``, and on the loaded translator ``identity``,
``token_count(text)`` and ``translate(batch)``. Argos runs on the project's own
test packages; Apertium where the ``apertium`` binary and en-es pair exist.
"""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from tests.conftest import TEST_PACKAGES
from translator.cache import TranslationCache
from translator.engines.apertium import ApertiumEngine
from translator.engines.base import DecodingOptions, Engine, LoadOptions, PairTranslator
from translator.engines.registry import ENGINES, REGISTRY, make_engine
from translator.mt import MachineTranslator

# Sentences the test packages were trained on (tests/data/corpus), so Argos knows them.
SENTENCES = [
    "Cameras are installed at every metro station.",
    "Cameras watch metro passengers",
    "Moscow runs one of the largest facial recognition systems in the world.",
]


def install_test_packages() -> None:
    from translator.packages.store import install_archive

    for pair in ("en_es", "es_en"):
        install_archive(TEST_PACKAGES / f"triglot-test-{pair}.argosmodel")


def ready(name: str) -> Engine:
    """The engine with en<->es available, or a skip saying why not."""
    if name == "argos":
        install_test_packages()  # into this test's own ARGOS_PACKAGES_DIR (conftest)
    elif name == "apertium" and shutil.which("apertium") is None:
        pytest.skip("the apertium binary is not installed (make apertium-deps)")
    engine = make_engine(name)
    if ("en", "es") not in engine.pairs():
        pytest.skip(f"{name} has no en->es pair installed")
    return engine


def test_the_registry_is_what_the_cli_offers():
    from translator.cli.translate import translate

    option = next(p for p in translate.params if p.name == "engine_name")
    assert tuple(option.type.choices) == ENGINES == tuple(REGISTRY)


@pytest.mark.parametrize("name", ENGINES)
def test_engine_follows_the_contract(name):
    engine = ready(name)
    assert isinstance(engine, Engine) and engine.name == name
    assert all(len(pair) == 2 and pair[0] != pair[1] for pair in engine.pairs())

    translator = engine.load("en", "es", LoadOptions(), DecodingOptions())
    assert isinstance(translator, PairTranslator)
    assert (translator.source, translator.target) == ("en", "es")
    assert translator.identity and translator.identity == engine.load(
        "en", "es", LoadOptions(), DecodingOptions()).identity

    counts = [translator.token_count(s) for s in SENTENCES]
    assert all(isinstance(n, int) and n >= 1 for n in counts)
    assert translator.token_count(SENTENCES[2]) > translator.token_count(SENTENCES[1])

    one_by_one = [translator.translate([s])[0] for s in SENTENCES]
    assert all(out.strip() for out in one_by_one)
    assert translator.translate(SENTENCES) == one_by_one
    assert translator.translate(SENTENCES[::-1]) == one_by_one[::-1]
    assert translator.translate([]) == []


@pytest.mark.parametrize("name", ENGINES)
def test_cache_key_ignores_threads_and_is_stable(name):
    engine = make_engine(name)  # cache keys need no installed model
    load, decoding = LoadOptions(), DecodingOptions()
    key = engine.cache_key(load, decoding)
    assert isinstance(key, str)
    assert engine.cache_key(LoadOptions(), DecodingOptions()) == key
    assert engine.cache_key(replace(load, inter_threads=4, intra_threads=2), decoding) == key


def test_argos_cache_key_covers_what_changes_ctranslate2_output():
    engine = make_engine("argos")
    base = engine.cache_key(LoadOptions(), DecodingOptions())
    assert engine.cache_key(LoadOptions(), DecodingOptions(beam_size=1)) != base
    assert engine.cache_key(LoadOptions(), DecodingOptions(max_decoding_length=64)) != base
    assert engine.cache_key(LoadOptions(), DecodingOptions(length_factor=0)) != base
    assert engine.cache_key(LoadOptions(compute_type="float32"), DecodingOptions()) != base


def test_apertium_cache_key_ignores_decoding_options_it_has_no_use_for():
    engine = ApertiumEngine()
    base = engine.cache_key(LoadOptions(), DecodingOptions())
    assert engine.cache_key(LoadOptions(compute_type="float32"),
                            DecodingOptions(beam_size=1, max_decoding_length=64,
                                            length_factor=0)) == base


class CountingApertium:
    """Stands in for an Apertium mode (no binary needed): counts what it translates."""

    source, target, identity = "en", "es", "apertium:eng-spa:test:0"

    def __init__(self) -> None:
        self.translated: list[str] = []

    def token_count(self, sentence: str) -> int:
        return len(sentence.split())

    def translate(self, batch):
        self.translated.extend(batch)
        return [f"es:{s}" for s in batch]


def test_a_new_beam_size_reuses_apertiums_cache(tmp_path, monkeypatch):
    """--beam-size means nothing to Apertium, so changing it must not cost a retranslation."""
    mode = CountingApertium()
    engine = ApertiumEngine()
    monkeypatch.setattr(engine, "pairs", lambda: {("en", "es")})
    monkeypatch.setattr(engine, "load", lambda *args: mode)
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    first = MachineTranslator(engine, cache, decoding=DecodingOptions(beam_size=4))
    first.translate(SENTENCES, "en", "es")
    second = MachineTranslator(engine, cache, decoding=DecodingOptions(beam_size=1))
    assert second.translate(SENTENCES, "en", "es") == {s: f"es:{s}" for s in SENTENCES}
    assert sorted(mode.translated) == sorted(SENTENCES)  # each once, in the first run
    assert second.stats.cache_hits == len(SENTENCES)
