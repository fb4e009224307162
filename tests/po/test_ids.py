"""The msgctxt of a sentence is stable: edits elsewhere in the article never detach a review."""

from __future__ import annotations

import polib

from tests.po.conftest import RU_STORY, catalog, entry_for, export, review, run
from translator.review.po.catalog import FUZZY
from translator.review.po.ids import message_context


def rerun(articles, out):
    summary = run(articles, out, ["en", "es", "ru"])
    assert summary.errors == []
    return export(out)


def test_inserting_a_paragraph_before_keeps_contexts_and_reviews(fake_run, articles):
    path = catalog(fake_run, "en", "sud.po")
    before = {e.msgid: e.msgctxt for e in polib.pofile(str(path))}
    review(path, {"Адвокат считает": "The lawyer believes the ruling is unlawful."})
    story = "Новость дня: в Казани прошёл суд.\n\n" + RU_STORY
    (articles / "sud.txt").write_text(story, encoding="utf-8")
    rerun(articles, fake_run)

    after = polib.pofile(str(path))
    for entry in after:
        if entry.msgid in before:
            assert entry.msgctxt == before[entry.msgid]
    lawyer = entry_for(after, "Адвокат считает")
    assert lawyer.msgstr == "The lawyer believes the ruling is unlawful."
    assert FUZZY not in lawyer.flags and lawyer.previous_msgid is None
    assert lawyer.occurrences == [("sud.txt:p4", "")]  # the reference follows the paragraph
    assert FUZZY in entry_for(after, "Новость дня").flags
    assert after.obsolete_entries() == []


def test_rewrapping_a_paragraph_keeps_the_review(fake_run, articles):
    path = catalog(fake_run, "es", "sud.po")
    review(path, {"Письмо пришло": "La carta llegó una semana después."})
    wrapped = RU_STORY.replace("Письмо пришло через неделю.", "Письмо\nпришло через неделю.")
    (articles / "sud.txt").write_text(wrapped, encoding="utf-8")
    rerun(articles, fake_run)
    entry = entry_for(polib.pofile(str(path)), "Письмо")
    assert entry.msgstr == "La carta llegó una semana después." and FUZZY not in entry.flags


def test_a_sentence_repeated_in_an_article_is_one_entry_with_every_place(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "twice.txt").write_text(
        "Заседание суда отложено до понедельника.\n\n"
        "Адвокат попросил время на подготовку.\n\n"
        "Заседание суда отложено до понедельника.\n", encoding="utf-8")
    out = tmp_path / "out"
    run(root, out, ["en"])
    export(out)
    entries = list(polib.pofile(str(catalog(out, "en", "twice.po"))))
    assert len(entries) == 2
    assert entries[0].occurrences == [("twice.txt:p1", ""), ("twice.txt:p3", "")]
    assert len({e.msgctxt for e in entries}) == 2


def test_the_context_names_the_article_and_differs_between_articles():
    text = "Адвокат считает решение незаконным."
    assert message_context("a/sud.txt", text).startswith("a/sud.txt#")
    assert message_context("a/sud.txt", text) != message_context("b/sud.txt", text)
    assert message_context("a/sud.txt", text) != message_context("a/sud.txt", text + " Да.")
