"""Batched extraction gives each segment what extracting it alone gives."""

from __future__ import annotations

from translator.entities.extract import extract, extract_many

from .conftest import lines


def test_a_russian_batch_finds_in_each_segment_what_the_segment_alone_gives():
    # Taggers run in length-sorted batches and skip sentences with no possible name:
    # neither may change what a segment yields, nor mix segments up.
    segments = [
        *lines("court.ru.txt"),
        "Погода была хорошей.",
        "Суд оштрафовал Алёну Попову, а Сбербанк в Москве молчал.",
        "В Москве прошёл саммит НАТО.",
    ]
    batched = extract_many(segments, "ru")
    for index, segment in enumerate(segments):
        alone = [(m.text, m.type, m.start, m.end, m.normal) for m in extract(segment, "ru")]
        assert [(m.text, m.type, m.start, m.end, m.normal) for m in batched[index]] == alone
    assert batched[-2] and batched[-1]
