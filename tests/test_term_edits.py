"""A sentence's post-edits made in one pass, and the glossary's work done while MT runs."""

from __future__ import annotations

import threading

import pytest

from glossary.matching import TermMatch
from glossary.model import Concept, Term
from tests.fake_engine import TableEngine
from translator.cache import TranslationCache
from translator.core.errors import ModelError
from translator.mt import MachineTranslator
from translator.stages import MACHINE, StageCounts, make_jobs, translate_jobs
from translator.stages.enforcement import TermsStage
from translator.term_edits import Edit, apply_edits
from translator.terminology import ALREADY, POST_EDITED, TermEnforcer

PAIRS = {("en", "es"), ("es", "en")}
RULING = Concept(id="ruling", terms=[Term("en", "ruling"), Term("es", "fallo"),
                                     Term("es", "decisión", "deprecated")])
MISTAKE = Concept(id="mistake", terms=[Term("en", "mistake"), Term("es", "error")])
LAWYER = Concept(id="lawyer", terms=[Term("en", "lawyer"), Term("es", "letrado")])


def edit(text: str, word: str, wanted: str, name: bool = False) -> Edit:
    start = text.index(word)
    span = TermMatch(start, start + len(word), word, Term("es", word), "c")
    return Edit(span, wanted, name)


def test_every_rendering_is_replaced_in_one_pass_in_the_form_mt_used():
    text = "Las abogadas vieron la decisión del tribunal."
    done = apply_edits(text, [edit(text, "decisión", "fallo"), edit(text, "abogadas", "letrado")],
                       "es")
    # the plural kept, and each article agrees with its new noun
    assert done == "Los letrados vieron el fallo del tribunal."


def test_renderings_that_overlap_or_a_name_right_after_another_are_left_to_one_at_a_time():
    text = "el juez abogado dijo a Pedro"
    # side by side: each replaced in its own form
    assert apply_edits(text, [edit(text, "juez", "magistrado"), edit(text, "abogado", "letrado")],
                       "es") == "el magistrado letrado dijo a Pedro"
    assert apply_edits(text, [edit(text, "juez abogado", "magistrado"),
                              edit(text, "abogado", "letrado")], "es") is None
    assert apply_edits(text, [edit(text, "dijo a", "contó"), edit(text, "Pedro", "Peter", True)],
                       "es") is None
    assert apply_edits(text, [edit(text, "dijo a", "contó"), edit(text, "Pedro", "Peter", True)],
                       "es", apart=False) == "el juez abogado contó Peter"


def test_an_article_agreeing_across_two_renderings_is_left_to_one_at_a_time():
    text = "vio el la decisión"  # "el" is MT's rendering of one term, "la" the article
    assert apply_edits(text, [edit(text, "el", "lo"), edit(text, "decisión", "fallo")],
                       "es") == "vio lo el fallo"
    text = "vio la decisión"
    assert apply_edits(text, [edit(text, "vio la", "miró"), edit(text, "decisión", "fallo")],
                       "es") is None


def test_a_term_another_concepts_edit_took_away_is_edited_in_a_second_round():
    """Plain MT renders "ruling" with the deprecated "decisión" and "mistake" as "fallo",
    the glossary's term for "ruling": that looks right until "fallo" becomes "error".
    Edited one concept after the other in MT's order, "ruling" would end up not enforced."""
    enforcer = TermEnforcer([RULING, MISTAKE])
    mt = MachineTranslator(TableEngine(PAIRS, {"mistake": "fallo"}), TranslationCache(None))
    (job,) = make_jobs([("en", "es", "The ruling was largely a mistake.")])
    job.translation, job.origin = "La decisión fue en gran parte un fallo.", MACHINE
    TermsStage(enforcer, mt).run([job], StageCounts())
    assert job.translation == "El fallo fue en gran parte un error."
    assert {r.concept: r.status for r in job.terms} == {"ruling": POST_EDITED,
                                                        "mistake": POST_EDITED}


def run(table: dict[str, str], sentences: list[str], concepts: list[Concept],
        engine: TableEngine | None = None) -> list:
    jobs = make_jobs(("en", "es", s) for s in sentences)
    engine = engine or TableEngine(PAIRS, table)
    translate_jobs(jobs, MachineTranslator(engine, TranslationCache(None)),
                   enforcer=TermEnforcer(concepts))
    return jobs


def test_terms_found_while_mt_runs_give_what_the_stages_give_one_after_the_other():
    sentences = {f"The lawyer {n} met the ruling.": f"El abogado {n} conoció la decisión."
                 for n in range(40)} | {"Nothing here.": "Nada aquí."}
    table = sentences | {"lawyer": "abogado", "ruling": "decisión"}
    jobs = run(table, list(sentences), [LAWYER, RULING])
    by_text = {job.text: job for job in jobs}
    for n in range(40):
        job = by_text[f"The lawyer {n} met the ruling."]
        assert job.translation == f"El letrado {n} conoció el fallo."
        assert [r.status for r in job.terms] == [POST_EDITED, POST_EDITED]

    one_by_one = make_jobs(("en", "es", job.text) for job in jobs)
    enforcer = TermEnforcer([LAWYER, RULING])
    mt = MachineTranslator(TableEngine(PAIRS, table), TranslationCache(None))
    for job in one_by_one:
        job.translation, job.origin = table[job.text], MACHINE
    TermsStage(enforcer, mt).run(one_by_one, StageCounts())
    assert [(j.translation, j.terms) for j in one_by_one] == [(j.translation, j.terms)
                                                              for j in jobs]
    assert by_text["Nothing here."].terms == [] and by_text["Nothing here."].translation \
        == "Nada aquí."


def test_each_batch_of_mt_is_checked_for_terms_in_the_glossarys_thread():
    table = {"The ruling stands.": "El fallo se mantiene.", "ruling": "fallo"}
    seen: list[tuple[str, tuple[str, str], list[str]]] = []
    original = TermsStage.read_outputs

    def noted(self, hop, inputs, outputs):
        seen.append((threading.current_thread().name, hop, list(outputs)))
        return original(self, hop, inputs, outputs)

    TermsStage.read_outputs = noted  # type: ignore[method-assign]
    try:
        (job,) = run(table, ["The ruling stands."], [RULING])
    finally:
        TermsStage.read_outputs = original  # type: ignore[method-assign]
    assert [(name.startswith("triglot-glossary"), hop, outputs) for name, hop, outputs
            in seen] == [(True, ("en", "es"), ["El fallo se mantiene."])]
    assert [r.status for r in job.terms] == [ALREADY]


def test_an_engine_failure_during_mt_is_raised_once_the_glossarys_thread_stops():
    class Failing(TableEngine):
        def load(self, source, target, load, decoding):
            raise ModelError("no es model")

    with pytest.raises(ModelError, match="no es model"):
        run({}, ["The ruling stands."], [RULING], engine=Failing(PAIRS, {}))
    assert not [t for t in threading.enumerate() if t.name.startswith("triglot-glossary")]
