"""What the glossary commands (and ``check``) share: the ``--glossary`` option, opening the
glossary to read or the termbase to change, and plain-text output."""

from __future__ import annotations

import json
from pathlib import Path

import click

GLOSSARY_HELP = ("Termbase (.db), or for commands that only read, a glossary file "
                 "(.csv/.tsv/.xlsx/.tbx) [default: $TRIGLOT_GLOSSARY, else ./glossary.db].")

glossary_option = click.option(
    "--glossary", "-g", "glossary_path", type=click.Path(path_type=Path, dir_okay=False),
    help=GLOSSARY_HELP)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
LANGS = ("en", "ru", "es")


def load_glossary(path: Path | None, *, source: str | None = None, target: str | None = None,
                  texts: dict[str, list[str]] | None = None):
    """The glossary a read command uses (``glossary.service.Glossary``), or one clear error;
    with ``texts``, only the concepts that can occur in them (``Glossary.load``)."""
    from glossary.model import GlossaryError
    from glossary.service import Glossary, resolve_glossary

    found = resolve_glossary(path)
    if found is None:
        raise GlossaryError("no glossary: give --glossary, set $TRIGLOT_GLOSSARY, or create "
                            "./glossary.db with 'triglot glossary add' or 'import'")
    return Glossary.load(found, source=source, target=target, texts=texts)


def open_termbase(path: Path | None, action: str, *, create: bool = False):
    """The termbase a write command changes (a context manager); a glossary file is refused."""
    from glossary.service import termbase_path
    from glossary.store import Termbase

    return Termbase.open(termbase_path(path, action), create=create)


def echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [headers, *rows])


def short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def describe(concept) -> str:
    """A concept as people read it: header line, then one line per term."""
    lines = [f"{concept.id}  {concept.label()}"]
    for name in ("subject", "definition", "note"):
        if getattr(concept, name):
            lines.append(f"  {name}: {getattr(concept, name)}")
    if not concept.approved:
        lines.append(f"  review: {concept.review}, {concept.occurrences} mentions"
                     + (f"; context: {concept.context}" if concept.context else ""))
    for term in concept.terms:
        extra = [term.status] + ([term.pos] if term.pos else []) + term.flags()
        lines.append(f"  {term.lang}  {term.text}  ({', '.join(extra)})"
                     + (f"  note: {term.note}" if term.note else "")
                     + (f"  source: {term.source}" if term.source else ""))
    lines.append(f"  created {concept.created}, updated {concept.updated}")
    return "\n".join(lines)


def concept_rows(concepts) -> list[list[str]]:
    """``glossary list``'s table: id, subject, and each language's best term (+ how many more)."""
    rows = []
    for c in concepts:
        cells = [c.id or "", short(c.subject, 16)]
        for code in LANGS:
            best = c.target_term(code)
            more = len(c.terms_in(code)) - (1 if best and c.terms_in(code) else 0)
            cells.append(short(best.text if best and c.terms_in(code) else "", 34)
                         + (f" (+{more})" if more > 0 else ""))
        rows.append(cells)
    return rows
