"""The pieces of the Markdown and HTML parsers that other code may call on their own."""

from __future__ import annotations

import pytest

from translator.core.errors import InputError
from translator.document import Unit, restore_codes
from translator.ingest.html import parse_html
from translator.ingest.html.tokens import declared_charsets, tokenize
from translator.ingest.markdown import parse_markdown
from translator.ingest.markdown.tables import is_table_row, is_table_start, table_cells


def _cells(row: str) -> list[str]:
    return [row[a:b] for a, b in table_cells(row)]


def test_table_cells_are_trimmed_and_pipes_in_code_or_escaped_do_not_split():
    assert _cells("| Name | Role |") == ["Name", "Role"]
    assert _cells("| `a|b` | x\\|y |  |") == ["`a|b`", "x\\|y"]
    assert _cells("no pipes at all") == ["no pipes at all"]


def test_a_table_needs_pipes_and_a_delimiter_row():
    assert is_table_start("| a | b |", "|---|:--:|")
    assert is_table_start("a | b", "--- | ---")
    assert not is_table_start("a | b", "not a delimiter")
    assert not is_table_start("plain heading", "---")
    assert is_table_row("| c | d |")
    assert not is_table_row("")
    assert not is_table_row("# a heading | with a pipe")


def test_a_link_inside_a_link_text_keeps_all_its_markup_as_codes():
    source = "See [the [court](u) ruling](v) today.\n"
    (unit,) = [p for p in parse_markdown(source) if isinstance(p, Unit)]
    assert unit.plain_text() == "See the court ruling today."
    assert set(unit.codes.values()) == {"[", "](u)", "](v)"}
    assert restore_codes(unit, unit.text) == source.strip()


def test_every_declared_charset_is_read_in_page_order():
    page = ('<meta charset=UTF-8><meta http-equiv="Content-Type" '
            'content="text/html; charset=koi8-r">')
    assert declared_charsets(page, tokenize(page)) == ["utf-8", "koi8-r"]
    with pytest.raises(InputError, match="koi8-r"):
        parse_html(page + "<p>Hello there.</p>")
