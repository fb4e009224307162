"""The review loop end to end, as docs/po.md tells a user, on the project's real Argos packages.

translate the examples with --po -> a reviewer edits a catalog (removes fuzzy flags,
changes a term and a name) -> the source article is edited and translated again
(the review survives) -> import: reviewed articles, a TM hit on the next run and
glossary proposals. Every catalog is checked with msgfmt, pocount and pofilter.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import polib
import pytest

from glossary.model import Concept, Term
from glossary.store import Termbase
from tests.conftest import EXAMPLES, ROOT, TEST_PACKAGES, run_cli
from tests.po.conftest import entry_for, tool
from translator.review.po.catalog import FUZZY

CORPUS_TSV = ROOT / "tests" / "data" / "corpus" / "parallel.tsv"
ARTICLE = "ru/kamery-v-metro.txt"
pytestmark = pytest.mark.slow  # the whole loop through the real CLI and packages


def corpus() -> dict[str, dict[str, str]]:
    with CORPUS_TSV.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle, delimiter="\t",
                                                         quoting=csv.QUOTE_NONE)}


ROWS = corpus()
SYSTEMS, STATIONS, FIGURE = ROWS["s002"], ROWS["s003"], ROWS["s005"]
POPOVA, REJECTED, FINED, SINCE_2020 = ROWS["s008"], ROWS["s009"], ROWS["s074"], ROWS["s135"]
FACE = SYSTEMS["en"].replace("facial recognition", "face recognition")
ALENA = POPOVA["en"].replace("Alyona", "Alena")


@dataclass
class Story:
    work: Path
    out: Path
    glossary: Path
    tm: Path
    env: dict[str, str]
    steps: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    first: dict[str, polib.POEntry] = field(default_factory=dict)  # entries before the edits
    catalogs_after_first_run: list[Path] = field(default_factory=list)

    @property
    def catalog(self) -> Path:
        return self.out / "locales" / "en" / "LC_MESSAGES" / "ru" / "kamery-v-metro.po"

    def cli(self, step: str, *args: str) -> subprocess.CompletedProcess:
        done = run_cli(*args, env=self.env)
        assert done.returncode == 0, (step, done.stderr)
        assert "Traceback" not in done.stderr
        self.steps[step] = done
        return done


def make_glossary(path: Path) -> None:
    with Termbase.open(path, create=True) as termbase:
        termbase.add_concept(Concept(subject="technology", terms=[
            Term("ru", "распознавание лиц"), Term("en", "facial recognition"),
            Term("es", "reconocimiento facial")]))


def reviewer_edits(path: Path) -> None:
    """What a reviewer does in Poedit: correct a term and a name, approve two sentences."""
    catalog = polib.pofile(str(path))
    for source, text in ((SYSTEMS["ru"], FACE), (POPOVA["ru"], ALENA),
                         (STATIONS["ru"], None), (REJECTED["ru"], None)):
        entry = entry_for(catalog, source)
        if text is not None:
            entry.msgstr = text
        entry.flags.remove(FUZZY)
    entry_for(catalog, SYSTEMS["ru"]).tcomment = "house style: face recognition"
    catalog.save()


def edit_source(path: Path) -> None:
    """The article is updated: a paragraph before, one sentence changed, one deleted."""
    text = path.read_text(encoding="utf-8")
    title, rest = text.split("\n\n", 1)
    rest = (rest.replace(REJECTED["ru"], FINED["ru"])
            .replace(" " + FIGURE["ru"], "").replace(FIGURE["ru"], ""))
    path.write_text(f"{title}\n\n{SINCE_2020['ru']}\n\n{rest}", encoding="utf-8")


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    archives = sorted(TEST_PACKAGES.glob("*.argosmodel"))
    assert len(archives) == 4, "run `make test-packages` to build tests/data/packages"
    base = tmp_path_factory.mktemp("loop")
    env = {"ARGOS_PACKAGES_DIR": str(base / "argos")}
    for archive in archives:
        done = run_cli("models", "install", "--file", str(archive), env=env)
        assert done.returncode == 0, done.stderr
    work = base / "articles"
    for lang in ("en", "es", "ru"):
        shutil.copytree(EXAMPLES / lang, work / lang)
    s = Story(work, base / "out", base / "glossary.db", base / "tm.sqlite3", env)
    make_glossary(s.glossary)
    common = ["--to", "en,es,ru", "--out", str(s.out), "--po", "--glossary", str(s.glossary),
              "--tm", str(s.tm), "--cache", str(base / "cache.sqlite3"), "--json"]

    s.cli("translate", "translate", str(work), *common)
    s.catalogs_after_first_run = sorted(s.out.glob("locales/*/LC_MESSAGES/**/*.po"))
    s.first = {e.msgid: e for e in polib.pofile(str(s.catalog))}
    reviewer_edits(s.catalog)
    edit_source(work / ARTICLE)
    s.cli("retranslate", "translate", str(work), *common)
    s.cli("stats", "po", "stats", str(s.out), "--json")
    s.cli("import", "po", "import", str(s.out), "--glossary", str(s.glossary), "--tm",
          str(s.tm), "--json")
    one = ["--from", "ru", "--to", "en", "--no-cache", "--json"]
    s.cli("next-run", "translate", str(work / ARTICLE), *one, "--out", str(base / "next"),
          "--tm", str(s.tm))
    s.cli("without-tm", "translate", str(work / ARTICLE), *one, "--out", str(base / "plain"),
          "--tm", str(base / "empty.sqlite3"))
    s.cli("tmx", "tm", "export", str(base / "memory.tmx"), "--tm", str(s.tm))
    return s


def test_translate_po_writes_one_catalog_per_article_and_target_language(story):
    articles = [p.relative_to(EXAMPLES) for p in EXAMPLES.rglob("*")
                if p.suffix in {".txt", ".md", ".html"}]
    expected = sorted(story.out / "locales" / lang / "LC_MESSAGES" / a.with_suffix(".po")
                      for a in articles for lang in ("en", "es", "ru") if a.parts[0] != lang)
    written = set(story.catalogs_after_first_run)
    assert set(expected) <= written
    # A quote in another language gets a catalog in the article's own language too.
    for extra in written - set(expected):
        entries = polib.pofile(str(extra))
        assert entries and all("source language: " in e.comment for e in entries), extra
    assert len(json.loads(story.steps["translate"].stdout)["catalogs"]) == len(written)


def test_catalog_entries_carry_mt_context_references_and_notes(story):
    entries = story.first
    assert all(FUZZY in e.flags for e in entries.values())  # nothing reviewed yet
    systems = entries[SYSTEMS["ru"]]
    assert systems.msgstr == SYSTEMS["en"]
    assert systems.msgctxt.startswith(f"{ARTICLE}#")
    assert systems.occurrences == [(f"{ARTICLE}:p2", "")]  # p1 is the title
    assert "glossary: распознавания лиц -> facial recognition [c1]" in systems.comment
    assert "entity (PER): Алёна Попова -> Alyona Popova" in entries[POPOVA["ru"]].comment
    header = polib.pofile(str(story.catalog)).metadata
    assert header["Language"] == "en" and header["X-Triglot-Article"] == ARTICLE
    ru_catalog = story.out / "locales" / "ru" / "LC_MESSAGES" / "en" / "appeal-hearing.po"
    assert polib.pofile(str(ru_catalog)).metadata["Plural-Forms"].startswith("nplurals=3;")


def test_after_editing_the_source_the_review_survives_the_new_run(story):
    catalog = polib.pofile(str(story.catalog))
    systems = entry_for(catalog, SYSTEMS["ru"])
    assert systems.msgstr == FACE and FUZZY not in systems.flags
    assert systems.msgctxt == story.first[SYSTEMS["ru"]].msgctxt
    assert systems.tcomment == "house style: face recognition"
    assert systems.occurrences == [(f"{ARTICLE}:p3", "")]  # moved down by the new paragraph
    # the changed sentence: fuzzy, the previous source in #|, the reviewed text kept
    fined = entry_for(catalog, FINED["ru"])
    assert FUZZY in fined.flags and fined.previous_msgid == REJECTED["ru"]
    assert fined.msgstr == REJECTED["en"]
    assert f"machine translation: {FINED['en']}" in fined.comment
    # the deleted sentence is obsolete, the new one is fresh MT
    assert [e.msgid for e in catalog.obsolete_entries()] == [FIGURE["ru"]]
    new = entry_for(catalog, SINCE_2020["ru"])
    assert new.msgstr == SINCE_2020["en"] and FUZZY in new.flags


def test_stats_count_the_review_and_the_glossary_finding(story):
    data = json.loads(story.steps["stats"].stdout)
    row = next(r for r in data["catalogs"] if r["path"] == str(story.catalog))
    assert row["reviewed"] == 3  # two corrected, one approved; the changed one is fuzzy again
    assert row["glossary_findings"] == 1  # "face recognition" is not the glossary's term
    assert row["total"] == row["reviewed"] + row["fuzzy"] + row["untranslated"]


def test_import_rebuilds_the_article_with_the_reviewed_text(story):
    result = json.loads(story.steps["import"].stdout)
    assert result["reviewed"] == 3 and result["warnings"] == []
    text = (story.out / "en" / ARTICLE).read_text(encoding="utf-8")
    assert FACE in text and ALENA in text and STATIONS["en"] in text
    assert FINED["en"] in text and REJECTED["en"] not in text  # fuzzy: the MT of the new text
    assert SINCE_2020["en"] in text


def test_import_proposes_the_reviewers_renderings_for_the_glossary(story):
    with (story.out / "glossary-proposals.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    term = next(r for r in rows if r["kind"] == "term")
    assert (term["action"], term["concept"], term["source_term"], term["glossary_term"],
            term["reviewer_rendering"]) == ("update", "c1", "распознавания лиц",
                                            "facial recognition", "face recognition")
    name = next(r for r in rows if r["kind"] == "entity")
    assert (name["action"], name["source_term"], name["mt_rendering"],
            name["reviewer_rendering"]) == ("add", "Алёна Попова", "Alyona Popova",
                                            "Alena Popova")
    with Termbase.open(story.glossary) as termbase:  # proposed, never applied
        assert [t.text for t in termbase.get("c1").terms_in("en")] == ["facial recognition"]


def test_the_next_run_reuses_reviewed_translations_without_mt(story):
    with_tm = json.loads(story.steps["next-run"].stdout)
    without = json.loads(story.steps["without-tm"].stdout)
    assert with_tm["tm_hits"] == 3 and without["tm_hits"] == 0
    assert with_tm["machine_translated"] == without["machine_translated"] - 3
    text = (story.work.parent / "next" / "en" / "kamery-v-metro.txt").read_text("utf-8")
    assert FACE in text and ALENA in text
    tmx = (story.work.parent / "memory.tmx").read_text(encoding="utf-8")
    assert "face recognition" in tmx and 'xml:lang="ru"' in tmx


def all_catalogs(story: Story) -> list[Path]:
    return sorted(story.out.glob("locales/*/LC_MESSAGES/**/*.po"))


def test_msgfmt_check_accepts_every_catalog(story):
    msgfmt = tool("msgfmt")
    for path in all_catalogs(story):
        done = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)],
                              capture_output=True, text=True)
        assert done.returncode == 0 and not done.stderr, (path, done.stderr)


def test_pocount_reads_every_catalog_with_our_counts(story):
    pocount = tool("pocount")
    done = subprocess.run([pocount, "--csv", *map(str, all_catalogs(story))],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    theirs = {row["Filename"]: row for row in csv.DictReader(done.stdout.splitlines())}
    stats = run_cli("po", "stats", str(story.out), "--json")
    for row in json.loads(stats.stdout)["catalogs"]:
        counted = theirs[row["path"]]
        assert (int(counted["Translated Messages"]), int(counted["Fuzzy Messages"]),
                int(counted["Untranslated Messages"]), int(counted["Total Message"])) == (
            row["reviewed"], row["fuzzy"], row["untranslated"], row["total"]), row["path"]


def test_pofilter_runs_on_every_catalog_and_finds_the_markup_intact(story, tmp_path):
    pofilter = tool("pofilter")
    for number, path in enumerate(all_catalogs(story)):
        report = tmp_path / f"{number}.po"
        done = subprocess.run([pofilter, "--fuzzy", "-t", "xmltags", "-t", "variables",
                               str(path), str(report)], capture_output=True, text=True)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        # pofilter writes a catalog of the failing entries, and no file when none fails
        flagged = polib.pofile(str(report)) if report.exists() else []
        assert [e.msgid for e in flagged] == [], path
