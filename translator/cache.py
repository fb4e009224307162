"""A persistent translation cache in SQLite.

Keys are (model identity, output-changing options, source segment): a rerun
of the same articles with the same package is instant, and a run killed
half-way resumes where it stopped, because each batch of translations is
committed in one transaction as soon as it is done. A full disk stops the run
with one line naming the cache file (the batches already stored stay), and a
cache file the run was creating is not left behind empty. A ``--cache`` that
names something else (a folder, a text file, another program's or triglot's
own glossary database) is refused in one line before anything is written to it.

The cache holds the story's sentences, so by default it is kept with the story's run:
``OUT/triglot-cache.sqlite3``, beside the run record and the translation memory. Deleting
a story's run folder deletes its text, and no other story's run opens it. A cache
shared between stories is chosen on purpose, with ``--cache`` or ``TRIGLOT_CACHE``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from translator.core.errors import InputError, quote_path
from translator.core.i18n import N_, _
from translator.core.sqlite_space import disk_full_reported, removed_if_full
from translator.core.user_dirs import cache_dir

#: What a user can do when the cache's disk is full.
FULL_HINT = N_("free some space, or run with --no-cache or --cache elsewhere")

SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    options TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (model, options, source)
) WITHOUT ROWID;
"""
#: The columns of ``translations`` the cache reads and writes: a file whose table lacks
#: them is not a cache, however its table is named.
CACHE_COLUMNS = frozenset({"model", "options", "source", "target"})


RUN_CACHE = "triglot-cache.sqlite3"  # a run folder's own cache
ENV_VAR = "TRIGLOT_CACHE"


def default_cache_path(run_dir: Path) -> Path:
    """``$TRIGLOT_CACHE``, else the run folder's own cache."""
    named = os.environ.get(ENV_VAR)
    return Path(named) if named else Path(run_dir) / RUN_CACHE


def user_cache_path() -> Path:
    """The one cache per user that earlier triglot runs kept (now used only when named)."""
    return cache_dir() / "translations.sqlite3"


def unused_user_cache(used: Path | None) -> list[str]:
    """A warning when the old per-user cache exists and this run starts a cache of its own:
    the old one still holds the sentences of every story translated before."""
    old = user_cache_path()
    if used is None or used.exists() or not old.is_file() or used == old:
        return []
    return [_("translations are now cached per run folder ({path}); {old} holds the "
              "sentences of earlier runs and is no longer read: delete it, or name it with "
              "--cache").format(path=quote_path(used), old=quote_path(old))]


class TranslationCache:
    """Lookup and store translations; ``path=None`` keeps them in memory only (``--no-cache``)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        #: ``path=None``: the run's own translations, so a pivot's first hop and a sentence
        #: asked again are not translated twice; a dict of the strings the run holds anyway
        #: (an in-memory SQLite database copied each one: 12 MB more at 16,000 sentences).
        self._kept: dict[tuple[str, str], dict[str, str]] | None = None  # by model, options
        self.conn: sqlite3.Connection | None = None
        if path is None:
            self._kept = {}
            return
        if path.is_dir():
            raise InputError(_("is a directory, not a translation cache"), path)
        if path.exists():  # checked before the run: it may be some other file
            self._open()

    def _open(self) -> sqlite3.Connection:
        """Open the cache file. A new one is created with the first translation it stores,
        so a run refused or with nothing to translate leaves no file (and no run folder)."""
        assert self.path is not None
        new, hint = not self.path.exists(), _(FULL_HINT)
        try:
            with removed_if_full(self.path, new, _("no cache was created; {hint}").format(
                    hint=hint)), disk_full_reported(self.path, hint):
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(str(self.path), timeout=30)
                self._refuse_foreign()
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.executescript(SCHEMA)
        except sqlite3.OperationalError as exc:  # no access, read-only, locked...
            self._close_quietly()
            raise InputError(_("cannot use the translation cache ({error})").format(error=exc),
                             self.path) from None
        except sqlite3.DatabaseError as exc:  # not a database at all
            self._close_quietly()
            raise InputError(_("not a triglot translation cache ({error})").format(error=exc),
                             self.path) from None
        return self.conn

    def _refuse_foreign(self) -> None:
        """Refuse a database of something else before a pragma or table changes it: a
        ``--cache`` mistyped as the glossary would otherwise get a cache table (and WAL)
        added to it. A new or empty file has no tables and becomes the cache."""
        tables = {name for (name,) in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return
        columns = {row[1] for row in self.conn.execute("PRAGMA table_info(translations)")}
        if not CACHE_COLUMNS.issubset(columns):
            self._close_quietly()
            raise InputError(_("not a triglot translation cache (unknown SQLite file)"),
                             self.path)

    def _close_quietly(self) -> None:
        """Close a connection a refusal leaves open, so nothing holds the user's file."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def lookup(self, model: str, options: str, sources: Iterable[str]) -> dict[str, str]:
        if self._kept is not None:
            kept = self._kept.get((model, options), {})
            return {source: kept[source] for source in sources if source in kept}
        found: dict[str, str] = {}
        if self.conn is None:  # a new cache, not created yet: it holds nothing
            return found
        sources = list(sources)
        for start in range(0, len(sources), 500):
            chunk = sources[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT source, target FROM translations WHERE model=? AND options=? "
                f"AND source IN ({marks})",
                [model, options, *chunk],
            )
            found.update(rows)
        return found

    def store(self, model: str, options: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Store one batch in one transaction, so a kill leaves whole batches or none."""
        if self._kept is not None:
            self._kept.setdefault((model, options), {}).update(pairs)
            return
        conn = self.conn or self._open()
        unchanged = _("this batch was not stored; {hint}").format(hint=_(FULL_HINT))
        with disk_full_reported(self.path, unchanged), conn:
            conn.executemany(
                "INSERT OR REPLACE INTO translations(model, options, source, target) "
                "VALUES (?, ?, ?, ?)",
                [(model, options, source, target) for source, target in pairs],
            )

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def cache_path_for(path: Path | None, no_cache: bool, run_dir: Path) -> Path | None:
    """The cache file a run into ``run_dir`` uses: the one given, else the default; None
    with ``--no-cache``."""
    return None if no_cache else (path or default_cache_path(run_dir))
