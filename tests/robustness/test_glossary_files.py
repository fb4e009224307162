"""Glossary files whose problem used to be misnamed (issue 12 item 18).

* An XLSX formula cell (a sheet never opened in Excel, so no saved value) was
  "empty term"; now the cell is named and called a formula. One with a saved
  value is read as that value, with a warning.
* Two rows with the same terms and different statuses were a "duplicate"; now a
  "conflicting status" naming both lines.
* An empty file given as a termbase to a command that only reads it was given a
  schema (written to) and read as an empty glossary; now it is refused, untouched.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from glossary.formats import read_glossary
from glossary.model import GlossaryError
from tests.conftest import run_cli

from .conftest import one_line

FORMULA = 'LOWER("TRIBUNAL")'


def formula_sheet(path: Path, saved: str | None) -> Path:
    """A sheet whose B3 is a formula, with ``saved`` as the value a spreadsheet stored."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["en", "es"], ["lawyer", "abogado"], ["court", f"={FORMULA}"]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if saved is None:
        path.write_bytes(buffer.getvalue())
        return path
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(f'<c r="B3"><f>{FORMULA}</f><v></v></c>'.encode(),
                                    f'<c r="B3" t="str"><f>{FORMULA}</f><v>{saved}</v></c>'
                                    .encode())
                assert saved.encode() in data
            target.writestr(item, data)
    return path


def test_a_formula_without_a_saved_value_is_named_as_a_formula(tmp_path):
    path = formula_sheet(tmp_path / "g.xlsx", None)
    with pytest.raises(GlossaryError) as error:
        read_glossary(path)
    assert f"sheet 'Sheet' cell B3 is a formula (={FORMULA}) with no saved value" \
        in str(error.value)
    assert "empty term" not in str(error.value)


def test_a_formula_with_a_saved_value_is_read_as_that_value(tmp_path):
    warnings: list[str] = []
    concepts = read_glossary(formula_sheet(tmp_path / "g.xlsx", "tribunal"),
                             warn=warnings.append)
    assert [t.text for t in concepts[1].terms] == ["court", "tribunal"]
    assert warnings == [f"sheet 'Sheet' cell B3 is a formula (={FORMULA}); its saved value "
                        "'tribunal' was read"]


@pytest.mark.slow
def test_conflicting_statuses_are_called_so_in_one_line(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("en,en_status,es\ncourt,preferred,tribunal\nlawyer,,abogado\n"
                    "court,forbidden,tribunal\n", encoding="utf-8")
    result = run_cli("glossary", "import", "-g", str(tmp_path / "g.db"), str(path))
    assert result.returncode == 2
    assert one_line(result.stderr).endswith(
        "conflicting status for the en term 'court': preferred in line 2 and forbidden in "
        "line 4")
    assert not (tmp_path / "g.db").exists() or "court" not in run_cli(
        "glossary", "list", "-g", str(tmp_path / "g.db")).stdout


def test_a_refused_import_into_a_new_glossary_leaves_no_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01 not a table \xff")
    glossary = tmp_path / "new.db"
    done = run_cli("glossary", "import", str(bad), "--glossary", str(glossary))
    assert done.returncode == 2 and "binary file" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]
    kept = tmp_path / "kept.db"  # an existing glossary stays, even an empty one
    assert run_cli("glossary", "add", "--glossary", str(kept), "--en", "court").returncode == 0
    assert run_cli("glossary", "import", str(bad), "--glossary", str(kept)).returncode == 2
    assert kept.exists()


@pytest.mark.parametrize("command", [
    ("glossary", "find", "court"),
    ("glossary", "export", "out.csv"),
    ("translate", "article.txt", "--to", "es", "--engine", "apertium", "--out", "run"),
])
def test_an_empty_file_given_as_a_termbase_is_refused_and_left_empty(tmp_path, command):
    """A command that only reads a termbase never writes one into an empty file (a
    `touch`ed name, a download that failed): it says so and stops before any work."""
    empty = tmp_path / "story.db"
    empty.write_bytes(b"")
    (tmp_path / "article.txt").write_text("The court met on Tuesday.\n", encoding="utf-8")
    done = run_cli(*command, "--glossary", str(empty), cwd=tmp_path)
    assert done.returncode == 2
    assert "empty file, not a glossary" in one_line(done.stderr)
    assert empty.read_bytes() == b""
    assert not (tmp_path / "run").exists() and not (tmp_path / "out.csv").exists()


def test_a_write_command_makes_an_empty_file_a_termbase(tmp_path):
    empty = tmp_path / "story.db"
    empty.write_bytes(b"")
    done = run_cli("glossary", "add", "-g", str(empty), "--en", "court", "--es", "tribunal")
    assert done.returncode == 0, done.stderr
    found = run_cli("glossary", "find", "-g", str(empty), "The court met.", "--json")
    assert found.returncode == 0 and '"concept": "c1"' in found.stdout
