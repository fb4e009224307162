"""simplemma's dictionaries cached as tries: the same lemmas, and a cache that never hurts.

Each case runs in a fresh process with its own cache folder (the session's shared
lemma cache is not used), because a process opens each dictionary once.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # each case builds a trie in a fresh process

LOOKUP = """
import simplemma
from glossary.lemma_tries import trie_cache_dir
from glossary.morphology import dictionary_lemma, in_dictionary
words = ["protesters", "cameras", "courts", "went", "Moscow"]
ours = [dictionary_lemma(w, "en") for w in words]
assert ours == [simplemma.lemmatize(w.lower(), lang="en") for w in words], ours
assert in_dictionary("cameras", "en") and not in_dictionary("xqzzt", "en")
print(trie_cache_dir())
"""


def lookup(cache, umask: int = 0o022) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", LOOKUP], env=env, capture_output=True,
                          text=True, preexec_fn=lambda: os.umask(umask), check=False)


def test_the_first_process_caches_the_trie_and_the_next_reads_it(tmp_path):
    first = lookup(tmp_path, umask=0o027)
    assert first.returncode == 0 and first.stderr == "", first.stderr
    trie = tmp_path / "triglot" / "lemmas" / f"simplemma-{_version()}" / "en.dic"
    assert first.stdout.strip() == str(trie.parent) and trie.stat().st_size > 100_000
    assert stat.S_IMODE(trie.stat().st_mode) == 0o640  # the umask, as any file we write
    assert [p.name for p in trie.parent.iterdir()] == ["en.dic"]  # no temp file left
    written = trie.stat().st_mtime_ns
    second = lookup(tmp_path)
    assert second.returncode == 0 and second.stderr == ""
    assert trie.stat().st_mtime_ns == written  # read, not built again


def test_a_damaged_trie_is_built_again_silently(tmp_path):
    assert lookup(tmp_path).returncode == 0
    trie = next((tmp_path / "triglot" / "lemmas").glob("*/en.dic"))
    trie.write_bytes(b"\x00not a trie" * 10)
    again = lookup(tmp_path)
    assert again.returncode == 0 and again.stderr == "", again.stderr
    assert trie.stat().st_size > 100_000


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_cache_still_gives_the_lemmas(tmp_path):
    tmp_path.chmod(0o500)
    try:
        done = lookup(tmp_path)
    finally:
        tmp_path.chmod(0o700)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_a_cache_path_that_is_a_file_still_gives_the_lemmas(tmp_path):
    (tmp_path / "triglot").write_text("not a folder", encoding="utf-8")
    done = lookup(tmp_path)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def _version() -> str:
    import simplemma

    return simplemma.__version__
