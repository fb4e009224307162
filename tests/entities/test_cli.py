"""The ``triglot entities`` commands, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import run_cli

from .test_evaluate import GOLD, SENTENCES, _write

pytestmark = pytest.mark.slow  # the real CLI in subprocesses, each loading natasha


def _rows(stdout: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(stdout)))


def test_help_does_not_load_natasha():
    code = ("import sys\nfrom translator.cli import cli\n"
            "try:\n    cli.main(['entities', '--help'], standalone_mode=False)\n"
            "except SystemExit:\n    pass\n"
            "assert 'natasha' not in sys.modules and 'pymorphy3' not in sys.modules\n")
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "extract" in result.stdout and "clusters" in result.stdout


def test_extract_prints_csv_with_dictionary_forms(data_dir):
    result = run_cli("entities", "extract", str(data_dir / "court.ru.txt"))
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert {"Алёну Попову", "Алёна Попова"} <= {r["text"] for r in rows}
    assert {r["normal"] for r in rows if r["text"] == "Алёну Попову"} == {"Алёна Попова"}


def test_extract_json_for_scripts(data_dir):
    result = run_cli("entities", "extract", "--json", str(data_dir / "court.es.txt"))
    data = json.loads(result.stdout)
    assert any(m["text"] == "Aliona Popova" and m["lang"] == "es" for m in data)


def test_align_reports_pairs_and_exits_1_for_missing(data_dir, tmp_path):
    source = tmp_path / "src.ru.txt"
    target = tmp_path / "tgt.en.txt"
    source.write_text("Алёна Попова и Михаил Беляев пришли в суд.\n", encoding="utf-8")
    target.write_text("Alyona Popova came to court.\n", encoding="utf-8")
    result = run_cli("entities", "align", "--source", str(source), "--translation", str(target),
                     "--from", "ru", "--to", "en")
    assert result.returncode == 1
    rows = {r["source_normal"]: r for r in _rows(result.stdout)}
    assert rows["Алёна Попова"]["target"] == "Alyona Popova"
    assert rows["Михаил Беляев"]["method"] == "missing"


def test_align_exits_0_when_everything_is_found(data_dir):
    result = run_cli("entities", "align", "--source", str(data_dir / "cameras.ru.txt"),
                     "--translation", str(data_dir / "cameras.es.txt"), "--from", "ru",
                     "--to", "es", "--json")
    assert result.returncode == 0, result.stdout
    assert all(p["target"] for p in json.loads(result.stdout))


def test_clusters_counts_variants(data_dir):
    files = [str(p) for p in sorted(data_dir.glob("*.txt"))]
    result = run_cli("entities", "clusters", "--json", *files)
    assert result.returncode == 0, result.stderr
    clusters = json.loads(result.stdout)
    popova = next(c for c in clusters
                  if any(v["form"] == "Alena Popova" for v in c["variants"]))
    forms = {(v["lang"], v["form"]): v["count"] for v in popova["variants"]}
    assert forms[("en", "Alena Popova")] == 2 and forms[("es", "Aliona Popova")] == 4


def test_clusters_to_glossary_adds_concepts_and_keeps_existing_entries(data_dir, tmp_path):
    from glossary.model import Concept, Term
    from glossary.store import Termbase

    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("en", "Alyona Popova", "preferred"),
                                      Term("es", "Alena Popova", "preferred")]))
    files = [str(p) for p in sorted(data_dir.glob("*.txt"))]
    result = run_cli("entities", "clusters", "--to-glossary", str(db), *files)
    assert result.returncode == 0, result.stderr
    with Termbase.open(db) as tb:
        (popova,) = tb.lookup("en", "Alyona Popova")
        assert popova.target_term("es").text == "Alena Popova"  # the glossary's choice stays
        assert popova.find_term("ru", "Алёна Попова") is not None
        (court,) = tb.lookup("ru", "Тверской районный суд")
        assert court.target_term("en").text == "Tverskoy District Court"


def test_eval_prints_scores(tmp_path):
    sentences = _write(tmp_path / "s.jsonl", SENTENCES)
    gold = _write(tmp_path / "g.jsonl", GOLD)
    result = run_cli("entities", "eval", "--sentences", str(sentences), "--gold", str(gold))
    assert result.returncode == 0, result.stderr
    rows = {(r["task"], r["lang"]): r for r in _rows(result.stdout)}
    assert float(rows[("alignment", "en-ru")]["f1"]) == 1.0
    assert set(rows) >= {("extraction", "ru"), ("alignment", "ru-es")}


def _fails_cleanly(result, *words):
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    for word in words:
        assert word in result.stderr


def test_empty_and_binary_files_are_refused(tmp_path):
    empty = tmp_path / "empty.en.txt"
    empty.write_text("  \n", encoding="utf-8")
    _fails_cleanly(run_cli("entities", "extract", str(empty)), "empty.en.txt", "empty")
    binary = tmp_path / "photo.en.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _fails_cleanly(run_cli("entities", "extract", str(binary)), "photo.en.txt", "binary")


def test_unknown_language_is_refused(data_dir):
    _fails_cleanly(run_cli("entities", "extract", "--lang", "de", str(data_dir / "court.en.txt")),
                   "unsupported language 'de'")
    _fails_cleanly(run_cli("entities", "align", "--source", str(data_dir / "court.en.txt"),
                           "--translation", str(data_dir / "court.es.txt"), "--from", "en",
                           "--to", "fr"), "unsupported language 'fr'")


def test_bad_jsonl_line_and_mismatched_ids(tmp_path):
    sentences = _write(tmp_path / "s.jsonl", SENTENCES)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOLD[0]) + "\n" + json.dumps(GOLD[1]) + "\n{oops}\n",
                   encoding="utf-8")
    _fails_cleanly(run_cli("entities", "eval", "--sentences", str(sentences), "--gold", str(bad)),
                   "line 3")
    other = _write(tmp_path / "other.jsonl", [GOLD[0], {**GOLD[1], "id": 99}])
    _fails_cleanly(run_cli("entities", "eval", "--sentences", str(sentences), "--gold",
                           str(other)), "ids do not match", "99")


def test_one_bad_file_among_good_ones_exits_1(data_dir, tmp_path):
    empty = tmp_path / "empty.en.txt"
    empty.write_bytes(b"")
    result = run_cli("entities", "extract", str(data_dir / "court.en.txt"), str(empty))
    assert result.returncode == 1
    assert "empty.en.txt" in result.stderr
    assert "Tverskoy District Court" in result.stdout


def test_a_folder_of_articles_is_read_as_translate_reads_it(tmp_path):
    """The README runs ``entities clusters corpus/``: a folder gives its articles."""
    story = tmp_path / "story"
    (story / "day2").mkdir(parents=True)
    (story / "a.txt").write_text("Alyona Popova spoke in Moscow.\n", encoding="utf-8")
    (story / "day2" / "b.md").write_text("Later, Alena Popova went to court.\n",
                                         encoding="utf-8")
    (story / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = run_cli("entities", "clusters", str(story), "--min-count", "1")
    assert result.returncode == 0, result.stderr
    popova = [line for line in result.stdout.splitlines() if "Popova" in line]
    assert len(popova) == 2 and len({line.split(",")[0] for line in popova}) == 1
    assert "photo.jpg: skipped" in result.stderr

    (tmp_path / "empty").mkdir()
    result = run_cli("entities", "clusters", str(tmp_path / "empty"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().endswith("no .txt, .md or .html files found")


def test_extract_says_which_name_a_defined_abbreviation_stands_for(tmp_path):
    article = tmp_path / "ruling.en.txt"
    article.write_text("The Federal Election Commission (FEC) opened an inquiry.\n"
                       "The FEC declined to comment.\n", encoding="utf-8")
    result = run_cli("entities", "extract", str(article))
    assert result.returncode == 0, result.stderr
    rows = [(r["text"], r["type"], r["expands"]) for r in _rows(result.stdout)]
    assert ("FEC", "ORG", "Federal Election Commission") in rows
    assert ("FEC", "ORG", "") in rows  # the later mention: same entity, same type
