"""``triglot eval``: sacrebleu scores that match published ones, and glossary term accuracy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from glossary.model import Concept, Term, fold
from glossary.service import Glossary
from tests.conftest import EXAMPLE_GLOSSARIES, run_cli
from translator.core.errors import InputError
from translator.evaluation import read_lines, term_accuracy

FLORES_GLOSSARY = EXAMPLE_GLOSSARIES / "flores-dev.csv"


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def camera_glossary() -> list[Concept]:
    return [
        Concept("c1", terms=[Term("en", "camera"), Term("ru", "камера"), Term("es", "cámara")]),
        Concept("c2", terms=[Term("en", "facial recognition"),
                             Term("ru", "распознавание лиц"),
                             Term("es", "reconocimiento facial")]),
        Concept("c3", terms=[Term("en", "court"), Term("ru", "суд"),
                             Term("es", "tribunal"), Term("es", "corte", "admitted")]),
        Concept("c4", terms=[Term("en", "recognition"), Term("ru", "распознавание"),
                             Term("es", "reconocimiento")]),
    ]


@pytest.mark.corpus
def test_reproduces_published_bleu_for_google_ru_en(corpus_dir):
    hyp = corpus_dir / "mt-outputs" / "flores-dev" / "ru-en.google.en"
    ref = corpus_dir / "flores-dev" / "flores-dev.en"
    done = run_cli("eval", "--hyp", str(hyp), "--ref", str(ref), "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert round(scores["bleu"], 1) == 38.4
    assert scores["segments"] == 997
    assert "tok:13a" in scores["signatures"]["bleu"]  # sacrebleu's defaults
    assert 0 < scores["chrf"] <= 100
    table = run_cli("eval", "--hyp", str(hyp), "--ref", str(ref))
    assert table.returncode == 0 and "38.4" in table.stdout


@pytest.mark.corpus
def test_term_accuracy_on_real_mt_counts_russian_case_forms(corpus_dir):
    """Russian MT inflects terms; only lemma matching credits "камерами" for "камера"."""
    concepts = Glossary.load(FLORES_GLOSSARY).concepts()
    source = read_lines(corpus_dir / "flores-dev" / "flores-dev.en")
    hyp = read_lines(corpus_dir / "mt-outputs" / "flores-dev" / "en-ru.google.ru")
    tally = term_accuracy(concepts, source, hyp, "en", "ru")
    assert tally.total >= 200  # the glossary was picked from this set
    from glossary.matching import TermMatcher

    by_id = {c.id: c for c in concepts}
    matcher = TermMatcher.from_concepts(concepts, "en")
    exact = 0  # what plain string matching of the dictionary form would credit
    for src, line in zip(source, hyp, strict=True):
        for cid in {m.concept_id for m in matcher.find(src)}:
            term = by_id[cid].target_term("ru")
            exact += bool(term) and term.text.lower() in line.lower()
    assert tally.correct > exact * 1.3
    # Every miss is real: the expected term's dictionary form is not in the line as a word.
    for miss in tally.misses:
        word = re.compile(rf"(?<!\w){re.escape(fold(miss.expected))}(?!\w)")
        assert not word.search(fold(hyp[miss.line - 1])), miss


@pytest.mark.corpus
def test_cli_term_accuracy_with_a_csv_glossary(corpus_dir):
    flores = corpus_dir / "flores-dev"
    done = run_cli("eval", "--hyp", str(corpus_dir / "mt-outputs" / "flores-dev" /
                                        "ru-en.google.en"),
                   "--ref", str(flores / "flores-dev.en"), "--src", str(flores / "flores-dev.ru"),
                   "--glossary", str(FLORES_GLOSSARY), "--json")
    assert done.returncode == 0, done.stderr
    terms = json.loads(done.stdout)["terms"]
    assert terms["total"] > 100
    assert terms["accuracy"] == pytest.approx(terms["correct"] / terms["total"])
    assert len(terms["misses"]) == terms["total"] - terms["correct"]


def test_inflected_target_terms_count_and_other_words_do_not():
    sources = ["The cameras watched the court.", "Cameras everywhere.", "No terms here."]
    hyps = ["Камеры следили за судом.", "Везде видеонаблюдение.", "Здесь нет терминов."]
    tally = term_accuracy(camera_glossary(), sources, hyps, "en", "ru")
    assert (tally.correct, tally.total) == (2, 3)
    assert [(m.line, m.expected) for m in tally.misses] == [(2, "камера")]


def test_only_the_preferred_term_counts_and_nested_terms_are_found():
    sources = ["The court ruled.", "Recognition came late.", "Facial recognition spread."]
    hyps = ["La corte falló.",  # admitted, not preferred
            "El reconocimiento facial llegó tarde.",  # "reconocimiento" inside a longer term
            "Se extendió el reconocimiento facial."]
    tally = term_accuracy(camera_glossary(), sources, hyps, "en", "es")
    assert tally.total == 3
    assert [m.line for m in tally.misses] == [1]


def test_identical_files_score_100(tmp_path):
    lines = ["The court met on Monday.", "Cameras were everywhere in the metro."]
    hyp, ref = write(tmp_path / "hyp.en", lines), write(tmp_path / "ref.en", lines)
    done = run_cli("eval", "--hyp", str(hyp), "--ref", str(ref), "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["bleu"] == pytest.approx(100) and scores["chrf"] == pytest.approx(100)
    assert scores["terms"] is None


@pytest.mark.slow
def test_cli_term_accuracy_with_a_termbase_and_detected_languages(tmp_path):
    from glossary.store import Termbase

    with Termbase.open(tmp_path / "glossary.db", create=True) as tb:
        tb.add_concepts(camera_glossary())
    src = write(tmp_path / "src.txt", ["The cameras were installed in the metro last year.",
                                       "The court refused to hear the complaint about cameras."])
    hyp = write(tmp_path / "hyp.txt", ["Камеры установили в метро в прошлом году.",
                                       "Суд отказался рассматривать жалобу на видеонаблюдение."])
    done = run_cli("eval", "--hyp", str(hyp), "--ref", str(hyp), "--src", str(src), "--json",
                   cwd=tmp_path)  # ./glossary.db is the default
    assert done.returncode == 0, done.stderr
    terms = json.loads(done.stdout)["terms"]
    assert (terms["correct"], terms["total"]) == (2, 3)
    table = run_cli("eval", "--hyp", str(hyp), "--ref", str(hyp), "--src", str(src),
                    "--misses", cwd=tmp_path)
    assert "2 of 3" in table.stdout and "cameras -> камера" in table.stdout


@pytest.mark.parametrize("case", ["count", "empty", "missing", "binary", "latin1"])
def test_bad_input_is_one_line_and_exit_2(tmp_path, case):
    hyp = write(tmp_path / "hyp.txt", ["one", "two"])
    ref = tmp_path / "ref.txt"
    if case == "count":
        write(ref, ["one", "two", "three"])
        expected = "not line-aligned"
    elif case == "empty":
        ref.write_text("\n", encoding="utf-8")
        expected = "empty file"
    elif case == "missing":
        expected = "no such file"
    elif case == "binary":
        ref.write_bytes(b"\x00\x01\x02binary")
        expected = "binary"
    else:
        ref.write_bytes("caf\u00e9\n".encode("latin-1") + b"two\n")
        expected = "invalid UTF-8"
    done = run_cli("eval", "--hyp", str(hyp), "--ref", str(ref))
    assert done.returncode == 2
    assert expected in done.stderr and str(ref) in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_source_without_glossary_and_glossary_without_source_are_refused(tmp_path):
    hyp = write(tmp_path / "hyp.txt", ["uno"])
    done = run_cli("eval", "--hyp", str(hyp), "--ref", str(hyp), "--src", str(hyp), cwd=tmp_path)
    assert done.returncode == 2 and "needs a glossary" in done.stderr
    done = run_cli("eval", "--hyp", str(hyp), "--ref", str(hyp), "-g", str(FLORES_GLOSSARY))
    assert done.returncode == 2 and "needs the source text" in done.stderr


def test_lines_split_on_newline_only(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_bytes("a\u2028b\r\nc\n".encode())
    assert read_lines(path) == ["a\u2028b", "c"]
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_lines(path)
