"""Every entity and glossary command reads a file's language from its text, as translate does."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli
from translator.core.errors import InputError
from translator.entities.io import common_language, file_language, named_language, read_inputs

ENGLISH = "The lawyer said the court in Madrid would hear the complaint of the journalists.\n"
SPANISH = "La abogada dijo que el tribunal de Madrid escucharía la denuncia de los periodistas.\n"


@pytest.mark.parametrize(("name", "lang"), [
    ("article.ru.txt", "ru"), ("flores-dev.es", "es"), ("A.EN.md", "en"),
    ("en-from-es-regular-protesters.txt", None), ("es_article.txt", None), ("notes.txt", None)])
def test_only_an_explicit_suffix_names_a_language(name, lang):
    assert named_language(name) == lang


def test_a_language_tag_inside_a_file_name_does_not_count(tmp_path):
    path = tmp_path / "en-from-es-protesters.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    texts, _ = read_inputs([path])
    assert texts[0].lang == "en"


def test_a_suffix_that_disagrees_with_the_text_is_reported_and_the_text_wins(tmp_path):
    path = tmp_path / "story.es.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    warnings: list[str] = []
    assert file_language(path, ENGLISH, warn=warnings.append) == "en"
    assert len(warnings) == 1 and "'.es'" in warnings[0] and "'en'" in warnings[0]
    assert file_language(path, ENGLISH, "es", warn=warnings.append) == "es"  # --lang wins
    assert len(warnings) == 1


def test_the_suffix_decides_only_when_the_text_is_too_short(tmp_path):
    assert file_language(tmp_path / "x.ru.txt", "Ok.") == "ru"
    with pytest.raises(InputError, match="use --lang"):
        file_language(tmp_path / "x.txt", "Ok.")


def test_files_in_different_languages_need_lang(tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPANISH, encoding="utf-8")
    with pytest.raises(InputError, match="different languages"):
        common_language([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert common_language([tmp_path / "b.txt"]) == "es"


@pytest.mark.slow  # whole CLI runs that load the NER models
def test_extract_warns_once_on_stderr_and_follows_the_text(tmp_path):
    path = tmp_path / "story.es.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    result = run_cli("entities", "extract", "--json", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("warning") == 1 and "'en'" in result.stderr
    assert {m["lang"] for m in json.loads(result.stdout)} == {"en"}


@pytest.mark.corpus
def test_the_seed_articles_are_all_read_as_english(corpus_dir):
    files = sorted((corpus_dir / "seed-articles").glob("*.txt"))
    texts, errors = read_inputs(files, warn=pytest.fail)
    assert files and not errors
    assert {t.path.name: t.lang for t in texts} == {f.name: "en" for f in files}


@pytest.mark.slow  # whole CLI runs that load the NER models
def test_check_and_glossary_extract_read_the_languages_from_the_texts(tmp_path):
    source, translation = tmp_path / "source.txt", tmp_path / "translation.txt"
    source.write_text(ENGLISH, encoding="utf-8")
    translation.write_text(SPANISH.replace("tribunal", "juzgado"), encoding="utf-8")
    db = tmp_path / "g.db"
    assert run_cli("glossary", "add", "-g", str(db), "--en", "court", "--es",
                   "tribunal").returncode == 0
    checked = run_cli("check", "--source", str(source), "--translation", str(translation),
                      "-g", str(db), "--json")
    assert checked.returncode == 1, checked.stderr  # the missing term, en -> es
    assert json.loads(checked.stdout)["findings"][0]["check"] == "missing-term"
    extracted = run_cli("glossary", "extract", str(source), "--min-count", "1", "--json")
    assert extracted.returncode == 0, extracted.stderr
