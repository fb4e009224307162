"""Run the ``triglot`` entry point in this process, so a test can monkeypatch what it calls.

``translator.cli.main`` is what the console script runs: its one-line error
handling is what the user sees, which ``CliRunner().invoke(cli, ...)`` skips.
"""

from __future__ import annotations

import gc
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from glossary.model import Concept, Term
from glossary.store import Termbase
from tests.fake_engine import TaggingEngine, run_cli_with
from tests.po.conftest import VIA_EN
from translator.cli import main


@dataclass
class Done:
    code: int
    stdout: str
    stderr: str


def triglot(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture, *args: object,
            stdin: bytes | None = None) -> Done:
    """``triglot ARGS`` through ``main``: its exit code and what it printed."""
    monkeypatch.setattr(sys, "argv", ["triglot", *map(str, args)])
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    thresholds = gc.get_threshold()  # main raises them for its run; not for the suite's
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        gc.set_threshold(*thresholds)
    out, err = capsys.readouterr()
    return Done(code, out, err)


def make_termbase(path: Path) -> Path:
    """A termbase with one concept: court / суд / tribunal."""
    with Termbase.open(path, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("en", "court"), Term("ru", "суд"),
                                      Term("es", "tribunal")]))
    return path


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """``translate`` with the tests' tagging engine: no model, no cache on disk."""
    run_cli_with(monkeypatch, TaggingEngine(VIA_EN))
