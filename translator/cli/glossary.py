"""``triglot glossary``: keep one ru/en/es termbase for a story, find its terms, exchange it.

The termbase is one SQLite file (``--glossary``, default ``./glossary.db``).
Read commands refuse a missing file; write commands create it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

GLOSSARY_HELP = "Termbase file (SQLite); default ./glossary.db."

glossary_option = click.option(
    "--glossary", "-g", "glossary_path", type=click.Path(path_type=Path, dir_okay=False),
    default=Path("glossary.db"), envvar="TRIGLOT_GLOSSARY", show_envvar=True, help=GLOSSARY_HELP)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
LANGS = ("en", "ru", "es")


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows, strict=True)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [headers, *rows])


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _open(path: Path, *, create: bool = False):
    from glossary.store import Termbase

    return Termbase.open(path, create=create)


def _describe(concept) -> str:
    """A concept as people read it: header line, then one line per term."""
    lines = [f"{concept.id}  {concept.label()}"]
    for name in ("subject", "definition", "note"):
        if getattr(concept, name):
            lines.append(f"  {name}: {getattr(concept, name)}")
    for term in concept.terms:
        extra = [term.status] + ([term.pos] if term.pos else []) + term.flags()
        lines.append(f"  {term.lang}  {term.text}  ({', '.join(extra)})"
                     + (f"  note: {term.note}" if term.note else "")
                     + (f"  source: {term.source}" if term.source else ""))
    lines.append(f"  created {concept.created}, updated {concept.updated}")
    return "\n".join(lines)


@click.group()
def glossary() -> None:
    """Keep a ru/en/es terminology base: add, find, import, export, merge, extract."""


# -- add / list / show / edit / remove ------------------------------------------------

@glossary.command()
@glossary_option
@click.option("--en", multiple=True, help="English term (repeat for synonyms: first preferred,"
              " the rest admitted).")
@click.option("--ru", multiple=True, help="Russian term (dictionary form).")
@click.option("--es", multiple=True, help="Spanish term.")
@click.option("--term", "extra_terms", nargs=3, multiple=True, metavar="LANG STATUS TEXT",
              help="A term with an explicit status, e.g. --term en forbidden 'face ID'.")
@click.option("--status", default="preferred", show_default=True,
              help="Status of the first --en/--ru/--es term.")
@click.option("--pos", help="Part of speech: noun, verb, adjective, adverb, properNoun, other.")
@click.option("--case-sensitive", is_flag=True, help="Match only with the same capitals.")
@click.option("--dnt", "--do-not-translate", "dnt", is_flag=True,
              help="Never translate: the same string must appear in every language.")
@click.option("--subject", default="", help="Subject field, e.g. law, surveillance.")
@click.option("--definition", default="")
@click.option("--note", default="")
@click.option("--source", default="", help="Where the terms come from.")
@click.option("--id", "concept_id", help="Concept id (default: the next cN).")
@json_option
def add(glossary_path: Path, en: tuple[str, ...], ru: tuple[str, ...], es: tuple[str, ...],
        extra_terms: tuple[tuple[str, str, str], ...], status: str, pos: str | None,
        case_sensitive: bool, dnt: bool, subject: str, definition: str, note: str, source: str,
        concept_id: str | None, as_json: bool) -> None:
    """Add one concept with its terms in several languages.

    \b
    triglot glossary add --en "facial recognition" --ru "распознавание лиц" \\
        --es "reconocimiento facial" --subject surveillance
    """
    from glossary.model import Concept, GlossaryError, Term, check_status

    check_status(status)
    terms = []
    for lang, texts in (("en", en), ("ru", ru), ("es", es)):
        for i, text in enumerate(texts):
            terms.append(Term(lang, text, status if i == 0 else "admitted", pos, case_sensitive,
                              dnt, source=source))
    for lang, term_status, text in extra_terms:
        terms.append(Term(lang, text, term_status, pos, case_sensitive, dnt, source=source))
    if not terms:
        raise GlossaryError("give at least one term: --en, --ru, --es or --term")
    with _open(glossary_path, create=True) as tb:
        with tb.transaction():
            for term in terms:
                for other in tb.lookup(term.lang, term.text):
                    raise GlossaryError(f"the {term.lang} term '{term.text}' is already in "
                                        f"concept {other.id}; use 'triglot glossary edit "
                                        f"{other.id}'", glossary_path)
            new_id = tb.add_concept(Concept(concept_id, subject, definition, note, terms))
        concept = tb.get(new_id)
    if as_json:
        _echo_json(concept.to_dict())
    else:
        click.echo(f"added {new_id}: {concept.label()}")


@glossary.command("list")
@glossary_option
@click.option("--lang", help="Only concepts with a term in this language.")
@click.option("--subject", help="Only concepts in this subject field.")
@json_option
def list_command(glossary_path: Path, lang: str | None, subject: str | None,
                 as_json: bool) -> None:
    """List the concepts with their preferred terms."""
    from glossary.model import check_lang

    lang = check_lang(lang) if lang else None
    with _open(glossary_path) as tb:
        concepts = [c for c in tb.concepts()
                    if (lang is None or c.terms_in(lang))
                    and (subject is None or c.subject.lower() == subject.lower())]
    if as_json:
        _echo_json([c.to_dict() for c in concepts])
        return
    if not concepts:
        click.echo("no concepts")
        return
    rows = []
    for c in concepts:
        cells = [c.id or "", _short(c.subject, 16)]
        for code in LANGS:
            best = c.target_term(code)
            more = len(c.terms_in(code)) - (1 if best and c.terms_in(code) else 0)
            cells.append(_short(best.text if best and c.terms_in(code) else "", 34)
                         + (f" (+{more})" if more > 0 else ""))
        rows.append(cells)
    click.echo(_table(["id", "subject", *LANGS], rows))
    click.echo(f"{len(concepts)} concept{'s' if len(concepts) != 1 else ''}")


@glossary.command()
@glossary_option
@click.argument("concept_id")
@json_option
def show(glossary_path: Path, concept_id: str, as_json: bool) -> None:
    """Show one concept with all its terms and their details."""
    with _open(glossary_path) as tb:
        concept = tb.get(concept_id)
    if as_json:
        _echo_json(concept.to_dict())
    else:
        click.echo(_describe(concept))


@glossary.command()
@glossary_option
@click.argument("concept_id")
@click.option("--subject")
@click.option("--definition")
@click.option("--note")
@click.option("--add-term", nargs=3, multiple=True, metavar="LANG STATUS TEXT",
              help="Add a term.")
@click.option("--remove-term", nargs=2, multiple=True, metavar="LANG TEXT",
              help="Remove a term.")
@click.option("--status", "set_status", nargs=3, multiple=True, metavar="LANG TEXT STATUS",
              help="Change a term's status.")
@click.option("--pos", "set_pos", nargs=3, multiple=True, metavar="LANG TEXT POS",
              help="Change a term's part of speech.")
@click.option("--flag", "set_flag", nargs=3, multiple=True, metavar="LANG TEXT FLAG",
              help="Set a flag: case-sensitive, dnt, no-case-sensitive or no-dnt.")
@click.option("--term-note", nargs=3, multiple=True, metavar="LANG TEXT NOTE",
              help="Set a term's note.")
@json_option
def edit(glossary_path: Path, concept_id: str, subject: str | None, definition: str | None,
         note: str | None, add_term, remove_term, set_status, set_pos, set_flag, term_note,
         as_json: bool) -> None:
    """Change a concept: its fields, or add, remove and change terms (one transaction)."""
    from glossary.model import GlossaryError, Term, check_lang, check_pos, check_status

    flag_fields = {"case-sensitive": ("case_sensitive", True), "no-case-sensitive":
                   ("case_sensitive", False), "dnt": ("dnt", True), "no-dnt": ("dnt", False),
                   "do-not-translate": ("dnt", True)}
    with _open(glossary_path) as tb, tb.transaction():
        concept = tb.get(concept_id)

        def find(lang: str, text: str) -> Term:
            term = concept.find_term(check_lang(lang), text)
            if term is None:
                raise GlossaryError(f"concept {concept.id} has no {lang} term '{text}'")
            return term

        for name, value in (("subject", subject), ("definition", definition), ("note", note)):
            if value is not None:
                setattr(concept, name, value)
        for lang, text in remove_term:
            concept.terms.remove(find(lang, text))
        for lang, status, text in add_term:
            if concept.find_term(check_lang(lang), text):
                raise GlossaryError(f"concept {concept.id} already has the {lang} term '{text}'")
            concept.terms.append(Term(lang, text, status))
        for lang, text, status in set_status:
            find(lang, text).status = check_status(status)
        for lang, text, pos in set_pos:
            find(lang, text).pos = check_pos(pos)
        for lang, text, flag in set_flag:
            if flag not in flag_fields:
                raise GlossaryError(f"unknown flag '{flag}': use {', '.join(flag_fields)}")
            name, value = flag_fields[flag]
            setattr(find(lang, text), name, value)
        for lang, text, value in term_note:
            find(lang, text).note = value
        tb.update(concept)
        concept = tb.get(concept.id or "")
    if as_json:
        _echo_json(concept.to_dict())
    else:
        click.echo(_describe(concept))


@glossary.command()
@glossary_option
@click.argument("concept_ids", nargs=-1, required=True)
def remove(glossary_path: Path, concept_ids: tuple[str, ...]) -> None:
    """Remove concepts (with all their terms)."""
    with _open(glossary_path) as tb, tb.transaction():
        for cid in concept_ids:
            tb.remove(cid)
    click.echo(f"removed {len(concept_ids)} concept{'s' if len(concept_ids) != 1 else ''}")


# -- find ------------------------------------------------------------------------------

@glossary.command()
@glossary_option
@click.argument("text", required=False)
@click.option("--file", "file_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Search this UTF-8 text file instead of TEXT ('-' for stdin).")
@click.option("--lang", help="Language of the text (default: try ru, en and es).")
@click.option("--to", "target", help="Also show the term a translation into this language "
              "should use.")
@json_option
def find(glossary_path: Path, text: str | None, file_path: Path | None, lang: str | None,
         target: str | None, as_json: bool) -> None:
    """Find glossary terms in TEXT, in any inflected form, with their spans.

    Exits 0 when terms were found, 1 when none were.
    """
    from glossary.formats import read_text
    from glossary.model import GlossaryError, check_lang

    if (text is None) == (file_path is None):
        raise GlossaryError("give TEXT or --file, not both and not neither")
    if file_path is not None:
        text = sys.stdin.read() if str(file_path) == "-" else read_text(file_path)
    langs = [check_lang(lang)] if lang else list(LANGS)
    target = check_lang(target) if target else None
    results = []
    with _open(glossary_path) as tb:
        by_id = {c.id: c for c in tb.concepts()}
        for code in langs:
            for match in tb.matcher(code).find(text or ""):
                record = match.to_dict()
                if target:
                    wanted = by_id[match.concept_id].target_term(target)
                    record["target"] = wanted.text if wanted else None
                results.append(record)
    results.sort(key=lambda r: (r["start"], r["lang"]))
    if as_json:
        _echo_json(results)
    elif results:
        headers = ["span", "lang", "found", "term", "status", "concept"] + \
            (["target"] if target else [])
        rows = [[f"{r['start']}-{r['end']}", r["lang"], r["text"], r["term"], r["status"],
                 r["concept"]] + ([r.get("target") or "-"] if target else []) for r in results]
        click.echo(_table(headers, rows))
    else:
        click.echo("no glossary terms found")
    if not results:
        sys.exit(1)


# -- import / export / merge ------------------------------------------------------------

format_option = click.option("--format", "fmt", type=click.Choice(["csv", "tsv", "xlsx", "tbx"]),
                             help="File format (default: from the extension).")
pair_options = [
    click.option("--from", "source", help="Source language of a two-column (source,target) "
                 "table."),
    click.option("--to", "target", help="Target language of a two-column table."),
]


def _pairs(func):
    for option in reversed(pair_options):
        func = option(func)
    return func


@glossary.command("import")
@glossary_option
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@format_option
@_pairs
@click.option("--sheet", help="XLSX sheet name (default: the first).")
@json_option
def import_command(glossary_path: Path, file: Path, fmt: str | None, source: str | None,
                   target: str | None, sheet: str | None, as_json: bool) -> None:
    """Import concepts from CSV/TSV, XLSX or TBX: all of them, or nothing on any error."""
    from glossary.formats import read_glossary

    concepts = read_glossary(file, fmt, source=source, target=target, sheet=sheet)
    with _open(glossary_path, create=True) as tb:
        ids = tb.import_concepts(concepts, file)
    if as_json:
        _echo_json({"imported": len(ids), "ids": ids})
    else:
        click.echo(f"imported {len(ids)} concept{'s' if len(ids) != 1 else ''} from {file}")


@glossary.command()
@glossary_option
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@format_option
@_pairs
@click.option("--no-header", is_flag=True, help="Two-column form without a header (DeepL).")
def export(glossary_path: Path, file: Path, fmt: str | None, source: str | None,
           target: str | None, no_header: bool) -> None:
    """Export the glossary to CSV/TSV, XLSX or TBX (--from/--to: two-column form)."""
    from glossary.formats import write_glossary

    with _open(glossary_path) as tb:
        count = write_glossary(file, tb.concepts(), fmt, source=source, target=target,
                               header=not no_header)
    click.echo(f"exported {count} entr{'ies' if count != 1 else 'y'} to {file}")


@glossary.command()
@glossary_option
@click.argument("other", type=click.Path(path_type=Path, dir_okay=False))
@format_option
@_pairs
@json_option
def merge(glossary_path: Path, other: Path, fmt: str | None, source: str | None,
          target: str | None, as_json: bool) -> None:
    """Merge another glossary (a .db or any importable file) into this one.

    Concepts sharing a term are combined; entries already here win and every
    disagreement is reported as a conflict. Exits 1 when there were conflicts.
    """
    from glossary.formats import read_glossary

    if other.suffix.lower() == ".db" and fmt is None:
        with _open(other) as theirs:
            incoming = theirs.concepts()
    else:
        incoming = read_glossary(other, fmt, source=source, target=target)
    with _open(glossary_path, create=True) as tb, tb.transaction():
        results = [tb.merge_concept(c) for c in incoming]
    counts = {action: sum(r.action == action for r in results)
              for action in ("added", "merged", "unchanged", "conflict")}
    conflicts = [msg for r in results for msg in r.conflicts]
    if as_json:
        _echo_json({**counts, "conflicts": conflicts})
    else:
        click.echo(", ".join(f"{n} {a}" for a, n in counts.items()))
        for message in conflicts:
            click.echo(f"conflict: {message}")
    if conflicts:
        sys.exit(1)


# -- extract -----------------------------------------------------------------------------

@glossary.command()
@glossary_option
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--lang", help="Language of FILES (and of the source side of --parallel).")
@click.option("--parallel", nargs=2, type=click.Path(path_type=Path, dir_okay=False),
              metavar="SRC TGT", help="Line-aligned source and target files: also propose "
              "target-language equivalents.")
@click.option("--to", "target", help="Language of the --parallel target file.")
@click.option("--min-count", default=2, show_default=True, help="Ignore rarer candidates.")
@click.option("--top", default=200, show_default=True, help="Keep the best N candidates.")
@click.option("--max-words", default=4, show_default=True)
@click.option("--min-words", default=2, show_default=True,
              help="Shortest candidate; 1 also proposes single words.")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the CSV here (default: stdout).")
@click.option("--add", "add_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Insert the rows a reviewer kept from an extract CSV into the glossary.")
@json_option
def extract(glossary_path: Path, files: tuple[Path, ...], lang: str | None,
            parallel: tuple[Path, Path] | None, target: str | None, min_count: int, top: int,
            max_words: int, min_words: int, output: Path | None, add_file: Path | None,
            as_json: bool) -> None:
    """Propose candidate terms from FILES as CSV for review (or --add the reviewed CSV).

    \b
    triglot glossary extract article*.txt --lang ru -o candidates.csv
    triglot glossary extract --parallel src.en tgt.ru --lang en --to ru -o c.csv
    triglot glossary extract --add c.csv
    """
    from glossary import extract as ex
    from glossary.formats import read_text
    from glossary.model import GlossaryError, check_lang

    if add_file is not None:
        concepts = ex.read_reviewed(add_file)
        with _open(glossary_path, create=True) as tb, tb.transaction():
            results = [tb.merge_concept(c) for c in concepts]
        added = sum(r.action == "added" for r in results)
        skipped = len(results) - added
        if as_json:
            _echo_json({"added": added, "already_present": skipped})
        else:
            click.echo(f"added {added} concept{'s' if added != 1 else ''}"
                       + (f"; {skipped} already in the glossary (kept as they are)"
                          if skipped else ""))
        return
    if not lang:
        raise GlossaryError("give --lang ru|en|es")
    lang = check_lang(lang)
    if parallel:
        if not target:
            raise GlossaryError("--parallel needs --to (the target file's language)")
        target = check_lang(target)
        src_lines = read_text(parallel[0]).splitlines()
        tgt_lines = read_text(parallel[1]).splitlines()
        if len(src_lines) != len(tgt_lines):
            raise GlossaryError(f"{len(src_lines)} lines but {parallel[1]} has "
                                f"{len(tgt_lines)}: --parallel needs line-aligned files",
                                parallel[0])
        texts = [read_text(f) for f in files]
        candidates = ex.extract_candidates(src_lines + [ln for t in texts for ln in
                                                        t.splitlines()],
                                           lang, min_count=min_count, max_words=max_words,
                                           min_words=min_words)[:top]
        ex.propose_equivalents(candidates, src_lines, tgt_lines, lang, target,
                               max_words=max_words)
    else:
        if not files:
            raise GlossaryError("give FILES to extract from, or --parallel SRC TGT")
        lines = [ln for f in files for ln in read_text(f).splitlines()]
        candidates = ex.extract_candidates(lines, lang, min_count=min_count,
                                           max_words=max_words, min_words=min_words)[:top]
        target = None
    if as_json:
        _echo_json([c.to_dict() for c in candidates])
        return
    text = ex.candidates_csv(candidates, lang, target)
    if output is None:
        click.echo(text, nl=False)
    else:
        from translator.core.atomic import write_text_atomic

        write_text_atomic(output, text)
        click.echo(f"{len(candidates)} candidates written to {output}", err=True)
