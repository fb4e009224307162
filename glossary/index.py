"""The termbase's match index: each term's match keys, stored when the term is written.

Building a matcher means lemmatising every word of every term; for a glossary of
50,000 concepts that is seconds and hundreds of megabytes on every load, though one
sentence holds a handful of its terms. So each term's keys (``term_keys``)
are stored beside it, and a reader that knows its texts loads only the concepts
whose keys occur in them (``concepts_for``): the same matches, from a few rows.

The keys depend on the lemmatisers (pymorphy3's dictionary, simplemma) and on the
key rule; ``SIGNATURE`` records both, and an index written under another one is
rebuilt before it is trusted (or, where the file cannot be written, not used).
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from functools import lru_cache

from glossary.model import REJECTED_STATUSES
from glossary.morphology import (
    Lemmatizer,
    lemmatizer,
    surface_variants,
    term_words,
)

#: Bump when ``term_keys`` changes what it returns, or the index's layout.
KEY_RULE = 6
#: The terms a translation must not use (``model.REJECTED_STATUSES``), as SQL.
REJECTED = "status IN ({})".format(", ".join(f"'{s}'" for s in REJECTED_STATUSES))
#: How ``others`` lists the keys of a way's other words: words apart, keys of one word apart.
WORDS_APART, KEYS_APART = "\x1e", "\x1f"
#: One row per key of one word of each way of writing a term (``term_keys``), its anchor:
#: the word with the longest keys, likely the rarest ("court" in "court of appeal"), so a
#: lookup reads a row only for a term whose rarest word is in the texts. ``others``: the
#: keys of the way's other words, checked against the same text.
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS term_keys (term_id INTEGER NOT NULL REFERENCES terms(id)"
    " ON DELETE CASCADE, lang TEXT NOT NULL, key TEXT NOT NULL, others TEXT NOT NULL)",
    # covering: a lookup by key reads the index alone, never the table's rows
    "CREATE INDEX IF NOT EXISTS term_keys_by_key ON term_keys (lang, key, term_id, others)",
    "CREATE INDEX IF NOT EXISTS term_keys_by_term ON term_keys (term_id)",
    # the few deprecated, superseded and forbidden terms, which QA looks for in translations
    f"CREATE INDEX IF NOT EXISTS terms_rejected ON terms (id) WHERE {REJECTED}",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


@lru_cache(maxsize=1)
def signature() -> str:
    """What the stored keys were computed with: the key rule and the lemmatisers' versions."""
    versions = [f"{package}={installed_version(package)}"
                for package in ("pymorphy3", "pymorphy3-dicts-ru", "simplemma")]
    return ";".join([f"keys={KEY_RULE}", *versions])


def installed_version(package: str) -> str:
    """``package``'s version, from the name of its ``NAME-VERSION.dist-info`` folder on
    ``sys.path`` (the first, as imports find it): a directory listing, where
    ``importlib.metadata`` costs every glossary command 30 ms of imports and parsing. An
    install without such a folder (an egg) is asked of ``importlib.metadata``; '?' if
    it is not installed."""
    wanted = _normalised(package)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                distribution, _, version = name[:-len(".dist-info")].partition("-")
                if version and _normalised(distribution) == wanted:
                    return version
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def _normalised(name: str) -> str:
    """A distribution's name as packaging compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def create(db: sqlite3.Connection) -> None:
    """Add the index tables (inside the caller's transaction)."""
    for statement in SCHEMA:
        db.execute(statement)


def term_keys(text: str, lang: str, lemmas: Lemmatizer | None = None) -> list[list[set[str]]]:
    """How a term's words are matched: per way of writing it (the words; for a hyphenated
    term, also the glued word), each word's keys (its lemma, plural and gender forms). A
    text can hold the term only if, for one way, every word has a key among the text's
    candidates (``text_keys``). The termbase stores them (``index_term``)."""
    lemmas = lemmas or lemmatizer(lang)
    words = term_words(text)
    ways = [[{lemmas.lemma(word)} | surface_variants(word, lang) for word in words]]
    if len(words) > 1 and "-" in text:
        ways.append([{lemmas.lemma("".join(text.split("-")))}])
    return ways if words else []


def text_keys(text: str, lang: str, lemmas: Lemmatizer | None = None) -> set[str]:
    """Every candidate lemma of every word of ``text``, as ``TermMatcher`` looks them up."""
    lemmas = lemmas or lemmatizer(lang)
    return set().union(*lemmas.of_text(text))


def index_term(db: sqlite3.Connection, term_id: int, lang: str, text: str) -> None:
    """Store the match keys of one term just written."""
    rows = []
    for words in term_keys(text, lang):
        anchor = max(range(len(words)), key=lambda i: min(map(len, words[i])))
        others = WORDS_APART.join(KEYS_APART.join(sorted(keys))
                                  for i, keys in enumerate(words) if i != anchor)
        rows += [(term_id, lang, key, others) for key in sorted(words[anchor])]
    db.executemany("INSERT INTO term_keys (term_id, lang, key, others) VALUES (?, ?, ?, ?)",
                   rows)


def is_current(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT value FROM meta WHERE name = 'index'").fetchone()
    return row is not None and row[0] == signature()


def rebuild(db: sqlite3.Connection) -> None:
    """Recompute every term's keys (inside the caller's write transaction); the table is
    made anew, so an index of an older layout is replaced, not patched."""
    db.execute("DROP TABLE IF EXISTS term_keys")
    create(db)
    for term_id, lang, text in db.execute("SELECT id, lang, text FROM terms").fetchall():
        index_term(db, term_id, lang, text)
    mark_current(db)


def mark_current(db: sqlite3.Connection) -> None:
    db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('index', ?)", (signature(),))


def concept_ids(db: sqlite3.Connection, texts_by_lang: dict[str, list[set[str]]],
                rejected_only: bool = False) -> list[str]:
    """Ids of the concepts with a term each of whose words (in one way of writing it) has
    a key in one same text (``texts_by_lang``: each text's keys, ``text_keys``):
    every concept a matcher could find in those texts, and few more (the words may stand
    apart). Asking per text, not of all texts at once, matters for a large glossary of
    common words: on 1,000 news sentences and 50,000 concepts, 3,000 concepts instead of
    15,000, for the same matches. ``rejected_only``: only deprecated, superseded and
    forbidden terms count, read by term from the few there are."""
    # key -> the texts holding it, as the bits of an int: a term's texts are then an AND
    texts_with: dict[tuple[str, str], int] = {}
    for lang, texts in texts_by_lang.items():
        for number, keys in enumerate(texts):
            bit = 1 << number
            for key in keys:
                texts_with[(lang, key)] = texts_with.get((lang, key), 0) | bit
    columns = "SELECT term_keys.term_id, term_keys.others, term_keys.lang, term_keys.key FROM "
    if rejected_only:
        rejected = [row[0] for row in db.execute(f"SELECT id FROM terms WHERE {REJECTED}")]
        rows = (row for start in range(0, len(rejected), 500)
                for row in db.execute(
                    columns + "term_keys WHERE term_id IN ({})".format(
                        ", ".join("?" * len(rejected[start:start + 500]))),
                    rejected[start:start + 500]))
    else:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (lang TEXT, key TEXT,"
                   " PRIMARY KEY (lang, key))")
        db.execute("DELETE FROM wanted")
        db.executemany("INSERT INTO wanted VALUES (?, ?)", texts_with)
        # wanted first (CROSS JOIN keeps the order): a few thousand keys, each looked up
        # in the covering index, rather than a scan of every key of every term
        rows = db.execute(columns + "wanted CROSS JOIN term_keys ON term_keys.lang ="
                          " wanted.lang AND term_keys.key = wanted.key")
    found: set[int] = set()
    for term_id, others, lang, key in rows:
        held = texts_with.get((lang, key), 0)  # the texts with the anchor ...
        if not others or term_id in found:
            if held:
                found.add(term_id)
            continue
        for word in others.split(WORDS_APART):  # ... and a key of every other word
            any_key = 0
            for other in word.split(KEYS_APART):
                any_key |= texts_with.get((lang, other), 0)
            held &= any_key
            if not held:
                break
        else:
            found.add(term_id)
    terms = sorted(found)
    concepts: set[str] = set()
    for start in range(0, len(terms), 500):
        chunk = terms[start:start + 500]
        concepts.update(row[0] for row in db.execute(
            f"SELECT DISTINCT concept_id FROM terms WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk))
    return sorted(concepts)
