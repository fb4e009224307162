"""Re-export merges like msgmerge: reviewed work is kept, changes are flagged, nothing is lost."""

from __future__ import annotations

import subprocess

import polib

from tests.po.conftest import tool
from translator.review.po.catalog import FUZZY, CatalogInfo, Message, build_catalog
from translator.review.po.export import serialise
from translator.review.po.ids import message_context

INFO = CatalogInfo("news/item.md", "en", "es")
STAMP = "2024-03-01 10:00+0000"
LATER = "2024-04-01 10:00+0000"
SENTENCES = [
    ("The archive is closed to the public.", "El archivo está cerrado al público."),
    ("The editor asked for an exception.", "La editora pidió una excepción."),
    ("Nobody has replied so far.", "Nadie ha respondido hasta ahora."),
]


def messages(pairs) -> list[Message]:
    return [Message(message_context(INFO.relpath, src), src, mt, [f"{INFO.relpath}:p{i}"])
            for i, (src, mt) in enumerate(pairs, 1)]


def reparse(catalog: polib.POFile) -> polib.POFile:
    return polib.pofile(serialise(catalog))


def reviewed_catalog() -> polib.POFile:
    """The first export, with the second sentence corrected and approved and a comment added."""
    first = reparse(build_catalog(INFO, messages(SENTENCES), STAMP))
    entry = first[1]
    entry.msgstr = "La redactora pidió una excepción."
    entry.flags.remove(FUZZY)
    entry.tcomment = "checked with the editor"
    return reparse(first)


def active(catalog: polib.POFile) -> list[polib.POEntry]:
    return [e for e in catalog if not e.obsolete]


def test_a_new_catalog_has_one_fuzzy_entry_per_sentence_and_a_full_header():
    catalog = reparse(build_catalog(INFO, messages(SENTENCES), STAMP))
    assert [(e.msgid, e.msgstr) for e in catalog] == SENTENCES
    assert all(e.flags == [FUZZY] for e in catalog)
    assert catalog.metadata["Language"] == "es"
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert catalog.metadata["X-Generator"].startswith("triglot ")
    assert catalog.metadata["POT-Creation-Date"] == STAMP


def test_reviewed_entries_and_translator_comments_survive_a_new_mt():
    old = reviewed_catalog()
    new_mt = [(src, mt + " (v2)") for src, mt in SENTENCES]
    merged = reparse(build_catalog(INFO, messages(new_mt), LATER, old))
    entry = merged[1]
    assert entry.msgstr == "La redactora pidió una excepción." and FUZZY not in entry.flags
    assert entry.tcomment == "checked with the editor"
    assert "machine translation: La editora pidió una excepción. (v2)" in entry.comment
    # an unreviewed entry keeps what it holds too (it may be half-edited), the new MT as a note
    assert merged[0].msgstr == SENTENCES[0][1] and FUZZY in merged[0].flags
    assert "(v2)" in merged[0].comment
    assert merged.metadata["PO-Revision-Date"] == STAMP  # the translator's date is kept


def test_a_changed_source_becomes_fuzzy_with_the_previous_msgid_and_the_old_translation():
    old = reviewed_catalog()
    changed = list(SENTENCES)
    changed[1] = ("The editor asked the court for an exception.",
                  "La editora pidió al tribunal una excepción.")
    merged = reparse(build_catalog(INFO, messages(changed), LATER, old))
    entry = active(merged)[1]
    assert entry.msgid == changed[1][0]
    assert FUZZY in entry.flags
    assert entry.previous_msgid == SENTENCES[1][0]
    assert entry.previous_msgctxt == message_context(INFO.relpath, SENTENCES[1][0])
    assert entry.msgctxt == message_context(INFO.relpath, changed[1][0])
    assert entry.msgstr == "La redactora pidió una excepción."  # the review is not lost
    assert entry.tcomment == "checked with the editor"
    assert "machine translation: La editora pidió al tribunal una excepción." in entry.comment
    assert merged.obsolete_entries() == []


def test_a_changed_sentence_pairs_with_the_one_between_the_same_neighbours():
    pairs = [("The court met on Monday.", "a"), ("The court met on Tuesday.", "b"),
             ("The court met on Friday.", "c")]
    old = reparse(build_catalog(INFO, messages(pairs), STAMP))
    edited = [pairs[0], ("The court met on Tuesday at noon.", "b2"), pairs[2]]
    merged = reparse(build_catalog(INFO, messages(edited), LATER, old))
    assert active(merged)[1].previous_msgid == "The court met on Tuesday."


def test_a_vanished_sentence_becomes_obsolete_and_comes_back_as_it_was():
    old = reviewed_catalog()
    without = reparse(build_catalog(INFO, messages([SENTENCES[0], SENTENCES[2]]), LATER, old))
    assert [e.msgid for e in active(without)] == [SENTENCES[0][0], SENTENCES[2][0]]
    [gone] = without.obsolete_entries()
    assert gone.msgid == SENTENCES[1][0] and gone.msgstr == "La redactora pidió una excepción."
    assert "#~ msgid" in serialise(without)
    back = reparse(build_catalog(INFO, messages(SENTENCES), LATER, without))
    entry = active(back)[1]
    assert entry.msgstr == "La redactora pidió una excepción." and FUZZY not in entry.flags
    assert back.obsolete_entries() == []


def test_a_dissimilar_new_sentence_is_new_and_the_old_one_obsolete():
    old = reviewed_catalog()
    replaced = [SENTENCES[0], ("Police cordoned off the square.", "La policía acordonó."),
                SENTENCES[2]]
    merged = reparse(build_catalog(INFO, messages(replaced), LATER, old))
    entry = active(merged)[1]
    assert entry.previous_msgid is None and entry.msgstr == "La policía acordonó."
    assert [e.msgid for e in merged.obsolete_entries()] == [SENTENCES[1][0]]


def test_merging_the_same_run_again_changes_nothing():
    old = reviewed_catalog()
    once = serialise(build_catalog(INFO, messages(SENTENCES), STAMP, old))
    twice = serialise(build_catalog(INFO, messages(SENTENCES), STAMP, polib.pofile(once)))
    assert once == twice


def test_msgfmt_accepts_a_merged_catalog_with_previous_and_obsolete_entries(tmp_path):
    msgfmt = tool("msgfmt")
    old = reviewed_catalog()
    changed = [("The archive is closed to everyone.", "El archivo está cerrado a todos."),
               SENTENCES[1]]
    merged = build_catalog(INFO, messages(changed), LATER, old)
    text = serialise(merged)
    assert "#| msgid" in text and "#~ msgid" in text
    for lang in ("ru", "en", "es"):
        info = CatalogInfo(INFO.relpath, "en" if lang != "en" else "ru", lang)
        path = tmp_path / f"{lang}.po"
        path.write_text(serialise(build_catalog(info, messages(changed), LATER, old)),
                        encoding="utf-8")
        done = subprocess.run([msgfmt, "--check", "--statistics", "-o", "/dev/null", str(path)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "warning" not in done.stderr, done.stderr
