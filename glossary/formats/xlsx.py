"""Glossary spreadsheets (XLSX): the same two table forms as CSV, read with pandas/openpyxl."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from glossary.formats.cells import escape_for_typed_cell, neutralise
from glossary.formats.csv_table import rows_to_concepts
from glossary.model import Concept, GlossaryError
from translator.core.atomic import write_bytes_atomic
from translator.core.i18n import _


def read_xlsx(path: Path, *, source: str | None = None, target: str | None = None,
              sheet: str | int | None = None,
              warn: Callable[[str], None] | None = None) -> list[Concept]:
    """Concepts from the first (or the named) sheet; row 1 must be a header row.

    A formula cell is read as the value the spreadsheet saved for it, with a warning;
    one without a saved value is refused naming its cell (it is not an empty term).
    """
    import pandas as pd
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from glossary.formats.files import read_bytes

    data = read_bytes(path)
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
        book = pd.ExcelFile(workbook, engine="openpyxl")
    except (zipfile.BadZipFile, InvalidFileException, ValueError, KeyError, OSError) as exc:
        raise GlossaryError(_("not a readable XLSX workbook ({error})").format(error=exc),
                            path) from exc
    for worksheet in workbook.worksheets:
        fill_merged_cells(worksheet)
    name = sheet if sheet is not None else book.sheet_names[0]
    if isinstance(name, str) and name not in book.sheet_names:
        raise GlossaryError(_("no sheet named '{name}' (sheets: {sheets})").format(
            name=name, sheets=", ".join(book.sheet_names)), path)
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


def _check_formulas(data: bytes, values, path: Path,
                    warn: Callable[[str], None] | None) -> None:
    """Formula cells of the sheet ``values`` (loaded with their saved values): each one
    with a saved value is a warning, one without is refused naming the cell."""
    from openpyxl import load_workbook

    formulas = load_workbook(io.BytesIO(data), keep_links=False)[values.title]
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
