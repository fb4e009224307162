"""The review page shows proposed glossary entries apart from the approved ones."""

from __future__ import annotations

from glossary.model import Concept, Term
from translator.review.report import build_report


def concepts(review: str) -> list[Concept]:
    return [Concept("t1", terms=[Term("en", "court"), Term("es", "tribunal")]),
            Concept("c9", "named entity (PER)", review=review, occurrences=2,
                    terms=[Term("en", "Alexei Navalny"), Term("es", "Alexéi Navalni")])]


def test_a_proposed_name_gets_its_own_section_and_no_glossary_mark(run_dir):
    page, _ = build_report(run_dir, concepts("proposed"))
    section = page[page.index('<section id="proposed">'):]
    assert "Proposed names, not approved" in section and "Alexei Navalny" in section
    assert "×2" in section  # both source sentences that mention it
    assert 'href="#proposed"' in page
    marked = [line for line in page.split("<mark") if "Alexei Navalny" in line.split("</mark>")[0]]
    assert not any('class="term' in line for line in marked)


def test_an_approved_name_is_not_listed_as_proposed(run_dir):
    page, _ = build_report(run_dir, concepts("approved"))
    assert 'id="proposed"' not in page
