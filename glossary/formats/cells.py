"""Spreadsheet cells that stay text: no formula injection through a glossary or report file.

A CSV cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR is run as a
formula by Excel and LibreOffice (OWASP "CSV Injection"), so a term such as
``=HYPERLINK(...)`` taken from an article could act on a journalist's
machine. Written cells get a ``'`` in front, as OWASP advises; read cells
lose exactly that prefix again, so every term, "-ism" included, round-trips
unchanged. A cell that itself starts with ``'`` and a trigger gets one more
``'``, which keeps the scheme exact for any text.
"""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PREFIX = "'"


def _needs_prefix(cell: str) -> bool:
    """A trigger first, or a prefix before one (so that reading it back strips only ours)."""
    while cell.startswith(PREFIX):
        cell = cell[1:]
    return cell.startswith(FORMULA_TRIGGERS)


def neutralise(cell: str) -> str:
    """A CSV/TSV cell a spreadsheet shows as text, never runs as a formula."""
    return PREFIX + cell if _needs_prefix(cell) else cell


def neutralise_row(row: list[str]) -> list[str]:
    return [neutralise(str(cell)) for cell in row]


def restore(cell: str) -> str:
    """The text ``neutralise`` was given: exactly one added prefix removed."""
    if cell.startswith(PREFIX) and _needs_prefix(cell[1:]):
        return cell[1:]
    return cell


def escape_for_typed_cell(cell: str) -> str:
    """An XLSX string cell is never a formula; only text that ``restore`` would alter
    (a ``'`` before a trigger) needs the prefix, so reading it back stays exact."""
    return PREFIX + cell if restore(cell) != cell else cell
