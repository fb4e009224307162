"""What the glossary commands (and ``check``) share: the ``--glossary`` option, opening the
glossary to read or the termbase to change, and how a concept reads as plain text.

Warnings, JSON and tables come from ``translator.cli.output``, like every command's."""

from __future__ import annotations

import os
from pathlib import Path

import click

from translator.cli.paths import FilePath, refuse_folder_name
from translator.core.i18n import _, ngettext

GLOSSARY_HELP = _("Termbase (.db), or for commands that only read, a glossary file "
                  "(.csv/.tsv/.xlsx/.tbx) [default: $TRIGLOT_GLOSSARY, else ./glossary.db].")

glossary_option = click.option("--glossary", "-g", "glossary_path", type=FilePath(),
                               help=GLOSSARY_HELP)
json_option = click.option("--json", "as_json", is_flag=True, help=_("Print JSON for scripts."))
LANGS = ("en", "ru", "es")


def load_glossary(path: Path | None, *, source: str | None = None, target: str | None = None,
                  texts: dict[str, list[str]] | None = None):
    """The glossary a read command uses (``glossary.service.Glossary``), or one clear error;
    with ``texts``, only the concepts that can occur in them (``Glossary.load``)."""
    from glossary.model import GlossaryError
    from glossary.service import Glossary, resolve_glossary

    found = resolve_glossary(path)
    if found is None:
        raise GlossaryError(_("no glossary: give --glossary, set $TRIGLOT_GLOSSARY, or create "
                              "./glossary.db with 'triglot glossary add' or 'import'"))
    return Glossary.load(found, source=source, target=target, texts=texts)


def open_termbase(path: Path | None, action: str, *, create: bool = False):
    """The termbase a write command changes (a context manager); a glossary file is refused."""
    from glossary.service import ENV_VAR, termbase_path
    from glossary.store import Termbase

    if path is None:  # -g is checked as it is parsed; $TRIGLOT_GLOSSARY here, before
        refuse_folder_name(os.environ.get(ENV_VAR))  # pathlib drops its trailing slash
    return Termbase.open(termbase_path(path, action), create=create)


def short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def count_concepts(count: int) -> str:
    """"1 concept", "2 concepts", in the user's language."""
    return ngettext("{count} concept", "{count} concepts", count).format(count=count)


def describe(concept) -> str:
    """A concept as people read it: header line, then one line per term.

    Statuses, parts of speech and flags stay as typed on the command line."""
    lines = [f"{concept.id}  {concept.label()}"]
    labels = {"subject": _("subject: {value}"), "definition": _("definition: {value}"),
              "note": _("note: {value}")}
    for name, label in labels.items():
        if getattr(concept, name):
            lines.append("  " + label.format(value=getattr(concept, name)))
    if not concept.approved:
        mentions = ngettext("{count} mention", "{count} mentions", concept.occurrences)
        line = _("review: {state}, {mentions}").format(
            state=concept.review, mentions=mentions.format(count=concept.occurrences))
        if concept.context:
            line = _("{review}; context: {context}").format(review=line,
                                                            context=concept.context)
        lines.append("  " + line)
    for term in concept.terms:
        extra = [term.status] + ([term.pos] if term.pos else []) + term.flags()
        lines.append(f"  {term.lang}  {term.text}  ({', '.join(extra)})"
                     + ("  " + _("note: {value}").format(value=term.note) if term.note else "")
                     + ("  " + _("source: {value}").format(value=term.source)
                        if term.source else ""))
    lines.append("  " + _("created {created}, updated {updated}").format(
        created=concept.created, updated=concept.updated))
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
