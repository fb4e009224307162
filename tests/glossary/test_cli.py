"""The glossary and check commands, run as a user runs them."""

from __future__ import annotations

import json
import sqlite3
import sys

import pytest

from glossary.store import SCHEMA_VERSION, Termbase
from tests.conftest import run_cli

from .test_formats import BAD_FILES

pytestmark = pytest.mark.slow  # the real CLI in subprocesses, about a second each


def concepts_of(path):
    with Termbase.open(path) as tb:
        return [(c.subject, sorted((t.lang, t.text, t.status, t.case_sensitive, t.dnt)
                                   for t in c.terms)) for c in tb.concepts()]


def one_error_line(result, *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("triglot: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_build_a_trilingual_glossary_from_the_cli(tmp_path):
    db = str(tmp_path / "g.db")
    added = run_cli("glossary", "add", "-g", db, "--en", "facial recognition", "--en",
                    "face recognition", "--ru", "распознавание лиц", "--es",
                    "reconocimiento facial", "--term", "ru", "deprecated", "идентификация лиц",
                    "--subject", "surveillance", "--json")
    assert added.returncode == 0, added.stderr
    concept = json.loads(added.stdout)
    assert concept["id"] == "c1"
    assert [(t["lang"], t["text"], t["status"]) for t in concept["terms"]] == [
        ("en", "facial recognition", "preferred"), ("en", "face recognition", "admitted"),
        ("ru", "распознавание лиц", "preferred"), ("es", "reconocimiento facial", "preferred"),
        ("ru", "идентификация лиц", "deprecated")]
    listed = run_cli("glossary", "list", "-g", db)
    assert listed.returncode == 0
    assert "facial recognition (+1)" in listed.stdout and "распознавание лиц" in listed.stdout
    edited = run_cli("glossary", "edit", "-g", db, "c1", "--remove-term", "en",
                     "face recognition", "--status", "ru", "идентификация лиц", "forbidden",
                     "--json")
    assert edited.returncode == 0, edited.stderr
    terms = {t["text"]: t["status"] for t in json.loads(edited.stdout)["terms"]}
    assert terms == {"facial recognition": "preferred", "распознавание лиц": "preferred",
                     "reconocimiento facial": "preferred", "идентификация лиц": "forbidden"}
    shown = run_cli("glossary", "show", "-g", db, "c1")
    assert "идентификация лиц  (forbidden)" in shown.stdout
    duplicate = run_cli("glossary", "add", "-g", db, "--en", "Facial-Recognition")
    one_error_line(duplicate, "already in concept c1")
    removed = run_cli("glossary", "remove", "-g", db, "c1")
    assert removed.returncode == 0
    assert json.loads(run_cli("glossary", "list", "-g", db, "--json").stdout) == []


def test_find_reports_spans_in_any_language(sample_db):
    text = "Решение Тверского районного суда; los abogados; facial-recognition cameras"
    result = run_cli("glossary", "find", "-g", str(sample_db), text, "--to", "es", "--json")
    assert result.returncode == 0, result.stderr
    hits = [(h["lang"], text[h["start"]:h["end"]], h["concept"], h["target"])
            for h in json.loads(result.stdout)]
    assert hits == [("ru", "Тверского районного суда", "c2", "Tribunal del Distrito de Tverskói"),
                    ("es", "abogados", "c3", "abogado"),
                    ("en", "facial-recognition", "c1", "reconocimiento facial")]
    table = run_cli("glossary", "find", "-g", str(sample_db), "--file", "-", "--lang", "ru",
                    input="Адвокаты пришли в суд.")
    assert table.returncode == 0 and "Адвокаты" in table.stdout and "адвокат" in table.stdout
    none = run_cli("glossary", "find", "-g", str(sample_db), "nothing to see here")
    assert none.returncode == 1 and "no glossary terms found" in none.stdout


@pytest.mark.parametrize("name", ["out.csv", "out.tsv", "out.xlsx", "out.tbx"])
def test_cli_round_trip_through_each_format(tmp_path, sample_db, name):
    out = tmp_path / name
    exported = run_cli("glossary", "export", "-g", str(sample_db), str(out))
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh.db"
    imported = run_cli("glossary", "import", "-g", str(fresh), str(out))
    assert imported.returncode == 0, imported.stderr
    assert "imported 8 concepts" in imported.stdout
    assert concepts_of(fresh) == concepts_of(sample_db)
    with Termbase.open(fresh) as a, Termbase.open(sample_db) as b:
        assert [c.to_dict() for c in a.concepts()] == [c.to_dict() for c in b.concepts()]


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_import_is_one_line_and_changes_nothing(tmp_path, sample_db, name):
    content, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = concepts_of(sample_db)
    one_error_line(run_cli("glossary", "import", "-g", str(sample_db), str(path)), str(path),
                   message)
    assert concepts_of(sample_db) == before


def test_import_conflicting_with_the_glossary_is_all_or_nothing(tmp_path, sample_db):
    path = tmp_path / "more.csv"
    path.write_text("en,ru\njudge,судья\ncourt,трибунал\n", encoding="utf-8")
    before = concepts_of(sample_db)
    one_error_line(run_cli("glossary", "import", "-g", str(sample_db), str(path)),
                   "line 3: the en term 'court' is already in the glossary (concept c6)")
    assert concepts_of(sample_db) == before  # "judge" from line 2 was not kept either


def test_missing_newer_and_locked_databases(tmp_path, sample_db):
    one_error_line(run_cli("glossary", "list", "-g", str(tmp_path / "nope.db")),
                   "nope.db", "no such glossary")
    newer = tmp_path / "newer.db"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    one_error_line(run_cli("glossary", "add", "-g", str(newer), "--en", "x"),
                   "newer than this triglot supports")
    holder = sqlite3.connect(sample_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        locked = run_cli("glossary", "add", "-g", str(sample_db), "--en", "judge",
                         env={"TRIGLOT_GLOSSARY_TIMEOUT": "0.3"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    one_error_line(locked, "locked by another process")
    assert "judge" not in str(concepts_of(sample_db))


def test_unknown_language_code_and_status(sample_db):
    one_error_line(run_cli("glossary", "add", "-g", str(sample_db), "--term", "fr", "preferred",
                           "tribunal"), "unknown language code 'fr'")
    one_error_line(run_cli("glossary", "add", "-g", str(sample_db), "--en", "judge", "--status",
                           "favourite"), "unknown status 'favourite'")
    one_error_line(run_cli("glossary", "list", "-g", str(sample_db), "--lang", "de"),
                   "unknown language code 'de'")


def test_merge_reports_conflicts(tmp_path, sample_db):
    other = tmp_path / "other.csv"
    other.write_text("en,ru,es\nlawyer,защитник,abogado\njudge,судья,juez\n", encoding="utf-8")
    result = run_cli("glossary", "merge", "-g", str(sample_db), str(other), "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert (report["added"], report["merged"]) == (1, 0)
    assert report["conflicts"] == [
        "c3: ru preferred term is 'адвокат', other has 'защитник' (not added)"]
    with Termbase.open(sample_db) as tb:
        assert tb.lookup("en", "judge") and not tb.lookup("ru", "защитник")
    other_db = tmp_path / "other.db"
    assert run_cli("glossary", "add", "-g", str(other_db), "--en", "prosecutor", "--ru",
                   "прокурор").returncode == 0
    clean = run_cli("glossary", "merge", "-g", str(sample_db), str(other_db))
    assert clean.returncode == 0 and "1 added" in clean.stdout


def test_check_exit_codes_and_outputs(tmp_path, data_dir, sample_db):
    base = ["check", "--source", str(data_dir / "story.en"), "--from", "en", "--to", "ru",
            "-g", str(sample_db)]
    clean = run_cli(*base, "--translation", str(data_dir / "story.ru"))
    assert clean.returncode == 0, clean.stderr
    assert "5 segments checked: no findings" in clean.stdout
    dirty = run_cli(*base, "--translation", str(data_dir / "story-mt.ru"), "--json")
    assert dirty.returncode == 1
    report = json.loads(dirty.stdout)
    assert report["counts"] == {"missing-term": 0, "rejected-term": 1, "dnt-changed": 1,
                                "number-mismatch": 1, "inconsistent": 1}
    csv_out = tmp_path / "findings.csv"
    table = run_cli(*base, "--translation", str(data_dir / "story-mt.ru"), "--csv", str(csv_out))
    assert table.returncode == 1
    assert "dnt-changed" in table.stdout and "numbers differ" in table.stdout
    assert csv_out.read_text(encoding="utf-8").splitlines()[0].startswith("check,segment,")
    one_error_line(run_cli(*base, "--translation", str(tmp_path / "absent.ru")), "absent.ru",
                   "no such file")
    one_error_line(run_cli("check", "--source", str(data_dir / "story.en"), "--translation",
                           str(data_dir / "story.ru"), "--from", "en", "--to", "fr", "-g",
                           str(sample_db)), "unknown language code 'fr'")


def test_extract_candidates_parallel_equivalents_and_add(tmp_path, data_dir):
    en = (data_dir / "story.en").read_text(encoding="utf-8") * 3
    ru = (data_dir / "story.ru").read_text(encoding="utf-8") * 3
    (tmp_path / "a.en").write_text(en, encoding="utf-8")
    (tmp_path / "a.ru").write_text(ru, encoding="utf-8")
    mono = run_cli("glossary", "extract", str(tmp_path / "a.ru"), "--lang", "ru", "--json")
    assert mono.returncode == 0, mono.stderr
    terms = [c["term"] for c in json.loads(mono.stdout)]
    assert "распознавание лиц" in terms and "тверской районный суд" in terms
    out = tmp_path / "candidates.csv"
    para = run_cli("glossary", "extract", "--parallel", str(tmp_path / "a.en"),
                   str(tmp_path / "a.ru"), "--lang", "en", "--to", "ru", "-o", str(out))
    assert para.returncode == 0, para.stderr
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "en,count,termhood,example,ru,ru_score"
    pairs = {r.split(",")[0]: r.split(",")[-2] for r in rows[1:]}
    assert pairs["facial recognition"] == "распознавание лиц"
    kept = tmp_path / "kept.csv"
    kept.write_text(rows[0] + "\n" + next(r for r in rows if r.startswith("facial recognition,"))
                    + "\n", encoding="utf-8")
    db = tmp_path / "g.db"
    added = run_cli("glossary", "extract", "--add", str(kept), "-g", str(db))
    assert added.returncode == 0 and "added 1 concept" in added.stdout
    with Termbase.open(db) as tb:
        assert [t.text for t in tb.concepts()[0].terms] == ["facial recognition",
                                                            "распознавание лиц"]


def test_help_does_not_load_heavy_libraries():
    code = ("import sys, runpy; sys.argv = ['triglot', 'glossary', '--help'];\n"
            "try: runpy.run_module('translator', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "heavy = [m for m in ('pandas', 'lxml', 'pymorphy3', 'simplemma', 'ahocorasick')"
            " if m in sys.modules]\nprint('HEAVY', heavy)")
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr
