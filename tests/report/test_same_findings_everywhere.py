"""The report page and the PO notes name the same glossary terms and names for a run.

Both come from one annotation of the run, so a reviewer reading the catalogs
and one reading the page see the same terms (with the same term to use) and
the same names (with the same rendering).
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from tests.conftest import run_cli
from tests.report.conftest import GLOSSARY, write_run
from tests.report.htmltree import Element, parse

CODES = re.compile(r"</?g\d+>|<x\d+/>")
NOTE_KINDS = ("glossary: ", "entity (", "terms: ", "translation memory", "source language: ",
              "machine translation: ", "reviewed translation")
NOT_FOUND = "(not found in the translation)"


def plain(element: Element) -> str:
    """An element's text without the pair numbers the page prints after each mark."""
    return "".join(c if isinstance(c, str) else "" if "label" in c.classes else plain(c)
                   for c in element.children)


def page_findings(page: str) -> dict[str, tuple[set, set]]:
    """Per source sentence: (term as found, term to use) and (name, its rendering)."""
    root, _ = parse(page)
    found = {}
    for table in root.iter("table", "segments"):
        for row in table.find("tbody").iter("tr"):
            source = list(row.iter("td"))[1]
            terms = set()
            for mark in source.iter("mark", "term"):
                expected = re.search(r" → (.*) \((?:found: .*|not in the translation)\)$",
                                     mark.attrs["title"])
                terms.add((plain(mark), expected.group(1)))
            names = set()
            for mark in source.iter("mark", "entity"):
                rendering = re.search(r" → (.*) \([^()]*\)$", mark.attrs["title"])
                names.add((plain(mark), rendering.group(1) if rendering else NOT_FOUND))
            found[plain(source)] = (terms, names)
    return found


def notes_of(entry: polib.POEntry) -> list[str]:
    """The entry's notes, one string each, whatever line wrapping the catalog has."""
    text = " ".join(entry.comment.split())
    starts = sorted({m.start() for kind in NOTE_KINDS for m in re.finditer(re.escape(kind), text)
                     if m.start() == 0 or text[m.start() - 1] == " "})
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def catalog_findings(run_dir: Path) -> dict[str, tuple[set, set]]:
    found = {}
    for path in sorted(run_dir.glob("locales/*/LC_MESSAGES/**/*.po")):
        for entry in polib.pofile(str(path)):
            terms, names = set(), set()
            for note in notes_of(entry):
                if glossary := re.fullmatch(r"glossary: (.+?) -> (.+?) \[[^\]]+\]", note):
                    terms.add((glossary.group(1), glossary.group(2)))
                elif name := re.fullmatch(r"entity \(\w+\): (.+?) -> (.+)", note):
                    names.add((name.group(1), name.group(2)))
            found[CODES.sub("", entry.msgid)] = (terms, names)
    return found


@pytest.mark.slow
def test_the_report_and_the_po_notes_name_the_same_terms_and_names(tmp_path):
    run_dir = write_run(tmp_path / "run")
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    exported = run_cli("po", "export", str(run_dir), "-g", str(glossary),
                       "--tm", str(tmp_path / "tm.sqlite3"), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    page = tmp_path / "review.html"
    reported = run_cli("report", str(run_dir), "-g", str(glossary), "-o", str(page),
                       cwd=tmp_path)
    assert reported.returncode == 0, reported.stderr

    on_page = page_findings(page.read_text(encoding="utf-8"))
    in_catalogs = catalog_findings(run_dir)
    assert on_page == in_catalogs
    terms = {t for found, _ in on_page.values() for t in found}
    names = {n for _, found in on_page.values() for n in found}
    assert ("court", "tribunal") in terms and ("распознавания лиц", "facial recognition") in terms
    assert ("Alexei Navalny", "Alexéi Navalni") in names
