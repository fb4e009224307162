"""Keep triglot's own message catalogs in step with the code (``make locales``).

1. extract every marked message (``_``, ``ngettext``) from translator/ and glossary/,
   and click's own words from the installed click, into ``locales/triglot.pot``;
2. merge the template into each ``locales/<lang>/LC_MESSAGES/triglot.po`` the way
   msgmerge does (new entries empty, vanished ones obsolete, translations kept);
3. compile each catalog to ``triglot.mo`` beside it.

``--check`` changes nothing and fails (exit 1), naming what is wrong, when the template
is stale, a catalog misses or fuzzes a message, placeholders differ, or a ``.mo`` is out
of date. Babel does the extracting, merging and compiling.

    python scripts/locales.py            # refresh template, catalogs and .mo files
    python scripts/locales.py --check    # what `make test` and the tests run
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
TEMPLATE = LOCALES / "triglot.pot"
LANGUAGES = ("ru", "es")
SOURCES = ("translator", "glossary")
PLACEHOLDER_RE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%\(\w+\)[sd]|%[sd]")
WIDTH = 79
HEADER = {"project": "triglot", "version": "0.1", "copyright_holder": "triglot contributors",
          "msgid_bugs_address": "https://github.com/triglot/triglot/issues", "charset": "utf-8"}
#: CLDR gives Spanish a third form (for millions); Poedit, msgfmt and pofilter expect two.
GETTEXT_PLURALS = {"es": (2, "(n != 1)")}
TEAMS = {"ru": "Russian <ru@triglot>", "es": "Spanish <es@triglot>"}


def _extract() -> Catalog:
    import click

    template = Catalog(**HEADER, fuzzy=False,
                       header_comment="# Messages of the triglot command (template).\n"
                       "# Made by scripts/locales.py from translator/, glossary/ and click.")
    origins = [(ROOT / name, name) for name in SOURCES]
    origins.append((Path(click.__file__).parent, "click"))
    for directory, label in origins:
        for filename, lineno, message, comments, context in extract_from_dir(
                directory, method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS,
                comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
            template.add(message, locations=[(f"{label}/{filename}", lineno)],
                         auto_comments=comments, context=context)
    return template


def _po_bytes(catalog: Catalog, **options) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, omit_header=False, sort_output=False, **options)
    return buffer.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _keys(catalog: Catalog) -> set:
    """The messages a catalog holds, whatever their line numbers (which move with every edit)."""
    return {(m.id, m.context) for m in catalog if m.id}


def _read(path: Path, lang: str | None = None) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER_RE.findall(text))


def _problems(lang: str, catalog: Catalog) -> list[str]:
    found: list[str] = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        name = repr(ids[0][:60])
        if message.fuzzy or not all(strings):
            found.append(f"{lang}: {name} is untranslated or fuzzy")
            continue
        wanted = _placeholders(ids[-1])
        if len(ids) > 1:  # a plural form may name the singular's placeholders or the plural's
            allowed = set(_placeholders(ids[0])) | set(wanted)
            if any(not set(_placeholders(s)) <= allowed for s in strings) or \
                    _placeholders(strings[-1]) != wanted:
                found.append(f"{lang}: {name} has placeholders not in the English")
        elif any(_placeholders(s) != wanted for s in strings):
            found.append(f"{lang}: {name} has placeholders {wanted} in English only or changed")
    return found


def _catalog_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "triglot.po"


def _merged(lang: str, template: Catalog) -> Catalog:
    path = _catalog_path(lang)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
    else:
        catalog = Catalog(**HEADER, locale=lang, fuzzy=False, language_team=TEAMS[lang],
                          last_translator="triglot contributors",
                          header_comment=f"# {TEAMS[lang].split()[0]} messages of the triglot "
                          "command.\n# Refreshed by scripts/locales.py; translate here.")
    if lang in GETTEXT_PLURALS and not path.exists():  # the rule gettext tools expect
        catalog._num_plurals, catalog._plural_expr = GETTEXT_PLURALS[lang]
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()  # a message gone from the code is gone from the catalog
    return catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    check = parser.parse_args(argv).check
    template = _extract()
    problems: list[str] = []
    current = _read(TEMPLATE)
    if current is None or _keys(current) != _keys(template):
        problems.append(f"{TEMPLATE.relative_to(ROOT)} is stale: run 'make locales'")
    if not check:
        TEMPLATE.write_bytes(_po_bytes(template))
    for lang in LANGUAGES:
        po_path = _catalog_path(lang)
        mo_path = po_path.with_suffix(".mo")
        on_disk = _read(po_path, lang)
        catalog = _merged(lang, template) if not check or on_disk is None else on_disk
        if on_disk is None or not _keys(template) <= _keys(on_disk):
            problems.append(f"{po_path.relative_to(ROOT)} misses messages of the template: "
                            "run 'make locales' and translate them")
        if not check:
            po_path.parent.mkdir(parents=True, exist_ok=True)
            po_path.write_bytes(_po_bytes(catalog))
            mo_path.write_bytes(_mo_bytes(catalog))
        elif not mo_path.exists() or mo_path.read_bytes() != _mo_bytes(catalog):
            problems.append(f"{mo_path.relative_to(ROOT)} is not compiled from its .po: "
                            "run 'make locales'")
        problems += _problems(lang, catalog)
    shown = problems if check else [p for p in problems if "make locales" not in p]
    for line in shown:
        print(line, file=sys.stderr)
    return 1 if shown else 0


if __name__ == "__main__":
    sys.exit(main())
