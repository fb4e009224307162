"""Enforcement through an engine that garbles placeholders and respells names, as real NMT
models do: no sentence is lost or doubled, and names come back where they can."""

from __future__ import annotations

import random

import pytest

from glossary.model import Concept, Term
from tests.fake_engine import TableEngine, TaggingEngine
from tests.garbling_engine import GarblingEngine, Rates, garble
from translator.cache import TranslationCache
from translator.mt import MachineTranslator
from translator.placeholders import mend
from translator.stages import PROTECTED, make_jobs, translate_jobs
from translator.terminology import TermEnforcer

NAVALNY = Concept(id="n", terms=[Term("en", "Navalny"), Term("es", "Navalny")])
SHARK_TANK = Concept(id="s", terms=[Term("en", "Shark Tank"), Term("es", "Shark Tank")])
PAIRS = {("en", "es")}


def run(engine, texts: list[str], concepts: list[Concept]):
    jobs = make_jobs(("en", "es", text) for text in texts)
    counts = translate_jobs(jobs, MachineTranslator(engine, TranslationCache(None)),
                            enforcer=TermEnforcer(concepts))
    return {job.text: job for job in jobs}, counts


@pytest.mark.parametrize(("output", "mended"), [
    ("Miró < x1 /> y x2.", "Miró <x1/> y <x2/>."),
    ("Miró <X1> y &lt;x2/&gt;.", "Miró <x1/> y <x2/>."),
    ("Miró <x1/> <x1/> y <x2/>.", "Miró <x1/> y <x2/>."),
    ("Miró <x3/> y <x2/>.", "Miró <x3/> y <x2/>."),  # not a code of ours: left alone
])
def test_garbled_codes_are_read_as_the_codes_they_were(output, mended):
    assert mend(output, ["<x1/>", "<x2/>"]) == mended


def test_a_name_mt_respelled_is_found_by_romanisation_and_spelled_as_the_glossary_says():
    engine = TableEngine(PAIRS, {"She met Navalny.": "Se reunió con Navalni."})
    jobs, _ = run(engine, ["She met Navalny."], [NAVALNY])
    assert jobs["She met Navalny."].translation == "Se reunió con Navalny."
    assert jobs["She met Navalny."].mt_input == "She met Navalny."  # no second pass


@pytest.mark.parametrize("protected_mt", ["Miró < x1 />.", "Miró <x1/> <x1/>.", "Miró x1."])
def test_a_garbled_placeholder_still_brings_the_name_back(protected_mt):
    engine = TableEngine(PAIRS, {"She watched Shark Tank.": "Miró Tanque de Tiburón.",
                                 "Shark Tank": "Tanque Tiburón",
                                 "She watched <x1/>.": protected_mt})
    jobs, counts = run(engine, ["She watched Shark Tank."], [SHARK_TANK])
    job = jobs["She watched Shark Tank."]
    assert job.translation == "Miró Shark Tank." and job.origin == PROTECTED
    assert counts.placeholder_fallbacks == 1


def test_a_dropped_placeholder_keeps_the_plain_translation():
    engine = TableEngine(PAIRS, {"She watched Shark Tank.": "Miró Tanque de Tiburón.",
                                 "Shark Tank": "Tanque Tiburón",
                                 "She watched <x1/>.": "Miró."})
    jobs, _ = run(engine, ["She watched Shark Tank."], [SHARK_TANK])
    assert jobs["She watched Shark Tank."].translation == "Miró Tanque de Tiburón."


def test_at_any_rates_no_sentence_is_lost_or_keeps_a_placeholder():
    rates = Rates(drop=0.3, reorder=0.5, duplicate=0.3, corrupt=0.3, respell=0.5)
    concepts = [Concept(id=f"c{n}", terms=[Term("en", name), Term("es", name)])
                for n, name in enumerate(["Navalny", "Shark Tank", "Sobyanin", "Kremlin"])]
    texts = [f"Sentence {n}: {a} met {b} at the {c}." for n in range(40)
             for a, b, c in [("Navalny", "Sobyanin", "Kremlin"), ("Sobyanin", "Navalny",
                                                                  "Shark Tank")]]
    garbling = GarblingEngine(TaggingEngine(PAIRS), rates, seed=3)
    jobs, _ = run(garbling, texts, concepts)
    outputs = [job.translation or "" for job in jobs.values()]
    assert len(outputs) == len(set(texts)) and all(outputs)
    assert not any("x1" in out or "x2" in out or "x3" in out for out in outputs)


def test_the_garbling_engine_garbles_as_set():
    always = Rates(drop=0.0, reorder=0.0, duplicate=1.0, corrupt=0.0, respell=0.0)
    assert garble("A <x1/> b.", always, random.Random(0)) == "A <x1/> <x1/> b."
    dropped = Rates(drop=1.0, reorder=0.0, duplicate=0.0, corrupt=0.0, respell=0.0)
    assert garble("A <x1/> b.", dropped, random.Random(0)) == "A  b."
