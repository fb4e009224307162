"""``entities eval`` with JSONL records of the wrong shape: one line naming file and line.

A form that is a number was ``TypeError: object of type 'int' has no len()``, an
object as id ``unhashable type: 'dict'``, a deeply nested line a RecursionError;
a list as a form and an unknown entity type were accepted without a word.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.robustness.conftest import one_line
from translator.core.errors import InputError
from translator.entities.evaluate import load

SENTENCE = {"id": "1", "en": "Sergei Sobyanin visited Madrid.",
            "ru": "Сергей Собянин посетил Мадрид.", "es": "Serguéi Sobianin visitó Madrid."}
GOOD_GOLD = {"id": "1", "entities": [{"type": "LOC", "en": "Madrid", "ru": "Мадрид",
                                      "es": "Madrid", "es_alt": None}]}


def jsonl(path: Path, *lines: str) -> Path:
    """A file with a good-looking first line's place taken by a blank: numbers must count it."""
    path.write_text("\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


BAD_GOLD = {
    "number-form": ('{"id":"1","entities":[{"type":"PER","en":5}]}', '"en" must be text'),
    "list-form": ('{"id":"1","entities":[{"type":"PER","ru":["x"]}]}', '"ru" must be text'),
    "alt-form": ('{"id":"1","entities":[{"type":"PER","es_alt":{"a":1}}]}',
                 '"es_alt" must be text'),
    "unknown-type": ('{"id":"1","entities":[{"type":"XXX","en":"Madrid"}]}',
                     'unknown entity type "XXX": use one of PER, ORG, LOC, MISC'),
    "both": ('{"id":"1","entities":[{"type":"XXX","en":5}]}', 'unknown entity type "XXX"'),
    "object-id": ('{"id":{"a":1},"entities":[]}', '"id" must be a string or a number'),
    "repeated-id": (json.dumps(GOOD_GOLD) + "\n" + json.dumps(GOOD_GOLD),
                    'line 3: id "1" appears twice'),
}


@pytest.mark.parametrize("case", sorted(BAD_GOLD))
def test_a_bad_gold_record_names_file_and_line(tmp_path, case):
    line, reason = BAD_GOLD[case]
    sentences = jsonl(tmp_path / "s.jsonl", json.dumps(SENTENCE))
    gold = jsonl(tmp_path / "g.jsonl", line)
    with pytest.raises(InputError) as caught:
        load(sentences, gold)
    message = str(caught.value)
    assert message.startswith(f"{gold}: line ") and reason in message and "\n" not in message
    if case != "repeated-id":
        assert message.startswith(f"{gold}: line 2: ")


BAD_SENTENCES = {
    "object-id": ({**SENTENCE, "id": {"a": 1}}, '"id" must be a string or a number'),
    "float-id": ({**SENTENCE, "id": 1.5}, '"id" must be a string or a number'),
    "boolean-id": ({**SENTENCE, "id": True}, '"id" must be a string or a number'),
    "list-text": ({**SENTENCE, "ru": ["x"]}, '"ru" must be text'),
    "null-text": ({**SENTENCE, "es": None}, 'line 2 (id "1"): missing "es" text'),
}


@pytest.mark.parametrize("case", sorted(BAD_SENTENCES))
def test_a_bad_sentence_record_names_file_and_line(tmp_path, case):
    record, reason = BAD_SENTENCES[case]
    sentences = jsonl(tmp_path / "s.jsonl", json.dumps(record))
    gold = jsonl(tmp_path / "g.jsonl", json.dumps(GOOD_GOLD))
    with pytest.raises(InputError) as caught:
        load(sentences, gold)
    assert str(caught.value).startswith(f"{sentences}: line 2")
    assert reason in str(caught.value)


@pytest.mark.parametrize("line", ["[" * 100_000 + "]" * 100_000, "1" * 5000],
                         ids=["deep", "long-number"])
def test_a_line_the_parser_cannot_take_is_a_bad_line(tmp_path, line):
    sentences = jsonl(tmp_path / "s.jsonl", json.dumps(SENTENCE))
    gold = jsonl(tmp_path / "g.jsonl", json.dumps(GOOD_GOLD), line)
    with pytest.raises(InputError) as caught:
        load(sentences, gold)
    assert str(caught.value).startswith(f"{gold}: line 3: not valid JSON (")


def test_well_formed_files_with_ints_strings_and_nulls_still_load(tmp_path):
    sentences = jsonl(tmp_path / "s.jsonl", json.dumps(SENTENCE), json.dumps(
        {"id": 2, "en": "Madrid.", "ru": "Мадрид.", "es": "Madrid."}))
    gold = jsonl(tmp_path / "g.jsonl", json.dumps(GOOD_GOLD), json.dumps(
        {"id": 2, "entities": [{"en": "Madrid", "ru": "Мадрид", "es": None}]}))
    _, entities, unlocated = load(sentences, gold)
    assert [e.type for e in entities["1"]] == ["LOC"] and unlocated == []
    assert entities[2][0].type == "MISC" and set(entities[2][0].spans) == {"en", "ru"}


def test_eval_fails_in_one_line(tmp_path):
    sentences = jsonl(tmp_path / "s.jsonl", json.dumps(SENTENCE))
    gold = jsonl(tmp_path / "g.jsonl", "[" * 100_000 + "]" * 100_000)
    done = run_cli("entities", "eval", "--sentences", str(sentences), "--gold", str(gold))
    assert done.returncode == 2
    assert one_line(done.stderr).endswith("g.jsonl: line 2: not valid JSON (nested too deeply)")
