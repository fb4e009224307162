"""End to end on real Argos packages: the project's own small ones, installed like a user would.

The packages in tests/data/packages are real CTranslate2 models trained on
tests/data/corpus/parallel.tsv, which the example articles are written from,
so every sentence of the examples has a known translation: the corpus row.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, TEST_PACKAGES, run_cli

CORPUS_TSV = ROOT / "tests" / "data" / "corpus" / "parallel.tsv"
LANGS = ("en", "ru", "es")
pytestmark = pytest.mark.slow  # the real CLI on real packages, many files


def corpus_rows() -> list[dict[str, str]]:
    with CORPUS_TSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def argos_dir(tmp_path_factory) -> Path:
    """A package directory with all four test packages, installed through the CLI from files."""
    packages = tmp_path_factory.mktemp("argos")
    archives = sorted(TEST_PACKAGES.glob("*.argosmodel"))
    assert len(archives) == 4, "run `make test-packages` to build tests/data/packages"
    for archive in archives:
        done = run_cli("models", "install", "--file", str(archive),
                       env={"ARGOS_PACKAGES_DIR": str(packages)})
        assert done.returncode == 0, done.stderr
    return packages


def translate(argos_dir: Path, *args: str, cache: Path | None = None):
    env = {"ARGOS_PACKAGES_DIR": str(argos_dir)}
    cache_args = ["--cache", str(cache)] if cache else ["--no-cache"]
    return run_cli("translate", *args, *cache_args, env=env)


@pytest.fixture(scope="module")
def example_run(argos_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out"
    done = translate(argos_dir, str(EXAMPLES), "--to", "en,es,ru", "--out", str(out), "--json")
    return done, out


def test_models_list_shows_the_four_installed_pairs(argos_dir):
    done = run_cli("models", "list", "--json", env={"ARGOS_PACKAGES_DIR": str(argos_dir)})
    pairs = {(p["from_code"], p["to_code"]) for p in json.loads(done.stdout)}
    assert pairs == {("ru", "en"), ("en", "ru"), ("en", "es"), ("es", "en")}


def test_examples_are_translated_into_the_other_two_languages(example_run):
    done, out = example_run
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    summary = json.loads(done.stdout)
    articles = [p for p in EXAMPLES.rglob("*") if p.suffix in {".txt", ".md", ".html"}]
    assert summary["documents"] == len(articles) and summary["failed"] == 0
    manifest = json.loads((out / "triglot-run.json").read_text(encoding="utf-8"))
    targets = {doc["relpath"]: set(doc["targets"]) for doc in manifest["documents"]}
    mixed = 0
    for article in articles:
        rel = article.relative_to(EXAMPLES)
        others = set(LANGS) - {rel.parts[0]}
        assert others <= targets[rel.as_posix()], rel
        mixed += rel.parts[0] in targets[rel.as_posix()]  # a quote in another language
        for lang in LANGS:
            assert (out / lang / rel).is_file() == (lang in targets[rel.as_posix()]), (lang, rel)
    assert mixed >= 1
    assert {"ru->es via en", "es->ru via en"} <= set(summary["pivots"])
    assert summary["segments"] > 0 and summary["segments_per_second"] > 0


def test_every_sentence_gets_its_known_translation_including_pivots(example_run):
    _, out = example_run
    rows = corpus_rows()
    manifest = json.loads((out / "triglot-run.json").read_text(encoding="utf-8"))
    checked = 0
    for doc in manifest["documents"]:
        for target, segments in doc["targets"].items():
            for segment in segments:
                known = {row[target] for row in rows if row[segment["lang"]] == segment["source"]}
                assert known, f"{doc['relpath']}: {segment['source']!r} is not in the corpus"
                assert segment["mt"] in known, (doc["relpath"], target, segment)
                checked += 1
    assert checked > 50


def block_markers(markdown: str) -> list[str]:
    """The Markdown block structure of each line: heading, list, quote, table or blank."""
    marker = re.compile(r"\s*(?:#+ |[-*+] |\d+\. |> |\|)|\s*$")
    return [m.group(0) if (m := marker.match(line)) else "text" for line in markdown.splitlines()]


def test_markdown_and_html_structure_is_kept(example_run):
    _, out = example_run
    link = re.compile(r"\]\(([^)\s]+)")
    for source in EXAMPLES.rglob("*.md"):
        rel = source.relative_to(EXAMPLES)
        original = source.read_text(encoding="utf-8")
        for lang in LANGS:
            target = out / lang / rel
            if not target.exists():
                continue
            text = target.read_text(encoding="utf-8")
            assert link.findall(text) == link.findall(original)
            assert block_markers(text) == block_markers(original)
    tag = re.compile(r"<[^>]+>")
    for source in EXAMPLES.rglob("*.html"):
        rel = source.relative_to(EXAMPLES)
        original = tag.findall(source.read_text(encoding="utf-8"))
        for lang in LANGS:
            target = out / lang / rel
            if target.exists():
                tags = tag.findall(target.read_text(encoding="utf-8"))
                assert [t for t in tags if "lang=" not in t] == [
                    t for t in original if "lang=" not in t]
                assert any(f'lang="{lang}"' in t for t in tags)


def test_codes_and_placeholders_survive_real_mt(argos_dir, tmp_path):
    rows = [r for r in corpus_rows() if re.search(r"\{\w+\}|%s|<x\d/>|<g\d>", r["en"])]
    assert rows, "the corpus should hold sentences with placeholders"
    article = tmp_path / "placeholders.txt"
    plain = [r for r in rows if "<" not in r["en"]]
    article.write_text("\n\n".join(r["en"] for r in plain) + "\n", encoding="utf-8")
    done = translate(argos_dir, str(article), "--from", "en", "--to", "es", "--out",
                     str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "out" / "es" / "placeholders.txt").read_text(encoding="utf-8")
    for row in plain:
        for token in re.findall(r"\{\w+\}|%s", row["en"]):
            assert token in text
        assert row["es"] in text


def test_missing_model_names_the_command_that_installs_it(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Адвокат подал жалобу на решение Тверского районного суда Москвы.\n",
                       encoding="utf-8")
    empty = tmp_path / "no-packages"
    empty.mkdir()
    done = translate(empty, str(article), "--to", "en", "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert f"{article}: no model installed for ru->en" in done.stderr
    assert "triglot models install ru en" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "en").exists()


def test_bad_inputs_get_one_line_each_and_exit_1_while_good_files_succeed(argos_dir, tmp_path):
    good = EXAMPLES / "en" / "rights-groups.txt"
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes("Суд решил\n".encode() + b"\xff\n")
    (tmp_path / "data.bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "page.docx").write_bytes(b"PK\x03\x04")
    paths = [good, tmp_path / "empty.md", tmp_path / "bad.txt", tmp_path / "data.bin.txt",
             tmp_path / "page.docx", tmp_path / "nowhere.txt"]
    done = translate(argos_dir, *map(str, paths), "--to", "es", "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("triglot: error:")]
    assert len(errors) == 5, done.stderr
    for name in ("empty.md", "bad.txt", "data.bin.txt", "page.docx", "nowhere.txt"):
        assert sum(name in line for line in errors) == 1, name
    assert "Traceback" not in done.stderr
    assert (tmp_path / "out" / "es" / "rights-groups.txt").is_file()
    assert sorted(p.name for p in (tmp_path / "out" / "es").iterdir()) == ["rights-groups.txt"]


def test_unknown_target_language_is_a_usage_error(argos_dir, tmp_path):
    done = translate(argos_dir, str(EXAMPLES), "--to", "de", "--out", str(tmp_path / "o"))
    assert done.returncode == 2
    assert "unsupported language 'de'" in done.stderr
    assert "Traceback" not in done.stderr


KILL_AFTER = 3  # batches done before the kill; the run has many more at 48 tokens a batch


def big_article(tmp_path: Path) -> Path:
    """Every corpus sentence, in all three languages, as three articles."""
    root = tmp_path / "big"
    rows = corpus_rows()
    for lang in LANGS:
        (root / lang).mkdir(parents=True)
        text = "\n\n".join(r[lang] for r in rows if "<" not in r[lang])
        (root / lang / "all.txt").write_text(text + "\n", encoding="utf-8")
    return root


def test_a_killed_run_resumes_from_the_cache_and_ends_byte_identical(argos_dir, tmp_path):
    source = big_article(tmp_path)
    common = ["--to", "en,es,ru", "--max-batch-tokens", "48", "--json"]
    reference = translate(argos_dir, str(source), *common, "--out", str(tmp_path / "ref"),
                          cache=tmp_path / "ref.sqlite3")
    assert reference.returncode == 0, reference.stderr
    full = json.loads(reference.stdout)

    from tests.kill_point import kill_after_batches

    cache = tmp_path / "killed.sqlite3"
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(argos_dir))
    # Killed with SIGKILL while it waits to send batch KILL_AFTER + 1 to the engine.
    killed = kill_after_batches(KILL_AFTER, ["translate", str(source), *common, "--out",
                                             str(tmp_path / "out"), "--cache", str(cache)], env)
    assert killed["batches"] == KILL_AFTER and killed["sentences"] > 0
    with sqlite3.connect(cache) as kept:  # every finished batch is kept, nothing else
        assert kept.execute("SELECT count(*) FROM translations").fetchone()[0] == \
            killed["sentences"]
    assert not (tmp_path / "out" / "es").exists()  # nothing half-written

    resumed = translate(argos_dir, str(source), *common, "--out", str(tmp_path / "out"),
                        cache=cache)
    assert resumed.returncode == 0, resumed.stderr
    again = json.loads(resumed.stdout)
    assert again["cache_hits"] > 0
    assert again["machine_translated"] < full["machine_translated"]
    assert again["cache_hits"] >= killed["sentences"]
    assert again["machine_translated"] == full["machine_translated"] - killed["sentences"]
    for path in (tmp_path / "ref").rglob("*.txt"):
        twin = tmp_path / "out" / path.relative_to(tmp_path / "ref")
        assert twin.read_bytes() == path.read_bytes(), twin


ALT_ARTICLE = ("# The square\n\nThe police closed the square, see [the ruling]"
               "(https://example.org/ruling \"The court's ruling\").\n\n"
               "![A protester is detained at the square](photo.jpg \"Police at the square\")\n")


@pytest.mark.skipif(shutil.which("apertium") is None,
                    reason="apertium is not installed (apt-get install apertium apertium-eng-spa)")
def test_markdown_alt_text_and_titles_are_translated_and_reviewed(tmp_path):
    """Alt text and titles go through MT, the catalog and ``po import`` like any sentence."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "square.md").write_text(ALT_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("translate", str(tmp_path / "in"), "--to", "es", "--engine", "apertium",
                   "--no-cache", "--out", str(out), "--po")
    assert done.returncode == 0, done.stderr
    text = (out / "es" / "square.md").read_text(encoding="utf-8")
    image = re.search(r'^!\[([^\]]+)\]\(photo\.jpg "([^"]+)"\)$', text, re.M)
    assert image, text
    assert image.groups() != ("A protester is detained at the square", "Police at the square")
    title = re.search(r'\]\(https://example\.org/ruling "([^"]+)"\)', text)
    assert title and title.group(1) != "The court's ruling", text

    po = out / "locales" / "es" / "LC_MESSAGES" / "square.po"
    catalog = po.read_text(encoding="utf-8")
    assert "#: square.md:alt-attr1\n" in catalog and "#: square.md:title-attr2\n" in catalog
    entry = catalog.index('msgid "A protester is detained at the square"')
    head = catalog.rindex("#, fuzzy\n", 0, entry)
    end = catalog.index("\n\n", entry)
    reviewed = 'msgid "A protester is detained at the square"\nmsgstr "Un manifestante [detenido]"'
    po.write_text(catalog[:head] + catalog[head + 9 : entry] + reviewed + catalog[end:],
                  encoding="utf-8")
    imported = run_cli("po", "import", str(out))
    assert imported.returncode == 0, imported.stderr
    text = (out / "es" / "square.md").read_text(encoding="utf-8")
    assert "![Un manifestante \\[detenido\\]](photo.jpg \"" in text, text
    report = run_cli("report", str(out))
    assert report.returncode == 0, report.stderr
