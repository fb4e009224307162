"""Issue 12 item 17: glossary proposals survive a second ``po import`` after translating again.

Once a review is in the translation memory, the next run's translation of that
sentence is the review itself; the proposal it made must still be there.
"""

from __future__ import annotations

import csv
from pathlib import Path

from tests.fake_engine import TableEngine
from tests.po.conftest import VIA_EN, catalog, export, review
from translator.cache import TranslationCache
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress
from translator.review.po.importer import import_run
from translator.review.po.proposals import PROPOSALS_FILE
from translator.review.tm import TranslationMemory

SOURCE = "Суд оштрафовал журналиста."
MT = "The court fined the journalist."
REVIEWED = "The tribunal fined the journalist."


def translate(root: Path, out: Path, tm: Path) -> None:
    engine = TableEngine(VIA_EN, {SOURCE: MT})
    with TranslationMemory(tm) as memory:
        summary = translate_run(RunRequest([root], ["en"], out), engine,
                                TranslationCache(None), Progress(False), memory)
        assert summary.errors == []
        export(out, memory)


def proposals(out: Path) -> list[dict[str, str]]:
    with (out / PROPOSALS_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def reviewed_run(tmp_path):
    """An article translated with a glossary, its one sentence reviewed in the catalog."""
    root = tmp_path / "articles"
    root.mkdir()
    (root / "sud.txt").write_text(SOURCE + "\n", encoding="utf-8")
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("ru,en\nсуд,court\n", encoding="utf-8")
    out, tm = tmp_path / "out", tmp_path / "tm.sqlite3"
    translate(root, out, tm)
    review(catalog(out, "en", "sud.po"), {"Суд оштрафовал": REVIEWED})
    return root, glossary, out, tm


def test_a_second_import_after_translating_again_keeps_the_proposal(tmp_path):
    root, glossary, out, tm = reviewed_run(tmp_path)
    first = import_run(out, tm, glossary=glossary, entities=False)
    assert first.proposals == 1
    assert proposals(out)[0]["reviewer_rendering"] == "tribunal"

    translate(root, out, tm)  # the memory now gives the reviewed sentence
    assert (out / "en" / "sud.txt").read_text(encoding="utf-8").strip() == REVIEWED
    second = import_run(out, tm, glossary=glossary, entities=False)
    assert second.proposals == 1
    assert [row["reviewer_rendering"] for row in proposals(out)] == ["tribunal"]


def test_a_proposal_the_glossary_now_follows_is_dropped(tmp_path):
    root, glossary, out, tm = reviewed_run(tmp_path)
    assert import_run(out, tm, glossary=glossary, entities=False).proposals == 1
    glossary.write_text("ru,en\nсуд,tribunal\n", encoding="utf-8")  # proposal applied
    translate(root, out, tm)
    assert import_run(out, tm, glossary=glossary, entities=False).proposals == 0
