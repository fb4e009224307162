"""A review names each person, place or organisation with one type across the run."""

from __future__ import annotations

from translator.review.annotator import Annotator
from translator.run_record import SegmentRecord

SENTENCES = [
    ("Lawyer Renee Zellweger filed the appeal in Moscow on Monday.",
     "La abogada Renee Zellweger presentó la apelación en Moscú el lunes."),
    ("The court rejected it, Zellweger said.", "El tribunal la rechazó, dijo Zellweger."),
]


class _Doc:
    def __init__(self, records: list[SegmentRecord]) -> None:
        self.targets = {"es": records}


def test_a_surname_alone_takes_the_type_of_the_full_name_in_the_run():
    records = [SegmentRecord(f"p{i}", 0, "en", source, translation)
               for i, (source, translation) in enumerate(SENTENCES, start=1)]
    annotator = Annotator([])
    mentions = annotator.mentions([(_Doc(records), "es")])
    types = {m.text: m.type for (lang, _), found in mentions.items() if lang == "en"
             for m in found}
    assert types["Renee Zellweger"] == types["Zellweger"] == "PER"
