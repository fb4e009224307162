"""``triglot glossary review``: approve, edit or reject the proposed entries
(``glossary.review``), by id or as a CSV round trip."""

from __future__ import annotations

from pathlib import Path

import click

from translator.cli.glossary_common import glossary_option, json_option, open_termbase, short
from translator.cli.output import echo_json, table, warn
from translator.cli.paths import FilePath
from translator.core.i18n import _, ngettext

FILE = FilePath()


EXAMPLES = """
\b
triglot glossary review                       # what waits for a decision
triglot glossary review --approve c3 c7       # or --reject; --approve --all
triglot glossary review --edit c4 --en "Alyona Popova" --es "Aliona Popova"
triglot glossary review --export review.csv   # decide in a spreadsheet, then:
triglot glossary review --import review.csv"""


@click.command("review", help=_("List the proposed concepts (count, one context line each), "
                                "or decide on them.") + "\n" + EXAMPLES)
@glossary_option
@click.argument("ids", nargs=-1)
@click.option("--approve", is_flag=True, help=_("Approve the concepts IDS: translation "
                                                "enforces them from now on."))
@click.option("--reject", is_flag=True, help=_("Reject the concepts IDS: kept as rejected, "
                                               "never enforced nor proposed again."))
@click.option("--edit", is_flag=True, help=_("Make the --en/--ru/--es terms the preferred "
                                             "ones of the one concept in IDS, and approve it."))
@click.option("--en", help=_("With --edit: the English term."))
@click.option("--ru", help=_("With --edit: the Russian term."))
@click.option("--es", help=_("With --edit: the Spanish term."))
@click.option("--all", "every", is_flag=True, help=_("With --approve or --reject: every "
                                                     "proposed concept."))
@click.option("--export", "export_file", type=FILE, help=_(
    "Write the proposed concepts to a CSV; fill its decision column with approve, edit or "
    "reject."))
@click.option("--import", "import_file", type=FILE,
              help=_("Apply the decisions of such a CSV."))
@json_option
def review(glossary_path: Path | None, ids: tuple[str, ...], approve: bool, reject: bool,
           edit: bool, en: str | None, ru: str | None, es: str | None, every: bool,
           export_file: Path | None, import_file: Path | None, as_json: bool) -> None:
    from glossary import review as rv

    names = {lang: text for lang, text in (("en", en), ("ru", ru), ("es", es)) if text}
    action = _action(ids, approve, reject, edit, names, every, export_file, import_file)
    with open_termbase(glossary_path, "glossary review", create=False) as tb:
        if action == "list":
            return _show(rv.pending(tb), as_json)
        if action == "export":
            return _export(rv.pending(tb), export_file, tb.path)
        if action == "import":
            done = {d: found for d, found in rv.apply_review_csv(tb, import_file).done.items()
                    if found}
        elif action == "edit":
            done = {"edit": [rv.edit_and_approve(tb, ids[0], names).id or ""]}
        else:
            chosen = [c.id or "" for c in rv.pending(tb)] if every else list(ids)
            done = {action: (rv.approve if action == "approve" else rv.reject)(tb, chosen)}
        left = len(rv.pending(tb))
        gaps = rv.missing_languages(tb, done.get("approve", []) + done.get("edit", []))
    _report(done, left, as_json)
    _warn_gaps(gaps, glossary_path)


def _action(ids: tuple[str, ...], approve: bool, reject: bool, edit: bool,
            names: dict[str, str], every: bool, export_file: Path | None,
            import_file: Path | None) -> str:
    """Which one thing was asked for, or a clear usage error."""
    from glossary.model import GlossaryError

    asked = [name for name, on in (("approve", approve), ("reject", reject), ("edit", edit),
                                   ("export", export_file), ("import", import_file)) if on]
    if len(asked) > 1:
        raise GlossaryError(_("give one of {options}, not several").format(
            options=", ".join(f"--{name}" for name in asked)))
    action = asked[0] if asked else "list"
    if names and action != "edit":
        raise GlossaryError(_("--en/--ru/--es go with --edit ID"))
    if action == "edit" and (len(ids) != 1 or not names):
        raise GlossaryError(_("--edit takes one concept id and at least one of --en, --ru, "
                              "--es"))
    if action in ("approve", "reject") and every == bool(ids):
        raise GlossaryError(_("--{option} takes concept ids or --all").format(option=action))
    if action not in ("approve", "reject", "edit") and (ids or every):
        raise GlossaryError(_("concept ids and --all go with --approve, --reject or --edit"))
    return action


def _show(concepts, as_json: bool) -> None:
    if as_json:
        echo_json([c.to_dict() for c in concepts])
        return
    if not concepts:
        click.echo(_("no proposed concepts"))
        return
    from glossary.review import preferred

    rows = [[c.id or "", str(c.occurrences),
             short(c.subject.removeprefix("named entity ").strip("()"), 8),
             *(short(preferred(c, lang), 26) for lang in ("en", "ru", "es")),
             short(c.context, 60)] for c in concepts]
    click.echo(table([_("id"), _("count"), _("type"), "en", "ru", "es", _("context")], rows))
    click.echo(ngettext(
        "{count} proposed; none is enforced until approved "
        "(--approve ID..., --reject ID..., --edit ID --en ..., --export FILE)",
        "{count} proposed; none is enforced until approved "
        "(--approve ID..., --reject ID..., --edit ID --en ..., --export FILE)",
        len(concepts)).format(count=len(concepts)))


def _export(concepts, path: Path, termbase: Path) -> None:
    from glossary.review import review_csv
    from translator.core.atomic import refuse_input_as_output, write_text_atomic

    refuse_input_as_output(path, [termbase])
    write_text_atomic(path, review_csv(concepts))
    click.echo(ngettext(
        "{count} proposed concept written to {path}; fill the decision column (approve, "
        "edit, reject), then 'triglot glossary review --import {path}'",
        "{count} proposed concepts written to {path}; fill the decision column (approve, "
        "edit, reject), then 'triglot glossary review --import {path}'",
        len(concepts)).format(count=len(concepts), path=path))


def _warn_gaps(gaps: dict[str, list[str]], glossary_path: Path | None) -> None:
    """Say which approved concepts translation into some language cannot enforce yet."""
    option = f" -g {glossary_path}" if glossary_path else ""
    for concept_id, langs in gaps.items():
        warn(_("{concept} has no {languages} term, so translation into {languages} cannot "
               "enforce it; add one with '{command}'").format(
            concept=concept_id, languages="/".join(langs),
            command=f"triglot glossary edit{option} {concept_id} --add-term {langs[0]} "
                    "preferred TEXT"))


def _report(done: dict[str, list[str]], left: int, as_json: bool) -> None:
    if as_json:
        echo_json({**done, "proposed_left": left})
        return
    past = {"approve": _("approved {count} ({ids})"), "reject": _("rejected {count} ({ids})"),
            "edit": _("edited and approved {count} ({ids})")}
    parts = [past[d].format(count=len(found), ids=", ".join(found)) for d, found in done.items()]
    click.echo(_("{decided}; {count} still proposed").format(
        decided="; ".join(parts) or _("nothing decided"), count=left))
