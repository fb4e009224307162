"""``triglot report``: the review page a user opens after a run."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli
from tests.report.conftest import DOCUMENTS, GLOSSARY, SCRIPT, write_run
from tests.report.htmltree import Element, parse
from tests.report.png import read_png

TERM_COLOUR = bytes.fromhex("d8f1ee")  # mark.term background in the page's CSS
NAME_COLOUR = bytes.fromhex("ece4fb")  # mark.entity background
pytestmark = pytest.mark.slow  # the real CLI per page; Apertium and chromium


def make_report(run_dir: Path, *args: str, cwd: Path | None = None) -> tuple[str, Element, list]:
    out = run_dir.parent / "review.html"
    done = run_cli("report", str(run_dir), "-o", str(out), *args, cwd=cwd or run_dir.parent)
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    root, tags = parse(page)
    return page, root, tags


@pytest.fixture(scope="module")
def review(tmp_path_factory) -> tuple[str, Element, list]:
    """The page for the recorded run with its glossary, built once for the tests that read it."""
    base = tmp_path_factory.mktemp("review")
    glossary = base / "glossary.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    return make_report(write_run(base / "run"), "-g", str(glossary))


def sections(root: Element) -> dict[str, list[Element]]:
    """Document heading -> its segment rows."""
    found = {}
    for section in root.iter("section"):
        table = section.find("table", "segments")
        if table is not None:
            found[section.find("h2").text()] = list(table.find("tbody").iter("tr"))
    return found


def cells(row: Element) -> list[Element]:
    return list(row.iter("td"))


def shown_text(element: Element) -> str:
    """What a reader sees as the sentence: the text without the pair numbers."""
    return "".join(c if isinstance(c, str) else "" if "label" in c.classes else shown_text(c)
                   for c in element.children)


def marks(cell: Element, kind: str) -> dict[str, Element]:
    return {m.text(): m for m in cell.iter("mark", kind)}


def label_after(cell: Element, mark: Element) -> str:
    """The pair number printed right after a mark."""
    children = _parent_of(cell, mark).children
    following = children[children.index(mark) + 1]
    assert isinstance(following, Element) and "label" in following.classes
    return following.text()


def _parent_of(root: Element, target: Element) -> Element:
    for element in [root, *root.iter()]:
        if any(child is target for child in element.children):
            return element
    raise AssertionError("not found")


def test_page_is_self_contained_and_escapes_everything(review):
    page, root, tags = review
    assert "<script" not in page.lower()
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(tags)
    for element in root.iter():
        assert not {"src", "srcset", "onload", "onerror"} & set(element.attrs)
        assert not element.attrs.get("href", "#").startswith(("http", "//", "file:"))
    policy = [m for m in root.iter("meta") if m.attrs.get("http-equiv") ==
              "Content-Security-Policy"]
    assert policy and "default-src 'none'" in policy[0].attrs["content"]
    text = root.text()
    assert text.count(SCRIPT) == 2  # shown literally in the source and the translation
    assert 'saw "Masha' in text and "& friends" in text
    headings = [h.text() for h in root.iter("h2")]
    assert 'o"hare <b>appeal</b>.txt → Spanish' in headings
    numbers = [td.attrs.get("title") for td in root.iter("td", "num")]
    assert 'p"3' in numbers  # a quote inside an attribute survives as text


def test_source_and_translation_side_by_side_without_inline_codes(review):
    page, root, tags = review
    rows = sections(root)
    assert list(rows) == ["hearing.md → Spanish", 'o"hare <b>appeal</b>.txt → Spanish',
                          "kamery.txt → English"]
    for (_, _, _, _, segments), table in zip(DOCUMENTS, rows.values(), strict=True):
        assert len(table) == len(segments)
        for (_, source, mt), row in zip(segments, table, strict=True):
            src_cell, mt_cell = cells(row)[1:3]
            for cell, text in ((src_cell, source), (mt_cell, mt)):
                assert shown_text(cell) == re.sub(r"</?g\d+>|<x\d+/>", "", text)
    assert "g1" not in tags and "&lt;g1&gt;" not in page


def test_terms_and_names_carry_the_same_number_on_both_sides(review):
    _, root, _ = review
    rows = sections(root)
    source, target = cells(rows["hearing.md → Spanish"][2])[1:3]  # court -> corte
    court, corte = marks(source, "term")["court"], marks(target, "term")["corte"]
    assert label_after(source, court) == label_after(target, corte)
    assert "corte" in court.attrs["title"] and "tribunal" in court.attrs["title"]
    source, target = cells(rows['o"hare <b>appeal</b>.txt → Spanish'][0])[1:3]
    name, rendering = marks(source, "entity")["Alexei Navalny"], marks(target, "entity")[
        "Alexei Navalny"]
    assert label_after(source, name) == label_after(target, rendering)
    source, target = cells(rows["kamery.txt → English"][0])[1:3]  # Russian case forms
    found = marks(source, "term")
    assert {"Камеры", "распознавания лиц", "метро"} <= set(found)
    assert label_after(source, found["Камеры"]) == label_after(
        target, marks(target, "term")["cameras"])


def test_qa_findings_are_marked_on_their_segments(review):
    _, root, _ = review
    rows = sections(root)
    flagged = {(heading, i) for heading, table in rows.items()
               for i, row in enumerate(table) if "flagged" in row.classes}
    assert flagged == {("hearing.md → Spanish", 2), ('o"hare <b>appeal</b>.txt → Spanish', 2)}
    numbers = cells(rows["hearing.md → Spanish"][2])[3].text()
    assert "numbers differ" in numbers and "3" in numbers and "4" in numbers
    row = rows['o"hare <b>appeal</b>.txt → Spanish'][2]
    assert "should be translated as 'metro'" in cells(row)[3].text()
    assert "problem" in marks(cells(row)[1], "term")["metro"].classes
    assert sum("flagged" in r.classes for t in rows.values() for r in t) == 2
    stats = [s.find("b").text() for s in root.iter("div", "stat")]
    assert stats[2] == "2"  # the QA findings box


def test_consistency_flags_what_was_rendered_two_ways(review):
    _, root, _ = review
    table = root.find("table", "consistency")
    rows = {cells(r)[1].text().split("two ways")[0].split("glossary:")[0].strip():
            r for r in table.find("tbody").iter("tr")}
    court = rows["court"]
    assert "inconsistent" in court.classes
    renderings = cells(court)[3].text()
    assert "tribunal ×2" in renderings and "corte ×1" in renderings
    navalny = rows["Alexei Navalny"]
    assert "inconsistent" in navalny.classes
    assert "Alexéi Navalni" in cells(navalny)[3].text()
    assert "Alexei Navalny" in cells(navalny)[3].text()
    camera = rows["camera"]
    assert "inconsistent" not in camera.classes and "cámara ×2" in cells(camera)[3].text()
    assert "метро" in rows and "metro ×1" in cells(rows["метро"])[3].text()


def test_default_glossary_and_output_path(run_dir, glossary_csv, tmp_path):
    from glossary.formats import read_glossary
    from glossary.store import Termbase

    with Termbase.open(tmp_path / "glossary.db", create=True) as tb:
        tb.add_concepts(read_glossary(glossary_csv))
    done = run_cli("report", str(run_dir), "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["output"] == str(run_dir / "triglot-report.html")
    assert stats["terms"] > 0 and stats["inconsistent"] == 2
    root, _ = parse((run_dir / "triglot-report.html").read_text(encoding="utf-8"))
    assert root.find("mark", "term") is not None


def test_without_a_glossary_names_and_numbers_are_still_checked(run_dir):
    _, root, _ = make_report(run_dir)  # cwd has no glossary.db
    tables = list(root.iter("table", "segments"))
    assert not any(t.find("mark", "term") for t in tables)
    assert any(t.find("mark", "entity") for t in tables)
    assert "numbers differ" in root.text()


@pytest.mark.parametrize("case", ["missing", "no-manifest", "bad-json", "wrong-shape"])
def test_unusable_run_is_one_line_and_exit_2(tmp_path, case):
    run = tmp_path / "run"
    if case != "missing":
        run.mkdir()
    if case == "bad-json":
        (run / "triglot-run.json").write_text("{not json", encoding="utf-8")
    elif case == "wrong-shape":
        (run / "triglot-run.json").write_text('{"documents": [{"relpath": 3}]}',
                                              encoding="utf-8")
    done = run_cli("report", str(run), cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert str(run) in done.stderr
    assert not (run / "triglot-report.html").exists()
    if case == "no-manifest":
        assert "triglot translate" in done.stderr


def test_a_real_run_record_from_the_pipeline(tmp_path):
    """The page reads what ``translate_run`` writes (engine: the tagging fake)."""
    from tests.fake_engine import TaggingEngine
    from translator.cache import TranslationCache
    from translator.pipeline import RunRequest, translate_run
    from translator.progress import Progress

    article = tmp_path / "in" / "story.md"
    article.parent.mkdir()
    article.write_text("# Cameras in the metro\n\nThe *court* heard 3 witnesses on Monday.\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    progress = Progress()
    summary = translate_run(RunRequest([article.parent], ["es"], out, "en"),
                            TaggingEngine({("en", "es")}), TranslationCache(None), progress)
    progress.close()
    assert summary.segments
    _, root, _ = make_report(out)
    rows = sections(root)["story.md → Spanish"]
    assert len(rows) == summary.segments
    assert all(cells(r)[2].text().startswith("[es]") for r in rows)


@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed "
                    "(make apertium-deps)")
def test_report_of_a_real_apertium_run(tmp_path, glossary_csv):
    from translator.cache import TranslationCache
    from translator.engines.apertium import ApertiumEngine
    from translator.pipeline import RunRequest, translate_run
    from translator.progress import Progress

    out = tmp_path / "out"
    progress = Progress()
    translate_run(RunRequest([EXAMPLES / "en"], ["es"], out, "en"), ApertiumEngine(),
                  TranslationCache(None), progress)
    progress.close()
    _, root, _ = make_report(out, "-g", str(glossary_csv))
    targets = [m.text().lower() for m in root.iter("mark", "term")]
    assert any(t.startswith("cámara") for t in targets)
    assert root.find("table", "consistency") is not None


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None,
                    reason="chromium is not installed (make chromium-deps); cannot render")
def test_page_renders_in_headless_chromium(run_dir, glossary_csv, tmp_path):
    make_report(run_dir, "-g", str(glossary_csv))
    shot = tmp_path / "review.png"
    subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
         "--window-size=1280,2000", (run_dir.parent / "review.html").as_uri()],
        capture_output=True, timeout=90, check=False)
    assert shot.is_file(), "chromium wrote no screenshot"
    width, height, rows = read_png(shot, max_rows=1000)
    assert (width, height) == (1280, 2000)
    colours = {row[i:i + 3] for row in rows for i in range(0, len(row), 3)}
    assert len(colours) > 50, "the screenshot is blank"
    assert min(sum(c) for c in colours) < 200, "no dark text"
    assert TERM_COLOUR in colours and NAME_COLOUR in colours, "highlights are not drawn"
