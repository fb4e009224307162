"""The persistent Apertium pipeline: same output as one process per batch, kept alive,
restarted once after a crash, stopped cleanly."""

from __future__ import annotations

import os
import signal

import pytest

from translator.core.errors import ModelError
from translator.engines import apertium, apertium_pipeline
from translator.engines.apertium import ApertiumEngine
from translator.engines.apertium_pipeline import PipelineFailed
from translator.engines.base import DecodingOptions, LoadOptions

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        ("en", "es") not in ApertiumEngine().pairs()
        or apertium_pipeline.wblank_mode_command() is None,
        reason="apertium, apertium-eng-spa and apertium-wblank-mode are needed"),
]

SUBJECTS = ["The court", "the minister", "Prices", "Our reporter", "the house", "He",
            "The police in Moscow", "A new law", "They", "the company's chief"]
VERBS = ["said on Monday that", "denied that", "will decide whether", "asked why",
         "wrote", "did not know if"]
ENDS = ["the case was closed.", "the red house is big", "taxes rose by $5 [sic]!",
        "<g1>the report</g1> was true?", "nothing happened <x1/>", "a@b / c \\ d ^ e {x}."]


def own_sentences() -> list[str]:
    """A few hundred sentences with end marks or none, specials, inline codes, empties."""
    out = [f"{s} {v} {e}" for s in SUBJECTS for v in VERBS for e in ENDS][:300]
    out[7], out[50], out[120] = "", "It rained\nall night", "[<triglot:0>\n]"
    return out


def translator():
    return ApertiumEngine().load("en", "es", LoadOptions(), DecodingOptions())


def persistent_and_one_shot(sentences: list[str], batch: int = 40):
    """The persistent pipeline's outputs and one ``apertium`` process per batch's, the
    former without the step only it has (``apertium_possessives``): the plumbing is exact."""
    kept, once = translator(), translator()
    kept._before_tagger = None
    once.persistent = False
    try:
        chunks = [sentences[i:i + batch] for i in range(0, len(sentences), batch)]
        return ([out for chunk in chunks for out in kept.translate(chunk)],
                [out for chunk in chunks for out in once.translate(chunk)])
    finally:
        kept.close()


def test_persistent_output_equals_one_process_per_batch():
    kept, once = persistent_and_one_shot(own_sentences())
    assert len(kept) == 300
    assert kept == once


def test_chunks_overlapping_in_the_pipeline_come_back_in_order(monkeypatch):
    """Batches cut into many chunks (the preparing thread runs ahead of the last part)
    give what one process per chunk gives, each output in its sentence's place."""
    monkeypatch.setattr(apertium, "CHUNK_WORDS", 60)
    kept, once = persistent_and_one_shot(own_sentences(), batch=150)
    assert kept == once
    assert [kept[i] for i in (0, 150, 299)] == \
        persistent_and_one_shot([own_sentences()[i] for i in (0, 150, 299)])[1]


@pytest.mark.corpus
def test_persistent_output_equals_one_shot_on_wmt_news(corpus_dir):
    lines = (corpus_dir / "wmt" / "wmt19.en").read_text(encoding="utf-8").splitlines()
    sentences = [line.strip() for line in lines if line.strip()][:400]
    kept, once = persistent_and_one_shot(sentences, batch=100)
    assert kept == once


def test_announced_batches_stream_back_to_back_with_the_same_outputs(monkeypatch):
    """Batches announced ahead (``upcoming``) flow through the pipeline without draining
    it between them, and each comes back as it does translated alone; an unannounced
    batch afterwards finds the pipeline free."""
    monkeypatch.setattr(apertium, "CHUNK_WORDS", 60)
    sentences = own_sentences()
    batches = [sentences[i:i + 100] for i in range(0, len(sentences), 100)]
    alone, ahead = translator(), translator()
    try:
        expected = [alone.translate(batch) for batch in batches]
        ahead.upcoming(batches)
        assert [ahead.translate(batch) for batch in batches] == expected
        assert ahead.translate(["Hello."]) == ["Hola."]
    finally:
        alone.close()
        ahead.close()


def test_a_batch_not_announced_drops_the_announcement():
    en_es = translator()
    en_es.upcoming([["The house is red."], ["The dog is big."]])
    assert en_es.translate(["Hello."]) == ["Hola."]
    assert en_es.translate(["The dog is big."]) == ["El perro es grande."]
    en_es.close()


def test_one_pipeline_serves_every_batch_and_close_stops_it():
    en_es = translator()
    assert en_es.translate(["The house is red."]) == ["La casa es roja."]
    processes = en_es._pipeline.processes
    assert len(processes) == 2, "the dictionaries before and after the tagger stay loaded"
    assert en_es.translate(["The dog is big."]) == ["El perro es grande."]
    assert en_es._pipeline.processes == processes, "no new pipeline per batch"
    en_es.close()
    assert all(p.poll() is not None for p in processes), "close ends (and reaps) them"
    assert en_es.translate(["Hello."]) == ["Hola."], "a closed translator starts again"
    en_es.close()


def test_a_crashed_pipeline_is_restarted_and_the_batch_retried():
    en_es = translator()
    en_es.translate(["Hello."])
    dead = en_es._pipeline.processes[-1]
    os.killpg(dead.pid, signal.SIGKILL)
    dead.wait()
    assert en_es.translate(["The house is red."]) == ["La casa es roja."]
    assert dead not in en_es._pipeline.processes
    en_es.close()


def test_a_pipeline_failing_twice_is_one_clear_model_error(monkeypatch):
    en_es = translator()
    tries = []

    def failing(text):
        tries.append(text)
        raise PipelineFailed("the pipeline ended")

    en_es.translate(["Hello."])
    monkeypatch.setattr(en_es._pipeline, "_through", failing)
    with pytest.raises(ModelError, match=r"^apertium eng-spa failed twice: "):
        en_es.translate(["The house is red."])
    assert len(tries) == 2


def test_a_hung_pipeline_times_out(monkeypatch):
    monkeypatch.setattr(apertium_pipeline, "TIMEOUT_FLOOR", 0.0)
    monkeypatch.setattr(apertium_pipeline, "TIMEOUT_PER_CHAR", 0.0)
    en_es = translator()
    with pytest.raises(ModelError, match="apertium eng-spa failed twice: timed out"):
        en_es.translate(["The house is red."])
    assert en_es._pipeline.processes == [], "the hung pipeline was stopped"


def test_closing_the_engine_ends_every_pipeline_it_started():
    from translator.engines.base import close

    engine = ApertiumEngine()
    en_es = engine.load("en", "es", LoadOptions(), DecodingOptions())
    assert en_es.translate(["The house is red."]) == ["La casa es roja."]
    processes = en_es._pipeline.processes
    close(engine)
    assert processes and all(p.poll() is not None for p in processes)


def test_streams_are_taken_as_they_are_made_and_a_crash_midway_loses_none():
    """``outputs`` takes its streams from a generator while earlier ones are translated
    (the first comes back before the next is made), and a pipeline killed between
    two streams is restarted with the ones not yet answered."""
    import threading

    from translator.engines.apertium_stream import build_stream, parse_stream

    en_es = translator()
    pipeline = en_es._pipeline_for_mode()
    first_back = threading.Event()

    def streams():
        yield build_stream(["The house is red."])
        if not first_back.wait(timeout=60):
            raise AssertionError("the first stream waited for the next to be made")
        yield build_stream(["The dog is big."])
        yield build_stream(["Hello."])

    try:
        outputs = pipeline.outputs(streams())
        first = next(outputs)
        for process in pipeline.processes:
            os.killpg(process.pid, signal.SIGKILL)
        first_back.set()
        texts = [text for output in [first, *outputs] for _, text in parse_stream(output)[:-1]]
        assert texts == ["La casa es roja.", "El perro es grande.", "Hola."]
    finally:
        en_es.close()


def test_a_stream_that_cannot_be_made_fails_the_call_not_the_run():
    from translator.engines.apertium_stream import build_stream

    en_es = translator()
    pipeline = en_es._pipeline_for_mode()

    def streams():
        yield build_stream(["Hello."])
        raise ValueError("no stream")

    try:
        with pytest.raises(ValueError, match="no stream"):
            list(pipeline.outputs(streams()))
        assert en_es.translate(["The dog is big."]) == ["El perro es grande."]
    finally:
        en_es.close()


def test_outputs_closed_early_end_every_thread_of_the_pipeline(monkeypatch):
    """Ctrl-C, or a batch given up, closes the outputs while later streams are still in
    the pipeline: every thread it started ends then (a reader left waiting on a writer
    that stopped kept the run from ending for 5 s a thread). Here the tagger is the slow
    part, so the transfer's reader waits for its writer when the outputs are closed."""
    import threading
    import time

    from translator.engines.apertium_stream import build_stream

    tagged = []
    run_once = apertium_pipeline.run_once

    def slow_tagger(command, text, timeout):
        if tagged:
            time.sleep(0.3)
        tagged.append(text)
        return run_once(command, text, timeout)

    monkeypatch.setattr(apertium_pipeline, "run_once", slow_tagger)
    en_es = translator()
    pipeline = en_es._pipeline_for_mode()
    before = set(threading.enumerate())
    try:
        outputs = pipeline.outputs([build_stream(own_sentences()[:20]) for _ in range(6)])
        next(outputs)
        outputs.close()
        left = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
        assert left == []
    finally:
        en_es.close()
