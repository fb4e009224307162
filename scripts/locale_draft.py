"""Machine drafts of a catalog's untranslated messages, made with triglot itself.

Each untranslated message of ``locales/<lang>/LC_MESSAGES/triglot.po`` becomes a
paragraph of a Markdown article in which placeholders (``{name}``), option names
(``--glossary``), upper-case metavariables (``PATHS``) and file names are code spans,
which triglot passes through MT untouched. ``triglot translate`` turns the article into
``<lang>`` with triglot's own terms (``locales/terms.csv``: glossary, termbase,
translation memory, catalog, package, article...) as its glossary, and each
translated paragraph goes back to its message, marked fuzzy. A person then reviews
every fuzzy entry in a PO editor; ``make locales`` refuses the catalog until none is
left. Plural messages are left for the person (one paragraph cannot hold their forms).

    python scripts/locale_draft.py es --engine apertium    # en->es with Apertium
    python scripts/locale_draft.py ru                      # with the Argos en->ru package
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
TERMS = ROOT / "locales" / "terms.csv"
#: What MT must never see: placeholders, options, metavariables, paths and file names.
LITERAL = re.compile(r"\{[^{}\s]*\}|%\(\w+\)[sd]|--[a-z][a-z-]*|\$[A-Z_]+|\b[A-Z][A-Z_]{2,}\b"
                     r"|[\w.~-]*/[\w./<>~-]*|\b[\w-]+\.(?:db|csv|tsv|xlsx|tbx|po|mo|txt|md|html"
                     r"|sqlite3|argosmodel|json)\b|'[^']*'")
PARAGRAPH = "\n\n"


def protect(text: str) -> str:
    return LITERAL.sub(lambda m: f"`{m.group(0)}`", text.replace("`", "'"))


def unprotect(text: str) -> str:
    return re.sub(r"`([^`]*)`", r"\1", text)


def drafts(messages: list[str], lang: str, engine: str) -> list[str]:
    """The messages translated by ``triglot translate`` (en -> ``lang``), one per message."""
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "messages.md"
        parts = [part for message in messages for part in message.split(PARAGRAPH)]
        article.write_text(PARAGRAPH.join(protect(" ".join(p.split())) for p in parts) + "\n",
                           encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "translator", "translate", str(article), "--from", "en",
             "--to", lang, "--engine", engine, "--glossary", str(TERMS), "--no-cache",
             "--out", str(Path(tmp) / "out")], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"locale_draft: triglot translate failed: {done.stderr.strip()}")
        translated = (Path(tmp) / "out" / lang / article.name).read_text(encoding="utf-8")
    pieces = [unprotect(p.strip()) for p in translated.strip().split(PARAGRAPH)]
    if len(pieces) != len(parts):
        sys.exit(f"locale_draft: {len(parts)} paragraphs in, {len(pieces)} out")
    result, start = [], 0
    for message in messages:
        count = message.count(PARAGRAPH) + 1
        result.append(PARAGRAPH.join(pieces[start:start + count]))
        start += count
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang")
    parser.add_argument("--engine", default="argos")
    parser.add_argument("--catalog", type=Path, help="default: locales/LANG/LC_MESSAGES/triglot.po")
    options = parser.parse_args(argv)
    path = options.catalog or ROOT / "locales" / options.lang / "LC_MESSAGES" / "triglot.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=options.lang)
    todo = [m for m in catalog if m.id and isinstance(m.id, str) and not m.string]
    if not todo:
        print(f"{path}: nothing untranslated")
        return 0
    for message, draft in zip(todo, drafts([m.id for m in todo], options.lang,
                                           options.engine), strict=True):
        message.string = draft
        message.flags.add("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=79)
    print(f"{path}: {len(todo)} drafts marked fuzzy; review each, then run 'make locales'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
