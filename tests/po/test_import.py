"""Import: reviewed text wins, fuzzy only on request, reviewed pairs feed the TM and later runs."""

from __future__ import annotations

import json

import polib
import pytest

from tests.conftest import run_cli
from tests.fake_engine import TaggingEngine
from tests.po.conftest import VIA_EN, catalog, entry_for, export, review
from translator.cache import TranslationCache
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress
from translator.review.po.importer import import_run
from translator.review.po.proposals import Reviewed, entity_proposals, follow_span
from translator.review.tm import TranslationMemory

LAWYER = "The lawyer considers the ruling unlawful."


@pytest.mark.slow
def test_reviewed_text_replaces_the_mt_and_fuzzy_needs_use_fuzzy(fake_run, tmp_path):
    path = catalog(fake_run, "en", "sud.po")
    review(path, {"Адвокат считает": LAWYER})
    cat = polib.pofile(str(path))
    entry_for(cat, "Письмо пришло").msgstr = "The letter came a week later."  # still fuzzy
    cat.save()
    tm = tmp_path / "tm.sqlite3"

    done = run_cli("po", "import", str(fake_run), "--tm", str(tm), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["reviewed"] == 1 and result["fuzzy_used"] == 0
    article = (fake_run / "en" / "sud.txt").read_text(encoding="utf-8")
    assert LAWYER in article
    assert "The letter came a week later." not in article
    assert "[en] Письмо пришло через неделю." in article  # the MT stays
    assert (fake_run / "es" / "sud.txt").read_text(encoding="utf-8").count("[es] ") == 5

    done = run_cli("po", "import", str(fake_run), "--tm", str(tm), "--use-fuzzy", "--json")
    assert json.loads(done.stdout)["fuzzy_used"] == 1
    assert "The letter came a week later." in (fake_run / "en" / "sud.txt").read_text("utf-8")
    with TranslationMemory(tm) as memory:  # fuzzy work never enters the memory
        assert [(u.source, u.target) for u in memory.units()] == [
            ("Адвокат считает решение незаконным.", LAWYER)]


def test_a_later_run_takes_the_reviewed_translation_without_mt(fake_run, articles, tmp_path):
    review(catalog(fake_run, "en", "sud.po"), {"Адвокат считает": LAWYER})
    tm = tmp_path / "tm.sqlite3"
    import_run(fake_run, tm, entities=False)
    (articles / "second.txt").write_text(
        "Адвокат считает решение незаконным. Он подаст жалобу.\n", encoding="utf-8")
    engine = TaggingEngine(VIA_EN)
    out = tmp_path / "again"
    with TranslationMemory(tm) as memory:
        summary = translate_run(RunRequest([articles], ["en"], out), engine,
                                TranslationCache(None), Progress(False), memory)
        assert summary.tm_hits == 1
        export(out, memory)
    sent = [text for source, target, batch in engine.calls for text in batch]
    assert "Адвокат считает решение незаконным." not in sent
    assert "Он подаст жалобу." in sent
    second = (out / "en" / "second.txt").read_text(encoding="utf-8")
    assert second.startswith(LAWYER + " [en] Он подаст жалобу.")
    # In the new article's catalog the sentence arrives reviewed, saying where it came from.
    entry = entry_for(polib.pofile(str(catalog(out, "en", "second.po"))), "Адвокат считает")
    assert entry.msgstr == LAWYER and "fuzzy" not in entry.flags
    assert "translation memory" in entry.comment


def test_a_review_that_breaks_the_markup_codes_keeps_the_mt_and_says_so(fake_run, tmp_path):
    path = catalog(fake_run, "ru", "archive.po")
    cat = polib.pofile(str(path))
    entry = entry_for(cat, "full archive")
    assert "<g1>" in entry.msgid
    entry.msgstr = "Газета попросила у суда полный архив дела."  # codes dropped
    entry.flags.remove("fuzzy")
    cat.save()
    done = run_cli("po", "import", str(fake_run), "--tm", str(tmp_path / "tm.sqlite3"))
    assert done.returncode == 1
    assert "markup codes" in done.stderr and f"{path}:" in done.stderr
    text = (fake_run / "ru" / "archive.md").read_text(encoding="utf-8")
    assert "**full archive**" in text and "полный архив" not in text


def test_po_stats_counts_reviewed_fuzzy_and_untranslated(fake_run):
    path = catalog(fake_run, "en", "sud.po")
    review(path, {"Адвокат считает": LAWYER})
    cat = polib.pofile(str(path))
    entry_for(cat, "Письмо пришло").msgstr = ""
    cat.save()
    done = run_cli("po", "stats", str(fake_run), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    row = next(r for r in data["catalogs"] if r["lang"] == "en" and r["article"] == "sud.txt")
    assert (row["total"], row["reviewed"], row["fuzzy"], row["untranslated"]) == (5, 1, 3, 1)
    assert data["languages"]["en"]["reviewed"] == 1
    table = run_cli("po", "stats", str(fake_run)).stdout
    assert "sud.txt" in table and "archive.md" in table and "reviewed" in table


def test_follow_span_finds_what_replaced_a_term():
    mt = "Moscow runs one of the largest facial recognition systems in the world."
    reviewed = "Moscow runs one of the biggest face recognition networks in the world."
    start = mt.index("facial recognition")
    assert follow_span(mt, reviewed, start, start + len("facial recognition")) == (
        "face recognition")
    assert follow_span(mt, mt, 0, 6) == "Moscow"
    assert follow_span(mt, "Something else entirely, rewritten.", start, start + 6) is None


def test_a_term_inside_rewritten_words_has_no_rendering_to_point_at():
    mt = "Hoy el ministerio declaró enemigo al reconocimiento facial en Moscú."
    reviewed = "Hoy la fiscalía calificó de indeseable aquel periódico en Moscú."  # not a term
    start = mt.index("reconocimiento facial")
    assert follow_span(mt, reviewed, start, start + len("reconocimiento facial")) is None


@pytest.mark.parametrize(("source", "mt", "reviewed", "expected"), [
    # the reviewer rewrote the sentence around the name: the name, not the words in its place
    ("The ministry has designated The Daily Courier as an undesirable outlet in Russia, "
     "officials said.",
     "El ministerio ha designado El Mensajero Diario como un medio indeseable en Rusia, "
     "dijeron los oficiales.",
     "Según los funcionarios, el ministerio de Rusia ha declarado «indeseable» al medio "
     "The Daily Courier.",
     [("Daily Courier", "Mensajero Diario", "Daily Courier")]),
    # a respelt first name keeps it: not the surname alone, nor the word before
    ("Georgy Malets said the police in Moscow detained him on Friday.",
     "Georgy Malets dijo que la policía en Moscú le detuvo el viernes.",
     "Según George Malets, la policía de Moscú lo detuvo el viernes.",
     [("Georgy Malets", "Georgy Malets", "George Malets")]),
])
def test_a_reviewers_rendering_of_a_name_is_a_name_of_the_reviewed_sentence(
        source, mt, reviewed, expected):
    found = entity_proposals(Reviewed("a.txt", "a.txt#1", "en", "es", source, mt, reviewed),
                             None)
    assert [(p.source_term, p.mt_rendering, p.reviewer_rendering) for p in found] == expected

