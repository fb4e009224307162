"""Glossary spreadsheets with merged cells: every row of a merged range gets its value.

Editors merge a "forbidden" status down a block of rows; openpyxl stores the
value only in the top-left cell, so the other rows used to read as empty, that
is *preferred*: the opposite of what the sheet says.
"""

from __future__ import annotations

from pathlib import Path

from glossary.formats import read_glossary


def merged_sheet(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["en", "en_status", "ru", "subject"],
                ["gunman", "forbidden", "стрелок", "crime"],
                ["shooter", None, "стрелявший", None],
                ["killer", None, "убийца", None],
                ["suspect", "preferred", "подозреваемый", "law"]):
        sheet.append(row)
    sheet.merge_cells("B2:B4")  # the status, down three rows
    sheet.merge_cells("D2:D4")  # the subject too
    book.save(path)
    return path


def test_a_status_merged_over_three_rows_is_each_rows_status(tmp_path):
    concepts = read_glossary(merged_sheet(tmp_path / "g.xlsx"))
    statuses = [[(t.text, t.status) for t in c.terms if t.lang == "en"] for c in concepts]
    assert statuses == [[("gunman", "forbidden")], [("shooter", "forbidden")],
                        [("killer", "forbidden")], [("suspect", "preferred")]]
    assert [c.subject for c in concepts] == ["crime", "crime", "crime", "law"]
