"""The translation memory: reviewed translations in SQLite, found again exactly or fuzzily.

Only translations a person approved go in (``po import``, ``tm import``), so
an exact match can replace MT outright. Fuzzy matches (75% and up, rapidfuzz's
normalised Indel similarity) are only offered to reviewers as suggestions.

The memory is the reviewers' work on one story, so by default it is kept with
that story's run: ``RUN_DIR/triglot-tm.sqlite3``, beside the run record, the
catalogs and ``glossary-proposals.csv`` (the ``--out`` folder a story is
translated into again and again). A reviewed sentence of one story so never
slips into another story's output. A memory shared between stories is chosen on
purpose, with ``--tm`` (a memory file, or another run folder) or ``TRIGLOT_TM``.
Reading a memory that does not exist yet creates nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from translator.core.errors import TriglotError, quote_path
from translator.core.i18n import _
from translator.core.sqlite_space import disk_full_reported, removed_if_full

FUZZY_THRESHOLD = 75.0  # percent

SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    changed TEXT NOT NULL,
    UNIQUE (source_lang, target_lang, source, target)
);
CREATE INDEX IF NOT EXISTS units_by_source ON units (source_lang, target_lang, source);
"""
APPLICATION_ID = 0x54524D31  # "TRM1": marks the file as a triglot memory


RUN_MEMORY = "triglot-tm.sqlite3"  # a run folder's own memory
ENV_VAR = "TRIGLOT_TM"


def memory_path(tm: Path | None, run_dir: Path | None) -> Path:
    """The memory a command uses: ``--tm`` (a memory file, or a run folder: its memory),
    else ``$TRIGLOT_TM`` likewise, else ``run_dir``'s own memory."""
    named = tm or os.environ.get(ENV_VAR) or None
    if named is not None:
        path = Path(named)
        return path / RUN_MEMORY if path.is_dir() else path
    if run_dir is None:
        raise TriglotError(_("which translation memory? Name it with --tm: a run folder (its "
                             "{file}) or a memory file").format(file=RUN_MEMORY))
    return Path(run_dir) / RUN_MEMORY


def user_tm_path() -> Path:
    """The one memory per user that triglot 0.1 kept (now used only when named)."""
    from translator.core.user_dirs import data_dir

    return data_dir() / "tm.sqlite3"


def unused_user_memory(used: Path) -> list[str]:
    """A warning when the old per-user memory exists but this run has none of its own yet."""
    old = user_tm_path()
    if used.exists() or not old.is_file() or used == old:
        return []
    return [_("the translation memory is now kept per run folder ({path}); the reviewed "
              "translations in {old} are used only with --tm {option}").format(
        path=quote_path(used), old=quote_path(old), option=old)]


def now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class TMUnit:
    """One reviewed translation."""

    source_lang: str
    target_lang: str
    source: str
    target: str
    origin: str = ""  # where it was reviewed: "po:en/story.po", "tmx:file.tmx"
    created: str = ""
    changed: str = ""


@dataclass(frozen=True)
class Suggestion:
    score: float  # 0..100
    source: str
    target: str


class TranslationMemory:
    """An open memory. ``create=False`` on a missing file gives an empty, read-only memory."""

    def __init__(self, path: Path | None, *, create: bool = False) -> None:
        self.path = path
        self._sources: dict[tuple[str, str], list[str]] = {}
        if path is not None and path.is_dir():
            raise TriglotError(_("is a directory, not a translation memory"), path)
        exists = path is not None and path.exists()
        if path is not None and create and not exists:
            path.parent.mkdir(parents=True, exist_ok=True)
        target = str(path) if path is not None and (exists or create) else ":memory:"
        try:
            with removed_if_full(path, not exists, _("no translation memory was created")), \
                    disk_full_reported(path, _("the translation memory is unchanged")):
                self.conn = sqlite3.connect(target, timeout=30)
                self._prepare(fresh=not exists)
        except sqlite3.DatabaseError as exc:
            raise TriglotError(_("not a triglot translation memory ({error})").format(error=exc),
                               path) from None

    def _prepare(self, fresh: bool) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and app_id != APPLICATION_ID:
            raise TriglotError(_("not a triglot translation memory (unknown SQLite file)"),
                               self.path)
        if not tables:
            self.conn.executescript(SCHEMA)
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.commit()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def __len__(self) -> int:
        return self.conn.execute("SELECT count(*) FROM units").fetchone()[0]

    def add(self, units: Iterable[TMUnit]) -> int:
        """Store reviewed pairs in one transaction; returns how many were new.

        A pair already present only gets a newer ``changed`` stamp, so the most
        recently reviewed translation of a sentence is the one reused.
        """
        stamp = now_stamp()
        before = len(self)
        with disk_full_reported(self.path, _("the translation memory is unchanged")), self.conn:
            self.conn.executemany(
                "INSERT INTO units(source_lang, target_lang, source, target, origin, created,"
                " changed) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(source_lang, target_lang, source, target) DO UPDATE SET"
                " changed = max(changed, excluded.changed), origin = excluded.origin",
                [(u.source_lang, u.target_lang, u.source, u.target, u.origin,
                  u.created or u.changed or stamp, u.changed or stamp) for u in units])
        added = len(self) - before
        self._sources.clear()
        return added

    def exact(self, source_lang: str, target_lang: str, texts: Iterable[str]) -> dict[str, str]:
        """The latest reviewed translation of each text that has one."""
        found: dict[str, str] = {}
        texts = list(dict.fromkeys(texts))
        for start in range(0, len(texts), 500):
            chunk = texts[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                "SELECT source, target FROM units WHERE source_lang = ? AND target_lang = ?"
                f" AND source IN ({marks}) ORDER BY changed, id",
                [source_lang, target_lang, *chunk])
            found.update(rows)  # later rows (newer reviews) overwrite earlier ones
        return found

    def origin(self, source_lang: str, target_lang: str, source: str, target: str) -> str:
        """Where a stored pair was reviewed ("po:en/story.txt"); empty if it is not stored."""
        row = self.conn.execute(
            "SELECT origin FROM units WHERE source_lang = ? AND target_lang = ? AND source = ?"
            " AND target = ?", (source_lang, target_lang, source, target)).fetchone()
        return row[0] if row else ""

    def fuzzy(self, source_lang: str, target_lang: str, text: str,
              threshold: float = FUZZY_THRESHOLD, limit: int = 3) -> list[Suggestion]:
        """Reviewed translations of similar sentences (not the same one), best first."""
        from rapidfuzz import fuzz, process

        key = (source_lang, target_lang)
        if key not in self._sources:
            self._sources[key] = [row[0] for row in self.conn.execute(
                "SELECT DISTINCT source FROM units WHERE source_lang = ? AND target_lang = ?",
                key)]
        choices = [s for s in self._sources[key] if s != text]
        matches = process.extract(text, choices, scorer=fuzz.ratio, score_cutoff=threshold,
                                  limit=limit)
        if not matches:
            return []
        targets = self.exact(source_lang, target_lang, [m[0] for m in matches])
        return [Suggestion(round(score, 1), source, targets[source])
                for source, score, _ in matches]

    def units(self) -> Iterator[TMUnit]:
        for row in self.conn.execute(
                "SELECT source_lang, target_lang, source, target, origin, created, changed"
                " FROM units ORDER BY id"):
            yield TMUnit(*row)


def open_memory(path: Path, *, create: bool = False) -> TranslationMemory:
    """The memory at ``path`` (``memory_path`` says which), read-only unless ``create``."""
    return TranslationMemory(path, create=create)
