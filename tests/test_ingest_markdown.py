"""Markdown articles: exact round trip, the right units, and markup that survives translation."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from translator.core.inline_codes import codes_intact
from translator.document import render
from translator.ingest import load_document, parse_text

DATA = Path(__file__).parent / "data" / "ingest"


def parse(text: str):
    return parse_text(text, "md", Path("a.md"))


def texts(text: str) -> list[str]:
    return [u.text for u in parse(text).units]


def translate(doc, mapping: dict[str, str]) -> str:
    """Render with some unit texts replaced (others untouched)."""
    return render(doc, [mapping.get(u.text, u.text) for u in doc.units], "ru")


# ---------------------------------------------------------------- round trip


def fixture_text() -> str:
    return (DATA / "article-ru.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t,
        lambda t: t.replace("\n", "\r\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.rstrip("\n"),
        lambda t: t.replace("\n", "   \n"),
        lambda t: t.replace("\n", "\t\n") + "\n\n\n",
    ],
    ids=["plain", "crlf", "bom", "no-final-newline", "trailing-spaces", "trailing-tabs"],
)
def test_round_trip_is_exact(variant):
    text = variant(fixture_text())
    doc = parse(text)
    assert doc.source_text() == text
    assert len(doc.units) >= 10


def test_round_trip_of_random_markup_soup():
    pieces = ["*", "**", "_", "~~", "`", "[", "](", ")", "![", "<b>", "</b>", "<br>", "\\",
              "# ", "- ", "1. ", "> ", "|", "---", "```", "    ", "  \n", "\n\n", "\r\n",
              "word ", "слово ", "<g1>", "[^1]", "<https://a.b>", "&amp;", "\t"]
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        assert parse(text).source_text() == text


def test_load_document_on_fixture():
    doc = load_document(DATA / "article-ru.md", DATA)
    assert doc.format == "md"
    assert doc.source_text() == fixture_text()


# ---------------------------------------------------------------- blocks


def test_blocks_become_the_right_units():
    doc = parse(fixture_text())
    refs = {u.ref: u.text for u in doc.units}
    assert refs["h1"] == "Городской совет <g1>утвердил</g1> бюджет"
    assert refs["h2"] == "Подробнее о расходах"  # setext heading
    assert refs["li3"] == "Первая очередь откроется весной"  # nested numbered list
    assert refs["quote1"].startswith("Мы услышали жителей, — сказал мэр. Следующий")
    cells = [refs[r] for r in ("th1", "th2", "td1", "td2")]
    assert cells == ["Статья", "Сумма", "Транспорт", "12 млн"]


def test_literal_blocks_are_not_translated():
    all_text = " ".join(texts(fixture_text()))
    for literal in ("title:", "author:", "Этот блок кода", "https://example.org/bulletin", "---"):
        assert literal not in all_text


def test_atx_heading_closing_hashes_stay_literal():
    doc = parse("## Title here ##\n")
    assert doc.units[0].text == "Title here"
    assert translate(doc, {"Title here": "Заголовок"}) == "## Заголовок ##\n"


def test_indented_code_and_fences_are_skipped():
    text = "Intro text.\n\n    code line\n\n~~~\nfenced text\n~~~\n\nOutro text.\n"
    assert texts(text) == ["Intro text.", "Outro text."]


def test_unclosed_fence_runs_to_the_end():
    assert texts("Before.\n\n```\nnot text\n\nstill code\n") == ["Before."]


def test_nested_list_item_keeps_its_prefix():
    doc = parse("- Outer item\n  - Inner item\n    continued\n")
    assert [u.text for u in doc.units] == ["Outer item", "Inner item continued"]
    out = translate(doc, {"Inner item continued": "Вложенный пункт"})
    assert out == "- Outer item\n  - Вложенный пункт\n"


def test_blockquote_with_lazy_continuation():
    doc = parse("> Quoted line one\n> line two\nlazy line\n\nAfter.\n")
    assert [u.text for u in doc.units] == ["Quoted line one line two lazy line", "After."]


def test_table_cells_keep_pipes_and_alignment():
    text = "| Name | Role |\n|:-----|-----:|\n| Ivan | Editor with `a|b` |\n"
    doc = parse(text)
    assert [u.text for u in doc.units] == ["Name", "Role", "Ivan", "Editor with <x1/>"]
    out = translate(doc, {"Name": "Имя", "Editor with <x1/>": "Редактор с <x1/>"})
    assert out == "| Имя | Role |\n|:-----|-----:|\n| Ivan | Редактор с `a|b` |\n"


def test_reference_definitions_and_front_matter_stay_literal_but_a_title():
    text = "+++\ntitle = 'x'\n+++\n\nSee [the docs][d].\n\n[d]: https://example.org/d 'Docs'\n"
    doc = parse(text)
    assert [(u.ref, u.text) for u in doc.units] == [
        ("p1", "See <g1>the docs</g1>."), ("title-attr1", "Docs")]


def test_top_level_html_block_is_translated_as_html():
    doc = parse("<div class=\"note\">\n<p>An <em>HTML</em> note &amp; more.</p>\n</div>\n\nText.\n")
    assert [u.text for u in doc.units] == ["An <g1>HTML</g1> note & more.", "Text."]
    assert doc.units[0].escape == "html"


def test_thematic_break_is_not_a_list():
    assert texts("Para.\n\n* * *\n\nNext.\n") == ["Para.", "Next."]


def test_footnote_definition_text_is_translated():
    doc = parse("Claim[^1].\n\n[^1]: The source of the claim.\n")
    assert [u.text for u in doc.units] == ["Claim<x1/>.", "The source of the claim."]


# ---------------------------------------------------------------- inline


def test_inline_link_text_translates_and_url_stays():
    doc = parse('Read [the report](https://example.org/r?a=1&b=2 "Report") today.\n')
    unit = doc.units[0]
    assert unit.text == "Read <g1>the report</g1> today."
    out = translate(doc, {unit.text: "Прочтите <g1>доклад</g1> сегодня."})
    assert out == 'Прочтите [доклад](https://example.org/r?a=1&b=2 "Report") сегодня.\n'


def test_emphasis_variants_are_paired_codes():
    unit = parse("A *b* _c_ **d** __e__ ~~f~~ ***g*** end\n").units[0]
    assert unit.text == (
        "A <g1>b</g1> <g2>c</g2> <g3>d</g3> <g4>e</g4> <g5>f</g5> <g6><g7>g</g7></g6> end"
    )
    assert [unit.codes[f"<g{n}>"] for n in range(1, 8)] == ["*", "_", "**", "__", "~~", "*", "**"]


def test_intraword_underscore_is_text():
    assert texts("snake_case_name stays\n") == ["snake_case_name stays"]


def test_atomic_inline_pieces():
    text = "Run `make all`, see ![chart](c.png) and <https://example.org> or [^2].\n"
    unit = parse(text).units[0]
    assert unit.text == "Run <x1/>, see <x2/> and <x3/> or <x4/>."
    assert unit.codes == {
        "<x1/>": "`make all`", "<x2/>": "![chart](c.png)",
        "<x3/>": "<https://example.org>", "<x4/>": "[^2]",
    }


def test_reference_link_full_form_translates_text():
    doc = parse("Read [the bulletin][bul].\n\n[bul]: https://example.org/b\n")
    unit = doc.units[0]
    assert unit.codes == {"<g1>": "[", "</g1>": "][bul]"}
    out = translate(doc, {unit.text: "Читайте <g1>бюллетень</g1>."})
    assert out.startswith("Читайте [бюллетень][bul].\n")


def test_shortcut_reference_link_stays_whole():
    # Its text is its label: translating it would break the link.
    unit = parse("See [Bulletin] now.\n\n[bulletin]: https://example.org/b\n").units[0]
    assert unit.text == "See <x1/> now."


def test_brackets_without_definition_are_text():
    assert texts("An [aside] here.\n") == ["An [aside] here."]


def test_inline_html_pairs_and_atomics():
    unit = parse("Some <b>bold</b> text<br>and <code>x < y</code> here.\n").units[0]
    assert unit.text == "Some <g1>bold</g1> text<x2/>and <x3/> here."
    assert unit.codes["<x3/>"] == "<code>x < y</code>"


def test_hard_line_breaks_are_atomic_and_soft_breaks_spaces():
    doc = parse("> First line  \n> second line\\\n> third\n> fourth\n")
    unit = doc.units[0]
    assert unit.text == "First line<x1/>second line<x2/>third fourth"
    assert unit.codes == {"<x1/>": "  \n> ", "<x2/>": "\\\n> "}
    out = translate(doc, {unit.text: "Раз<x1/>два<x2/>три четыре"})
    assert out == "> Раз  \n> два\\\n> три четыре\n"


def test_crossing_markup_degrades_to_atomic_codes():
    # Emphasis and <b> overlap: one pair survives, the other's tags become atomic codes.
    unit = parse("*a <b>b* c</b> d\n").units[0]
    assert unit.text == "<g1>a <x2/>b</g1> c<x3/> d"
    assert codes_intact(unit.text, unit.text)


def test_code_lookalikes_in_markdown_are_atomic():
    unit = parse("Tokens <g1> and </g1> and <x2/> here.\n").units[0]
    assert unit.text == "Tokens <x1/> and <x2/> and <x3/> here."
    assert list(unit.codes.values()) == ["<g1>", "</g1>", "<x2/>"]


def test_untranslated_units_render_exactly_even_when_others_change():
    text = fixture_text().replace("\n", "\r\n")
    doc = parse(text)
    first = doc.units[0]
    out = render(doc, ["Совет <g1>принял</g1> бюджет"] + [u.text for u in doc.units[1:]], "ru")
    assert out == text.replace(first.raw, "Совет *принял* бюджет", 1)


def test_markup_around_the_whole_unit_stays_outside():
    doc = parse("- **Whole item in bold**\n- [Whole link](https://example.org/x)\n")
    assert [u.text for u in doc.units] == ["Whole item in bold", "Whole link"]
    out = render(doc, ["Весь пункт", "Вся ссылка"], "ru")
    assert out == "- **Весь пункт**\n- [Вся ссылка](https://example.org/x)\n"


def test_spaces_mt_puts_inside_emphasis_move_outside_it():
    # "_ no_" or "** change the version**" is not emphasis in Markdown: the reader sees
    # bare underscores and asterisks. A space at the inner edge of a pair goes outside.
    doc = parse("Lets you **change the version** per user, _does not_ work.\n")
    out = translate(doc, {doc.units[0].text: "Deja<g1> cambiar la versión </g1>por usuario,"
                                              " <g2> no</g2> obra."})
    assert out == "Deja **cambiar la versión** por usuario, _no_ obra.\n"


def test_github_alert_marker_stays_on_its_own_line_untranslated():
    # GitHub renders "> [!TIP]" alone on a quote's first line as a callout; translated
    # ("[!Punta]") or joined to the next line it is shown as plain text.
    text = "> [!TIP]\n> Symlinks are off by default on Windows.\n\n> \\[!NOTE]\n> An escaped one.\n"
    doc = parse(text)
    assert [u.text for u in doc.units] == ["Symlinks are off by default on Windows.",
                                           "\\[!NOTE] An escaped one."]
    out = translate(doc, {doc.units[0].text: "Los enlaces están apagados en Windows."})
    assert out.startswith("> [!TIP]\n> Los enlaces están apagados en Windows.\n\n")


def test_task_list_checkbox_stays_outside_the_item_text():
    # "- [ ] Make sure..." is a checkbox; MT must not see (and reword) "[ ]".
    doc = parse("- [ ] Make sure the issue is new.\n* [x] Attach the log\n1. [X] Done\n"
                "- [link](https://example.org) item\n")
    assert [u.text for u in doc.units] == ["Make sure the issue is new.", "Attach the log",
                                           "Done", "<g1>link</g1> item"]
    out = translate(doc, {"Attach the log": "Adjunta el registro"})
    assert "* [x] Adjunta el registro\n" in out


# ---------------------------------------------------------------- image alt text and titles


def slots(text: str) -> list[tuple[str, str, str]]:
    """(ref, text, escape) of every alt/title unit, in document order."""
    return [(u.ref, u.text, u.escape) for u in parse(text).units if u.ref[:4] in ("alt-", "titl")]


def test_alt_and_titles_mid_sentence_are_slots_of_the_paragraph():
    text = ('The court [the ruling](https://ex.org/r "The court\'s ruling") said, see '
            '![A map of the square](map.png \'Map\') today.\n')
    doc = parse(text)
    para = doc.units[0]
    assert para.text == "The court <g1>the ruling</g1> said, see <x2/> today."
    assert [(s.code, s.unit.ref, s.unit.text) for s in para.slots] == [
        ("</g1>", "title-attr1", "The court's ruling"),
        ("<x2/>", "alt-attr1", "A map of the square"), ("<x2/>", "title-attr2", "Map")]
    new = {"The court's ruling": "El fallo del tribunal", "A map of the square": "Un mapa",
           "Map": "Mapa"}
    assert translate(doc, new) == ('The court [the ruling](https://ex.org/r "El fallo del '
                                   'tribunal") said, see ![Un mapa](map.png \'Mapa\') today.\n')
    new[para.text] = "El tribunal <g1>el fallo</g1> dijo, ver <x2/> hoy."
    assert translate(doc, new) == ('El tribunal [el fallo](https://ex.org/r "El fallo del '
                                   'tribunal") dijo, ver ![Un mapa](map.png \'Mapa\') hoy.\n')
    del new["Map"]  # a slot left as it was keeps its bytes inside a translated host
    assert translate(doc, new).endswith("![Un mapa](map.png 'Map') hoy.\n")


def test_an_image_alone_and_a_whole_paragraph_link_get_units_of_their_own():
    text = ('![A protester is detained](photo.jpg "Police at the square")\n\n'
            "**[The whole ruling](r.pdf (Full text))**\n\n[![Build status](b.svg)](https://ci)\n")
    doc = parse(text)
    assert [(u.ref, u.text) for u in doc.units] == [
        ("alt-attr1", "A protester is detained"), ("title-attr1", "Police at the square"),
        ("p1", "The whole ruling"), ("title-attr2", "Full text"), ("alt-attr2", "Build status")]
    out = translate(doc, {"A protester is detained": "Un manifestante detenido",
                          "Full text": "Texto completo", "Build status": "Estado"})
    assert out == ('![Un manifestante detenido](photo.jpg "Police at the square")\n\n'
                   "**[The whole ruling](r.pdf (Texto completo))**\n\n[![Estado](b.svg)](https://ci)\n")


def test_alt_and_titles_in_headings_lists_quotes_and_table_cells():
    text = ("# Report ![City logo](l.png)\n\n- item ![Item photo](i.png)\n\n"
            "> a quote ![Quoted\n> photo](q.png \"A quoted\n> title\")\n\n"
            "| a | b |\n|---|---|\n| cell ![Cell photo](c.png) | [x](y 'Cell title') |\n")
    doc = parse(text)
    assert doc.source_text() == text
    assert [(u.ref, u.text) for u in doc.units if u.ref[:4] in ("alt-", "titl")] == [
        ("alt-attr1", "City logo"), ("alt-attr2", "Item photo"), ("alt-attr3", "Quoted photo"),
        ("title-attr1", "A quoted title"), ("alt-attr4", "Cell photo"),
        ("title-attr2", "Cell title")]
    out = translate(doc, {"Quoted photo": "Foto citada", "A quoted title": "Un título",
                          "Cell title": "Título"})
    assert "> a quote ![Foto citada](q.png \"Un título\")\n" in out
    assert "| [x](y 'Título') |\n" in out


def test_mt_output_cannot_break_the_brackets_or_the_quotes():
    text = ('Look ![Old map \\[1901\\]](m.png "Say \\"hi\\"") and [a](u \'it\\\'s\') and '
            "[b](v (x \\(y\\))).\n")
    assert slots(text) == [("alt-attr1", "Old map [1901]", "md-alt"),
                           ("title-attr1", 'Say "hi"', 'md-title"'),
                           ("title-attr2", "it's", "md-title'"),
                           ("title-attr3", "x (y)", "md-title(")]
    doc = parse(text)
    mt = ["Mira <x1/> y <g2>a</g2> y <g3>b</g3>.", "Mapa [1901] \\", 'Di "hola"', "l'eau",
          "x (y) \\*"]
    out = render(doc, mt, "es")
    assert out == ('Mira ![Mapa \\[1901\\] \\\\](m.png "Di \\"hola\\"") y [a](u \'l\\\'eau\') '
                   "y [b](v (x \\(y\\) \\*)).\n")
    assert slots(out) == [("alt-attr1", "Mapa [1901] \\", "md-alt"),
                          ("title-attr1", 'Di "hola"', 'md-title"'),
                          ("title-attr2", "l'eau", "md-title'"),
                          ("title-attr3", "x (y) \\*", "md-title(")]


def test_empty_file_name_url_and_label_alt_texts_stay():
    text = ("![](x.png) ![photo.jpg](photo.jpg) ![https://ex.org/a.png](a.png) "
            "![Screenshot 2024.png](s.png) ![pic][] ![pic] ![A real picture][pic]\n\n"
            "[pic]: pic.png\n")
    assert slots(text) == [("alt-attr1", "A real picture", "md-alt")]


def test_reference_definition_title_is_a_unit_of_its_own():
    text = ("See ![Map][m] and [the ruling][r].\n\n"
            "[m]: map.png \"Map of \\\"the\\\" square\"\n[r]: <r.pdf> (The ruling)\n")
    doc = parse(text)
    assert [(u.ref, u.text) for u in doc.units] == [
        ("p1", "See <x1/> and <g2>the ruling</g2>."), ("alt-attr1", "Map"),
        ("title-attr1", 'Map of "the" square'), ("title-attr2", "The ruling")]
    out = translate(doc, {'Map of "the" square': 'Mapa de "la" plaza', "The ruling": "El (fallo)"})
    assert out.endswith('[m]: map.png "Mapa de \\"la\\" plaza"\n[r]: <r.pdf> (El \\(fallo\\))\n')


def test_inline_html_alt_and_title_are_translated_as_an_html_article_s():
    """Raw HTML in Markdown (an article converted from a web page): ``alt`` and ``title``
    are read with their character references decoded and written back escaped as
    attribute values, in either quotes; a ``<code>`` element's title stays code."""
    text = ('Police <img src="cam.png" alt="A camera &amp; its pole"> watched '
            "<abbr title='Federal Security Service'>FSB</abbr> agents "
            '<code title="a flag">-v</code>.\n')
    doc = parse(text)
    assert doc.source_text() == text
    para = doc.units[0]
    assert para.text == "Police <x1/> watched <g2>FSB</g2> agents <x3/>."
    assert [(s.code, s.unit.ref, s.unit.text, s.unit.escape) for s in para.slots] == [
        ("<x1/>", "alt-attr1", "A camera & its pole", "html-attr"),
        ("<g2>", "title-attr1", "Federal Security Service", "html-attr")]
    out = translate(doc, {"A camera & its pole": 'Une caméra & son "mât" <x>',
                          "Federal Security Service": "Service fédéral d'État"})
    assert out == ('Police <img src="cam.png" alt="Une caméra &amp; son &quot;mât&quot; '
                   '&lt;x&gt;"> watched <abbr title=\'Service fédéral d&#x27;État\'>FSB</abbr>'
                   ' agents <code title="a flag">-v</code>.\n')


def test_inline_html_alt_alone_in_a_link_or_cell_or_left_as_it_is():
    text = ('<img alt="A protester is detained" src="p.jpg">\n\n'
            '[photo <img alt="Inside a link" src=l.png>](u) here\n\n'
            "| a |\n|---|\n| <img alt='Cell photo' src=c.png> |\n\n"
            '<img alt="photo.jpg" src=p.jpg> <img alt=unquoted src=u.png> here\n\n'
            '> <img alt="Two\n> lines" src=q.png> quoted\n')
    doc = parse(text)
    assert doc.source_text() == text
    assert slots(text) == [("alt-attr1", "A protester is detained", "html-attr"),
                           ("alt-attr2", "Inside a link", "html-attr"),
                           ("alt-attr3", "Cell photo", "html-attr")]
    out = translate(doc, {"A protester is detained": "Un manifestante detenido",
                          "Cell photo": "Foto"})
    assert out.startswith('<img alt="Un manifestante detenido" src="p.jpg">\n\n')
    assert "| <img alt='Foto' src=c.png> |\n" in out


def test_round_trip_of_random_images_links_and_titles():
    pieces = ["![", "[", "]", "](", ")", " \"T t\"", " 'T'", " (P)", "\\", '"', "(", "alt ",
              "x.png", "`c`", "\n", "\n\n", "> ", "- ", "[r]: u \"D t\"\n", "[r]", "<code>",
              "</code>", '<img alt="A b" src=x>', "<a title='T &amp; t'>", "</a>", ' alt="']
    rng = random.Random(11)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        doc = parse(text)
        assert doc.source_text() == text, text
        render(doc, ['Z ] [ " \' ) \\' + u.text for u in doc.units], "es")
