"""A full disk (ENOSPC) under --out, the glossary, --cache and the translation memory.

Each case runs on a 256 KiB tmpfs filled to leave a little room: the run must
stop with one line naming the file, exit non-zero, leave no half-written file,
and a store it was creating must not be left behind empty.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.robustness.conftest import listing, one_line

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None or not Path("/usr/share/apertium/modes/eng-spa.mode").exists(),
    reason="needs apertium and apertium-eng-spa (make system-deps)")


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KiB tmpfs, unmounted afterwards; skipped where mounting is not allowed."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield disk
    finally:  # lazily: a process the test left running must not keep it mounted
        subprocess.run(["umount", "--lazy", str(disk)], check=True)


def leave_free(disk: Path, room: int) -> None:
    """Fill ``disk`` until about ``room`` bytes are left."""
    found = os.statvfs(disk)
    free = found.f_bavail * found.f_frsize
    with (disk / "filler").open("ab") as filler:
        filler.write(b"\0" * max(0, free - room))


def sentences(count: int, start: int = 0) -> list[str]:
    return [f"The district court fined activist number {i} for a protest near the metro."
            for i in range(start, start + count)]


def articles(folder: Path, count: int, lines: int) -> Path:
    folder.mkdir()
    for number in range(count):
        text = "\n\n".join(sentences(lines, number * lines)) + "\n"
        (folder / f"article{number}.txt").write_text(text, encoding="utf-8")
    return folder


def translate(inputs: Path, out: Path, *cache: str) -> subprocess.CompletedProcess:
    return run_cli("translate", str(inputs), "--from", "en", "--to", "es", "--engine",
                   "apertium", "--out", str(out), *(cache or ("--no-cache",)))


@needs_apertium
def test_out_on_a_full_disk_stops_with_one_line_and_keeps_only_whole_files(small_disk,
                                                                           tmp_path):
    inputs = articles(tmp_path / "in", 7, 150)  # about 13 KB an output: four fit in 64 KiB
    assert translate(inputs, tmp_path / "reference").returncode == 0
    leave_free(small_disk, 64 * 1024)
    done = translate(inputs, small_disk / "out")
    assert done.returncode == 1
    line = one_line(done.stderr)
    assert "disk full" in line and str(small_disk / "out" / "es") in line
    written = sorted(path.name for path in (small_disk / "out" / "es").iterdir())
    assert 0 < len(written) < 7
    assert f"{7 - len(written)} of 7 outputs not written" in line
    for name in written:  # no temp file left, and each file whole
        assert (small_disk / "out" / "es" / name).read_bytes() == \
            (tmp_path / "reference" / "es" / name).read_bytes()
    assert f"{7 - len(written)} failed" in done.stdout


def test_a_new_glossary_refused_for_lack_of_space_leaves_no_file(small_disk):
    leave_free(small_disk, 2048)
    glossary = small_disk / "glossary.db"
    done = run_cli("glossary", "add", "--glossary", str(glossary), "--en", "court",
                   "--es", "tribunal")
    assert done.returncode != 0
    line = one_line(done.stderr)
    assert str(glossary) in line and "disk full" in line
    assert listing(small_disk) == ["filler"]


def test_an_import_that_fills_the_disk_leaves_the_glossary_as_it_was(small_disk, tmp_path):
    glossary = small_disk / "glossary.db"
    assert run_cli("glossary", "add", "--glossary", str(glossary), "--en", "court",
                   "--es", "tribunal").returncode == 0
    table = tmp_path / "terms.csv"
    table.write_text("en,es\n" + "".join(f"{s},{s[::-1]}\n" for s in sentences(2000)),
                     encoding="utf-8")
    leave_free(small_disk, 8192)
    done = run_cli("glossary", "import", str(table), "--glossary", str(glossary))
    assert done.returncode != 0
    line = one_line(done.stderr)
    assert str(glossary) in line and "disk full" in line
    assert listing(small_disk) == ["filler", "glossary.db"]  # no journal left
    with closing(sqlite3.connect(glossary)) as db:
        assert db.execute("SELECT count(*) FROM concepts").fetchone()[0] == 1


@needs_apertium
def test_a_new_cache_refused_for_lack_of_space_leaves_no_file(small_disk, tmp_path):
    inputs = articles(tmp_path / "in", 1, 5)
    leave_free(small_disk, 8192)
    cache = small_disk / "cache.sqlite3"
    done = translate(inputs, tmp_path / "out", "--cache", str(cache))
    assert done.returncode != 0
    line = one_line(done.stderr)
    assert str(cache) in line and "disk full" in line and "--no-cache" in line
    assert listing(small_disk) == ["filler"]


@pytest.mark.slow
@needs_apertium
def test_a_cache_that_fills_up_mid_run_stops_it_with_one_line(small_disk, tmp_path):
    inputs = articles(tmp_path / "in", 1, 3000)  # far more translations than 256 KiB holds
    cache = small_disk / "cache.sqlite3"
    done = translate(inputs, tmp_path / "out", "--cache", str(cache))
    assert done.returncode != 0
    line = one_line(done.stderr)
    assert str(cache) in line and "disk full" in line
    with closing(sqlite3.connect(cache)) as db:  # what was stored is whole batches, still readable
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def tmx(units: list[str]) -> str:
    body = "".join(f'<tu><tuv xml:lang="en"><seg>{text}</seg></tuv>'
                   f'<tuv xml:lang="es"><seg>{text[::-1]}</seg></tuv></tu>' for text in units)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
            'creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" '
            'adminlang="en" srclang="en" datatype="plaintext"/>'
            f"<body>{body}</body></tmx>")


def test_a_new_memory_refused_for_lack_of_space_leaves_no_file(small_disk, tmp_path):
    memory_file = tmp_path / "small.tmx"
    memory_file.write_text(tmx(sentences(3)), encoding="utf-8")
    leave_free(small_disk, 2048)
    memory = small_disk / "tm.sqlite3"
    done = run_cli("tm", "import", str(memory_file), "--tm", str(memory))
    assert done.returncode != 0
    line = one_line(done.stderr)
    assert str(memory) in line and "disk full" in line
    assert listing(small_disk) == ["filler"]


def test_an_import_that_fills_the_disk_leaves_the_memory_as_it_was(small_disk, tmp_path):
    small, big = tmp_path / "small.tmx", tmp_path / "big.tmx"
    small.write_text(tmx(sentences(3)), encoding="utf-8")
    big.write_text(tmx(sentences(2000, 3)), encoding="utf-8")
    memory = small_disk / "tm.sqlite3"
    assert run_cli("tm", "import", str(small), "--tm", str(memory)).returncode == 0
    leave_free(small_disk, 8192)
    done = run_cli("tm", "import", str(big), "--tm", str(memory))
    assert done.returncode != 0
    line = one_line(done.stderr)
    assert str(memory) in line and "disk full" in line
    with closing(sqlite3.connect(memory)) as db:
        assert db.execute("SELECT count(*) FROM units").fetchone()[0] == 3
