"""``tm import`` of a TMX with entities, or with units it cannot use.

A DOCTYPE declaring an external entity used in a segment imported nothing and
said "imported 0 translation pairs", exit 0; units in other languages or with
an empty segment vanished without a word. Now entities are refused in one line
as in TBX, skipped units are counted in one warning, and a TMX of which nothing
could be imported is an error that leaves the memory as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.robustness.conftest import one_line
from translator.review.tm import TranslationMemory

HEADER = ('<tmx version="1.4"><header creationtool="x" creationtoolversion="1" '
          'segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>'
          "<body>\n{units}</body></tmx>\n")
GOOD = ('<tu><tuv xml:lang="en"><seg>The court adjourned.</seg></tuv>'
        '<tuv xml:lang="es"><seg>El tribunal levantó la sesión.</seg></tuv></tu>\n')
OTHER_LANGUAGES = ('<tu><tuv xml:lang="de"><seg>Das Gericht vertagte.</seg></tuv>'
                   '<tuv xml:lang="fr"><seg>Le tribunal a ajourné.</seg></tuv></tu>\n')
ONE_OF_OURS = ('<tu><tuv xml:lang="en"><seg>The appeal.</seg></tuv>'
               '<tuv xml:lang="de"><seg>Die Berufung.</seg></tuv></tu>\n')
EMPTY = ('<tu><tuv xml:lang="en"><seg>The ruling.</seg></tuv>'
         '<tuv xml:lang="es"><seg>  </seg></tuv></tu>\n')
ENTITY_UNIT = ('<tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv>'
               '<tuv xml:lang="es"><seg>Hola.</seg></tuv></tu>\n')
DOCTYPES = {
    "external": '<!DOCTYPE tmx [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n',
    "internal": '<!DOCTYPE tmx [\n<!ENTITY xxe "court">\n]>\n',
    "external subset": '<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n',
}


def tmx_file(tmp_path: Path, units: str, doctype: str = "") -> Path:
    path = tmp_path / "in.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype
                    + HEADER.format(units=units), encoding="utf-8")
    return path


def pairs(memory: Path) -> list[tuple[str, str]]:
    with TranslationMemory(memory) as tm:
        return [(u.source, u.target) for u in tm.units()]


@pytest.mark.parametrize("kind", sorted(DOCTYPES))
def test_entities_are_refused_in_one_line_and_no_memory_is_made(tmp_path, kind):
    path = tmx_file(tmp_path, GOOD + ENTITY_UNIT, DOCTYPES[kind])
    memory = tmp_path / "tm.sqlite3"
    done = run_cli("tm", "import", str(path), "--tm", str(memory))
    assert done.returncode == 2, done.stderr
    line = one_line(done.stderr)
    assert line.startswith(f"triglot: error: {path}: line ")
    assert "the DOCTYPE declares entities (xxe)" in line
    assert done.stdout == "" and not memory.exists()


def test_a_doctype_without_entities_is_still_read(tmp_path):
    path = tmx_file(tmp_path, GOOD, '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    memory = tmp_path / "tm.sqlite3"
    done = run_cli("tm", "import", str(path), "--tm", str(memory))
    assert done.returncode == 0, done.stderr
    assert pairs(memory) == [("The court adjourned.", "El tribunal levantó la sesión.")]


def test_skipped_units_are_counted_in_one_warning_and_the_rest_imported(tmp_path):
    path = tmx_file(tmp_path, OTHER_LANGUAGES + GOOD + ONE_OF_OURS + EMPTY)
    memory = tmp_path / "tm.sqlite3"
    done = run_cli("tm", "import", str(path), "--tm", str(memory))
    assert done.returncode == 0, done.stderr
    line = one_line(done.stderr)
    assert line == (f"triglot: warning: {path}: 3 translation units skipped (2 without two of "
                    "the languages ru, en, es; 1 with an empty segment)")
    assert "imported 1 translation pair" in done.stdout
    assert pairs(memory) == [("The court adjourned.", "El tribunal levantó la sesión.")]


def test_a_tmx_with_nothing_to_import_is_an_error_and_the_memory_unchanged(tmp_path):
    memory = tmp_path / "tm.sqlite3"
    assert run_cli("tm", "import", str(tmx_file(tmp_path, GOOD)), "--tm",
                   str(memory)).returncode == 0
    before = memory.read_bytes()
    path = tmx_file(tmp_path, OTHER_LANGUAGES + EMPTY)
    done = run_cli("tm", "import", str(path), "--tm", str(memory))
    assert done.returncode == 2, done.stderr
    line = one_line(done.stderr)
    assert line.startswith(f"triglot: error: {path}: nothing imported, 2 translation units "
                           "skipped (1 without two of the languages ru, en, es; 1 with an "
                           "empty segment)")
    assert memory.read_bytes() == before
    fresh = tmp_path / "fresh.sqlite3"
    assert run_cli("tm", "import", str(path), "--tm", str(fresh)).returncode == 2
    assert not fresh.exists()


def test_a_tmx_without_units_is_still_an_empty_import(tmp_path):
    done = run_cli("tm", "import", str(tmx_file(tmp_path, "")), "--tm",
                   str(tmp_path / "tm.sqlite3"))
    assert done.returncode == 0 and done.stderr == ""
    assert "imported 0 translation pairs" in done.stdout
