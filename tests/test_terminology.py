"""Glossary enforcement: names protected through MT, terms post-edited to fit the sentence."""

from __future__ import annotations

import json

import pytest

from glossary.model import Concept, Term
from tests.fake_engine import TaggingEngine
from translator.cache import TranslationCache
from translator.mt import MachineTranslator
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress
from translator.stages import make_jobs, translate_jobs
from translator.terminology import (
    ALREADY,
    NOT_ENFORCED,
    POST_EDITED,
    PROTECTED,
    TermEnforcer,
)

COURT = Concept(id="c1", terms=[
    Term("en", "court"), Term("ru", "суд"), Term("ru", "трибунал", "forbidden"),
    Term("es", "tribunal"), Term("es", "corte", "forbidden")])
DISTRICT_COURT = Concept(id="c2", terms=[
    Term("en", "district court"), Term("ru", "районный суд"),
    Term("ru", "окружной трибунал", "deprecated")])
MOSCOW = Concept(id="c3", terms=[
    Term("en", "Moscow", pos="properNoun"), Term("ru", "Москва", pos="properNoun"),
    Term("es", "Moscú", pos="properNoun")])
TELEGRAM = Concept(id="c4", terms=[Term("en", "Telegram", dnt=True)])
LAWYER = Concept(id="c5", terms=[Term("en", "lawyer"), Term("es", "letrado")])
GLOSSARY = [COURT, DISTRICT_COURT, MOSCOW, TELEGRAM, LAWYER]


def enforce(source: str, mt_output: str, target: str = "ru", plain: str | None = None):
    enforcer = TermEnforcer(GLOSSARY)
    prepared = enforcer.prepare(source, "en", target)
    return prepared, enforcer.finish(prepared, mt_output, plain)


def statuses(done) -> dict[str, str]:
    return {record.concept: record.status for record in done.terms}


@pytest.mark.parametrize(("source", "mt_output", "expected"), [
    ("The court's ruling was overturned.", "Решение трибунала было отменено.",
     "Решение суда было отменено."),
    ("The courts rejected the complaints.", "Трибуналы отклонили жалобы.",
     "Суды отклонили жалобы."),
    ("He argued with the courts.", "Он спорил с трибуналами.", "Он спорил с судами."),
    ("The district court's ruling stands.", "Решение окружного трибунала остаётся в силе.",
     "Решение районного суда остаётся в силе."),
])
def test_a_rejected_russian_rendering_becomes_the_preferred_term_in_its_case_and_number(
        source, mt_output, expected):
    _, done = enforce(source, mt_output)
    assert done.text == expected
    assert POST_EDITED in statuses(done).values()


def test_a_preferred_term_already_used_in_any_form_is_left_alone():
    _, done = enforce("The courts rejected it.", "Судами это было отклонено.")
    assert done.text == "Судами это было отклонено."
    assert statuses(done) == {"c1": ALREADY}


def test_spanish_plural_and_article_follow_the_rendering():
    _, done = enforce("The courts rejected the appeal.", "Las cortes rechazaron la apelación.",
                      target="es")
    assert done.text == "Los tribunales rechazaron la apelación."
    _, done = enforce("The court met.", "La corte se reunió.", target="es")
    assert done.text == "El tribunal se reunió."


def test_names_and_do_not_translate_terms_get_placeholders_after_the_segments_codes():
    enforcer = TermEnforcer(GLOSSARY)
    prepared = enforcer.prepare("The <g1>court</g1> in Moscow blocked Telegram.", "en", "ru")
    assert prepared.text == "The <g1>court</g1> in <x2/> blocked <x3/>."


@pytest.mark.parametrize(("mt_output", "expected"), [
    ("Суд в <x1/> заблокировал <x2/>.", "Суд в Москве заблокировал Telegram."),
    ("Суд из <x1/> заблокировал <x2/>.", "Суд из Москвы заблокировал Telegram."),
    ("<x1/>: суд заблокировал <x2/>.", "Москва: суд заблокировал Telegram."),
])
def test_a_restored_name_takes_the_case_its_preposition_asks_for(mt_output, expected):
    prepared, done = enforce("The court in Moscow blocked Telegram.", mt_output)
    assert prepared.text == "The court in <x1/> blocked <x2/>."
    assert done.text == expected
    assert statuses(done) == {"c1": ALREADY, "c3": PROTECTED, "c4": PROTECTED}


def test_a_lost_or_doubled_placeholder_means_plain_mt_is_used_and_post_edited():
    for broken in ("Трибунал заблокировал <x2/>.", "Трибунал в <x1/> и <x1/> заблокировал <x2/>."):
        _, done = enforce("The court in Moscow blocked Telegram.", broken,
                          plain="Трибунал в Москве заблокировал Telegram.")
        assert done.text == "Суд в Москве заблокировал Telegram."
        assert statuses(done) == {"c1": POST_EDITED, "c3": ALREADY, "c4": ALREADY}
        assert "<x" not in done.text


class DictTranslator:
    """Translates from a fixed table, like an engine would, for sentences it knows."""

    def __init__(self, table: dict[str, str], target: str) -> None:
        self.table, self.identity = table, f"dict:{target}"

    def token_count(self, sentence: str) -> int:
        return len(sentence.split())

    def translate(self, sentences):
        return [self.table.get(s, f"?{s}?") for s in sentences]


class DictEngine:
    name = "dict"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def pairs(self):
        return {("en", "ru")}

    def load(self, source, target, load, decoding):
        return DictTranslator(self.table, target)

    def cache_key(self, load, decoding):
        return ""


def enforced_run(engine, source: str, target: str, texts: list[str]):
    """The translate step's chain with the glossary enforced, on ``texts``."""
    jobs = make_jobs((source, target, text) for text in texts)
    counts = translate_jobs(jobs, MachineTranslator(engine, TranslationCache(None)),
                            enforcer=TermEnforcer(GLOSSARY))
    return {job.text: job for job in jobs}, counts


def test_a_name_plain_mt_lost_goes_through_mt_again_protected_and_is_restored():
    engine = DictEngine({"The lawyers met in Moscow.": "Адвокаты встретились в городе.",
                         "The lawyers met in <x1/>.": "Адвокаты встретились в <x1/>."})
    jobs, counts = enforced_run(engine, "en", "ru", ["The lawyers met in Moscow."])
    assert {text: job.translation for text, job in jobs.items()} == {
        "The lawyers met in Moscow.": "Адвокаты встретились в Москве."}
    assert counts.placeholder_fallbacks == 0


def test_a_name_mt_left_in_english_is_post_edited_in_the_case_the_preposition_asks():
    engine = DictEngine({"The lawyers met in Moscow.": "Адвокаты встретились в Moscow.",
                         "Moscow": "Moscow"})
    jobs, _ = enforced_run(engine, "en", "ru", ["The lawyers met in Moscow."])
    job = jobs["The lawyers met in Moscow."]
    assert job.translation == "Адвокаты встретились в Москве."
    assert "<x1/>" not in job.mt_input  # no second MT pass was needed


def test_spanish_term_found_by_translating_the_source_term_alone():
    """Apertium's "abogados" is no glossary variant: MT of "lawyers" alone finds it."""
    engine = DictEngine({"The lawyers left.": "Los abogados se fueron.", "lawyers": "abogados"})
    engine.pairs = lambda: {("en", "es")}  # type: ignore[method-assign]
    jobs, _ = enforced_run(engine, "en", "es", ["The lawyers left."])
    assert jobs["The lawyers left."].translation == "Los letrados se fueron."
    assert [r.status for r in jobs["The lawyers left."].terms] == [POST_EDITED]


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "story.en.txt"
    path.write_text("The <b>court</b> in Moscow blocked Telegram.\n", encoding="utf-8")
    return path


def test_lost_placeholders_fall_back_to_plain_mt_and_the_run_records_why(article, tmp_path):
    engine = TaggingEngine({("en", "es")}, drop_codes=True)
    out = tmp_path / "out"
    summary = translate_run(RunRequest([article], ["es"], out, "en"), engine,
                            TranslationCache(None), Progress(False),
                            enforcer=TermEnforcer(GLOSSARY))
    text = (out / "es" / "story.en.txt").read_text(encoding="utf-8")
    assert "<b>" in text and "</b>" in text and "<x" not in text
    assert "Moscow" in text  # the fake engine copies; nothing is dropped or garbled
    assert summary.placeholder_fallbacks == 1
    segment = json.loads((out / "triglot-run.json").read_text())["documents"][0][
        "targets"]["es"][0]
    by_concept = {t["concept"]: t for t in segment["terms"]}
    assert by_concept["c4"] == {"concept": "c4", "source": "Telegram", "target": "Telegram",
                                "status": ALREADY}  # no reason when there is none to give
    assert by_concept["c3"]["status"] == NOT_ENFORCED and by_concept["c3"]["reason"]
    assert summary.to_dict()["terms"]["not_enforced"] >= 1
    assert any(line.startswith("glossary terms:") for line in summary.human_lines())


def test_a_person_named_by_surname_alone_keeps_to_the_surname():
    person = Concept(id="p1", subject="named entity (PER)", terms=[
        Term("en", "Alena Volkova"), Term("en", "Volkova", "admitted"),
        Term("en", "Alyona Volkova", "admitted"), Term("es", "Aliona Vólkova")])
    enforcer = TermEnforcer([person])
    for source, output, expected in [
            ("Volkova said no.", "<x1/> dijo que no.", "Vólkova dijo que no."),
            ("Alyona Volkova said no.", "<x1/> dijo que no.", "Aliona Vólkova dijo que no.")]:
        prepared = enforcer.prepare(source, "en", "es")
        done = enforcer.finish(prepared, output)
        assert done.text == expected
        assert [r.status for r in done.terms] == [PROTECTED]


def test_a_name_is_found_in_any_spelling_and_rendered_in_the_glossarys():
    mayor = Concept(id="m1", terms=[Term("en", "Sergei Sobyanin", pos="properNoun"),
                                    Term("es", "Serguéi Sobianin", pos="properNoun"),
                                    Term("ru", "Сергей Собянин", pos="properNoun")])
    enforcer = TermEnforcer([mayor])
    # a Spanish source without the accent still names him
    prepared = enforcer.prepare("El alcalde Serguei Sobianin habló.", "es", "en")
    done = enforcer.finish(prepared, "The mayor Serguei Sobianin spoke.", "The mayor Serguei "
                           "Sobianin spoke.")
    assert done.text == "The mayor Sergei Sobyanin spoke." and statuses(done) == {
        "m1": POST_EDITED}
    # a Spanish output without it is post-edited to the glossary's spelling
    prepared = enforcer.prepare("The mayor Sergei Sobyanin spoke.", "en", "es")
    done = enforcer.finish(prepared, "El alcalde Serguei Sobianin habló.",
                           "El alcalde Serguei Sobianin habló.")
    assert done.text == "El alcalde Serguéi Sobianin habló." and statuses(done) == {
        "m1": POST_EDITED}

