"""A review CSV deciding on one concept twice is refused as such, naming both lines.

The second row used to fail as "concept c3 is not proposed (it is approved)":
the first row had just approved it inside the same (rolled back) transaction,
so the message named a state the glossary was not in, and hid the real
mistake, the duplicated row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.model import Concept, GlossaryError, Term
from glossary.review import apply_review_csv, pending, review_csv
from glossary.store import Termbase
from tests.conftest import run_cli
from tests.robustness.conftest import one_line


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.db"
    with Termbase.open(path, create=True) as tb:
        for name in ("Yulia Volkova", "Ivan Petrov"):
            tb.add_concept(Concept(subject="named entity (PER)", review="proposed",
                                   occurrences=3, terms=[Term("en", name, "preferred", "noun")]))
    return path


def review_file(db: Path, tmp_path: Path, decided: dict[int, str]) -> Path:
    """The exported review CSV with ``decided`` rows (by data-row index) filled in, the last
    decided row written a second time."""
    with Termbase.open(db) as tb:
        lines = review_csv(pending(tb)).splitlines()
    for index, decision in decided.items():
        cid = lines[index + 1].split(",")[0]
        lines[index + 1] = lines[index + 1].replace(f"{cid},,", f"{cid},{decision},", 1)
    path = tmp_path / "review.csv"
    path.write_text("\n".join([*lines, lines[max(decided) + 1]]) + "\n", encoding="utf-8")
    return path


def test_a_concept_decided_on_two_rows_is_named_and_nothing_changes(db, tmp_path):
    path = review_file(db, tmp_path, {0: "reject", 1: "approve"})
    with Termbase.open(db) as tb:
        with pytest.raises(GlossaryError, match=r"line 4: concept c\d is listed twice \(also "
                                                r"at line 3\)"):
            apply_review_csv(tb, path)
        assert len(pending(tb)) == 2


def test_the_same_concept_by_its_number_is_a_duplicate_too(db, tmp_path):
    path = review_file(db, tmp_path, {1: "approve"})
    text = path.read_text(encoding="utf-8").splitlines()
    text[-1] = text[-1].removeprefix("c")  # '12' also finds 'c12'
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with Termbase.open(db) as tb, pytest.raises(GlossaryError, match="listed twice"):
        apply_review_csv(tb, path)


def test_the_command_says_it_in_one_line(db, tmp_path):
    path = review_file(db, tmp_path, {0: "approve"})
    done = run_cli("glossary", "review", "-g", str(db), "--import", str(path))
    assert done.returncode != 0
    line = one_line(done.stderr)
    assert "is listed twice (also at line 2)" in line and "not proposed" not in line
    with Termbase.open(db) as tb:
        assert len(pending(tb)) == 2


def test_an_undecided_duplicate_row_is_harmless(db, tmp_path):
    path = review_file(db, tmp_path, {0: "approve"})
    text = path.read_text(encoding="utf-8").splitlines()
    text[-1] = text[-1].replace(",approve,", ",,", 1)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    with Termbase.open(db) as tb:
        outcome = apply_review_csv(tb, path)
        assert len(outcome.done["approve"]) == 1 and outcome.undecided == 2
