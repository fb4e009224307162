"""Inputs that cannot be used say so in one line and exit non-zero (issue 12, inputs).

  * ``translate EMPTY_DIR``: exit 0, a warning and "0 read" -> one line, exit 2.
  * ``glossary find --file -``: stdin decoded by the locale, NULs and bad UTF-8
    searched -> refused as a file with the same bytes is.
  * ``-g w/newdir/``: a database FILE ``w/newdir`` created -> refused in one line.
  * a folder where a file is expected: click's three-line usage block -> one line.
"""

from __future__ import annotations

import pytest

from tests.robustness.cli_run import fake_engine, make_termbase, triglot  # noqa: F401
from tests.robustness.conftest import listing, one_line

# -- translate with nothing to translate -----------------------------------------------------


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize("contents", [{}, {"notes.csv": "a,b\n"}])
def test_translating_a_folder_without_articles_is_refused(tmp_path, contents, monkeypatch,
                                                          capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in contents.items():
        (folder / name).write_text(text, encoding="utf-8")
    done = triglot(monkeypatch, capsys, "translate", folder, "--from", "ru", "--to", "en",
                   "--out", tmp_path / "out")
    assert done.code == 2
    assert one_line(done.stderr) == (f"triglot: error: {folder}: no .txt, .md or .html files "
                                     "found")
    assert listing(tmp_path / "out") == []


@pytest.mark.usefixtures("fake_engine")
def test_an_empty_folder_beside_articles_is_only_a_warning(tmp_path, monkeypatch, capsys):
    full, empty = tmp_path / "full", tmp_path / "empty"
    full.mkdir()
    empty.mkdir()
    (full / "a.txt").write_text("Суд оштрафовал активиста.\n", encoding="utf-8")
    done = triglot(monkeypatch, capsys, "translate", full, empty, "--from", "ru", "--to", "en",
                   "--out", tmp_path / "out")
    assert done.code == 0, done.stderr
    assert (tmp_path / "out" / "en" / "a.txt").is_file()
    assert "no .txt, .md or .html files found" in done.stderr


# -- stdin checked like a file ---------------------------------------------------------------


@pytest.mark.parametrize(("data", "problem"), [
    (b"the court\x00 fined", "binary file, not text (NUL byte at offset 9)"),
    (b"the court \xff fined", "invalid UTF-8 at line 1, column 11 (byte offset 10): byte 0xff"),
    (b"", "empty file"),
])
def test_glossary_find_refuses_bad_stdin_in_one_line(tmp_path, data, problem, monkeypatch,
                                                     capsys):
    termbase = make_termbase(tmp_path / "g.db")
    done = triglot(monkeypatch, capsys, "glossary", "find", "-g", termbase, "--file", "-",
                   stdin=data)
    assert done.code == 2
    line = one_line(done.stderr)
    assert line.startswith("triglot: error: -: ") and problem in line


def test_glossary_find_reads_good_stdin(tmp_path, monkeypatch, capsys):
    termbase = make_termbase(tmp_path / "g.db")
    done = triglot(monkeypatch, capsys, "glossary", "find", "-g", termbase, "--file", "-",
                   "--lang", "en", stdin="\ufeffthe court ruled\n".encode())
    assert done.code == 0, done.stderr
    assert "court" in done.stdout and "c1" in done.stdout


# -- a folder named where a file belongs -----------------------------------------------------


def test_a_glossary_named_with_a_trailing_slash_is_refused(tmp_path, monkeypatch, capsys):
    (tmp_path / "w").mkdir()
    named = f"{tmp_path / 'w' / 'newdir'}/"
    done = triglot(monkeypatch, capsys, "glossary", "add", "-g", named, "--en", "court")
    assert done.code == 2
    assert one_line(done.stderr) == (f"triglot: error: {named}: names a folder (it ends with "
                                     "/); a file was expected")
    assert listing(tmp_path / "w") == []


def test_a_glossary_variable_with_a_trailing_slash_is_refused(tmp_path, monkeypatch, capsys):
    (tmp_path / "w").mkdir()
    monkeypatch.setenv("TRIGLOT_GLOSSARY", f"{tmp_path / 'w' / 'newdir'}/")
    done = triglot(monkeypatch, capsys, "glossary", "add", "--en", "court")
    assert done.code == 2 and "names a folder" in one_line(done.stderr)
    assert listing(tmp_path / "w") == []


COMMANDS = {
    "check --source": ["check", "--source", "{dir}", "--translation", "{file}"],
    "check --translation": ["check", "--source", "{file}", "--translation", "{dir}"],
    "eval --hyp": ["eval", "--hyp", "{dir}", "--ref", "{file}"],
    "glossary import": ["glossary", "import", "-g", "{tmp}/g.db", "{dir}"],
    "glossary -g": ["glossary", "list", "-g", "{dir}"],
    "glossary export": ["glossary", "export", "-g", "{tmp}/g.db", "{dir}"],
    "tm import": ["tm", "import", "--tm", "{tmp}/tm.sqlite3", "{dir}"],
    "report -o": ["report", "{tmp}", "-o", "{dir}"],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_where_a_file_belongs_is_one_line(tmp_path, command, monkeypatch, capsys):
    folder = tmp_path / "folder"
    folder.mkdir()
    (tmp_path / "file.txt").write_text("The court.\n", encoding="utf-8")
    args = [arg.format(dir=folder, file=tmp_path / "file.txt", tmp=tmp_path)
            for arg in COMMANDS[command]]
    done = triglot(monkeypatch, capsys, *args)
    assert done.code == 2
    assert one_line(done.stderr) == f"triglot: error: {folder}: is a directory, expected a file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "folder"]


@pytest.mark.parametrize("args", [["check", "--bogus"], ["glossary", "import"]])
def test_genuine_usage_errors_keep_clicks_usage_block(args, monkeypatch, capsys):
    done = triglot(monkeypatch, capsys, *args)
    assert done.code == 2
    assert done.stderr.startswith("Usage: ") and "Error: " in done.stderr
