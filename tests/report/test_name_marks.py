"""A name mark on the review page covers exactly the name: no next word, no possessive."""

from __future__ import annotations

from itertools import pairwise

from translator.review.annotator import Annotator
from translator.review.report.annotate import SegmentView, mark_segment
from translator.run_record import SegmentRecord

SOURCE = "Алёна Попова выиграла дело против суда России."
TRANSLATION = "Alyona Popova Wins the case against Russia's court."


def _view() -> SegmentView:
    record = SegmentRecord("p1", 0, "ru", SOURCE, TRANSLATION)
    annotator = Annotator([])
    mentions = annotator.mentions([(_Doc(record), "en")])
    view = SegmentView(1, record, "en", SOURCE, TRANSLATION)
    mark_segment(view, annotator.annotate(1, record, "en", mentions))
    return view


class _Doc:
    def __init__(self, record: SegmentRecord) -> None:
        self.targets = {"en": [record]}


def test_name_marks_cover_exactly_the_names_and_never_overlap():
    view = _view()
    marked = sorted((s.start, s.end) for s in view.target_spans if s.kind == "entity")
    assert [TRANSLATION[a:b] for a, b in marked] == ["Alyona Popova", "Russia"]
    assert all(b <= c for (_, b), (c, _) in pairwise(marked))
    sources = sorted(SOURCE[s.start:s.end] for s in view.source_spans if s.kind == "entity")
    assert sources == ["Алёна Попова", "России"]
