"""The Apertium engine behind the engine interface: one process per batch, outputs one to one."""

from __future__ import annotations

import pytest

from translator.core.errors import ModelError, TriglotError
from translator.core.inline_codes import codes_intact
from translator.engines import apertium
from translator.engines.apertium import ApertiumEngine
from translator.engines.base import DecodingOptions, LoadOptions
from translator.engines.registry import ENGINES, make_engine

needs_apertium = pytest.mark.skipif(
    not {("en", "es"), ("es", "en")} <= ApertiumEngine().pairs(),
    reason="apertium and apertium-eng-spa are not installed (make apertium-deps)")


@pytest.fixture
def en_es():
    return ApertiumEngine().load("en", "es", LoadOptions(), DecodingOptions())


def test_registry_names_both_engines_and_refuses_others():
    assert ENGINES == ("argos", "apertium")
    assert make_engine("apertium").name == "apertium"
    with pytest.raises(TriglotError, match=r"unknown engine 'moses'.*argos, apertium"):
        make_engine("moses")


def test_without_apertium_no_pairs_and_a_clear_error(monkeypatch):
    monkeypatch.setattr(apertium.shutil, "which", lambda name: None)
    engine = ApertiumEngine()
    assert engine.pairs() == set()
    with pytest.raises(ModelError, match="apertium is not installed; on Debian/Ubuntu: "
                                         "apt-get install apertium apertium-eng-spa"):
        engine.load("en", "es", LoadOptions(), DecodingOptions())


@pytest.mark.slow
@needs_apertium
def test_pairs_are_english_spanish_both_ways():
    assert {("en", "es"), ("es", "en")} <= ApertiumEngine().pairs()


@pytest.mark.slow
@needs_apertium
def test_a_pair_it_lacks_is_a_model_error():
    with pytest.raises(ModelError, match="no Apertium language pair installed for ru->en"):
        ApertiumEngine().load("ru", "en", LoadOptions(), DecodingOptions())


@pytest.mark.slow
@needs_apertium
def test_identity_names_mode_and_package_version(en_es):
    assert en_es.identity.startswith("apertium:eng-spa:")
    version = en_es.identity.split(":")[2]
    assert version != "unknown" and version[0].isdigit()


@pytest.mark.slow
@needs_apertium
def test_batch_maps_back_one_to_one_even_with_awkward_sentences(en_es, monkeypatch):
    calls = []
    real_run = en_es._run
    monkeypatch.setattr(en_es, "_run", lambda stream: calls.append(stream) or real_run(stream))
    batch = ["The court ruled on Monday.",
             "the",  # no end mark: must not merge with the next sentence
             "house is red",
             "It rained\nall night",  # a newline inside one sentence
             "",
             "Prices rose by $5 [sic] {x} a@b / c \\ d ^ e <f>.",
             "[<triglot:0>\n]",  # looks like the separator
             "Where is the court?"]
    out = en_es.translate(batch)
    assert len(calls) == 1, "the whole batch goes through one apertium process"
    assert len(out) == len(batch)
    assert "lunes" in out[0]
    assert "casa" in out[2] and "casa" not in out[1]
    assert out[3].count("\n") == 1 and "noche" in out[3]
    assert out[4] == ""
    for literal in ("$5", "[sic]", "{x}", "a@b", "/ c", "\\ d", "^ e", "<f>"):
        assert literal in out[5]
    assert out[6] == "[<triglot:0>\n]"
    assert "corte" in out[7] and out[7].endswith("?")


@pytest.mark.slow
@needs_apertium
def test_inline_codes_survive(en_es):
    batch = ["The protesters were <g1>detained</g1> in the metro.<x1/>",
             "She read <g1>the report</g1> about <x2/> cameras."]
    out = en_es.translate(batch)
    assert all(codes_intact(src, tgt) for src, tgt in zip(batch, out, strict=True)), out
    assert "<g1>" in out[0] and "metro" in out[0]


@pytest.mark.slow
@needs_apertium
def test_spanish_to_english():
    translator = ApertiumEngine().load("es", "en", LoadOptions(), DecodingOptions())
    assert translator.translate(["La casa es roja.", "Hola"]) == ["The house is red.", "Hello"]


@pytest.mark.slow
@needs_apertium
def test_lost_separators_split_the_batch_instead_of_shifting(en_es, monkeypatch):
    """If Apertium ever drops a separator, no output may land on another sentence."""
    real_run = en_es._run

    def lossy(streams):
        return [lose_separator(output) for output in real_run(streams)]

    monkeypatch.setattr(en_es, "_run", lossy)
    out = en_es.translate(["The house is red.", "The dog is big.", "Hello."])
    assert out == ["La casa es roja.", "El perro es grande.", "Hola."]
    en_es.close()


@pytest.mark.slow
@needs_apertium
def test_lost_separators_while_announced_batches_stream(en_es, monkeypatch):
    """A chunk retried in halves while later batches still stream through the pipeline
    goes through a second pipeline, and every output stays on its sentence."""
    batches = [["The house is red.", "The dog is big.", "Hello."], ["The cat is black."]]
    real_take = en_es._take_ahead
    monkeypatch.setattr(en_es, "_take_ahead",
                        lambda count: [lose_separator(out) for out in real_take(count)])
    en_es.upcoming(batches)
    assert en_es.translate(batches[0]) == ["La casa es roja.", "El perro es grande.", "Hola."]
    assert en_es.translate(batches[1]) == ["El gato es negro."]
    en_es.close()


def lose_separator(output: str) -> str:
    """A multi-sentence output with its second separator dropped."""
    if output.count("[<triglot:") > 1:
        return output.replace("[<triglot:1>\n]", " ")
    return output


@pytest.mark.slow
@needs_apertium
def test_failing_process_is_a_model_error(en_es, monkeypatch):
    monkeypatch.setattr(en_es, "mode", "xxx-yyy")
    with pytest.raises(ModelError, match="apertium xxx-yyy failed"):
        en_es.translate(["Hello."])


@pytest.mark.slow
@needs_apertium
def test_initials_of_names_pass_through_as_written():
    """Apertium reads a capital letter alone as a word: the article "A", Spanish "Y" and
    "E" (and, or); an initial in a name stays the initial."""
    from tests.engines.apertium_runs import translate

    out = translate("en", "es", ["John A. Smith and J. K. Rowling met U.S. officials."])[0]
    assert "John A. Smith" in out and "J. K. Rowling" in out and "Un." not in out, out
    out = translate("es", "en", ["Juan A. Pérez y Brian E. Smith hablaron con Y. Ivanova."])[0]
    assert all(name in out for name in ("A. Pérez", "E. Smith", "Y. Ivanova")), out
    assert not {"To.", "And."} & set(out.split()), out


def test_an_initial_goes_into_the_stream_as_a_superblank():
    from translator.engines.apertium_stream import build_stream, parse_stream

    sentences = ["John A. Smith met U.S. officials about Plan A.", "Y. Ivanova [1] dijo A. B.",
                 "La Sra. A., de 89 años."]
    stream = build_stream(sentences)
    assert "John [A.] Smith met U.S. officials about Plan A.[<triglot:0>" in stream
    assert stream.startswith("John") and "[Y.] Ivanova \\[1\\] dijo [A.] B.[<triglot:1>" \
        in stream
    assert "Sra. [A.], de 89" in stream
    assert [text for _, text in parse_stream(stream)][:3] == sentences
