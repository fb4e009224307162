"""Glossaries as DeepL, Weblate and translate-toolkit write and read them (issue 11).

A two-column glossary lists pairs: shared targets, case repeats and a second
target are accepted (the last two with a warning naming both lines); TBX 2 is
read and written so that translate-toolkit's own TBX class reads it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from glossary.formats import read_glossary, write_glossary
from glossary.model import Concept, GlossaryError, Term

from .test_formats import by_language, rich_concepts

#: A Weblate-style en->es glossary: names, places, institutions, as a newsroom keeps them.
PAIRS = [
    ("Japan", "Japón"), ("Japans", "Japón"), ("US", "EE. UU."), ("United States", "EE. UU."),
    ("Great Pyramid", "Gran Pirámide"), ("Moscow", "Moscú"), ("Kremlin", "Kremlin"),
    ("European Union", "Unión Europea"), ("EU", "UE"), ("Security Council", "Consejo de Seguridad"),
    ("Supreme Court", "Tribunal Supremo"), ("facial recognition", "reconocimiento facial"),
    ("metro", "metro"), ("mayor", "alcalde"), ("press release", "comunicado de prensa"),
    ("Red Cross", "Cruz Roja"), ("World Health Organization", "Organización Mundial de la Salud"),
    ("WHO", "OMS"), ("Germany", "Alemania"), ("London", "Londres"), ("New York", "Nueva York"),
    ("Cologne", "Colonia"), ("Brazil", "Brasil"), ("Mexico City", "Ciudad de México"),
    ("great pyramid", "gran pirámide"), ("Pacific Ocean", "océano Pacífico"),
    ("Amazon River", "río Amazonas"), ("Milky Way", "Vía Láctea"), ("Earth", "Tierra"),
    ("Moscow", "Moscú"), ("Olympic Games", "Juegos Olímpicos"), ("Olympics", "Juegos Olímpicos"),
    ("North Pole", "Polo Norte"), ("Prime Minister", "primer ministro"),
    ("Foreign Ministry", "Ministerio de Asuntos Exteriores"), ("Telegram", "Telegram"),
]
WEBLATE_HEADER = ["location", "source", "target", "id", "fuzzy", "context",
                  "translator_comments", "developer_comments"]


def weblate_csv(path: Path, pairs: list[tuple[str, str]]) -> Path:
    """The CSV Weblate's "download" gives for a glossary: eight quoted columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(WEBLATE_HEADER)
    for source, target in pairs:
        writer.writerow(["", source, target, "", "False", "", "", ""])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def terms(concept: Concept) -> list[tuple[str, str, str]]:
    return [(t.lang, t.text, t.status) for t in concept.terms]


def concept_with(concepts: list[Concept], lang: str, text: str) -> Concept:
    return next(c for c in concepts if c.find_term(lang, text))


def test_a_weblate_glossary_imports_as_is(tmp_path):
    warnings: list[str] = []
    concepts = read_glossary(weblate_csv(tmp_path / "glossary-es.csv", PAIRS), source="en",
                             target="es", warn=warnings.append)
    assert terms(concept_with(concepts, "en", "Japans")) == [
        ("en", "Japan", "preferred"), ("es", "Japón", "preferred"), ("en", "Japans", "admitted")]
    assert terms(concept_with(concepts, "es", "EE. UU.")) == [
        ("en", "US", "preferred"), ("es", "EE. UU.", "preferred"),
        ("en", "United States", "admitted")]
    assert terms(concept_with(concepts, "en", "Olympics"))[-1] == ("en", "Olympics", "admitted")
    # Japan/Japans, US/United States, Olympic Games/Olympics share a concept; Great Pyramid's
    # case repeat and Moscow's exact repeat are merged: 36 rows, 31 concepts.
    assert len(concepts) == len(PAIRS) - 5
    case, repeat = warnings
    assert "line 26 ('great pyramid' -> 'gran pirámide')" in case and "line 6" in case
    assert repeat.startswith("1 row repeat an earlier row exactly (line 31)")


def test_a_header_of_two_language_codes_is_a_two_column_glossary(tmp_path):
    """``en,es`` and nothing else: shared and case-only targets import without --from/--to."""
    path = tmp_path / "names.csv"
    path.write_text("en,es\nHouse,Cámara de Representantes\n"
                    "House of Representatives,cámara de representantes\nJapan,Japón\n",
                    encoding="utf-8")
    concepts = read_glossary(path)
    assert terms(concept_with(concepts, "en", "House of Representatives")) == [
        ("en", "House", "preferred"), ("es", "Cámara de Representantes", "preferred"),
        ("en", "House of Representatives", "admitted")]
    assert len(concepts) == 2
    path.write_text("es,en\nJapón,Japan\n", encoding="utf-8")
    assert terms(read_glossary(path)[0]) == [("es", "Japón", "preferred"),
                                             ("en", "Japan", "preferred")]


def test_a_second_target_is_an_admitted_variant_with_a_warning(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text("source,target\nbank,banco\nloan,préstamo\nbank,entidad bancaria\n",
                    encoding="utf-8")
    warnings: list[str] = []
    concepts = read_glossary(path, source="en", target="es", warn=warnings.append)
    assert terms(concepts[0]) == [("en", "bank", "preferred"), ("es", "banco", "preferred"),
                                  ("es", "entidad bancaria", "admitted")]
    assert warnings == ["line 4: the en term 'bank' already has the es term 'banco' (line 2); "
                        "'entidad bancaria' is kept as an admitted variant"]


def test_two_preferred_targets_for_one_term_are_refused_naming_both_lines(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text("source,target,notes\nbank,banco,\nloan,préstamo,\nbank,orilla,preferred\n",
                    encoding="utf-8")
    with pytest.raises(GlossaryError) as error:
        read_glossary(path, source="en", target="es")
    assert "the en term 'bank' has two preferred es terms, 'banco' (line 2) and 'orilla' " \
        "(line 4)" in str(error.value)


DELIMITED = {
    "european-excel.csv": b"\xef\xbb\xbfsource;target\r\nWashington, D.C.;Washington D. C.\r\n"
                          b"Japan;Jap\xc3\xb3n\r\n",
    "tabs.csv": "source\ttarget\nWashington, D.C.\tWashington D. C.\nJapan\tJapón\n".encode(),
    "commas.csv": 'source,target\n"Washington, D.C.",Washington D. C.\nJapan,Japón\n'.encode(),
    "semicolon-deepl.csv": "Washington, D.C.;Washington D. C.\nJapan;Japón\n".encode(),
    "commas.tsv": "source,target\nWashington; D.C.,Washington D. C.\nJapan,Japón\n".encode(),
}


@pytest.mark.parametrize("name", sorted(DELIMITED))
def test_comma_semicolon_and_tab_delimiters_are_detected(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(DELIMITED[name])
    concepts = read_glossary(path, source="en", target="es")
    assert [[t.text for t in c.terms] for c in concepts][1] == ["Japan", "Japón"]
    assert concepts[0].terms[1].text == "Washington D. C."


def test_a_semicolon_concept_table_is_read_by_its_columns(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text("en;es;es_status\ncourt;tribunal;preferred\nlawyer;abogado;admitted\n",
                    encoding="utf-8")
    assert [terms(c) for c in read_glossary(path)][1] == [
        ("en", "lawyer", "preferred"), ("es", "abogado", "admitted")]


def variant_concepts() -> list[Concept]:
    return [Concept("c1", terms=[Term("en", "Japan"), Term("en", "Japans", "admitted"),
                                 Term("es", "Japón"), Term("es", "Nipón", "admitted"),
                                 Term("es", "Xapón", "forbidden")]),
            Concept("c2", terms=[Term("en", "court"), Term("es", "tribunal")])]


def test_the_two_column_export_keeps_admitted_variants_marked(tmp_path):
    path = tmp_path / "pairs.csv"
    write_glossary(path, variant_concepts(), source="en", target="es")
    assert path.read_text(encoding="utf-8") == (
        "source,target,notes\nJapan,Japón,\nJapans,Japón,admitted\nJapan,Nipón,admitted\n"
        "court,tribunal,\n")
    warnings: list[str] = []
    back = read_glossary(path, source="en", target="es", warn=warnings.append)
    assert warnings == []
    assert by_language(back)[0].terms == by_language(variant_concepts())[0].terms[:4]
    deepl = tmp_path / "deepl.csv"
    write_glossary(deepl, variant_concepts(), source="en", target="es", header=False)
    assert deepl.read_text(encoding="utf-8").splitlines()[:2] == ["Japan,Japón", "Japans,Japón"]
    assert {len(row) for row in csv.reader(deepl.open(encoding="utf-8"))} == {2}


def test_tbx2_round_trip_loses_nothing(tmp_path):
    path = tmp_path / "g.tbx"
    write_glossary(path, rich_concepts(), "tbx2")
    assert path.read_bytes().splitlines()[1].startswith(b"<martif")
    assert by_language(read_glossary(path)) == by_language(rich_concepts())


def test_translate_toolkit_reads_the_tbx2_export(tmp_path):
    from translate.storage.tbx import tbxfile

    path = tmp_path / "g.tbx"
    write_glossary(path, rich_concepts(), "tbx2")
    store = tbxfile.parsestring(path.read_bytes(), sourcelanguage="en", targetlanguage="es")
    face, telegram = store.units
    assert (face.source, face.target) == ("facial recognition", "reconocimiento facial")
    statuses = {t.text: t.administrative_status for t in face.get_source_terms()}
    assert statuses == {"facial recognition": "preferredTerm-admn-sts",
                        "face recognition": "admittedTerm-admn-sts", "FRT": "forbidden"}
    assert [t.text for t in face.get_target_terms()] == ["reconocimiento facial",
                                                         "reconocimiento de caras"]
    assert "main term" in face.getnotes() and face.istranslatable()
    assert telegram.source == "Telegram" and not telegram.istranslatable()


def test_a_tbx2_file_written_by_translate_toolkit_imports(tmp_path):
    from translate.storage.tbx import tbxfile

    store = tbxfile(sourcelanguage="en", targetlanguage="es")
    japan = store.addsourceunit("Japan")
    japan.settarget("Japón")
    japan.addnote("Island nation in East Asia", origin="definition")
    japan.addnote("Not 'el Japón'", origin="translator")
    us = store.addsourceunit("United States")
    us.set_source_terms(["United States", "US"])
    us.set_target_terms(["Estados Unidos", "EE. UU."])
    path = tmp_path / "tt.tbx"
    path.write_bytes(bytes(store))
    first, second = read_glossary(path)
    assert terms(first) == [("en", "Japan", "preferred"), ("es", "Japón", "preferred")]
    assert (first.definition, first.note) == ("Island nation in East Asia", "Not 'el Japón'")
    assert terms(second) == [("en", "United States", "preferred"), ("en", "US", "admitted"),
                             ("es", "Estados Unidos", "preferred"), ("es", "EE. UU.", "admitted")]


def _tbx2(entry: str) -> str:
    return ('<?xml version="1.0"?>\n<martif type="TBX"><text><body>\n'
            f"{entry}\n</body></text></martif>\n")


def test_weblate_statuses_and_usage_notes_are_kept(tmp_path):
    path = tmp_path / "weblate.tbx"
    path.write_text(_tbx2(
        '<termEntry><descrip type="Translation needed">No</descrip>'
        '<langSet xml:lang="en"><tig><term>Telegram</term></tig></langSet></termEntry>\n'
        '<termEntry><langSet xml:lang="en"><tig><term>cop</term>'
        '<termNote type="administrativeStatus">obsolete</termNote></tig>'
        '<tig><term>police officer</term>'
        '<termNote type="usageNote">Use in headlines only</termNote></tig>'
        '<tig><term>pig</term><termNote type="administrativeStatus">forbidden</termNote>'
        '</tig></langSet></termEntry>'), encoding="utf-8")
    telegram, police = read_glossary(path)
    assert telegram.terms[0].dnt
    assert [(t.text, t.status, t.note) for t in police.terms] == [
        ("cop", "deprecated", ""), ("police officer", "admitted", "Use in headlines only"),
        ("pig", "forbidden", "")]


def test_a_free_text_usage_note_in_tbx_basic_is_a_note(tmp_path):
    path = tmp_path / "basic.tbx"
    write_glossary(path, [Concept("c1", terms=[Term("en", "court", note="civil cases")])])
    path.write_text(path.read_text(encoding="utf-8").replace(
        "<note>civil cases</note>",
        '<termNote type="usageNote">Capitalise in names, e.g. Supreme Court</termNote>'),
        encoding="utf-8")
    assert read_glossary(path)[0].terms[0].note == "Capitalise in names, e.g. Supreme Court"


@pytest.mark.slow
def test_import_warns_and_tbx2_export_round_trips_from_the_cli(tmp_path):
    from tests.conftest import run_cli

    db, again = str(tmp_path / "g.db"), str(tmp_path / "again.db")
    path = weblate_csv(tmp_path / "glossary-es.csv", PAIRS)
    imported = run_cli("glossary", "import", "-g", db, str(path), "--from", "en", "--to", "es")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(f"imported {len(PAIRS) - 5} concepts")
    assert [line.split(":")[:2] for line in imported.stderr.splitlines()] == [
        ["triglot", " warning"]] * 2
    exported = run_cli("glossary", "export", "-g", db, str(tmp_path / "g.tbx"), "--format",
                       "tbx2")
    assert exported.returncode == 0, exported.stderr
    assert run_cli("glossary", "import", "-g", again, str(tmp_path / "g.tbx")).returncode == 0
    listed = [json.loads(run_cli("glossary", "list", "-g", name, "--json").stdout)
              for name in (db, again)]
    for concepts in listed:  # TBX groups terms by language
        for concept in concepts:
            concept["terms"].sort(key=lambda t: t["lang"])
    assert listed[0] == listed[1]
