"""simplemma's dictionaries as tries cached on disk: loaded in milliseconds, not half a second.

simplemma ships each language as a compressed stream that every process decodes
in full (Spanish: 0.45 s and about 100 MB) before it can look up one word. Its
``TrieDictionaryFactory`` builds a MARISA trie of the same dictionary once and
keeps it on disk, so later processes open a 4 MB file instead (2 ms, 25 MB).
The lemmas are the same: the trie holds exactly the shipped dictionary.

The tries live in ``$XDG_CACHE_HOME/triglot/lemmas/simplemma-VERSION/``; a trie
is written to a temp file and renamed into place, so a process reading it
beside one that builds it never sees half a file. Where the cache cannot be
written (read-only, full disk) the trie is built in memory for the run, and a
damaged file is built again, silently: it is derived data, nothing is lost.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

SIMPLEMMA_LOGGER = "simplemma.strategies.dictionaries.trie_dictionary_factory"


def trie_cache_dir() -> Path:
    """Where the tries of the installed simplemma are kept, under the user's cache."""
    from simplemma import __version__

    from translator.core.user_dirs import cache_dir

    return cache_dir() / "lemmas" / f"simplemma-{__version__}"


@lru_cache(maxsize=1)
def dictionary_factory():
    """The one factory of the process: every lemma lookup in triglot goes through it."""
    from simplemma.strategies.dictionaries.trie_dictionary_factory import (
        TrieDictionaryFactory,
    )

    from translator.core.atomic import atomic_open

    # simplemma logs a failed cache write or a damaged file as a warning on stderr;
    # both are handled (built in memory, built again), so they are not the user's concern.
    logging.getLogger(SIMPLEMMA_LOGGER).addHandler(logging.NullHandler())
    logging.getLogger(SIMPLEMMA_LOGGER).propagate = False

    class AtomicTrieFactory(TrieDictionaryFactory):
        def _write_trie_to_disk(self, lang: str, trie) -> None:
            self._cache_dir.mkdir(parents=True, exist_ok=True)
            with atomic_open(self._cache_dir / f"{lang}.dic", "wb", encoding=None) as handle:
                handle.write(trie.tobytes())

    return AtomicTrieFactory(disk_cache_dir=str(trie_cache_dir()))


@lru_cache(maxsize=1)
def simplemma_lemmatizer():
    """simplemma's own lemmatizer (its default strategies) over the cached tries."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(
        dictionary_factory=dictionary_factory()))
