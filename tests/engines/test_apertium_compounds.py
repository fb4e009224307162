"""English hyphenated compounds reach Apertium spaced where it would glue its output."""

from __future__ import annotations

import re

from tests.engines.apertium_runs import needs_apertium, raw_apertium, translate
from translator.engines.apertium import ApertiumEngine
from translator.engines.apertium_analyser import Analyser, analyser_command
from translator.engines.apertium_compounds import EnglishCompounds, split_by_analyser
from translator.engines.base import DecodingOptions, LoadOptions

#: Sentences of our own, each with a compound of known words Apertium reorders.
GLUED = ["A facial-recognition network covers the metro.",
         "The police say the cameras help with crime-fighting.",
         "They announced a two-year plan for the city."]




def spanish_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def test_the_analysers_answer_decides():
    assert split_by_analyser(
        "^facial/facial<adj>$^-/-<guio>$^recognition/recognition<n><sg>$")
    assert not split_by_analyser("^e-mail/email<n><sg>$")  # known whole
    assert not split_by_analyser("^co/*co$^-/-<guio>$^founder/founder<n><sg>$")  # unknown part
    assert not split_by_analyser(
        "^Moscow/Moscow<np><loc><sg>$^-/-<guio>$^based/base<vblex><pp>$")  # a name
    assert not split_by_analyser("")  # no answer: kept as written
    assert analyser_command("lt-proc -w '/x/eng-spa.automorf.bin' | apertium-tagger -g") == [
        "lt-proc", "-w", "/x/eng-spa.automorf.bin"]
    assert analyser_command("hfst-proc '/x/a.hfst' | cg-proc") is None


def test_without_an_analyser_nothing_changes():
    chunks = [["A facial-recognition network.", "Plain text."]]
    assert EnglishCompounds(None).spaced(chunks) == chunks
    missing = EnglishCompounds(["/nonexistent/lt-proc", "x.bin"])
    assert missing.spaced(chunks) == chunks


@needs_apertium
def test_raw_apertium_glues_what_triglot_keeps_apart():
    for sentence in GLUED:
        ours = translate("en", "es", [sentence])[0]
        raw = raw_apertium("eng-spa", sentence)
        spaced = raw_apertium("eng-spa", sentence.replace("-", " "))
        assert ours == spaced, sentence
        # raw Apertium's output has a word that is several of ours run together
        ours_words = [w for w in spanish_words(ours) if len(w) > 1]
        assert any(sum(w in glued for w in ours_words) >= 2
                   for glued in spanish_words(raw) - spanish_words(ours)), (raw, ours)


@needs_apertium
def test_known_compounds_names_numbers_and_spanish_stay_as_written():
    kept = ["Send the e-mail to the office.",              # Apertium knows it whole
            "Moscow-based activists protested.",           # a name in it
            "The Governor-General arrived."]               # capitals inside
    ours = translate("en", "es", kept)
    assert ours == [raw_apertium("eng-spa", s) for s in kept]
    # joined to a number: as written, which Apertium's rules know; its glue is undone
    number = "The 10-point plan failed."
    assert "plande10" in raw_apertium("eng-spa", number)
    assert "plan de 10 puntos" in translate("en", "es", [number])[0]
    spanish = ["El periodo enero-octubre fue largo."]
    assert translate("es", "en", spanish) == [raw_apertium("spa-eng", spanish[0])]


@needs_apertium
def test_compounds_are_asked_once_per_run_of_one_analyser(monkeypatch):
    asked = []
    real = Analyser.analyses

    def counting(self, words):
        if any("-" in word for word in words):  # the compounds' analyser, not the mends'
            asked.append(list(words))
        return real(self, words)

    monkeypatch.setattr(Analyser, "analyses", counting)
    translator = ApertiumEngine().load("en", "es", LoadOptions(), DecodingOptions())
    try:
        translator.warm()
        translator.translate(GLUED)
        translator.translate([*GLUED[:1], "A well-known face."])
        process = translator._compounds._asked._analyser._process
        assert process.poll() is None  # one analyser, still running between batches
    finally:
        translator.close()
    assert asked == [["crime-fighting", "facial-recognition", "two-year"], ["well-known"]]
    assert process.wait(timeout=5) is not None  # closed with the translator


def test_a_dead_analyser_leaves_the_text_as_written():
    compounds = EnglishCompounds(["sh", "-c", "exit 0"])  # ends before it answers
    chunks = [["A facial-recognition network."]]
    assert compounds.spaced(chunks) == chunks
    assert compounds.spaced(chunks) == chunks  # and is not asked again


def test_words_glued_around_a_compound_joined_to_a_number_are_set_apart():
    from translator.engines.apertium_compounds import unglued

    assert unglued("a 28-year-old man and her 67-year reign, a 7.1-magnitude quake",
                   "un hombrede28años y su reinadode67 años, un terremotode7.1 magnitudes") \
        == "un hombre de 28 años y su reinado de 67 años, un terremoto de 7.1 magnitudes"
    assert unglued("the parents of 4-year-old Palmdale boy",
                   "los padres de de4añosPalmdale chico") == \
        "los padres de 4 años Palmdale chico"
    # a participle joined to a name ("London-based")
    assert unglued("a London-based company", "una empresa basadaenLondres") == \
        "una empresa basada en Londres"
    # a word the source itself writes so is left
    assert unglued("the Ede5 code and openEnergy", "el código Ede5 y openEnergy") == \
        "el código Ede5 y openEnergy"
