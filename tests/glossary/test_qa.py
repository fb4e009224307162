"""Terminology QA on our own story and a translation with planted mistakes."""

from __future__ import annotations

import pytest

from glossary.qa import check_pairs


def pairs(data_dir, src: str, tgt_file: str):
    source = (data_dir / f"story.{src}").read_text(encoding="utf-8").splitlines()
    target = (data_dir / tgt_file).read_text(encoding="utf-8").splitlines()
    return list(zip(source, target, strict=True))


def test_planted_mistakes_are_each_found(data_dir, sample_concepts):
    findings = check_pairs(sample_concepts, pairs(data_dir, "en", "story-mt.ru"), "en", "ru")
    got = [(f.check, f.segment) for f in findings]
    assert sorted(got, key=str) == sorted([
        ("rejected-term", 1),     # deprecated "идентификация лиц" instead of "распознавание лиц"
        ("number-mismatch", 2),   # 20,000 became 2000
        ("dnt-changed", 4),       # Telegram became "Телеграме"
        ("inconsistent", None),   # lawyer: "адвокат" in line 3, "юрист" in line 5
    ], key=str)
    by_check = {f.check: f for f in findings}
    assert by_check["rejected-term"].found == "идентификации лиц"
    assert by_check["rejected-term"].expected == "распознавание лиц"
    assert by_check["number-mismatch"].message == "numbers differ: missing 20000; extra 2000"
    assert by_check["dnt-changed"].source_term == "Telegram"
    assert "'адвокат' (1x: 3)" in by_check["inconsistent"].message
    assert "'юрист' (1x: 5)" in by_check["inconsistent"].message


@pytest.mark.parametrize("src, tgt", [("en", "ru"), ("en", "es"), ("ru", "es"), ("es", "en")])
def test_faithful_translations_are_clean(data_dir, sample_concepts, src, tgt):
    assert check_pairs(sample_concepts, pairs(data_dir, src, f"story.{tgt}"), src, tgt) == []


def test_missing_term_is_reported_with_the_expected_target(sample_concepts):
    findings = check_pairs(sample_concepts,
                           [("The police detained her.", "Её задержали сотрудники.")], "en", "ru")
    assert [(f.check, f.source_term, f.expected) for f in findings] == [
        ("missing-term", "police", "полиция")]


def test_checks_can_be_skipped(data_dir, sample_concepts):
    findings = check_pairs(sample_concepts, pairs(data_dir, "en", "story-mt.ru"), "en", "ru",
                           checks=["dnt-changed"])
    assert [f.check for f in findings] == ["dnt-changed"]
