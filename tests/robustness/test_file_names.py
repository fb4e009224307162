"""File names that are not UTF-8, or hold a newline: the run record and the error lines survive."""

from __future__ import annotations

import os
from pathlib import Path

from tests.fake_engine import TaggingEngine, run_cli_with
from translator.cache import TranslationCache
from translator.core.errors import InputError
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress
from translator.run_record import RECORD_FILE, load

PAIRS = {("en", "es"), ("es", "en")}
TEXT = "The district court fined the activist. Her lawyer filed an appeal.\n"


def run(paths: list[Path], out: Path):
    request = RunRequest(paths, ["es"], out, "en")
    return translate_run(request, TaggingEngine(PAIRS), TranslationCache(None), Progress(False))


def test_a_non_utf8_name_is_recorded_and_read_back(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(TEXT, encoding="utf-8")
    (folder / "plain.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    summary = run([folder], out)
    assert summary.errors == [] and summary.warnings == []
    assert summary.translated == 2
    record = load(out)
    assert sorted(d.relpath for d in record.documents) == sorted([name, "plain.txt"])
    doc = record.document(name)
    assert doc is not None and record.source_path(doc) == folder / name
    (out / RECORD_FILE).read_text(encoding="utf-8")  # valid UTF-8 JSON


def test_a_newline_in_a_failing_name_stays_on_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\ntriglot: error: fake.txt").write_bytes(b"")
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    summary = run([folder], tmp_path / "out")
    lines = [problem.line() for problem in summary.errors]
    assert len(lines) == 1 and "\n" not in lines[0]
    assert "bad\\ntriglot" in lines[0]
    assert summary.translated == 1


def test_an_error_naming_a_path_quotes_control_characters():
    message = str(InputError("empty file", Path("a\nb.txt")))
    assert "\n" not in message and message.startswith("'")
    assert str(InputError("empty file", Path("кафе.txt"))) == "кафе.txt: empty file"


def test_a_run_record_that_cannot_be_written_keeps_the_summary(tmp_path, monkeypatch):
    from translator.run_record import RunRecord

    def refuse(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(RunRecord, "save", refuse)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    summary = run([tmp_path / "a.txt"], tmp_path / "out")
    assert summary.translated == 1 and len(summary.outputs) == 1
    assert any("cannot write the run record" in w for w in summary.warnings)


def test_with_po_catalogs_the_summary_of_a_non_utf8_name_is_kept(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from translator.cli import cli
    run_cli_with(monkeypatch, TaggingEngine(PAIRS))
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    done = CliRunner().invoke(cli, ["translate", str(tmp_path / name), "--to", "es", "--from",
                                    "en", "--out", str(tmp_path / "out"), "--po"])
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    assert "documents: 1 read, 1 translated, 0 failed" in done.stdout
    assert (tmp_path / "out" / "es" / name).is_file()
