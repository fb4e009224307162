"""Glossary spreadsheets (XLSX): the same two table forms as CSV, read with pandas/openpyxl.

An XLSX is a zip of XML parts, and it may come from anywhere: before openpyxl
parses it, its zip directory is checked against generous bounds (a 1.5 MB file
must not unpack to 1.5 GB in memory) and its XML parts for a DOCTYPE (entity
expansion, "billion laughs"). Every way it can fail is one line naming the file.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from openpyxl.utils.exceptions import InvalidFileException

from glossary.formats.cells import escape_for_typed_cell, neutralise
from glossary.formats.csv_table import rows_to_concepts
from glossary.formats.files import read_bytes
from glossary.model import Concept, GlossaryError
from translator.core.atomic import write_bytes_atomic
from translator.core.i18n import _

#: Bounds on what an XLSX may unpack to: a 50,000-concept export is ~45 MB of XML in
#: 9 parts, so these leave room for far larger glossaries and many sheets.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_PARTS = 10_000
#: Parts openpyxl parses as XML; OOXML parts never carry a DOCTYPE (an embedded SVG
#: image may, and is not parsed, so it is not looked at).
XML_PART_SUFFIXES = (".xml", ".rels")
DOCTYPE_MARKS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
#: What zip and XML parsing raise on a damaged or hostile workbook (ParseError and lxml's
#: XMLSyntaxError are SyntaxErrors; zlib.error is an Exception of its own).
UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, InvalidFileException, ValueError,
              KeyError, OSError, EOFError, NotImplementedError, SyntaxError, zlib.error)


def read_xlsx(path: Path, *, source: str | None = None, target: str | None = None,
              sheet: str | int | None = None,
              warn: Callable[[str], None] | None = None) -> list[Concept]:
    """Concepts from the first (or the named) sheet; row 1 must be a header row.

    A formula cell is read as the value the spreadsheet saved for it, with a warning;
    one without a saved value is refused naming its cell (it is not an empty term).
    """
    import pandas as pd

    data = read_bytes(path)
    check_archive(data, path)
    workbook = _load(data, path, data_only=True)
    try:
        book = pd.ExcelFile(workbook, engine="openpyxl")
    except UNREADABLE as exc:
        raise _unreadable(exc, path) from None
    for worksheet in workbook.worksheets:
        fill_merged_cells(worksheet)
    name = _sheet_name(book.sheet_names, sheet, path)
    chosen = workbook[name] if isinstance(name, str) else workbook.worksheets[name]
    _check_formulas(data, chosen, path, warn)
    # keep_default_na=False: a term such as "NA" or "#N/A" is text, not a missing value
    frame = pd.read_excel(book, sheet_name=name, header=None, dtype=str, keep_default_na=False)
    frame = frame.fillna("")
    rows: list[list[str]] = []
    numbers: list[int] = []
    for index, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        cells = [str(c) for c in row]
        if any(c.strip() for c in cells):
            while cells and not cells[-1].strip() and rows and len(cells) > len(rows[0]):
                cells.pop()
            rows.append(cells)
            numbers.append(index)
    if not rows:
        raise GlossaryError(_("sheet '{name}' is empty").format(name=name), path)
    if numbers[0] != 1:
        raise GlossaryError(_("sheet '{name}' row 1: no header row (row 1 is empty)").format(
            name=name), path)
    width = len(rows[0])
    while width and not rows[0][width - 1].strip():
        width -= 1
    for cells, number in zip(rows, numbers, strict=True):
        if any(c.strip() for c in cells[width:]):
            raise GlossaryError(_("sheet '{name}' row {row}: extra columns beyond the "
                                  "header").format(name=name, row=number), path)
    rows = [cells[:width] for cells in rows]
    return rows_to_concepts(rows, numbers, path, source=source, target=target,
                            unit=lambda row: _("sheet '{name}' row {row}").format(
                                name=name, row=row), allow_headerless=False, warn=warn)


def check_archive(data: bytes, path: Path) -> None:
    """Refuse, before any XML is parsed, a workbook whose zip directory declares more
    parts or bytes than a glossary could need (a zip bomb), or an XML part with a
    DOCTYPE (its entities can expand without bound). A part's declared size bounds
    what zipfile will unpack of it, so the directory can be trusted for this."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise GlossaryError(_("too many entries ({count} > {limit})").format(
                    count=len(parts), limit=MAX_PARTS), path)
            if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
                raise GlossaryError(_("unpacks to more than {limit} bytes (zip bomb?)").format(
                    limit=MAX_UNPACKED_BYTES), path)
            for part in parts:
                if part.filename.lower().endswith(XML_PART_SUFFIXES) and _has_doctype(
                        archive, part):
                    raise GlossaryError(_("part '{part}' declares a DOCTYPE; XLSX files must "
                                          "not (its entities could expand without bound)"
                                          ).format(part=part.filename), path)
    except UNREADABLE as exc:
        raise _unreadable(exc, path) from None


def _has_doctype(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Whether the part's XML has a DOCTYPE, read in chunks (a part may be large)."""
    keep = max(len(mark) for mark in DOCTYPE_MARKS) - 1
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if any(mark in window for mark in DOCTYPE_MARKS):
                return True
            tail = window[-keep:]
    return False


def _load(data: bytes, path: Path, *, data_only: bool):
    """openpyxl's workbook (saved values, or formulas), any parse failure one line."""
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=data_only, keep_links=False)
    except UNREADABLE as exc:
        raise _unreadable(exc, path) from None


def _unreadable(exc: BaseException, path: Path) -> GlossaryError:
    """One message for every way the zip or its XML fails, with the library's reason."""
    return GlossaryError(_("not a readable XLSX workbook ({error})").format(error=exc), path)


def _sheet_name(names: list[str], sheet: str | int | None, path: Path) -> str | int:
    """The sheet to read: the one asked for, else the first; a workbook without sheets
    (its worksheet parts missing) or a sheet it lacks is refused naming the sheets."""
    if not names:
        raise GlossaryError(_("the workbook has no sheets"), path)
    if sheet is None:
        return names[0]
    if (sheet not in names) if isinstance(sheet, str) else not 0 <= sheet < len(names):
        raise GlossaryError(_("no sheet named '{name}' (sheets: {sheets})").format(
            name=sheet, sheets=", ".join(names)), path)
    return sheet


def _check_formulas(data: bytes, values, path: Path,
                    warn: Callable[[str], None] | None) -> None:
    """Formula cells of the sheet ``values`` (loaded with their saved values): each one
    with a saved value is a warning, one without is refused naming the cell."""
    formulas = _load(data, path, data_only=False)[values.title]
    for row in formulas.iter_rows():
        for cell in row:
            if cell.data_type != "f":
                continue
            where = _("sheet '{name}' cell {cell}").format(name=values.title,
                                                           cell=cell.coordinate)
            saved = values[cell.coordinate].value
            formula = str(cell.value if isinstance(cell.value, str) else _("a formula"))
            if saved is None or not str(saved).strip():
                raise GlossaryError(_("{where} is a formula ({formula}) with no saved value; "
                                      "type the term itself as text").format(
                                          where=where, formula=formula[:40]), path)
            if warn is not None:
                warn(_("{where} is a formula ({formula}); its saved value '{saved}' was "
                       "read").format(where=where, formula=formula[:40], saved=saved))


def fill_merged_cells(worksheet) -> None:
    """Give every cell of a merged range its top-left value: a status merged over three
    rows is each row's status (read as is, rows 2 and 3 were empty, so *preferred*)."""
    for merged in list(worksheet.merged_cells.ranges):
        value = worksheet.cell(merged.min_row, merged.min_col).value
        worksheet.unmerge_cells(str(merged))
        for row in worksheet.iter_rows(merged.min_row, merged.max_row,
                                       merged.min_col, merged.max_col):
            for cell in row:
                cell.value = value


def write_xlsx(path: Path, rows: Iterable[list[str]], *, header: bool = True) -> None:
    """Write rows (header first) as one sheet named 'glossary', atomically.

    Every cell is a typed string, never a formula or an error value, whatever
    it starts with; trigger cells also carry Excel's own "quote prefix" style,
    so editing one in Excel keeps it text.
    """
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "glossary"
    for number, row in enumerate(islice(rows, 0 if header else 1, None), start=1):
        for column, value in enumerate(row, start=1):
            text = str(value)
            if not text:
                continue
            cell = sheet.cell(row=number, column=column)
            cell.value = escape_for_typed_cell(text)
            cell.data_type = "s"
            if neutralise(text) != text:
                cell.quotePrefix = True
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())
