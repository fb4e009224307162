"""HTML articles: exact round trip, article-only translation, codes, escaping, attributes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from translator.core.errors import InputError
from translator.document import ESCAPE_HTML, ESCAPE_HTML_ATTR, LangSlot, render
from translator.ingest import load_document, parse_text
from translator.ingest.html import parse_html

DATA = Path(__file__).parent / "data" / "ingest"


def parse(text: str):
    return parse_text(text, "html", Path("a.html"))


def by_ref(doc) -> dict[str, str]:
    return {u.ref: u.text for u in doc.units}


def all_text(doc) -> str:
    return " | ".join(u.text for u in doc.units)


def translate(doc, mapping: dict[str, str], lang: str = "ru") -> str:
    return render(doc, [mapping.get(u.text, u.text) for u in doc.units], lang)


def fixture(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- round trip


@pytest.mark.parametrize("name", ["article-en.html", "page-es.html"])
@pytest.mark.parametrize(
    "variant",
    [lambda t: t, lambda t: t.replace("\n", "\r\n"), lambda t: "\ufeff" + t.rstrip("\n"),
     lambda t: t.replace("\n", "  \n")],
    ids=["plain", "crlf", "bom-no-final-newline", "trailing-spaces"],
)
def test_round_trip_is_exact(name, variant):
    text = variant(fixture(name))
    assert parse(text).source_text() == text


@pytest.mark.parametrize(
    "text",
    [
        "<p>Unclosed <b>bold <i>and italic</p><p>Next paragraph",
        "<p>Stray </span> end tag and a lone < sign & ampersand</p>",
        "<li>One<li>Two<li>Three",
        "<table><tr><td>Cell one<td>Cell two</table>",
        "<div>Text <a href='x'><h3>Card title</h3></a> tail</div>",
        "<p title=unquoted alt='single'>Quirky attributes</p>",
        "<!-- a comment --><![CDATA[ raw ]]><?pi x?><p>After odd markup</p>",
        "<p>Unterminated tag at the end <a href=\"x",
        "<script>if (a < b) document.write('<p>not a paragraph</p>')</script><p>Real text</p>",
        "Text with no tags at all",
    ],
)
def test_round_trip_of_malformed_html(text):
    assert parse(text).source_text() == text


def test_round_trip_of_random_tag_soup():
    pieces = ["<p>", "</p>", "<div>", "</div>", "<a href='u'>", "</a>", "<em>", "</em>", "<br>",
              "<img alt=\"Pic\">", "<code>", "</code>", "<li>", "<ul>", "<td>", "<!-- c -->",
              "&amp;", "&lt;g1&gt;", "&nbsp;", " ", "\r\n", "word", "слово", "<h2>", "</h2>",
              "<article>", "<nav>", "</nav>", "<", ">", "&", "<title>", "</title>", "<pre>"]
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert parse(text).source_text() == text


# ---------------------------------------------------------------- what is translated


def test_article_page_translates_title_and_article_only():
    doc = load_document(DATA / "article-en.html", DATA)
    refs = by_ref(doc)
    assert refs["title"] == "Ferry service returns & fares stay the same"
    assert refs["h1"] == "Ferry service returns after the winter break"
    assert refs["figcaption1"] == "The ferry at the northern pier."
    text = all_text(doc)
    for boilerplate in ("Daily Example", "World news", "Share this story", "Copyright"):
        assert boilerplate not in text
    for never in ("Do not translate", "font-family", "Fährbetrieb", "timetable", "--status"):
        assert never not in text


def test_page_without_article_drops_boilerplate():
    doc = load_document(DATA / "page-es.html", DATA)
    text = all_text(doc)
    assert "A partir del próximo mes" in text
    assert "concejala de cultura" in text
    assert "Las bibliotecas amplían su horario" in by_ref(doc).values()
    assert "Inicio" not in text  # id="top-menu"
    assert "cookies" not in text  # class="cookie-banner"
    assert "parques" not in text  # class="related"
    assert "Aviso legal" not in text  # only trafilatura sees this footer for what it is


def test_body_without_article_excludes_structural_boilerplate():
    page = ("<html><body><header><p>Site name and slogan</p></header>"
            "<nav><a href='/'>Home page</a></nav><p>Article text here.</p>"
            "<footer><p>Contact the editors</p></footer></body></html>")
    assert all_text(parse(page)) == "Article text here."


def test_main_and_role_main_are_content_roots():
    page = ("<body><div class='menu'>Menu text</div><div role='main'><p>Main text.</p></div>"
            "<p>Outside text.</p></body>")
    assert all_text(parse(page)) == "Main text."


def test_translate_no_and_notranslate_are_respected():
    page = ("<article><p>Keep <span translate='no'>Brand Name</span> here.</p>"
            "<p class='notranslate'>Untouched paragraph</p>"
            "<div translate='no'><p translate='yes'>Back on</p><p>Still off</p></div></article>")
    doc = parse(page)
    assert [u.text for u in doc.units] == ["Keep <x1/> here.", "Back on"]


def test_fragment_boilerplate_wrapper_holding_the_article_is_kept():
    # A wrapper whose class merely mentions a sidebar holds most text: not boilerplate.
    page = ("<body><div class='layout has-sidebar'><p>The long article paragraph that carries "
            "the news of the day.</p><div class='sidebar'><p>Ads</p></div></div></body>")
    assert all_text(parse(page)) == "The long article paragraph that carries the news of the day."


# ---------------------------------------------------------------- units and codes


def test_inline_elements_become_codes():
    doc = load_document(DATA / "article-en.html", DATA)
    unit = next(u for u in doc.units if u.text.startswith("The municipal ferry"))
    assert unit.text == (
        "The municipal ferry will <g1>resume</g1> on Monday, "
        "the <g2>transport department</g2> said."
    )
    assert unit.codes["<g2>"].startswith('<a href="https://example.org/transport"')
    assert unit.codes["</g2>"] == "</a>"
    assert unit.escape == ESCAPE_HTML


def test_entities_are_decoded_and_code_br_are_atomic():
    doc = load_document(DATA / "article-en.html", DATA)
    unit = next(u for u in doc.units if u.text.startswith("Tickets"))
    assert unit.text == (
        "Tickets cost 2\u00a0euros <as before>; run <x1/> to check.<x2/> "
        "Boats leave every twenty minutes."
    )
    assert unit.codes == {"<x1/>": "<code>ferry --status</code>", "<x2/>": "<br>"}


def test_translation_is_escaped_and_markup_restored():
    doc = parse('<p>Visit <a href="/x?a=1&amp;b=2">our office</a> today.</p>')
    out = translate(doc, {"Visit <g1>our office</g1> today.": "Tom & Jerry <g1>visit</g1> <now>"})
    assert out == '<p>Tom &amp; Jerry <a href="/x?a=1&amp;b=2">visit</a> &lt;now&gt;</p>'


def test_whitespace_is_collapsed_in_text_and_kept_outside():
    doc = parse("<p>\n   Words   across\n   lines\n</p>")
    assert doc.units[0].text == "Words across lines"
    assert translate(doc, {"Words across lines": "Слова"}) == "<p>\n   Слова\n</p>"


def test_leading_and_trailing_images_stay_outside_the_unit():
    doc = parse('<p><img src="a.png" alt="Portrait"> Caption text <br></p>')
    assert [(u.ref, u.text) for u in doc.units] == [
        ("alt-attr1", "Portrait"), ("p1", "Caption text"),
    ]


def test_alt_and_title_attributes_are_units_escaped_as_attributes():
    doc = load_document(DATA / "article-en.html", DATA)
    alt = next(u for u in doc.units if u.ref.startswith("alt-attr"))
    assert alt.text == 'The ferry "Swallow" at the pier'
    assert alt.escape == ESCAPE_HTML_ATTR
    out = translate(doc, {alt.text: 'Паром "Ласточка" у причала'})
    assert 'alt="Паром &quot;Ласточка&quot; у причала"' in out


def test_title_attribute_of_block_element():
    doc = parse('<article><div title="Photo gallery"><p>Text.</p></div></article>')
    assert [(u.ref, u.text) for u in doc.units] == [
        ("title-attr1", "Photo gallery"), ("p1", "Text."),
    ]


def test_html_lang_becomes_the_target_language():
    doc = load_document(DATA / "article-en.html", DATA)
    assert any(isinstance(p, LangSlot) and p.original == "en" for p in doc.parts)
    out = render(doc, [u.text for u in doc.units], "es")
    assert '<html lang="es">' in out
    assert doc.source_text().count('<html lang="en">') == 1


def test_block_refs_count_per_kind():
    doc = parse("<article><h2>One</h2><p>Two</p><ul><li>Three</li><li>Four</li></ul>"
                "<table><tr><th>Five</th><td>Six</td></tr></table><div>Seven</div></article>")
    assert [u.ref for u in doc.units] == ["h1", "p1", "li1", "li2", "th1", "td1", "div1"]


def test_list_item_with_nested_list():
    doc = parse("<article><ul><li>Parent item<ul><li>Child item</li></ul> tail words</li></ul>"
                "</article>")
    assert [u.text for u in doc.units] == ["Parent item", "Child item", "tail words"]


def test_code_lookalikes_survive_as_atomic_codes():
    doc = parse("<p>Literal &lt;g1&gt; and <g2>tag</g2> here</p>")
    unit = doc.units[0]
    assert unit.text == "Literal <x1/> and <x2/>tag<x3/> here"
    assert unit.codes == {"<x1/>": "&lt;g1&gt;", "<x2/>": "<g2>", "<x3/>": "</g2>"}


def test_empty_inline_elements_are_atomic():
    unit = parse('<p>Text <a href="#x" id="x"></a>with anchor</p>').units[0]
    assert unit.text == "Text <x1/>with anchor"


# ---------------------------------------------------------------- bad input


def test_non_utf8_charset_is_refused_by_the_parser():
    with pytest.raises(InputError, match="koi8-r"):
        parse_html('<meta http-equiv="content-type" content="text/html; charset=koi8-r"><p>x</p>')


def test_non_utf8_charset_is_refused_on_load(tmp_path):
    path = tmp_path / "a.htm"
    path.write_bytes(b'<meta charset="iso-8859-1"><p>caf\xe9</p>')
    with pytest.raises(InputError, match="iso-8859-1"):
        load_document(path, tmp_path)


def test_markup_around_the_whole_unit_stays_outside():
    doc = parse('<ul><li><a href="/a"><b>Whole link</b></a></li></ul>')
    assert doc.units[0].text == "Whole link"
    out = translate(doc, {"Whole link": "Ссылка"})
    assert out == '<ul><li><a href="/a"><b>Ссылка</b></a></li></ul>'


def test_article_inside_a_wrapper_named_like_a_sidebar_is_found():
    page = ("<body><div class='page with-sidebar'><article><p>The story itself, told at length "
            "so that it is most of the page.</p></article><div class='sidebar'><p>Popular now"
            "</p></div></div><p>Outside the article.</p></body>")
    assert all_text(parse(page)).startswith("The story itself")
    assert "Popular now" not in all_text(parse(page))
    assert "Outside" not in all_text(parse(page))


def test_horizontal_rule_separates_units():
    doc = parse("<article><div>First part<hr>Second part</div></article>")
    assert [u.text for u in doc.units] == ["First part", "Second part"]


def test_alt_and_title_inside_a_sentence_are_translated_too():
    # An <img alt>, <a title> or <abbr title> in the middle of a paragraph is part of
    # the paragraph's codes; its text must still be translated, and the rest kept.
    page = ('<p>The mayor <img src="m.png" alt="Portrait &amp; seal"> spoke at <a href="/c" '
            'title="Read the ruling">the court</a> of the <abbr title="European Union">EU'
            '</abbr>, see <a href="/m"><img src="map.png" alt="Map of the metro"></a>.</p>')
    doc = parse(page)
    assert [(u.ref, u.text) for u in doc.units] == [
        ("p1", "The mayor <x1/> spoke at <g2>the court</g2> of the <g3>EU</g3>, see <x4/>."),
        ("alt-attr1", "Portrait & seal"), ("title-attr1", "Read the ruling"),
        ("title-attr2", "European Union"), ("alt-attr2", "Map of the metro"),
    ]
    assert doc.source_text() == page
    out = translate(doc, {"Portrait & seal": 'Retrato "y" sello', "European Union": "UE",
                          "Map of the metro": "Mapa del metro"})
    assert out == page.replace("Portrait &amp; seal", "Retrato &quot;y&quot; sello").replace(
        'title="European Union"', 'title="UE"').replace("Map of the", "Mapa del")
    host = doc.units[0].text
    out = translate(doc, {host: "El alcalde <x1/> habló en <g2>el tribunal</g2> de la "
                                "<g3>UE</g3>, ver <x4/>.", "Read the ruling": "Lee el fallo"})
    assert out == ('<p>El alcalde <img src="m.png" alt="Portrait &amp; seal"> habló en '
                   '<a href="/c" title="Lee el fallo">el tribunal</a> de la <abbr '
                   'title="European Union">UE</abbr>, ver <a href="/m"><img src="map.png" '
                   'alt="Map of the metro"></a>.</p>')
