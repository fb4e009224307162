"""The translation memory and its TMX exchange."""

from __future__ import annotations

import sqlite3

import pytest
from rapidfuzz import fuzz

from tests.conftest import run_cli
from translator.core.errors import TriglotError
from translator.review.tm import RUN_MEMORY, TMUnit, TranslationMemory, memory_path
from translator.review.tmx import read_tmx

UNITS = [
    TMUnit("ru", "en", "Суд отклонил жалобу редакции.", "The court rejected the appeal."),
    TMUnit("ru", "es", "Суд отклонил жалобу редакции.", "El tribunal rechazó el recurso."),
    TMUnit("en", "es", "Read the <g1>full ruling</g1> here.<x1/>",
           "Lea aquí la <g1>sentencia completa</g1>.<x1/>"),
]


def memory_with(path, units=UNITS) -> TranslationMemory:
    memory = TranslationMemory(path, create=True)
    memory.add(units)
    return memory


def test_exact_lookup_per_language_pair_and_the_latest_review_wins(tmp_path):
    with memory_with(tmp_path / "tm.sqlite3") as memory:
        source = UNITS[0].source
        assert memory.exact("ru", "en", [source, "Другое."]) == {source: UNITS[0].target}
        assert memory.exact("ru", "es", [source]) == {source: UNITS[1].target}
        assert memory.exact("en", "ru", [source]) == {}
        memory.add([TMUnit("ru", "en", source, "The court threw out the appeal.",
                           changed="2999-01-01T00:00:00Z")])
        assert memory.exact("ru", "en", [source]) == {source: "The court threw out the appeal."}


def test_fuzzy_suggestions_start_at_75_percent(tmp_path):
    with memory_with(tmp_path / "tm.sqlite3") as memory:
        close = "Суд отклонил жалобу редакции газеты."
        far = "Суд принял жалобу."
        source = UNITS[0].source
        assert fuzz.ratio(close, source) >= 75 > fuzz.ratio(far, source)
        [suggestion] = memory.fuzzy("ru", "en", close)
        assert suggestion.target == UNITS[0].target and suggestion.score >= 75
        assert memory.fuzzy("ru", "en", far) == []
        assert memory.fuzzy("ru", "en", source) == []  # the exact match is not a suggestion


def test_reading_a_missing_memory_creates_nothing(tmp_path):
    path = tmp_path / "nowhere" / "tm.sqlite3"
    with TranslationMemory(path) as memory:
        assert memory.exact("ru", "en", ["Суд."]) == {}
    assert not path.parent.exists()


def test_the_default_memory_is_the_run_folders_and_tm_or_the_variable_name_another(
        monkeypatch, tmp_path):
    run = tmp_path / "out"
    assert memory_path(None, run) == run / RUN_MEMORY
    run.mkdir()
    assert memory_path(run, tmp_path / "other") == run / RUN_MEMORY  # a run folder's memory
    monkeypatch.setenv("TRIGLOT_TM", str(tmp_path / "mine.sqlite3"))
    assert memory_path(None, run) == tmp_path / "mine.sqlite3"
    assert memory_path(tmp_path / "x.sqlite3", run) == tmp_path / "x.sqlite3"
    monkeypatch.delenv("TRIGLOT_TM")
    with pytest.raises(TriglotError, match="which translation memory"):
        memory_path(None, None)


def test_a_file_that_is_not_a_memory_is_refused(tmp_path):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    with pytest.raises(TriglotError, match="not a triglot translation memory"):
        TranslationMemory(other)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(TriglotError, match="not a triglot translation memory"):
        TranslationMemory(junk)


def test_tmx_round_trip_through_the_cli_keeps_every_unit(tmp_path):
    first = tmp_path / "first.sqlite3"
    memory_with(first).close()
    tmx = tmp_path / "memory.tmx"
    done = run_cli("tm", "export", str(tmx), "--tm", str(first))
    assert done.returncode == 0, done.stderr
    text = tmx.read_text(encoding="utf-8")
    assert '<tmx version="1.4">' in text and 'xml:lang="ru"' in text
    assert '<bpt i="1">&lt;g1&gt;</bpt>' in text and "<ph x=\"1\">" in text

    second = tmp_path / "second.sqlite3"
    done = run_cli("tm", "import", str(tmx), "--tm", str(second))
    assert done.returncode == 0, done.stderr
    with TranslationMemory(first) as a, TranslationMemory(second) as b:
        assert list(a.units()) == list(b.units())


def test_a_tmx_from_another_tool_is_read(tmp_path):
    tmx = tmp_path / "other.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="X" '
        'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="en-US" '
        'datatype="plaintext"/><body>'
        '<tu><tuv xml:lang="en-US"><seg>The <bpt i="1">&lt;b&gt;</bpt>court<ept i="1">&lt;/b&gt;'
        '</ept> adjourned.</seg></tuv><tuv xml:lang="es-ES"><seg>El <bpt i="1">&lt;b&gt;</bpt>'
        'tribunal<ept i="1">&lt;/b&gt;</ept> levantó la sesión.</seg></tuv>'
        '<tuv xml:lang="de-DE"><seg>Das Gericht vertagte.</seg></tuv></tu></body></tmx>',
        encoding="utf-8")
    assert read_tmx(tmx) == [TMUnit("en", "es", "The <g1>court</g1> adjourned.",
                                    "El <g1>tribunal</g1> levantó la sesión.")]


@pytest.mark.parametrize("content, problem", [
    ("<html><body>not a memory</body></html>", "the root element is <html>, not <tmx>"),
    ('<tmx version="1.4"><header/><body><tu>', "not well-formed XML"),
    ("id,en,ru\n1,court,суд\n", "not well-formed XML"),
    ('<tmx version="2.0"><header/><body/></tmx>', "unsupported TMX version 2.0"),
    ('<tmx version="1.4"><body/></tmx>', "<header> or <body> is missing"),
])
def test_a_file_that_is_not_tmx_gets_one_error_and_the_memory_is_untouched(tmp_path, content,
                                                                          problem):
    memory = tmp_path / "tm.sqlite3"
    memory_with(memory).close()
    before = memory.read_bytes()
    bad = tmp_path / "bad.tmx"
    bad.write_text(content, encoding="utf-8")
    done = run_cli("tm", "import", str(bad), "--tm", str(memory))
    assert done.returncode == 2
    assert done.stderr.startswith(f"triglot: error: {bad}: ")
    assert problem in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert memory.read_bytes() == before
    fresh = tmp_path / "fresh.sqlite3"
    assert run_cli("tm", "import", str(bad), "--tm", str(fresh)).returncode == 2
    assert not fresh.exists()
