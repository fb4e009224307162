"""CSV/TSV, XLSX and TBX: lossless round trips and one clear error per bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.formats import read_glossary, write_glossary
from glossary.model import Concept, GlossaryError, Term

STAMP = "2026-03-01T10:00:00Z"


def rich_concepts() -> list[Concept]:
    """Every field set at least once, several terms per language, every status and flag."""
    return [
        Concept("c1", "surveillance", "Identifying people from images of their faces.",
                "seen in every article", [
                    Term("en", "facial recognition", "preferred", "noun", note="main term",
                         source="style guide", created=STAMP, updated=STAMP),
                    Term("en", "face recognition", "admitted", created=STAMP, updated=STAMP),
                    Term("en", "FRT", "forbidden", case_sensitive=True, created=STAMP,
                         updated=STAMP),
                    Term("ru", "распознавание лиц", "preferred", "noun", created=STAMP,
                         updated=STAMP),
                    Term("ru", "идентификация лиц", "deprecated", created=STAMP, updated=STAMP),
                    Term("es", "reconocimiento facial", "preferred", created=STAMP,
                         updated=STAMP),
                    Term("es", "reconocimiento de caras", "superseded", created=STAMP,
                         updated=STAMP)],
                STAMP, STAMP),
        Concept("c2", "", "", "", [
            Term("en", "Telegram", case_sensitive=True, dnt=True, created=STAMP, updated=STAMP),
            Term("ru", "Telegram", dnt=True, created=STAMP, updated=STAMP)], STAMP, STAMP),
    ]


def by_language(concepts: list[Concept]) -> list[Concept]:
    """Terms grouped by language (order within a language kept): tables group them so."""
    for concept in concepts:
        concept.terms.sort(key=lambda t: ("en", "ru", "es").index(t.lang))
    return concepts


@pytest.mark.parametrize("name", ["g.csv", "g.tsv", "g.xlsx", "g.tbx"])
def test_api_round_trip_loses_nothing(tmp_path, name):
    concepts = rich_concepts()
    write_glossary(tmp_path / name, concepts)
    assert by_language(read_glossary(tmp_path / name)) == by_language(rich_concepts())


@pytest.mark.parametrize("name", ["g.csv", "g.xlsx"])
def test_two_column_form_round_trip(tmp_path, name):
    concepts = [Concept(terms=[Term("en", "court"), Term("ru", "суд")]),
                Concept(terms=[Term("en", "lawyer"), Term("ru", "адвокат")])]
    path = tmp_path / name
    write_glossary(path, concepts, source="en", target="ru")
    back = read_glossary(path, source="en", target="ru")
    assert [[(t.lang, t.text) for t in c.terms] for c in back] == [
        [("en", "court"), ("ru", "суд")], [("en", "lawyer"), ("ru", "адвокат")]]


def test_weblate_and_deepl_pairs(tmp_path):
    weblate = tmp_path / "weblate.csv"
    weblate.write_text("source,target\ncourt,tribunal\n", encoding="utf-8")
    deepl = tmp_path / "deepl.csv"
    deepl.write_text("court,tribunal\nlawyer,abogado\n", encoding="utf-8")
    deepl4 = tmp_path / "deepl4.csv"
    deepl4.write_text("court,tribunal,EN,ES\n", encoding="utf-8")
    for path, size in ((weblate, 1), (deepl, 2), (deepl4, 1)):
        concepts = read_glossary(path, source="en", target="es")
        assert len(concepts) == size
        assert (concepts[0].terms[0].lang, concepts[0].terms[1].text) == ("en", "tribunal")
    out = tmp_path / "out.csv"
    write_glossary(out, read_glossary(deepl, source="en", target="es"), source="en",
                   target="es", header=False)
    assert out.read_text(encoding="utf-8") == "court,tribunal\nlawyer,abogado\n"


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


TBX_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" '
            'type="TBX-Basic" style="dca" xml:lang="en"><tbxHeader/><text><body>\n')
TBX_TAIL = "</body></text></tbx>\n"


def _tbx_entry(lang: str = "en", term: str = "court", status: str = "preferredTerm-admn-sts"):
    return (f'<conceptEntry id="c1"><langSec xml:lang="{lang}"><termSec><term>{term}</term>'
            f'<termNote type="administrativeStatus">{status}</termNote></termSec></langSec>'
            "</conceptEntry>\n")


BAD_FILES = {
    "missing-language-column.csv": ("subject,note\nlaw,x\n", "missing columns"),
    "missing-column.csv": ("ru,en_status\nсуд,preferred\n", "missing column 'en'"),
    "extra-column.csv": ("en,ru,colour\ncourt,суд,red\n", "extra column 'colour'"),
    "extra-field.csv": ("en,ru\ncourt,суд\nlawyer,адвокат,abogado\n",
                        "line 3: extra columns"),
    "short-row.csv": ("en,ru,es\ncourt,суд,tribunal\nlawyer,адвокат\n",
                      "line 3: missing columns"),
    # (a concept table: two language columns alone are a two-column glossary, which merges)
    "duplicate-rows.csv": ("en,ru,note\ncourt,суд,\npolice,полиция,\ncourt,суд,\n",
                           "line 4: duplicate of line 2"),
    "conflicting-rows.csv": ("en,ru,note\ncourt,суд,\ncourt,трибунал,\n",
                             "line 3: conflicting row: its en term 'court' is also in line 2"),
    "unknown-status.csv": ("en,en_status\ncourt,favourite\n", "line 2: unknown status"),
    "empty-term.csv": ("en,ru,note\ncourt,суд,\n,,orphan note\n", "line 3: empty term"),
    "empty-term-with-status.csv": ("en,en_status,ru\n ,preferred,суд\n",
                                   "line 2: empty term: en is empty but en_status is set"),
    "unknown-language.csv": ("en,fr\ncourt,tribunal\n", "unknown language code 'fr'"),
    "empty-synonym.csv": ("en,ru\ncourt |  | tribunal,суд\n", "line 2: empty term"),
    # ("|" lists synonyms: such a file is a concept table even with two language columns)
    "unknown-flag.csv": ("en,en_flags\ncourt,shiny\n", "line 2: unknown flag"),
    "invalid-utf8.csv": (b"en,ru\ncourt,\xd1\n", "line 2: invalid UTF-8"),
    "binary.csv": (b"\x00\x01\x02garbage", "binary file"),
    "empty.csv": ("", "file is empty"),
    "no-header.tsv": ("court\tсуд\n", "no header row"),
    "malformed.tbx": (TBX_HEAD + "<conceptEntry id='c1'><langSec>" + TBX_TAIL,
                      "malformed XML"),
    "not-tbx.tbx": ('<?xml version="1.0"?>\n<html><body/></html>\n', "not TBX"),
    "empty-martif.tbx": ('<?xml version="1.0"?>\n<martif type="TBX"><text><body/></text>'
                         '</martif>\n', "no glossary entries found"),
    "martif-ntig.tbx": ('<?xml version="1.0"?>\n<martif type="TBX"><text><body>\n<termEntry>'
                        '<langSet xml:lang="en"><ntig/></langSet></termEntry></body></text>'
                        '</martif>\n', "line 3: <ntig>: not supported"),
    "wrong-dialect.tbx": (TBX_HEAD.replace("TBX-Basic", "TBX-Min") + TBX_TAIL,
                          'expected type="TBX-Basic"'),
    "unknown-language.tbx": (TBX_HEAD + _tbx_entry(lang="fr") + TBX_TAIL,
                             "line 3: <langSec>: unknown language code 'fr'"),
    "unknown-status.tbx": (TBX_HEAD + _tbx_entry(status="bestTerm-admn-sts") + TBX_TAIL,
                           "line 3: <termNote>: unknown administrativeStatus"),
    "empty-term.tbx": (TBX_HEAD + _tbx_entry(term=" ") + TBX_TAIL, "line 3: <term>: empty term"),
    "duplicate-id.tbx": (TBX_HEAD + _tbx_entry() + _tbx_entry(term="judge") + TBX_TAIL,
                         "duplicate concept id 'c1'"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_names_the_problem(tmp_path, name):
    content, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(GlossaryError) as error:
        read_glossary(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_xlsx_without_header_row(tmp_path):
    path = _xlsx(tmp_path / "g.xlsx", [["court", "суд"], ["lawyer", "адвокат"]])
    with pytest.raises(GlossaryError, match="row 1: no header row"):
        read_glossary(path)


def test_xlsx_with_extra_cells_beyond_the_header(tmp_path):
    path = _xlsx(tmp_path / "g.xlsx", [["en", "ru"], ["court", "суд", "tribunal"]])
    with pytest.raises(GlossaryError, match="row 2: extra columns"):
        read_glossary(path)


def test_pairs_need_languages(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text("source,target\ncourt,суд\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="--from and --to"):
        read_glossary(path)
    with pytest.raises(GlossaryError, match="unknown language code 'fr'"):
        read_glossary(path, source="en", target="fr")
