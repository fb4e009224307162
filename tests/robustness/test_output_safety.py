"""Where an output goes, nothing the user keeps is lost (issue 12, output files).

  * an output that is a FIFO, or /dev/stdout: replaced by a plain file (the
    /dev/stdout symlink itself) -> written into; the CSV comes out on stdout.
  * a valid 250-character file name: ENAMETOOLONG (the temp name added 14) -> written.
  * an output that is an SQLite database, an input of the same command, or a run
    record: silently overwritten -> refused in one line, the file unchanged.
  * permission denied on the temp file or the rename: a traceback naming
    ``.NAME.XXXX.tmp`` -> one line naming the output, no temp file left.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.report.conftest import write_run
from tests.robustness.cli_run import fake_engine, make_termbase, triglot  # noqa: F401
from tests.robustness.conftest import one_line
from translator.core.atomic import write_text_atomic
from translator.core.errors import TriglotError
from translator.review.tm import TMUnit, open_memory

HEADER = "id,ru,ru_status,en,en_status"


@pytest.fixture
def termbase(tmp_path: Path) -> Path:
    return make_termbase(tmp_path / "g.db")


def leftovers(folder: Path) -> list[str]:
    """Temp files of atomic writes left behind (hidden, ``.tmp``)."""
    return sorted(p.name for p in folder.iterdir()
                  if p.name.startswith(".") and p.name.endswith(".tmp"))


# -- pipes, devices, /dev/stdout -------------------------------------------------------------


def test_an_export_into_a_fifo_goes_down_the_pipe(tmp_path, termbase, monkeypatch, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the writer's open() returns
    try:
        done = triglot(monkeypatch, capsys, "glossary", "export", "-g", termbase,
                       "--format", "csv", fifo)
        received = os.read(reader, 65536).decode("utf-8")
    finally:
        os.close(reader)
    assert done.code == 0, done.stderr
    assert received.startswith(HEADER) and "tribunal" in received
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_an_export_to_dev_null_leaves_the_device_alone(tmp_path, termbase, monkeypatch,
                                                       capsys):
    """A character device reached through a symlink, as /dev/stdout is."""
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    done = triglot(monkeypatch, capsys, "glossary", "export", "-g", termbase, "--format",
                   "csv", link)
    assert done.code == 0, done.stderr
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("name", ["/proc/self/fd/1", "stdout-link"])
def test_an_export_to_stdout_prints_the_csv(tmp_path, termbase, name):
    """/dev/stdout is a symlink to /proc/self/fd/1: a link of our own stands in for it
    (renaming over /dev/stdout itself is the damage this guards against)."""
    link = tmp_path / "stdout-link"
    link.symlink_to("/proc/self/fd/1")
    done = run_cli("glossary", "export", "-g", str(termbase), "--format", "csv",
                   name if name.startswith("/") else str(link))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(HEADER) and "tribunal" in done.stdout
    assert only_csv(done.stdout)  # the "exported" line went to stderr
    assert "exported 1 entry" in done.stderr
    assert link.is_symlink()


def only_csv(text: str) -> bool:
    """Every line a row of the header's width: what a script piping the export reads."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    return len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)


def test_stdout_redirected_to_a_file_gets_the_csv_alone(tmp_path, termbase):
    """`triglot glossary export g.db /dev/stdout > out.csv`: written through the shell's
    redirection, not by reopening the file (from 0) or renaming over it (an orphan)."""
    out = tmp_path / "out.csv"
    with out.open("wb") as redirected:
        done = subprocess.run(
            [sys.executable, "-m", "translator", "glossary", "export", "-g", str(termbase),
             "--format", "csv", "/proc/self/fd/1"],
            stdout=redirected, stderr=subprocess.PIPE, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith(HEADER) and "tribunal" in text and only_csv(text)
    assert "exported 1 entry to /proc/self/fd/1" in done.stderr


def test_a_symlink_to_a_file_stays_a_symlink(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_text_atomic(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_a_folder_is_refused_as_an_output(tmp_path):
    with pytest.raises(TriglotError, match="is a directory, expected a file"):
        write_text_atomic(tmp_path, "text\n")


# -- long names ------------------------------------------------------------------------------


def test_a_long_valid_file_name_is_written(tmp_path, termbase, monkeypatch, capsys):
    target = tmp_path / ("a" * 250 + ".csv")  # 254 bytes: the limit is 255
    done = triglot(monkeypatch, capsys, "glossary", "export", "-g", termbase, target)
    assert done.code == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith(HEADER)
    assert leftovers(tmp_path) == []


# -- outputs that would destroy an input or a store ------------------------------------------


def test_an_export_over_its_own_glossary_is_refused(termbase, monkeypatch, capsys):
    before = termbase.read_bytes()
    done = triglot(monkeypatch, capsys, "glossary", "export", "-g", termbase, "--format",
                   "csv", termbase)
    assert done.code == 2
    assert one_line(done.stderr) == (f"triglot: error: {termbase}: is an input of this "
                                     "command; not overwritten, choose another output file")
    assert termbase.read_bytes() == before


def test_an_export_over_another_database_is_refused(tmp_path, termbase, monkeypatch, capsys):
    other = make_termbase(tmp_path / "other.db")
    before = other.read_bytes()
    done = triglot(monkeypatch, capsys, "glossary", "export", "-g", termbase, "--format",
                   "csv", other)
    assert done.code == 2
    assert "is an SQLite database" in one_line(done.stderr)
    assert other.read_bytes() == before


def test_a_tmx_export_over_a_glossary_or_its_own_memory_is_refused(tmp_path, termbase,
                                                                   monkeypatch, capsys):
    memory = tmp_path / "memory.sqlite3"
    with open_memory(memory, create=True) as tm:
        tm.add([TMUnit("en", "es", "The court.", "El tribunal.", "test", "", "")])
    for target in (termbase, memory):
        before = target.read_bytes()
        done = triglot(monkeypatch, capsys, "tm", "export", "--tm", memory, target)
        assert done.code == 2
        assert one_line(done.stderr).startswith(f"triglot: error: {target}: is ")
        assert target.read_bytes() == before


def test_a_report_over_a_run_record_or_the_glossary_is_refused(tmp_path, termbase,
                                                               monkeypatch, capsys):
    run = write_run(tmp_path / "run")
    record = run / "triglot-run.json"
    before = record.read_bytes()
    done = triglot(monkeypatch, capsys, "report", run, "-o", record)
    assert done.code == 2
    assert one_line(done.stderr) == (f"triglot: error: {record}: is the record of a "
                                     "translation run; not overwritten, choose another "
                                     "output file")
    assert record.read_bytes() == before
    glossary = tmp_path / "terms.csv"
    glossary.write_text("en,es\ncourt,tribunal\n", encoding="utf-8")
    done = triglot(monkeypatch, capsys, "report", run, "-g", glossary, "-o", glossary)
    assert done.code == 2 and "is an input of this command" in one_line(done.stderr)
    assert glossary.read_text(encoding="utf-8") == "en,es\ncourt,tribunal\n"


@pytest.mark.usefixtures("fake_engine")
def test_a_report_over_an_article_of_the_run_is_refused(tmp_path, monkeypatch, capsys):
    """The page may not take the place of a source the run read or a translation it wrote."""
    source = tmp_path / "in" / "article.txt"
    source.parent.mkdir()
    source.write_text("The court fined him.\n", encoding="utf-8")
    run = tmp_path / "run"
    done = triglot(monkeypatch, capsys, "translate", source.parent, "--from", "en", "--to",
                   "es", "--out", run)
    assert done.code == 0, done.stderr
    translation = run / "es" / "article.txt"
    for article in (source, translation):
        before = article.read_bytes()
        done = triglot(monkeypatch, capsys, "report", run, "-o", article)
        assert done.code == 2 and "is an input of this command" in one_line(done.stderr)
        assert article.read_bytes() == before
    assert triglot(monkeypatch, capsys, "report", run, "-o", tmp_path / "r.html").code == 0


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "article.txt"
    source.write_text("The court fined him.\n", encoding="utf-8")
    translation = tmp_path / "articulo.txt"
    translation.write_text("La corte lo multó.\n", encoding="utf-8")
    return source, translation


@pytest.mark.parametrize("which", ["source", "translation", "glossary", "hard link"])
def test_check_csv_over_one_of_its_inputs_is_refused(tmp_path, termbase, pair, which,
                                                     monkeypatch, capsys):
    source, translation = pair
    target = {"source": source, "translation": translation, "glossary": termbase,
              "hard link": tmp_path / "same-as-source.txt"}[which]
    if which == "hard link":
        os.link(source, target)
    before = target.read_bytes()
    done = triglot(monkeypatch, capsys, "check", "-g", termbase, "--source", source,
                   "--translation", translation, "--from", "en", "--to", "es", "--csv", target)
    assert done.code == 2
    assert one_line(done.stderr).startswith(f"triglot: error: {target}: is ")
    assert target.read_bytes() == before


def test_check_csv_to_a_new_file_still_works(tmp_path, termbase, pair, monkeypatch, capsys):
    source, translation = pair
    done = triglot(monkeypatch, capsys, "check", "-g", termbase, "--source", source,
                   "--translation", translation, "--from", "en", "--to", "es", "--csv",
                   tmp_path / "findings.csv")
    assert done.code == 1, done.stderr  # the translation says corte, not tribunal
    assert (tmp_path / "findings.csv").read_text(encoding="utf-8").startswith("check,")


def test_extract_over_its_own_input_is_refused(tmp_path, monkeypatch, capsys):
    article = tmp_path / "article.txt"
    article.write_text("The district court fined the district court.\n" * 3, encoding="utf-8")
    before = article.read_bytes()
    done = triglot(monkeypatch, capsys, "glossary", "extract", article, "--lang", "en", "-o",
                   article)
    assert done.code == 2 and "is an input of this command" in one_line(done.stderr)
    assert article.read_bytes() == before


@pytest.mark.usefixtures("fake_engine")
def test_a_database_where_a_translation_goes_fails_that_article_only(tmp_path, monkeypatch,
                                                                     capsys):
    articles = tmp_path / "in"
    articles.mkdir()
    for name in ("a.txt", "b.txt"):
        (articles / name).write_text("Суд оштрафовал активиста.\n", encoding="utf-8")
    taken = make_termbase(tmp_path / "out" / "en" / "a.txt")
    before = taken.read_bytes()
    done = triglot(monkeypatch, capsys, "translate", articles, "--from", "ru", "--to", "en",
                   "--out", tmp_path / "out")
    assert done.code == 1
    assert "is an SQLite database" in one_line(done.stderr)
    assert taken.read_bytes() == before
    assert (tmp_path / "out" / "en" / "b.txt").is_file()


# -- the system refuses the write --------------------------------------------------------


def test_permission_denied_on_the_rename_names_the_output(tmp_path, termbase, monkeypatch,
                                                         capsys):
    target = tmp_path / "terms.csv"
    real_replace = os.replace

    def refuse(src, dst, *args, **kwargs):
        if Path(dst) == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(src), None, str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", refuse)
    done = triglot(monkeypatch, capsys, "glossary", "export", "-g", termbase, target)
    assert done.code == 1
    assert one_line(done.stderr) == f"triglot: error: {target}: Permission denied"
    assert not target.exists() and leftovers(tmp_path) == []


def test_permission_denied_on_the_temp_file_names_the_output(tmp_path, pair, termbase,
                                                            monkeypatch, capsys):
    source, translation = pair
    target = tmp_path / "out" / "findings.csv"
    real_mkstemp = tempfile.mkstemp

    def refuse(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == target.parent:  # named as mkstemp names it
            name = f"{kwargs.get('prefix', 'tmp')}x1y2z3{kwargs.get('suffix', '')}"
            raise PermissionError(errno.EACCES, "Permission denied", str(target.parent / name))
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    done = triglot(monkeypatch, capsys, "check", "-g", termbase, "--source", source,
                   "--translation", translation, "--from", "en", "--to", "es", "--csv", target)
    assert done.code == 1
    assert one_line(done.stderr) == f"triglot: error: {target}: Permission denied"
    assert leftovers(target.parent) == []
