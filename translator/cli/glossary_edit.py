"""``triglot glossary add | edit | remove``: change a termbase by hand (``glossary.editing``)."""

from __future__ import annotations

from pathlib import Path

import click

from translator.cli.glossary_common import (
    describe,
    glossary_option,
    json_option,
    open_termbase,
)
from translator.cli.output import echo_json
from translator.core.i18n import _, ngettext

TERM_SPEC = "LANG STATUS TEXT"
ADD_EXAMPLE = """
\b
triglot glossary add --en "facial recognition" --ru "распознавание лиц" \\
    --es "reconocimiento facial" --subject surveillance"""


@click.command(help=_("Add one concept with its terms in several languages.") + "\n"
               + ADD_EXAMPLE)
@glossary_option
@click.option("--en", multiple=True, help=_("English term (repeat for synonyms: first "
                                            "preferred, the rest admitted)."))
@click.option("--ru", multiple=True, help=_("Russian term (dictionary form)."))
@click.option("--es", multiple=True, help=_("Spanish term."))
@click.option("--term", "extra_terms", nargs=3, multiple=True, metavar=TERM_SPEC,
              help=_("A term with an explicit status, e.g. --term en forbidden 'face ID'."))
@click.option("--status", default="preferred", show_default=True,
              help=_("Status of the first --en/--ru/--es term."))
@click.option("--pos", help=_("Part of speech: noun, verb, adjective, adverb, properNoun, "
                              "other."))
@click.option("--case-sensitive", is_flag=True, help=_("Match only with the same capitals."))
@click.option("--dnt", "--do-not-translate", "dnt", is_flag=True,
              help=_("Never translate: the same string must appear in every language."))
@click.option("--subject", default="", help=_("Subject field, e.g. law, surveillance."))
@click.option("--definition", default="", help=_("What the concept means."))
@click.option("--note", default="", help=_("A note for translators."))
@click.option("--source", default="", help=_("Where the terms come from."))
@click.option("--id", "concept_id", help=_("Concept id (default: the next cN)."))
@json_option
def add(glossary_path: Path | None, en: tuple[str, ...], ru: tuple[str, ...],
        es: tuple[str, ...], extra_terms: tuple[tuple[str, str, str], ...], status: str,
        pos: str | None, case_sensitive: bool, dnt: bool, subject: str, definition: str,
        note: str, source: str, concept_id: str | None, as_json: bool) -> None:
    from glossary.editing import add_new_concept, new_terms
    from glossary.model import Concept

    terms = new_terms({"en": en, "ru": ru, "es": es}, extra_terms, status=status, pos=pos,
                      case_sensitive=case_sensitive, dnt=dnt, source=source)
    with open_termbase(glossary_path, "glossary add", create=True) as tb:
        concept = add_new_concept(tb, Concept(concept_id, subject, definition, note, terms))
    if as_json:
        echo_json(concept.to_dict())
    else:
        click.echo(_("added {id}: {label}").format(id=concept.id, label=concept.label()))


@click.command(help=_("Change a concept: its fields, or add, remove and change terms (one "
                      "transaction)."))
@glossary_option
@click.argument("concept_id")
@click.option("--subject", help=_("New subject field."))
@click.option("--definition", help=_("New definition."))
@click.option("--note", help=_("New note."))
@click.option("--add-term", nargs=3, multiple=True, metavar=TERM_SPEC, help=_("Add a term."))
@click.option("--remove-term", nargs=2, multiple=True, metavar="LANG TEXT",
              help=_("Remove a term."))
@click.option("--status", "set_status", nargs=3, multiple=True, metavar="LANG TEXT STATUS",
              help=_("Change a term's status."))
@click.option("--pos", "set_pos", nargs=3, multiple=True, metavar="LANG TEXT POS",
              help=_("Change a term's part of speech."))
@click.option("--flag", "set_flag", nargs=3, multiple=True, metavar="LANG TEXT FLAG",
              help=_("Set a flag: case-sensitive, dnt, no-case-sensitive or no-dnt."))
@click.option("--term-note", nargs=3, multiple=True, metavar="LANG TEXT NOTE",
              help=_("Set a term's note."))
@json_option
def edit(glossary_path: Path | None, concept_id: str, subject: str | None,
         definition: str | None, note: str | None, add_term, remove_term, set_status,
         set_pos, set_flag, term_note, as_json: bool) -> None:
    from glossary.editing import ConceptEdit, edit_concept

    change = ConceptEdit(subject, definition, note, add_term, remove_term, set_status,
                         set_pos, set_flag, term_note)
    with open_termbase(glossary_path, "glossary edit") as tb:
        concept = edit_concept(tb, concept_id, change)
    if as_json:
        echo_json(concept.to_dict())
    else:
        click.echo(describe(concept))


@click.command(help=_("Remove concepts (with all their terms)."))
@glossary_option
@click.argument("concept_ids", nargs=-1, required=True)
def remove(glossary_path: Path | None, concept_ids: tuple[str, ...]) -> None:
    from glossary.editing import remove_concepts

    with open_termbase(glossary_path, "glossary remove") as tb:
        count = remove_concepts(tb, concept_ids)
    click.echo(ngettext("removed {count} concept", "removed {count} concepts",
                        count).format(count=count))
