"""Translation enforces only approved glossary entries, and says how many proposed it skipped."""

from __future__ import annotations

from glossary.model import Concept, Term
from glossary.service import Glossary
from translator.summary import RunSummary
from translator.terminology import PROPOSED, TermEnforcer


def glossary(review: str) -> Glossary:
    return Glossary([Concept("c1", "named entity (PER)", review=review,
                             terms=[Term("en", "Yulia Volkova"), Term("en", "Yuliya Volkova",
                                                                       "admitted"),
                                    Term("es", "Yulia Vólkova")])])


def test_a_proposed_name_is_left_to_mt_and_recorded_as_skipped():
    prepared = TermEnforcer(glossary("proposed")).prepare("Yuliya Volkova spoke.", "en", "es")
    assert prepared.text == "Yuliya Volkova spoke." and not prepared.found
    assert [(r.concept, r.status) for r in prepared.skipped] == [("c1", PROPOSED)]
    assert not prepared.skipped[0].enforced


def test_the_same_name_approved_is_protected():
    prepared = TermEnforcer(glossary("approved")).prepare("Yuliya Volkova spoke.", "en", "es")
    assert prepared.text == "<x1/> spoke." and prepared.skipped == []


def test_the_summary_says_how_many_proposed_entries_it_skipped():
    summary = RunSummary(engine="fake", targets=["es"], terms={"protected": 2, PROPOSED: 3})
    assert summary.to_dict()["terms"]["proposed_skipped"] == 3
    assert any("3 proposed entries found and not enforced" in line
               for line in summary.human_lines())
    quiet = RunSummary(engine="fake", targets=["es"], terms={"protected": 2})
    assert quiet.to_dict()["terms"]["proposed_skipped"] == 0
    assert not any("proposed" in line for line in quiet.human_lines())
