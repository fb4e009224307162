"""``--out`` at an input folder or above it: every input looked like an earlier output."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.robustness.conftest import listing, one_line

TEXT = "The district court fined the activist. Her lawyer filed an appeal.\n"


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("out", "says"), [(".", "is the input folder"),
                                           ("..", "contains the input folder")])
def test_refused_in_one_line_and_nothing_written(inputs, out, says):
    before = listing(inputs.parent)
    done = run_cli("translate", str(inputs), "--to", "es", "--out", str(inputs / out),
                   "--engine", "apertium", "--no-cache")
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert line.startswith("triglot: error: --out") and says in line
    assert done.stdout == ""
    assert listing(inputs.parent) == before


def test_out_inside_the_input_folder_is_still_fine(inputs):
    from tests.fake_engine import TaggingEngine
    from translator.cache import TranslationCache
    from translator.pipeline import RunRequest, translate_run
    from translator.progress import Progress

    request = RunRequest([inputs], ["es"], inputs / "out", "en")
    engine = TaggingEngine({("en", "es")})
    for _ in range(2):  # the second run skips the first run's output
        summary = translate_run(request, engine, TranslationCache(None), Progress(False))
        assert summary.documents == 1 and summary.translated == 1 and summary.errors == []
