"""XLSX glossaries that are damaged or hostile: one line each, nothing imported.

Each file is triglot's own export with one part changed: no worksheets (an
IndexError), a DOCTYPE with nested entities in the sheet (a "billion laughs"
ParseError traceback), a sheet padded to unpack to 257 MiB from a few hundred
KB (read whole, in memory), thousands of parts, and truncated sheet XML.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from glossary.formats import read_glossary, write_glossary
from glossary.model import Concept, GlossaryError, Term
from tests.conftest import run_cli
from tests.robustness.conftest import listing, one_line

SHEET = "xl/worksheets/sheet1.xml"
ENTITIES = ('<!ENTITY a0 "' + "x" * 100 + '">'
            + "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 9)))


def exported(path: Path) -> Path:
    write_glossary(path, [Concept(terms=[Term("en", "court"), Term("es", "tribunal")]),
                          Concept(terms=[Term("en", "lawyer"), Term("es", "abogado")])])
    return path


def rebuilt(source: Path, path: Path, change) -> Path:
    """``source`` with each part's bytes passed through ``change(name, data)`` (None drops it)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = change(name, old.read(name))
            if data is not None:
                new.writestr(name, data)
    return path


def no_sheets(tmp_path: Path) -> Path:
    return rebuilt(exported(tmp_path / "ok.xlsx"), tmp_path / "nosheet.xlsx",
                   lambda name, data: None if name.startswith("xl/worksheets/") else data)


def entity_bomb(tmp_path: Path) -> Path:
    def bomb(name: str, data: bytes) -> bytes:
        if name != SHEET:
            return data
        body = data.split(b"?>", 1)[-1].replace(b"<t>court</t>", b"<t>&a8;</t>")
        return f"<?xml version='1.0'?><!DOCTYPE worksheet [{ENTITIES}]>".encode() + body

    return rebuilt(exported(tmp_path / "ok.xlsx"), tmp_path / "bomb.xlsx", bomb)


def size_bomb(tmp_path: Path) -> Path:
    """A valid workbook whose sheet is 257 MiB of blanks: a few hundred KB on disk."""
    source, path = exported(tmp_path / "ok.xlsx"), tmp_path / "huge.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = old.read(name)
            if name != SHEET:
                new.writestr(name, data)
                continue
            head, tail = data.split(b"<sheetData>")
            with new.open(name, "w", force_zip64=True) as part:
                part.write(head + b"<sheetData>")
                for _ in range(257):
                    part.write(b" " * (1 << 20))
                part.write(tail)
    assert path.stat().st_size < 2 * 1024 * 1024
    return path


def many_parts(tmp_path: Path) -> Path:
    path = rebuilt(exported(tmp_path / "ok.xlsx"), tmp_path / "many.xlsx",
                   lambda name, data: data)
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(10_001):
            archive.writestr(f"xl/media/pad{number}.bin", b"")
    return path


def truncated_sheet(tmp_path: Path) -> Path:
    return rebuilt(exported(tmp_path / "ok.xlsx"), tmp_path / "cut.xlsx",
                   lambda name, data: data[: len(data) // 2] if name == SHEET else data)


CASES = {
    "no-sheets": (no_sheets, "the workbook has no sheets"),
    "entity-bomb": (entity_bomb, "part 'xl/worksheets/sheet1.xml' declares a DOCTYPE"),
    "size-bomb": (size_bomb, "unpacks to more than 268435456 bytes (zip bomb?)"),
    "many-parts": (many_parts, "too many entries (10010 > 10000)"),
    "truncated": (truncated_sheet, "not a readable XLSX workbook (unclosed token"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_read_refuses_with_the_reason(tmp_path, case):
    make, reason = CASES[case]
    path = make(tmp_path)
    with pytest.raises(GlossaryError) as caught:
        read_glossary(path)
    assert str(caught.value).startswith(f"{path}: {reason}")


@pytest.mark.parametrize("command", ["import", "merge"])
@pytest.mark.parametrize("case", ["no-sheets", "entity-bomb", "size-bomb"])
def test_import_and_merge_fail_in_one_line_and_create_nothing(tmp_path, case, command):
    make, reason = CASES[case]
    path = make(tmp_path)
    database = tmp_path / "out" / "g.db"
    database.parent.mkdir()
    done = run_cli("glossary", command, "-g", str(database), str(path))
    assert done.returncode == 2
    assert reason in one_line(done.stderr)
    assert listing(database.parent) == []


def test_check_with_a_sheetless_workbook_fails_in_one_line(tmp_path):
    source, translation = tmp_path / "a.en.txt", tmp_path / "a.es.txt"
    source.write_text("The court fined her.\n", encoding="utf-8")
    translation.write_text("El tribunal la multó.\n", encoding="utf-8")
    done = run_cli("check", "-g", str(no_sheets(tmp_path)), "--source", str(source),
                   "--translation", str(translation))
    assert done.returncode == 2
    assert "the workbook has no sheets" in one_line(done.stderr)


def test_a_bomb_the_doctype_scan_misses_is_still_one_error(tmp_path, monkeypatch):
    """Second line of defence: the XML parser's own limit, reported as unreadable."""
    import glossary.formats.xlsx as xlsx

    monkeypatch.setattr(xlsx, "_has_doctype", lambda archive, part: False)
    path = entity_bomb(tmp_path)
    with pytest.raises(GlossaryError) as caught:
        read_glossary(path)
    assert str(caught.value).startswith(f"{path}: not a readable XLSX workbook (")


def test_an_ordinary_export_still_reads(tmp_path):
    concepts = read_glossary(exported(tmp_path / "g.xlsx"))
    assert [c.label() for c in concepts] == ["court", "lawyer"]
