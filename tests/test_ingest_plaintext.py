"""Plain-text articles: paragraphs become units and the file comes back byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.document import render
from translator.ingest import load_document, parse_text

DATA = Path(__file__).parent / "data" / "ingest"


def parse(text: str):
    return parse_text(text, "txt", Path("a.txt"))


VARIANTS = [
    "One paragraph.",
    "One paragraph.\n",
    "Line one\nline two\n\nSecond paragraph\n",
    "Line one\r\nline two\r\n\r\nSecond paragraph\r\n",
    "Old Mac\rline two\r\rSecond\r",
    "\ufeffWith a BOM\n\nand more\n",
    "Trailing spaces   \nand tabs\t\t\n\n\n\nAfter many blank lines   ",
    "\n\n   Indented start\n      indented continuation\n",
    "  \t \n\nWhitespace-only first line",
    "Mixed\r\nendings\n\r\nhere\r",
    "Literal <g1>code</g1> and <x2/> look-alikes",
]


@pytest.mark.parametrize("text", VARIANTS)
def test_round_trip_is_exact(text):
    assert parse(text).source_text() == text


@pytest.mark.parametrize("name", ["news-en.txt", "mixed-ru-en.txt", "news-de.txt", "news-es.txt"])
def test_fixture_round_trip(name):
    doc = load_document(DATA / name, DATA)
    assert doc.source_text() == (DATA / name).read_text(encoding="utf-8")


def test_paragraphs_are_units_with_refs():
    doc = parse("Headline\n\nFirst paragraph.\n\n\nSecond paragraph.\n")
    assert [(u.ref, u.text) for u in doc.units] == [
        ("p1", "Headline"), ("p2", "First paragraph."), ("p3", "Second paragraph."),
    ]


def test_wrapped_paragraph_is_one_unit_joined_with_spaces():
    text = "The ferry will resume\r\n   on Monday, officials  \r\nsaid.\r\n\r\nNext.\r\n"
    unit = parse(text).units[0]
    assert unit.text == "The ferry will resume on Monday, officials said."
    assert unit.raw == "The ferry will resume\r\n   on Monday, officials  \r\nsaid."


def test_translation_is_written_as_one_line_and_the_rest_stays_exact():
    text = "Wrapped\nparagraph.\r\n\r\nUntouched\nparagraph.  \n"
    doc = parse(text)
    out = render(doc, ["Абзац в одну строку.", doc.units[1].text], "ru")
    assert out == "Абзац в одну строку.\r\n\r\nUntouched\nparagraph.  \n"


def test_bom_stays_outside_the_unit():
    doc = parse("\ufeffHello there.\n")
    assert doc.units[0].text == "Hello there."
    assert render(doc, ["Hola."], "es") == "\ufeffHola.\n"


def test_code_lookalikes_become_atomic_codes_and_survive():
    doc = parse("Type <g1> then </g1> and <x3/>.\n")
    unit = doc.units[0]
    assert unit.text == "Type <x1/> then <x2/> and <x3/>."
    assert unit.codes == {"<x1/>": "<g1>", "<x2/>": "</g1>", "<x3/>": "<x3/>"}
    out = render(doc, ["Escriba <x1/>, luego <x2/> y <x3/>."], "es")
    assert out == "Escriba <g1>, luego </g1> y <x3/>.\n"


def test_whitespace_only_text_has_no_units():
    assert parse("   \n\n").units == []


WEB_ARTICLE = (
    "The city council voted on Monday to keep the cameras in the underground stations for "
    "another year, despite objections.\n"
    "Critics said the vote ignored a court ruling from last spring.\n"
    "A spokesperson for the council declined to comment on the decision.\n"
)
MAIL_PARAGRAPH = (
    "The city council voted on Monday to keep the cameras in the\n"
    "underground stations for another year, despite objections from\n"
    "several rights groups.\n"
)


def test_one_paragraph_per_line_keeps_its_lines():
    doc = parse_text(WEB_ARTICLE, "txt", Path("web.txt"))
    assert [u.text for u in doc.units] == WEB_ARTICLE.splitlines()
    out = render(doc, [u.text.upper() for u in doc.units], "en")
    assert out.count("\n") == WEB_ARTICLE.count("\n")
    assert out.splitlines()[1] == WEB_ARTICLE.splitlines()[1].upper()


def test_hard_wrapped_lines_are_still_one_paragraph():
    doc = parse_text(MAIL_PARAGRAPH, "txt", Path("mail.txt"))
    assert len(doc.units) == 1
    assert doc.units[0].text == " ".join(MAIL_PARAGRAPH.split())


@pytest.mark.corpus
def test_the_seed_articles_keep_their_lines(corpus_dir):
    for path in sorted((corpus_dir / "seed-articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = parse_text(text, "txt", path)
        rendered = render(doc, [u.text.upper() for u in doc.units], "en")
        lines_in = [line for line in text.splitlines() if line.strip()]
        lines_out = [line for line in rendered.splitlines() if line.strip()]
        assert len(lines_out) == len(lines_in), path.name
