"""Issue 12 item 7, after the run: catalogs, import and the report of a file name that is not
UTF-8 or holds a newline. Each is written as valid UTF-8, and every message stays one line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from tests.fake_engine import TaggingEngine
from translator.cache import TranslationCache
from translator.cli import cli
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress

LATIN1 = os.fsdecode(b"caf\xe9.txt")
NEWLINE = "bad\ntriglot: error: x.txt"
TEXT = "The district court fined the activist. Her lawyer filed an appeal.\n"
APPEAL = "Su abogada recurrió."


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (LATIN1, NEWLINE):
        (folder / name).write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    summary = translate_run(RunRequest([folder], ["es"], out, "en"),
                            TaggingEngine({("en", "es")}), TranslationCache(None),
                            Progress(False))
    assert summary.errors == [] and summary.translated == 2
    return out


def invoke(*args: str):
    done = CliRunner().invoke(cli, list(args))
    assert done.exception is None or isinstance(done.exception, SystemExit), done.exception
    return done


def catalogs(out: Path) -> list[Path]:
    return sorted((out / "locales" / "es" / "LC_MESSAGES").glob("*.po"))


def test_po_export_writes_valid_utf8_catalogs_for_such_names(run_dir):
    done = invoke("po", "export", str(run_dir))
    assert done.exit_code == 0, done.output
    assert len(done.stdout.strip().splitlines()) == 3  # two written, one total
    found = catalogs(run_dir)
    assert len(found) == 2
    articles = set()
    for path in found:
        text = path.read_bytes().decode("utf-8")  # valid UTF-8
        catalog = polib.pofile(text)
        articles.add(catalog.metadata["X-Triglot-Article"])
        assert all("\n" not in e.msgctxt for e in catalog)
        msgfmt = shutil.which("msgfmt")
        if msgfmt:
            subprocess.run([msgfmt, "--check", "-o", os.devnull, str(path)], check=True)
    assert articles == {"caf\\xe9.txt", "bad\\ntriglot: error: x.txt"}


def test_po_import_reads_them_back_and_uses_the_review(run_dir, tmp_path):
    invoke("po", "export", str(run_dir))
    for path in catalogs(run_dir):
        catalog = polib.pofile(str(path))
        entry = next(e for e in catalog if e.msgid.startswith("Her lawyer"))
        entry.msgstr, entry.flags = APPEAL, []
        catalog.save()
    done = invoke("po", "import", str(run_dir), "--tm", str(tmp_path / "tm.sqlite3"), "--json")
    assert done.exit_code == 0, done.output
    result = json.loads(done.stdout)
    assert result["reviewed"] == 2 and len(result["articles"]) == 2
    for name in (LATIN1, NEWLINE):
        assert APPEAL in (run_dir / "es" / name).read_text(encoding="utf-8")


def test_report_writes_the_page_and_shows_the_names_escaped(run_dir):
    done = invoke("report", str(run_dir))
    assert done.exit_code == 0, done.output
    page = (run_dir / "triglot-report.html").read_bytes().decode("utf-8")
    assert "caf\\xe9.txt" in page
    assert "report:" in done.stdout and "Traceback" not in done.output


def test_a_newline_in_a_name_stays_on_its_line_in_import_warnings(run_dir, tmp_path):
    invoke("po", "export", str(run_dir))
    path = next(p for p in catalogs(run_dir) if "\n" in p.name)
    catalog = polib.pofile(str(path))
    entry = next(e for e in catalog if e.msgid.startswith("Her lawyer"))
    entry.msgid, entry.msgstr, entry.flags = "Her lawyer did not appeal.", APPEAL, []
    catalog.save()
    done = invoke("po", "import", str(run_dir), "--tm", str(tmp_path / "tm.sqlite3"))
    assert done.exit_code == 1
    warnings = done.stderr.strip().splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("triglot: warning: '")
    assert "msgid was edited" in warnings[0]
