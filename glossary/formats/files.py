"""Reading the bytes and text (UTF-8, or UTF-16/32 with a BOM) of glossary and text files.

A leaf module: the format readers import it, and ``glossary.formats`` re-exports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from glossary.model import GlossaryError
from translator.core.errors import InputError
from translator.core.i18n import _
from translator.core.reading import decode_wide


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a clear error when it is missing, a directory or empty."""
    path = Path(path)
    if not path.exists():
        raise GlossaryError(_("no such file"), path)
    if path.is_dir():
        raise GlossaryError(_("is a directory"), path)
    data = path.read_bytes()
    if not data.strip():
        raise GlossaryError(_("file is empty"), path)
    return data


def read_text(path: Path) -> str:
    """UTF-8 text (a BOM is fine), or UTF-16/32 named by its BOM; anything else is refused."""
    data = read_bytes(path)
    try:
        wide = decode_wide(data, path)
    except InputError as exc:
        raise GlossaryError(exc.message, path) from None
    if wide is not None:
        if "\x00" in wide[:4096]:
            raise GlossaryError(_("binary file, expected text"), path)
        return wide
    if b"\x00" in data[:4096]:
        raise GlossaryError(_("binary file, expected UTF-8 text"), path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(_("line {line}: invalid UTF-8").format(line=line),
                            path) from exc


def at_line(line: int) -> str:
    """Where a row of a text table is, for messages: "line 4"."""
    return _("line {line}").format(line=line)


def data_rows(rows: list[list[str]], header: list[str],
              path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, cells by column) of each non-blank row after the header; a row whose
    field count differs from the header's is one clear error naming its line."""
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise GlossaryError(_("line {line}: {count} fields, the header has {width}").format(
                line=number, count=len(row), width=len(header)), path)
        yield number, dict(zip(header, row, strict=True))
