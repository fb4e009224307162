"""Read-only commands take a glossary file (``-g terms.csv``) as well as a termbase;
commands that change the glossary say in one line that they need a termbase."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

from .test_cli import one_error_line


@pytest.fixture
def terms_csv(data_dir):
    return str(data_dir / "terms.csv")


def test_check_with_a_csv_glossary(data_dir, terms_csv):
    base = ["check", "--source", str(data_dir / "story.en"), "--from", "en", "--to", "ru",
            "-g", terms_csv]
    clean = run_cli(*base, "--translation", str(data_dir / "story.ru"))
    assert clean.returncode == 0, clean.stderr
    assert "5 segments checked: no findings" in clean.stdout
    dirty = run_cli(*base, "--translation", str(data_dir / "story-mt.ru"), "--json")
    assert dirty.returncode == 1, dirty.stderr
    assert json.loads(dirty.stdout)["counts"] == {
        "missing-term": 0, "rejected-term": 1, "dnt-changed": 1, "number-mismatch": 1,
        "inconsistent": 1}


def test_check_takes_the_glossary_from_the_environment_or_says_none(tmp_path, data_dir,
                                                                     terms_csv):
    args = ["check", "--source", str(data_dir / "story.en"), "--translation",
            str(data_dir / "story.ru"), "--from", "en", "--to", "es"]
    from_env = run_cli(*args[:4], str(data_dir / "story.es"), *args[5:],
                       env={"TRIGLOT_GLOSSARY": terms_csv}, cwd=tmp_path)
    assert from_env.returncode == 0, from_env.stderr
    one_error_line(run_cli(*args, cwd=tmp_path, env={"TRIGLOT_GLOSSARY": ""}), "no glossary")


def test_glossary_find_with_a_csv_glossary(terms_csv):
    text = "Решение Тверского районного суда; los abogados; facial-recognition cameras"
    result = run_cli("glossary", "find", "-g", terms_csv, text, "--to", "es", "--json")
    assert result.returncode == 0, result.stderr
    hits = [(h["lang"], text[h["start"]:h["end"]], h["concept"], h["target"])
            for h in json.loads(result.stdout)]
    assert hits == [("ru", "Тверского районного суда", "c2", "Tribunal del Distrito de Tverskói"),
                    ("es", "abogados", "c3", "abogado"),
                    ("en", "facial-recognition", "c1", "reconocimiento facial")]


def test_list_show_and_export_read_a_file(tmp_path, terms_csv):
    listed = run_cli("glossary", "list", "-g", terms_csv, "--json")
    assert listed.returncode == 0, listed.stderr
    assert [c["id"] for c in json.loads(listed.stdout)] == [f"c{n}" for n in range(1, 9)]
    shown = run_cli("glossary", "show", "-g", terms_csv, "c4")
    assert shown.returncode == 0 and "do-not-translate" in shown.stdout
    tbx = tmp_path / "terms.tbx"
    exported = run_cli("glossary", "export", "-g", terms_csv, str(tbx))
    assert exported.returncode == 0, exported.stderr
    found = run_cli("glossary", "find", "-g", str(tbx), "Юристы пришли", "--json")
    assert [h["concept"] for h in json.loads(found.stdout)] == ["c3"]


@pytest.mark.parametrize("command", [
    ["add", "--en", "judge"], ["edit", "c1", "--note", "x"], ["remove", "c1"],
    ["import", "other.csv"], ["merge", "other.csv"]])
def test_write_commands_refuse_a_glossary_file(tmp_path, data_dir, command):
    glossary = tmp_path / "terms.csv"
    original = (data_dir / "terms.csv").read_bytes()
    glossary.write_bytes(original)
    (tmp_path / "other.csv").write_text("en,ru\njudge,судья\n", encoding="utf-8")
    done = run_cli("glossary", command[0], "-g", str(glossary), *command[1:], cwd=tmp_path)
    one_error_line(done, "changes a termbase (.db), not a glossary file", "glossary import")
    assert glossary.read_bytes() == original
