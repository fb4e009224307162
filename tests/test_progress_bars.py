"""Long work shows a bar on a terminal and stays silent elsewhere, counting all the same."""

from __future__ import annotations

import io
import sys

from translator.progress import counting


def test_a_bar_counts_to_its_total_on_a_terminal(monkeypatch):
    screen = io.StringIO()
    monkeypatch.setattr(sys, "stderr", screen)
    with counting(3000, "concepts", "importing", enabled=True) as bar:
        bar.update(1000)
        bar.update(2000)
    assert bar.n == 3000 and "importing:   0%" in screen.getvalue()
    assert screen.getvalue().endswith("\r")  # the line is cleared when the work is done


def test_without_a_terminal_nothing_is_written(monkeypatch):
    screen = io.StringIO()
    monkeypatch.setattr(sys, "stderr", screen)
    with counting(10, "lines", "finding names") as bar:
        bar.update(10)
    assert bar.n == 10 and screen.getvalue() == ""


def test_an_import_reports_every_concept_it_adds(tmp_path):
    from glossary.exchange import import_file
    from glossary.store import Termbase

    table = tmp_path / "terms.csv"
    table.write_text("en,es\n" + "".join(f"court{n},tribunal{n}\n" for n in range(2500)),
                     encoding="utf-8")
    totals: list[int] = []
    added: list[int] = []

    def progress(total: int):
        totals.append(total)
        return added.append

    with Termbase.open(tmp_path / "g.db", create=True) as termbase:
        ids = import_file(termbase, table, progress=progress)
    assert totals == [2500] and sum(added) == len(ids) == 2500
