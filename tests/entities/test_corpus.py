"""The evaluation on the shared FLORES dev gold reaches the issue's targets."""

from __future__ import annotations

import pytest

from translator.entities.evaluate import evaluate


@pytest.mark.corpus
def test_dev_gold_alignment_targets(corpus_dir):
    flores = corpus_dir / "flores-dev"
    report = evaluate(flores / "entities-sentences.jsonl", flores / "entities.jsonl")
    assert not report.unlocated
    assert report.alignment["en-ru"].f1 >= 0.90
    assert report.alignment["en-es"].f1 >= 0.93
    assert report.alignment["ru-es"].f1 >= 0.85
    for lang in ("en", "ru", "es"):
        assert report.extraction[lang].f1 >= 0.88, lang
