"""What a reviewer's tool may do to an entry: plural forms, a line break, gettext's escapes.

* plural forms (``msgid_plural``, ``msgstr[N]``) in place of the msgstr were
  dropped silently ("0 reviewed", exit 0), and the next ``po export`` threw them
  away: now ``po import`` names the entry and keeps the MT, and ``po export``
  keeps the forms for the reviewer;
* a line break in a translation broke the article's lines (a stray CR, an extra
  line): it is folded into a space, with a warning, and the review is used;
* ``\\xNN`` and octal escapes, which msgfmt accepts, were refused as bad escapes.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from tests.po.conftest import catalog, export, exported_story, review, tool
from tests.robustness.test_review_cases import LAWYER, LETTER, memory_pairs
from translator.review.po.importer import import_run
from translator.review.po.reading import CatalogError, read_catalog

LAWYER_RU = "Адвокат считает решение незаконным."
ARTICLE = ("Журналист узнал о решении из письма. Письмо пришло через неделю.\n\n"
           f"{LAWYER_RU}\n")


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    """A Russian article translated into English, its catalog with two approved reviews."""
    out = exported_story(tmp_path, ARTICLE)
    review(catalog(out, "en", "sud.po"), {"Адвокат считает": LAWYER, "Письмо пришло": LETTER})
    return out


def replace_msgstr(path: Path, old: str, *new_lines: str) -> None:
    """Edit the catalog's text as a tool or a hand would (polib would re-escape it)."""
    text = path.read_text(encoding="utf-8")
    line = f'msgstr "{old}"'
    assert text.count(line) == 1
    path.write_text(text.replace(line, "\n".join(new_lines)), encoding="utf-8")


def article(out: Path) -> str:
    return (out / "en" / "sud.txt").read_bytes().decode("utf-8")


# -- plural forms ---------------------------------------------------------------------

PLURAL = ('msgid_plural "Lawyers consider the rulings unlawful."',
          f'msgstr[0] "{LAWYER}"', 'msgstr[1] "The lawyers consider the rulings unlawful."')


def test_plural_forms_are_named_by_line_and_context_and_the_mt_kept(reviewed, tmp_path):
    path = catalog(reviewed, "en", "sud.po")
    replace_msgstr(path, LAWYER, *PLURAL)
    entry = next(e for e in polib.pofile(str(path)) if e.msgid == LAWYER_RU)
    tm = tmp_path / "tm.sqlite3"
    result = import_run(reviewed, tm, entities=False)
    [warning] = result.warnings
    assert f"{path}:{entry.linenum}: the entry has plural forms" in warning
    assert repr(entry.msgctxt) in warning
    assert result.reviewed == 1  # the letter; the plural entry is not counted as reviewed
    assert LAWYER not in article(reviewed) and f"[en] {LAWYER_RU}" in article(reviewed)
    assert all(target != LAWYER for _, target in memory_pairs(tm))


def test_a_fuzzy_plural_entry_is_not_used_and_not_warned_about(reviewed, tmp_path):
    path = catalog(reviewed, "en", "sud.po")
    replace_msgstr(path, LAWYER, *PLURAL)
    cat = polib.pofile(str(path))
    next(e for e in cat if e.msgid == LAWYER_RU).flags.append("fuzzy")
    cat.save()
    assert import_run(reviewed, tmp_path / "tm.sqlite3", entities=False).warnings == []


def test_po_export_keeps_the_plural_forms_for_the_reviewer(reviewed):
    path = catalog(reviewed, "en", "sud.po")
    replace_msgstr(path, LAWYER, *PLURAL)
    export(reviewed)
    entry = next(e for e in read_catalog(path) if e.msgid == LAWYER_RU)
    assert entry.msgstr_plural == {0: LAWYER, 1: "The lawyers consider the rulings unlawful."}
    assert "fuzzy" not in entry.flags  # still the reviewer's, so 'po import' still names it
    before = path.read_bytes()
    assert export(reviewed).unchanged == [path] and path.read_bytes() == before


# -- line breaks ----------------------------------------------------------------------

@pytest.mark.parametrize("escaped", ["\\r\\n", "\\n", "\\r", " \\r\\n  "])
def test_a_line_break_in_a_translation_is_folded_and_the_article_keeps_its_lines(
        reviewed, tmp_path, escaped):
    path = catalog(reviewed, "en", "sud.po")
    replace_msgstr(path, LAWYER, f'msgstr "The lawyer{escaped}considers the ruling unlawful."')
    tm = tmp_path / "tm.sqlite3"
    result = import_run(reviewed, tm, entities=False)
    [warning] = result.warnings
    assert f"{path}:" in warning and "line break" in warning
    text = article(reviewed)
    assert "\r" not in text and len(text.splitlines()) == len(ARTICLE.splitlines())
    assert LAWYER in text.splitlines()[2]
    assert result.reviewed == 2 and (LAWYER_RU, LAWYER) in memory_pairs(tm)


# -- gettext's escapes ----------------------------------------------------------------

ESCAPED_LAWYER = r"The l\x61wyer \143onsiders the ruling unl\141wful \xe2\x80\x94 \xc3\xa9."


def test_hex_and_octal_escapes_are_read_as_msgfmt_reads_them(reviewed, tmp_path):
    path = catalog(reviewed, "en", "sud.po")
    replace_msgstr(path, LAWYER, f'msgstr "{ESCAPED_LAWYER}"')
    expected = "The lawyer considers the ruling unlawful — é."
    assert next(e for e in read_catalog(path) if e.msgid == LAWYER_RU).msgstr == expected
    result = import_run(reviewed, tmp_path / "tm.sqlite3", entities=False)
    assert result.warnings == [] and result.reviewed == 2
    assert expected in article(reviewed)


def test_the_escapes_mean_what_msgfmt_makes_of_them(reviewed, tmp_path):
    path = catalog(reviewed, "en", "sud.po")
    replace_msgstr(path, LAWYER, f'msgstr "{ESCAPED_LAWYER} \\a\\v\\b\\f"')
    compiled = tmp_path / "sud.mo"
    subprocess.run([tool("msgfmt"), "-o", str(compiled), str(path)], check=True)
    by_msgfmt = {e.msgid: e.msgstr for e in polib.mofile(str(compiled))}
    mine = {e.msgid: e.msgstr for e in read_catalog(path) if e.msgstr and "fuzzy" not in e.flags}
    assert mine[LAWYER_RU] == by_msgfmt[LAWYER_RU]


@pytest.mark.parametrize("escape", [r"\q", r"\x", r"\x100", r"\xc3", r"\400", r"\0",
                                    r"\xe2\x80\xa8"])
def test_escapes_msgfmt_refuses_or_that_break_a_line_are_still_bad(tmp_path, escape):
    path = tmp_path / "bad.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    f'msgid "a"\nmsgstr "b{escape}z"\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"bad escape '\\.*' at line 6"):
        read_catalog(path)
