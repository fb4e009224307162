"""GFM tables: spotting a table's start and cutting a row into cells (each cell is one unit)."""

from __future__ import annotations

import itertools

from translator.ingest.markdown.spans import code_spans, plain_chars
from translator.ingest.markdown.syntax import TABLE_DELIM, interrupts_paragraph


def is_table_start(head: str, delimiter_row: str) -> bool:
    """Whether ``head`` followed by ``delimiter_row`` (``|---|:--:|``) opens a table."""
    if "|" not in head or not TABLE_DELIM.match(delimiter_row):
        return False
    return "|" in delimiter_row or head.strip().startswith("|")


def is_table_row(text: str) -> bool:
    """Whether a line after the delimiter row continues the table."""
    return bool(text.strip()) and "|" in text and not interrupts_paragraph(text)


def table_cells(row: str) -> list[tuple[int, int]]:
    """Offsets of each non-blank cell's text in ``row``, surrounding spaces left out.

    Pipes inside code spans or escaped as ``\\|`` do not split cells.
    """
    pipes = [k for k, ch in plain_chars(row, code_spans(row)) if ch == "|"]
    cells = []
    for left, right in itertools.pairwise([-1, *pipes, len(row)]):
        cell = row[left + 1 : right]
        stripped = cell.strip()
        if stripped:
            start = left + 1 + len(cell) - len(cell.lstrip())
            cells.append((start, start + len(stripped)))
    return cells
