"""The termbase's SQLite tables, and the steps from each older schema version to the next.

``glossary.store`` creates them in a new file and runs the steps on an older one in
the transaction that opens it; the version lives in ``PRAGMA user_version``.
"""

from __future__ import annotations

from glossary import index

SCHEMA = """
CREATE TABLE concepts (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    concept_id TEXT NOT NULL REFERENCES concepts(id) ON DELETE CASCADE ON UPDATE CASCADE,
    lang TEXT NOT NULL CHECK (lang IN ('ru', 'en', 'es')),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    fold TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN
        ('preferred', 'admitted', 'deprecated', 'superseded', 'forbidden')),
    pos TEXT,
    case_sensitive INTEGER NOT NULL DEFAULT 0,
    dnt INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (concept_id, lang, fold)
);
CREATE INDEX terms_by_fold ON terms (lang, fold);
"""
#: Steps from each older version to the next, run in the opening transaction.
MIGRATIONS = {
    1: ("ALTER TABLE concepts ADD COLUMN review TEXT NOT NULL DEFAULT 'approved'"
        " CHECK (review IN ('approved', 'proposed', 'rejected'))",
        "ALTER TABLE concepts ADD COLUMN occurrences INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE concepts ADD COLUMN context TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE terms ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0"),
    2: index.SCHEMA,  # the match index (``glossary.index``), filled below
}
