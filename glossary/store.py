"""The termbase: one SQLite file holding concepts and their ru/en/es terms.

Every change runs in one ``BEGIN IMMEDIATE`` transaction with a busy timeout,
so two processes writing at once both succeed (one waits) and nothing is lost;
a writer still blocked after the timeout gets a clear error. The schema version
lives in ``PRAGMA user_version``; a file from a newer triglot is refused.

Public API (used by the CLI, the translation pipeline and the entities feature)::

    with Termbase.open(path, create=True) as tb:
        cid = tb.add_concept(Concept(terms=[Term("en", "court"), Term("ru", "суд")]))
        tb.concepts()                      # every concept with its terms
        tb.get(cid); tb.update(concept); tb.remove(cid)
        tb.lookup("ru", "суд")             # concepts holding that term
        tb.merge_concept(concept)          # existing entries win; returns MergeResult
        tb.concepts_for({"ru": [keys]})    # only concepts a text with these keys can hold

Readers go through ``glossary.service.Glossary`` (which also reads glossary files).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from glossary import index
from glossary.merging import MergeResult, merge_into
from glossary.model import Concept, GlossaryError, Term, fold, id_sort_key, now_iso
from glossary.schema import MIGRATIONS, SCHEMA
from translator.core.i18n import N_, _
from translator.core.sqlite_space import disk_full_reported, remove_new_database, removed_if_full

SCHEMA_VERSION = 3
UNCHANGED, NOT_CREATED = N_("the glossary is unchanged"), N_("no glossary was created")
#: Seconds a writer waits for another process's transaction before giving up.
DEFAULT_TIMEOUT = float(os.environ.get("TRIGLOT_GLOSSARY_TIMEOUT", "10"))


class Termbase:
    """An open termbase file. Use ``Termbase.open`` (a context manager)."""

    def __init__(self, path: Path, connection: sqlite3.Connection, timeout: float) -> None:
        self.path = path
        self._db = connection
        self._timeout = timeout
        self._cache: list[Concept] | None = None
        #: The next free ``c<N>`` number, known only inside one write transaction.
        self._next_number: int | None = None

    # -- opening -----------------------------------------------------------------

    @classmethod
    @contextmanager
    def open(cls, path: Path | str, *, create: bool = False,
             timeout: float | None = None) -> Iterator[Termbase]:
        """Open ``path``; a missing file is an error unless ``create`` (write commands)."""
        path = Path(path)
        timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        if path.is_dir():
            raise GlossaryError(_("is a directory, not a glossary database"), path)
        new = not path.exists()
        if new and not create:
            raise GlossaryError(_(
                "no such glossary (create one with 'triglot glossary add' or 'import')"), path)
        if not create and path.stat().st_size == 0:  # a command that reads never writes it
            raise GlossaryError(_(
                "empty file, not a glossary (create one with 'triglot glossary add' or "
                "'import')"), path)
        try:
            with disk_full_reported(path, _(NOT_CREATED if new else UNCHANGED)):
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise GlossaryError(_("cannot open glossary: {reason}").format(reason=exc),
                                path) from exc
        tb = cls(path, db, timeout)
        try:
            with removed_if_full(path, new, _(NOT_CREATED)):
                tb._prepare(create)
                yield tb
        except BaseException:
            if new and tb._empty():  # a refused command leaves no new, empty glossary
                db.close()
                remove_new_database(path)
            raise
        finally:
            db.close()

    def _empty(self) -> bool:
        try:
            return not self._db.execute("SELECT 1 FROM concepts LIMIT 1").fetchone()
        except sqlite3.Error:
            return True

    def _prepare(self, create: bool) -> None:
        db = self._db
        try:
            db.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
            db.execute("PRAGMA foreign_keys = ON")
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError as exc:
            raise self._failure(exc, _("not a glossary database ({reason})")) from exc
        except sqlite3.DatabaseError as exc:
            raise GlossaryError(_("not a glossary database ({reason})").format(reason=exc),
                                self.path) from exc
        if version > SCHEMA_VERSION:
            raise GlossaryError(_(
                "glossary schema version {version} is newer than this triglot supports "
                "({supported}); upgrade triglot").format(version=version,
                                                         supported=SCHEMA_VERSION), self.path)
        if version == SCHEMA_VERSION:
            return
        with self._write():
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise GlossaryError(_("not a triglot glossary (unknown SQLite tables)"),
                                        self.path)
                # executescript() would COMMIT mid-transaction: run statements one by one.
                for statement in filter(str.strip, SCHEMA.split(";")):
                    db.execute(statement)
                version = 1
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    db.execute(statement)
            index.rebuild(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _failure(self, exc: sqlite3.OperationalError, otherwise: str) -> GlossaryError:
        """Another writer holding the file past the timeout gets its own message; else
        ``otherwise``, its ``{reason}`` filled with SQLite's."""
        if "locked" in str(exc) or "busy" in str(exc):
            return GlossaryError(_("glossary is locked by another process (waited {seconds} s)")
                                 .format(seconds=f"{self._timeout:g}"), self.path)
        return GlossaryError(otherwise.format(reason=exc), self.path)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands or none of it does."""
        try:
            with disk_full_reported(self.path, _(UNCHANGED)):
                self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._failure(exc, _("cannot write glossary: {reason}")) from exc
        try:
            with disk_full_reported(self.path, _(UNCHANGED)):
                yield self._db
                self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:  # not after a full disk: SQLite has rolled back
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise GlossaryError(_("cannot write glossary: {reason}").format(reason=exc),
                                   self.path) from exc
            raise
        finally:
            self._next_number = None
            self._touched()

    def _touched(self) -> None:
        self._cache = None

    @contextmanager
    def transaction(self) -> Iterator[Termbase]:
        """Group several changes (an import, a merge) into one all-or-nothing transaction."""
        if self._db.in_transaction:
            yield self
            return
        with self._write():
            yield self

    # -- reading -----------------------------------------------------------------

    def _read(self, sql: str, args: Iterable = ()) -> list[tuple]:
        return list(self._rows(sql, args))

    def _rows(self, sql: str, args: Iterable = ()) -> Iterator[tuple]:
        """Rows one at a time: a glossary of 50,000 concepts is never all in memory twice."""
        try:
            yield from self._db.execute(sql, tuple(args))
        except sqlite3.OperationalError as exc:
            raise self._failure(exc, _("cannot read glossary: {reason}")) from exc

    def concepts(self) -> list[Concept]:
        """Every concept with its terms, in id order (cached until the next change)."""
        if self._cache is None:
            self._cache = self._load()
        return self._cache

    def _load(self, where: str = "", args: Iterable = ()) -> list[Concept]:
        """Concepts (all, or those whose id satisfies the SQL condition ``where``)."""
        by_id: dict[str, Concept] = {}
        for cid, subject, definition, note, created, updated, review, count, context in self._rows(
                "SELECT id, subject, definition, note, created, updated, review, occurrences,"
                " context FROM concepts" + (f" WHERE id IN ({where})" if where else ""), args):
            by_id[cid] = Concept(cid, subject, definition, note, [], created, updated,
                                 review, count, context)
        same = sys.intern  # statuses, languages and import stamps repeat: keep one copy each
        for row in self._rows(
                "SELECT id, concept_id, lang, text, status, pos, case_sensitive, dnt, note,"
                " source, created, updated, proposed FROM terms"
                + (f" WHERE concept_id IN ({where})" if where else "")
                + " ORDER BY concept_id, position, id", args):
            term = Term(same(row[2]), row[3], same(row[4]), row[5] and same(row[5]),
                        bool(row[6]), bool(row[7]), row[8], same(row[9]), same(row[10]),
                        same(row[11]), bool(row[12]), id=row[0], concept_id=by_id[row[1]].id)
            by_id[row[1]].terms.append(term)
        return sorted(by_id.values(), key=lambda c: id_sort_key(c.id or ""))

    def get(self, concept_id: str) -> Concept:
        """The concept ``concept_id`` (``12`` also finds ``c12``); a clear error if absent."""
        for key in (concept_id, f"c{concept_id}"):
            found = self._load("?", (key,))
            if found:
                return found[0]
        raise GlossaryError(_("no concept with id '{id}'").format(id=concept_id), self.path)

    def lookup(self, lang: str, text: str) -> list[Concept]:
        """Concepts that have ``text`` as a term in ``lang`` (case/hyphen/spacing ignored)."""
        return self._load("SELECT concept_id FROM terms WHERE lang = ? AND fold = ?",
                          (lang, fold(text)))

    def __len__(self) -> int:
        return self._read("SELECT count(*) FROM concepts")[0][0]

    def has_rejected_terms(self) -> bool:
        """Whether a term is deprecated, superseded or forbidden (QA looks for those)."""
        return bool(self._read(f"SELECT 1 FROM terms WHERE {index.REJECTED} LIMIT 1"))

    def concepts_for(self, texts_by_lang: dict[str, list[set[str]]],
                     rejected_in: dict[str, list[set[str]]] | None = None
                     ) -> list[Concept] | None:
        """The concepts a matcher could find in texts with these match keys (``index``; the
        keys of each text, by language), and those whose rejected terms it could find in
        ``rejected_in``; None when the index is stale and the file cannot be renewed."""
        try:
            if not index.is_current(self._db):
                with self._write():
                    index.rebuild(self._db)
        except (GlossaryError, sqlite3.Error):
            return None
        try:
            ids = set(index.concept_ids(self._db, texts_by_lang))
            if rejected_in:
                ids.update(index.concept_ids(self._db, rejected_in, rejected_only=True))
        except sqlite3.Error:  # an index this triglot cannot read: read everything
            return None
        wanted = sorted(ids)
        chunks = [wanted[start:start + 500] for start in range(0, len(wanted), 500)]
        found = [c for chunk in chunks for c in self._load(", ".join("?" * len(chunk)), chunk)]
        return sorted(found, key=lambda c: id_sort_key(c.id or ""))

    # -- writing -----------------------------------------------------------------

    def add_concept(self, concept: Concept) -> str:
        """Insert a new concept with its terms; returns its id (generated when None)."""
        if not concept.terms:
            raise GlossaryError(_("a concept needs at least one term"))
        with self.transaction():
            cid = concept.id or self._next_id()
            if self._read("SELECT 1 FROM concepts WHERE id = ?", (cid,)):
                raise GlossaryError(_("concept id '{id}' already exists").format(id=cid), self.path)
            stamp = now_iso()
            if self._next_number is not None and cid[:1] == "c" and cid[1:].isdecimal():
                self._next_number = max(self._next_number, int(cid[1:]) + 1)  # given ids too
            self._db.execute(
                "INSERT INTO concepts (id, subject, definition, note, created, updated, review,"
                " occurrences, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cid, concept.subject, concept.definition, concept.note,
                 concept.created or stamp, concept.updated or concept.created or stamp,
                 concept.review, concept.occurrences, concept.context))
            for position, term in enumerate(concept.terms):
                self._insert_term(cid, term, position, stamp)
            self._touched()
        return cid

    def update(self, concept: Concept) -> None:
        """Replace a stored concept's fields and terms with ``concept``'s (same id)."""
        with self.transaction():
            old = {t.id: t for t in self.get(concept.id or "").terms}
            stamp = now_iso()
            self._db.execute(
                "UPDATE concepts SET subject = ?, definition = ?, note = ?, updated = ?,"
                " review = ?, occurrences = ?, context = ? WHERE id = ?",
                (concept.subject, concept.definition, concept.note, stamp, concept.review,
                 concept.occurrences, concept.context, concept.id))
            if not concept.terms:
                raise GlossaryError(_("concept {id} would have no terms left; remove the "
                                      "concept instead").format(id=concept.id))
            self._db.execute("DELETE FROM terms WHERE concept_id = ?", (concept.id,))
            for position, term in enumerate(concept.terms):
                previous = old.get(term.id)
                if previous is not None and previous != term:
                    term.updated = stamp
                self._insert_term(concept.id or "", term, position, stamp)
            self._touched()

    def remove(self, concept_id: str) -> None:
        with self.transaction():
            cid = self.get(concept_id).id
            self._db.execute("DELETE FROM concepts WHERE id = ?", (cid,))
            self._touched()

    def add_concepts(self, concepts: Iterable[Concept]) -> list[str]:
        """Insert many concepts in one transaction (an import): all or nothing."""
        with self.transaction():
            return [self.add_concept(c) for c in concepts]

    def import_concepts(self, concepts: Iterable[Concept], path: Path | str = "") -> list[str]:
        """Add imported concepts in one transaction; an id or term already stored is an
        error naming the file entry, and then nothing is imported."""
        ids: list[str] = []
        with self.transaction():
            for concept in concepts:
                where = f"{concept.origin}: " if concept.origin else ""
                if concept.id and self._exists(concept.id):
                    raise GlossaryError(where + _(
                        "concept id '{id}' is already in the glossary; use 'triglot glossary "
                        "merge' to combine").format(id=concept.id), path)
                for term in concept.terms:
                    for other in self.lookup(term.lang, term.text):
                        raise GlossaryError(where + _(
                            "the {lang} term '{term}' is already in the glossary (concept "
                            "{id}); use 'triglot glossary merge' to combine").format(
                            lang=term.lang, term=term.text, id=other.id), path)
                ids.append(self.add_concept(concept))
            return ids

    def merge_concept(self, incoming: Concept) -> MergeResult:
        """Fold ``incoming`` into the glossary; entries already in the glossary win.

        The incoming concept joins the stored concept sharing one of its terms
        (or is added when none does), by ``glossary.merging.merge_into``'s rule.
        """
        with self.transaction():
            matches: dict[str, Concept] = {}
            for term in incoming.terms:
                for concept in self.lookup(term.lang, term.text):
                    matches[concept.id or ""] = concept
            if not matches:
                clean = Concept(None if incoming.id and self._exists(incoming.id) else incoming.id,
                                incoming.subject, incoming.definition, incoming.note,
                                list(incoming.terms), incoming.created, incoming.updated,
                                incoming.review, incoming.occurrences, incoming.context)
                cid = self.add_concept(clean)
                return MergeResult(cid, "added", list(incoming.terms))
            if len(matches) > 1:
                return MergeResult(None, "conflict", conflicts=[
                    f"'{incoming.label()}' matches several concepts ({', '.join(sorted(matches))})"
                    "; not merged"])
            stored = next(iter(matches.values()))
            if incoming.proposed and stored.review == "rejected":
                return MergeResult(stored.id, "unchanged")  # a person said no already
            merged, result = merge_into(stored, incoming)
            if incoming.proposed and stored.approved:
                # New terms wait for a person; the approved concept is otherwise unchanged.
                for term in merged.terms[len(stored.terms):]:
                    term.proposed = True
            if incoming.proposed and incoming.occurrences > merged.occurrences:
                merged.occurrences = incoming.occurrences
                merged.context = merged.context or incoming.context
                result.action = "merged" if result.action == "unchanged" else result.action
            if result.action == "merged":
                self.update(merged)
            return result

    # -- internals ---------------------------------------------------------------

    def _exists(self, concept_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM concepts WHERE id = ?", (concept_id,)))

    def _next_id(self) -> str:
        """``c<highest + 1>``: one MAX query per transaction, not per concept (issue 13)."""
        if self._next_number is None:
            (highest,), = self._read(
                "SELECT max(CAST(substr(id, 2) AS INTEGER)) FROM concepts"
                " WHERE id GLOB 'c[0-9]*' AND substr(id, 2) NOT GLOB '*[^0-9]*'")
            self._next_number = (highest or 0) + 1
        return f"c{self._next_number}"

    def _insert_term(self, concept_id: str, term: Term, position: int, stamp: str) -> None:
        try:
            cursor = self._db.execute(
                "INSERT INTO terms (concept_id, lang, text, fold, status, pos, case_sensitive, dnt,"
                " note, source, created, updated, position, proposed)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (concept_id, term.lang, term.text, fold(term.text), term.status, term.pos,
                 int(term.case_sensitive), int(term.dnt), term.note, term.source,
                 term.created or stamp, term.updated or term.created or stamp, position,
                 int(term.proposed)))
        except sqlite3.IntegrityError as exc:
            raise GlossaryError(_("concept {id} has the {lang} term '{term}' twice").format(
                id=concept_id, lang=term.lang, term=term.text), self.path) from exc
        term.id, term.concept_id = cursor.lastrowid, concept_id
        index.index_term(self._db, cursor.lastrowid, term.lang, term.text)
