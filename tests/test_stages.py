"""Each stage of the translate step alone, on ``SentenceJob`` records, with the fake engine."""

from __future__ import annotations

from glossary.model import Concept, Term
from tests.fake_engine import TableEngine, TaggingEngine
from translator.cache import TranslationCache
from translator.mt import MachineTranslator
from translator.review.tm import TMUnit, TranslationMemory
from translator.stages import (
    MACHINE,
    MEMORY,
    PIECEWISE,
    PROTECTED,
    UNPROTECTED,
    StageCounts,
    make_jobs,
    run_stages,
    translate_jobs,
)
from translator.stages.enforcement import TermsStage
from translator.stages.machine import MachineStage
from translator.stages.markup import MarkupStage
from translator.stages.memory import MemoryStage
from translator.terminology import ALREADY, NOT_ENFORCED, POST_EDITED, TermEnforcer

PAIRS = {("ru", "en"), ("en", "ru"), ("en", "es"), ("es", "en")}
MOSCOW = Concept(id="moscow", terms=[Term("en", "Moscow", pos="properNoun"),
                                     Term("es", "Moscú", pos="properNoun")])
LAWYER = Concept(id="lawyer", terms=[Term("en", "lawyer"), Term("es", "letrado")])


def machine(engine: TaggingEngine) -> MachineTranslator:
    return MachineTranslator(engine, TranslationCache(None))


def test_memory_settles_reviewed_sentences_and_mt_skips_them(tmp_path):
    memory = TranslationMemory(tmp_path / "tm.sqlite3", create=True)
    memory.add([TMUnit("en", "es", "The court met.", "El tribunal se reunió.")])
    engine = TaggingEngine(PAIRS)
    jobs = make_jobs([("en", "es", "The court met."), ("en", "es", "It rained.")])
    counts = run_stages([MemoryStage(memory), MachineStage(machine(engine))], jobs)
    by_text = {job.text: job for job in jobs}
    assert by_text["The court met."].translation == "El tribunal se reunió."
    assert by_text["The court met."].origin == MEMORY
    assert by_text["It rained."].origin == MACHINE
    assert [call[2] for call in engine.calls] == [["It rained."]]
    assert counts.tm_hits == 1


def test_machine_stage_translates_each_unique_input_once_per_pair_and_pivots():
    engine = TaggingEngine(PAIRS)
    jobs = make_jobs([("en", "es", "a b"), ("en", "es", "a b"), ("ru", "es", "в г"),
                      ("en", "ru", "a b")])
    announced: list[int] = []
    MachineStage(machine(engine), announced.append).run(jobs, StageCounts())
    assert len(jobs) == 3
    assert {job.key: job.translation for job in jobs} == {
        ("en", "es", "a b"): "[es] a b", ("en", "ru", "a b"): "[ru] a b",
        ("ru", "es", "в г"): "[es] [en] в г"}
    assert sum(announced) == 4  # two direct sentences, one through two hops
    assert [(c[0], c[1]) for c in engine.calls] == [("en", "es"), ("en", "ru"), ("ru", "en"),
                                                    ("en", "es")]


def test_markup_stage_translates_between_the_codes_when_mt_drops_them():
    mt = machine(TaggingEngine(PAIRS, drop_codes=True))
    jobs = make_jobs([("en", "es", "The <g1>district court</g1> ruled."),
                      ("en", "es", "Plain text.")])
    counts = run_stages([MachineStage(mt), MarkupStage(mt)], jobs)
    by_text = {job.text: job for job in jobs}
    repaired = by_text["The <g1>district court</g1> ruled."]
    assert repaired.translation == "[es] The <g1>[es] district court</g1> [es] ruled."
    assert repaired.origin == PIECEWISE and by_text["Plain text."].origin == MACHINE
    assert counts.markup_fallbacks == 1


class CountingEnforcer(TermEnforcer):
    def __init__(self, concepts) -> None:
        super().__init__(concepts)
        self.restored: list[str] = []

    def restore(self, prepared, output):
        self.restored.append(prepared.original)
        return super().restore(prepared, output)


def test_a_sentence_plain_mt_already_rendered_right_is_never_changed_nor_sent_again():
    engine = TableEngine(PAIRS, {"Moscow's mayor spoke.": "El alcalde de Moscú habló."})
    jobs = make_jobs([("en", "es", "Moscow's mayor spoke.")])
    counts = translate_jobs(jobs, machine(engine), enforcer=TermEnforcer([MOSCOW]))
    (job,) = jobs
    assert job.translation == "El alcalde de Moscú habló." and job.origin == MACHINE
    assert [r.status for r in job.terms] == [ALREADY]
    assert job.mt_input == job.text  # MT saw no placeholder
    assert counts.placeholder_fallbacks == 0


def test_only_the_name_plain_mt_lost_is_protected_and_restored_once():
    engine = TableEngine(PAIRS, {"The lawyer flew to Moscow.": "El abogado voló a la ciudad."})
    enforcer = CountingEnforcer([MOSCOW, LAWYER])
    jobs = make_jobs([("en", "es", "The lawyer flew to Moscow."), ("en", "es", "It rained.")])
    counts = translate_jobs(jobs, machine(engine), enforcer=enforcer)
    by_text = {job.text: job for job in jobs}
    job = by_text["The lawyer flew to Moscow."]
    assert job.mt_input == "The lawyer flew to <x1/>."  # only the lost name is hidden
    assert job.origin == PROTECTED
    assert job.translation == "[es] The lawyer flew to Moscú."
    assert enforcer.restored == ["The lawyer flew to Moscow."]
    assert by_text["It rained."].terms == [] and by_text["It rained."].origin == MACHINE
    assert counts.placeholder_fallbacks == 0


def test_broken_placeholders_keep_the_plain_translation_post_edited():
    engine = TableEngine(PAIRS, {"They met in Moscow.": "Se reunieron en la ciudad.",
                                 "They met in <x1/>.": "Se reunieron en ."})
    jobs = make_jobs([("en", "es", "They met in Moscow.")])
    counts = translate_jobs(jobs, machine(engine), enforcer=TermEnforcer([MOSCOW]))
    (job,) = jobs
    assert job.raw == "Se reunieron en ." and job.translation == "Se reunieron en la ciudad."
    assert job.origin == UNPROTECTED and counts.placeholder_fallbacks == 1
    assert [r.status for r in job.terms] == [NOT_ENFORCED]


def test_a_protected_candidate_that_gets_no_more_terms_right_is_not_taken():
    """Placeholders break word order: equal term counts keep the plain MT."""
    table = {"The lawyer met Moscow.": "El letrado conoció la ciudad.",
             "The lawyer met <x1/>.": "<x1/> conoció el abogado."}
    jobs = make_jobs([("en", "es", "The lawyer met Moscow.")])
    translate_jobs(jobs, machine(TableEngine(PAIRS, table)),
                   enforcer=TermEnforcer([LAWYER, MOSCOW]))
    (job,) = jobs
    assert job.mt_input == "The lawyer met <x1/>."
    assert job.translation == "El letrado conoció la ciudad." and job.origin == MACHINE


def test_terms_stage_post_edits_mts_rendering_into_the_preferred_term():
    """MT of the source term alone ("Lawyers" -> "abogados") finds the rendering to replace."""
    enforcer = TermEnforcer([LAWYER])
    mt = machine(TableEngine(PAIRS, {"Lawyers": "abogados"}))
    jobs = make_jobs([("en", "es", "Lawyers left."), ("en", "es", "Judges left.")])
    plain_mt = {"Lawyers left.": "Los abogados se fueron.", "Judges left.": "Los jueces se fueron."}
    for job in jobs:
        job.translation, job.origin = plain_mt[job.text], MACHINE
    TermsStage(enforcer, mt).run(jobs, StageCounts())
    by_text = {job.text: job for job in jobs}
    assert by_text["Lawyers left."].translation == "Los letrados se fueron."
    assert [r.status for r in by_text["Lawyers left."].terms] == [POST_EDITED]
    assert by_text["Judges left."].translation == "Los jueces se fueron."
    assert by_text["Judges left."].terms == []


def test_a_run_glossary_is_enforced_only_when_named(tmp_path, monkeypatch):
    from translator.terminology import run_glossary

    monkeypatch.chdir(tmp_path)
    named = tmp_path / "story.csv"
    named.write_text("id,en,es\nc1,Moscow,Moscú\n", encoding="utf-8")
    chosen = run_glossary(named)
    assert chosen.path == named and [c.id for c in chosen.concepts] == ["c1"]
    assert chosen.enforcer is not None and chosen.enforcer.glossary.path == named
    assert run_glossary(None, for_catalogs=True) == (None, [], None)  # no ./glossary.db
