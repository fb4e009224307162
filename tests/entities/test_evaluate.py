"""The evaluation reader and scorer on small gold files written here."""

from __future__ import annotations

import json

import pytest

from translator.core.errors import InputError
from translator.entities.evaluate import evaluate, load

SENTENCES = [
    {"id": 0, "en": "Alyona Popova spoke to the Tverskoy District Court.",
     "ru": "Алёна Попова выступила в Тверском районном суде.",
     "es": "Aliona Popova habló ante el Tribunal del distrito de Tverskói."},
    {"id": 1, "en": "Sergei Sobyanin visited Madrid.",
     "ru": "Сергей Собянин посетил Мадрид.",
     "es": "Serguéi Sobianin visitó Madrid."},
]
GOLD = [
    {"id": 0, "entities": [
        {"type": "PER", "en": "Alyona Popova", "ru": "Алёна Попова", "es": "Aliona Popova"},
        {"type": "ORG", "en": "Tverskoy District Court", "ru": "Тверском районном суде",
         "es": "Tribunal del distrito de Tverskói"}]},
    {"id": 1, "entities": [
        {"type": "PER", "en": "Sergei Sobyanin", "ru": "Сергей Собянин",
         "es": "Serguéi Sobianin"},
        {"type": "LOC", "en": "Madrid", "ru": "Мадрид", "es": "Madrid"}]},
]


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_perfect_output_scores_one(tmp_path):
    report = evaluate(_write(tmp_path / "s.jsonl", SENTENCES), _write(tmp_path / "g.jsonl", GOLD))
    for pair in ("en-ru", "en-es", "ru-es"):
        assert report.alignment[pair].f1 == 1.0, pair
        assert report.alignment[pair].gold == 4
    for lang in ("en", "ru", "es"):
        assert report.extraction[lang].recall == 1.0


def test_a_wrong_pair_lowers_precision(tmp_path):
    from translator.entities.evaluate import GoldEntity, Score, score_alignment
    from translator.entities.model import AlignedPair, Mention

    gold = [GoldEntity("PER", {"en": [(0, 5)], "es": [(0, 5)]}),
            GoldEntity("PER", {"en": [(10, 15)], "es": [(10, 15)]})]
    crossed = [AlignedPair(Mention("a", "PER", 0, 5, "en", "a"),
                           Mention("b", "PER", 10, 15, "es", "b"), 1.0, "name")]
    score = Score()
    score_alignment(crossed, gold, "en", "es", score)
    assert (score.precision, score.recall) == (0.0, 0.0)


def test_a_bad_line_is_named(tmp_path):
    sentences = _write(tmp_path / "s.jsonl", SENTENCES)
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: not valid JSON"):
        load(sentences, gold)


def test_mismatched_ids_are_refused(tmp_path):
    sentences = _write(tmp_path / "s.jsonl", SENTENCES)
    gold = _write(tmp_path / "g.jsonl", [GOLD[0], {**GOLD[1], "id": 7}])
    with pytest.raises(InputError, match="gold ids without a sentence: 7"):
        load(sentences, gold)


def test_a_sentence_without_a_language_is_refused(tmp_path):
    sentences = _write(tmp_path / "s.jsonl", [{"id": 0, "en": "x", "ru": "y"}])
    gold = _write(tmp_path / "g.jsonl", [{"id": 0, "entities": []}])
    with pytest.raises(InputError, match='missing "es" text'):
        load(sentences, gold)


def test_a_repeated_gold_form_is_gold_at_each_occurrence(tmp_path):
    sentences = _write(tmp_path / "s.jsonl", [
        {"id": 0, "en": "Io is a moon. Io is hot.", "ru": "Ио - спутник. Ио горячий.",
         "es": "Io es una luna. Io es caliente."}])
    gold = _write(tmp_path / "g.jsonl", [
        {"id": 0, "entities": [{"type": "LOC", "en": "Io", "ru": "Ио", "es": "Io"}]}])
    _, entities, _ = load(sentences, gold)
    assert entities[0][0].spans["en"] == [(0, 2), (14, 16)]
