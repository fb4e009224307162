"""triglot speaks the user's language: catalogs complete and clean, chosen as gettext does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = {lang: ROOT / "locales" / lang / "LC_MESSAGES" / "triglot.po" for lang in ("ru", "es")}
CYRILLIC = re.compile(r"[А-Яа-яЁё]{3,}")


def test_template_catalogs_and_compiled_files_are_in_step_with_the_code():
    """Every marked message is in the template and translated in both catalogs, with its
    placeholders; each .mo is compiled from its .po (what `make locales` keeps true)."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "locales.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", CATALOGS)
def test_msgfmt_check_passes(lang, tmp_path):
    done = subprocess.run(["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "x.mo"),
                           str(CATALOGS[lang])], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "untranslated" not in done.stderr and "fuzzy" not in done.stderr, done.stderr


def _pofilter() -> str | None:
    beside = Path(sys.executable).parent / "pofilter"
    return str(beside) if beside.exists() else shutil.which("pofilter")


# Style checks that flag correct Russian and Spanish: a colon with its own spacing
# ("Справка: …"), a sentence that starts with a placeholder, an identical "Error: {message}",
# an English abbreviation written out ("MT": "машинный перевод", "traducción automática").
STYLE_ONLY = ("simplecaps", "startcaps", "puncspacing", "startpunc", "unchanged", "acronyms")
# In Russian, form 0 also serves 21, 31...: msgfmt requires it to carry the plural's
# placeholders, which pofilter then reports against the singular. msgfmt decides those.
PLURAL_FORMAT = ("pythonbraceformat", "brackets", "numbers")


@pytest.mark.skipif(_pofilter() is None, reason="translate-toolkit's pofilter is not installed")
@pytest.mark.parametrize("lang", CATALOGS)
def test_pofilter_finds_nothing_but_plural_forms_msgfmt_accepts(lang, tmp_path):
    import polib

    report = tmp_path / "report.po"
    excluded = [f"--excludefilter={name}" for name in STYLE_ONLY]
    subprocess.run([_pofilter(), "--nofuzzy", f"--language={lang}", *excluded,
                    str(CATALOGS[lang]), str(report)], capture_output=True, text=True, check=True)
    failures = []
    for entry in (polib.pofile(str(report)) if report.exists() else []):
        checks = set(re.findall(r"\(pofilter\) (\w+)", entry.comment + entry.tcomment))
        if entry.msgid_plural and checks <= set(PLURAL_FORMAT):
            continue
        failures.append((entry.msgid, sorted(checks)))
    assert failures == []


def _run(*args: str, **env: str):
    return run_cli(*args, env={"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "",
                               **env})


def test_help_is_russian_or_spanish_by_language_and_english_otherwise():
    russian = _run("--help", LANGUAGE="ru")
    assert "Команды" in russian.stdout and "Показать эту справку" in russian.stdout
    assert "Перевести статьи" in russian.stdout
    spanish = _run("--help", LANGUAGE="es")
    assert "Comandos" in spanish.stdout and "Traducir artículos" in spanish.stdout
    for env in ({"LANGUAGE": "fr"}, {"LANG": "C"}, {}):
        english = _run("--help", **env)
        assert "Commands" in english.stdout and not CYRILLIC.search(english.stdout), env


def test_the_language_is_chosen_as_gettext_programs_choose_it():
    # LANGUAGE is a list tried in order; then LC_ALL, LC_MESSAGES, LANG (no system
    # locale has to be installed for any of them).
    assert "Comandos" in _run("--help", LANGUAGE="de:es:ru").stdout
    assert "Команды" in _run("--help", LC_ALL="ru_RU.UTF-8", LANG="es_ES.UTF-8").stdout
    assert "Comandos" in _run("--help", LC_MESSAGES="es_MX.UTF-8").stdout
    assert "Команды" in _run("--help", LANG="ru_RU.UTF-8").stdout
    assert "Comandos" in _run("--help", LANGUAGE="es", LANG="ru_RU.UTF-8").stdout


def test_errors_come_out_in_the_chosen_language_with_the_same_exit_code(tmp_path):
    for lang, words in (("ru", "triglot: ошибка:"), ("es", "triglot: error:")):
        missing = _run("glossary", "list", "-g", str(tmp_path / "none.db"), LANGUAGE=lang)
        assert missing.returncode == 2 and missing.stderr.startswith(words), missing.stderr
        assert len(missing.stderr.strip().splitlines()) == 1
    unknown = _run("no-such-command", LANGUAGE="es")
    assert unknown.returncode == 2 and "No existe el comando" in unknown.stderr


def test_json_keys_are_the_same_in_every_language(tmp_path):
    db = tmp_path / "g.db"
    added = _run("glossary", "add", "-g", str(db), "--en", "court", "--es", "tribunal")
    assert added.returncode == 0, added.stderr
    outputs = [json.loads(_run("glossary", "list", "-g", str(db), "--json",
                               LANGUAGE=lang).stdout) for lang in ("en", "ru", "es")]
    assert outputs[0] == outputs[1] == outputs[2]


def test_russian_counts_take_the_three_plural_forms(monkeypatch):
    from translator.core.i18n import ngettext

    monkeypatch.setenv("LANGUAGE", "ru")
    singular, plural = "Option {name!r} requires an argument.", \
        "Option {name!r} requires {nargs} arguments."
    forms = {n: ngettext(singular, plural, n).format(name="--to", nargs=n)
             for n in (1, 3, 5, 21, 22, 25)}
    assert "нужен 1 аргумент" in forms[1] and "нужен 21 аргумент" in forms[21]
    assert "нужны 3 аргумента" in forms[3] and "нужны 22 аргумента" in forms[22]
    assert "нужно 5 аргументов" in forms[5] and "нужно 25 аргументов" in forms[25]
    monkeypatch.setenv("LANGUAGE", "es")
    assert ngettext(singular, plural, 1).startswith("La opción")
    monkeypatch.setenv("LANGUAGE", "en")
    assert ngettext(singular, plural, 2) == plural


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")
def test_triglot_drafts_untranslated_messages_keeping_placeholders_and_terms(tmp_path):
    """scripts/locale_draft.py: MT through triglot translate, marked fuzzy for review."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    catalog = Catalog(locale="es")
    messages = ["The glossary {path} has {count} concepts.",
                "Give --glossary with a termbase, not a file.",
                "First paragraph of the package help.\n\nSecond paragraph: see PATHS."]
    for message in messages:
        catalog.add(message)
    catalog.add("already done", "ya hecho")
    path = tmp_path / "triglot.po"
    with path.open("wb") as handle:
        write_po(handle, catalog)
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "locale_draft.py"), "es",
                           "--engine", "apertium", "--catalog", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with path.open("rb") as handle:
        drafted = {m.id: m for m in read_po(handle, locale="es") if m.id}
    first, second, third = (drafted[m] for m in messages)
    assert all("fuzzy" in m.flags for m in (first, second, third))
    assert "{path}" in first.string and "{count}" in first.string
    assert "glosario" in first.string.lower()  # triglot's own term, from locales/terms.csv
    assert "--glossary" in second.string
    assert third.string.count("\n\n") == 1 and "PATHS" in third.string
    assert drafted["already done"].string == "ya hecho" and not drafted["already done"].fuzzy
