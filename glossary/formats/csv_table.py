"""Glossary tables (CSV/TSV, and the rows behind XLSX) in two forms.

* Concept per row: ``id, subject, en, en_status, ru, ..., es, ...`` columns.
  Several terms of one language share a cell, separated by `` | `` (statuses,
  notes and the other per-term columns line up the same way). Only ``en``,
  ``ru`` or ``es`` is required; every other column is optional.
* Two columns, source and target, as Weblate (header ``source,target``, or its
  whole CSV export) and DeepL (no header; optionally ``source,target,SRC,TGT``)
  use them: the languages come from ``--from``/``--to``; ``glossary.formats.pairs``
  turns the pairs into concepts.

The delimiter is ``,`` (``.csv``) or tab (``.tsv``), unless only ``;`` or another
of the two makes the file a table (European Excel saves ``;``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from glossary.formats.cells import neutralise_row, restore
from glossary.formats.files import at_line
from glossary.formats.pairs import (
    MARK_COLUMNS,
    PAIR_HEADER,
    PairRow,
    Warn,
    is_pair_header,
    pairs_to_concepts,
)
from glossary.model import REVIEW_STATES, Concept, GlossaryError, Term, check_lang
from translator.core.atomic import atomic_open
from translator.core.i18n import _, ngettext
from translator.core.languages import LANGUAGES

SEPARATOR = " | "
CONCEPT_FIELDS = ("id", "subject", "definition", "note", "created", "updated",
                  "review", "occurrences", "context")
TERM_FIELDS = ("status", "pos", "flags", "note", "source", "created", "updated")
FLAG_NAMES = {"case-sensitive": "case_sensitive", "do-not-translate": "dnt", "dnt": "dnt",
              "proposed": "proposed"}
DELIMITERS = (",", ";", "\t")


def known_columns() -> list[str]:
    columns = list(CONCEPT_FIELDS)
    for lang in LANGUAGES:
        columns += [lang] + [f"{lang}_{name}" for name in TERM_FIELDS]
    return columns


# -- reading -------------------------------------------------------------------------

def read_table(path: Path, delimiter: str, *, source: str | None = None,
               target: str | None = None, warn: Warn | None = None) -> list[Concept]:
    """Concepts from a CSV/TSV file; rows of the wrong width are refused with their line.

    ``delimiter`` is the extension's; a file that only parses as a table with ``;``,
    ``,`` or tab (a European Excel writes ``;``) is read with that one instead.
    """
    from glossary.formats.files import read_text

    text = read_text(path)
    delimiter = sniff_delimiter(text, delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        start = 1
        for record in reader:
            if record and any(cell.strip() for cell in record):
                if rows and len(record) != len(rows[0]):
                    width = len(rows[0])
                    message = _("line {line}: missing columns: {count} fields, the header "
                                "has {width}") if len(record) < width else _(
                        "line {line}: extra columns: {count} fields, the header has {width}")
                    raise GlossaryError(message.format(line=start, count=len(record),
                                                       width=width), path)
                rows.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise GlossaryError(_("line {line}: malformed CSV: {error}").format(
            line=reader.line_num, error=exc), path) from exc
    return rows_to_concepts(rows, lines, path, source=source, target=target, warn=warn)


def sniff_delimiter(text: str, default: str) -> str:
    """The delimiter among ``,``, ``;`` and tab that makes ``text`` a table.

    A candidate qualifies when every non-blank record has the same number (two or
    more) of fields; one whose first record is a header triglot knows wins, then
    ``default``, then the order above. With none qualifying, ``default`` (whose
    errors then name the line that does not fit).
    """
    qualified: list[tuple[int, str]] = []
    for rank, candidate in enumerate((default, *(d for d in DELIMITERS if d != default))):
        records = _records(text, candidate)
        widths = {len(record) for record in records}
        if records and len(widths) == 1 and widths.pop() > 1:
            header = [cell.strip().lower() for cell in records[0]]
            known = is_pair_header(header) or set(header) <= set(known_columns())
            qualified.append((rank - (len(DELIMITERS) if known else 0), candidate))
    return min(qualified)[1] if qualified else default


def _records(text: str, delimiter: str) -> list[list[str]]:
    try:
        return [record for record in csv.reader(io.StringIO(text, newline=""),
                                                delimiter=delimiter, strict=True)
                if any(cell.strip() for cell in record)]
    except csv.Error:
        return []


def rows_to_concepts(rows: list[list[str]], lines: list[int], path: Path, *,
                     source: str | None, target: str | None,
                     unit: Callable[[int], str] = at_line, allow_headerless: bool = True,
                     warn: Warn | None = None) -> list[Concept]:
    """Turn table rows (first row the header, unless DeepL pairs) into concepts; ``unit``
    says where a row number is ("line 4", "sheet 'x' row 4") in messages.

    A ``'`` that protected a cell from running as a formula is taken off again.
    """
    if not rows:
        raise GlossaryError(_("no rows"), path)
    rows = [[restore(cell) for cell in row] for row in rows]
    header = [cell.strip() for cell in rows[0]]
    lowered = [cell.lower() for cell in header]
    known = set(known_columns())
    if is_pair_header(lowered):
        src, tgt = _pair_langs(source, target, path)
        return _pairs(rows[1:], lines[1:], path, src, tgt, unit, warn, lowered)
    if len(set(lowered)) == 2 == len(lowered) and set(lowered) <= set(LANGUAGES) \
            and not any("|" in cell for row in rows[1:] for cell in row):
        # "en,es" and nothing else (no "|" synonym lists of a concept table): a
        # two-column glossary whose header names its languages, merged as DeepL does
        return _pairs(rows[1:], lines[1:], path, lowered[0], lowered[1], unit, warn,
                      list(PAIR_HEADER))
    if all(cell in known for cell in lowered):
        return _concept_rows(lowered, rows[1:], lines[1:], path, unit)
    if allow_headerless and source and target and len(header) in (2, 4):
        src, tgt = _pair_langs(source, target, path)
        return _pairs(rows, lines, path, src, tgt, unit, warn)
    if any(cell in known for cell in lowered):
        unknown = [h for h, low in zip(header, lowered, strict=True) if low not in known]
        codes = [u for u in unknown if len(u) == 2 and u.isalpha()]
        if codes:
            raise GlossaryError(_("{where}: unknown language code '{code}' in the header: use "
                                  "en, ru, es").format(where=unit(lines[0]), code=codes[0]),
                                path)
        raise GlossaryError(ngettext(
            "{where}: extra column {columns}; known columns: {known}",
            "{where}: extra columns {columns}; known columns: {known}", len(unknown)).format(
                where=unit(lines[0]), columns=", ".join(repr(u) for u in unknown),
                known=", ".join(known_columns())), path)
    what = ", ".join(repr(h) for h in header[:4])
    message = _("{where}: no header row (found {found}); expected columns such as en, ru, es,"
                " en_status, or source,target; headerless DeepL pairs need --from and --to") \
        if allow_headerless else _("{where}: no header row (found {found}); expected columns"
                                   " such as en, ru, es, en_status, or source,target")
    raise GlossaryError(message.format(where=unit(lines[0]), found=what), path)


def _pair_langs(source: str | None, target: str | None, path: Path) -> tuple[str, str]:
    if not (source and target):
        raise GlossaryError(_("source/target pairs: give the languages with --from and --to"),
                            path)
    src, tgt = check_lang(source), check_lang(target)
    if src == tgt:
        raise GlossaryError(_("--from and --to are both '{lang}'").format(lang=src))
    return src, tgt


def _pairs(rows: list[list[str]], lines: list[int], path: Path, src: str, tgt: str,
           unit: Callable[[int], str], warn: Warn | None,
           header: list[str] | None = None) -> list[Concept]:
    """Rows of a two-column table: by ``header`` names, else DeepL's positions
    (source, target and optionally the two languages)."""
    pairs = []
    for row, line in zip(rows, lines, strict=True):
        where = unit(line)
        if header is None and len(row) == 4:  # DeepL: source, target, languages
            langs = (row[2].strip().lower(), row[3].strip().lower())
            if langs != (src, tgt):
                raise GlossaryError(_("{where}: languages {languages} do not match --from "
                                      "{source} --to {target}").format(
                                          where=where, languages=f"{row[2]}/{row[3]}",
                                          source=src, target=tgt), path)
        cells = dict(zip(header or PAIR_HEADER, (cell.strip() for cell in row), strict=False))
        if not cells["source"] or not cells["target"]:
            raise GlossaryError(_("{where}: empty term").format(where=where), path)
        mark = next((cells[c] for c in MARK_COLUMNS if cells.get(c)), "")
        pairs.append(PairRow(where, cells["source"], cells["target"], mark,
                             cells.get("developer_comments", "")))
    return pairs_to_concepts(pairs, path, src, tgt, warn)


def _term(path: Path, where: str, lang: str, text: str, **fields) -> Term:
    try:
        return Term(lang, text, **fields)
    except GlossaryError as exc:
        raise GlossaryError(_("{where}: {message}").format(where=where, message=exc.message),
                            path) from exc


def _concept_rows(header: list[str], rows: list[list[str]], lines: list[int], path: Path,
                  unit: Callable[[int], str]) -> list[Concept]:
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise GlossaryError(_("{where}: column '{column}' appears twice").format(
            where=unit(lines[0] - 1 if lines else 1), column=dup), path)
    langs = [lang for lang in LANGUAGES if lang in header]
    if not langs:
        raise GlossaryError(_("missing columns: no language column (en, ru or es)"), path)
    for column in header:
        lang = column.split("_", 1)[0]
        if "_" in column and lang in LANGUAGES and lang not in header:
            raise GlossaryError(_("missing column '{lang}' (needed by '{column}')").format(
                lang=lang, column=column), path)
    concepts = []
    for row, line in zip(rows, lines, strict=True):
        where = unit(line)
        cells = dict(zip(header, (c.strip() for c in row), strict=True))
        concept = Concept(cells.get("id") or None, cells.get("subject", ""),
                          cells.get("definition", ""), cells.get("note", ""), [],
                          cells.get("created", ""), cells.get("updated", ""), origin=where)
        _review_cells(concept, cells, path, where)
        for lang in langs:
            concept.terms += _cell_terms(cells, lang, path, where)
        if not concept.terms:
            raise GlossaryError(_("{where}: empty term: no term in any language").format(
                where=where), path)
        concepts.append(concept)
    return concepts


def _review_cells(concept: Concept, cells: dict[str, str], path: Path, where: str) -> None:
    """The review columns: ``review`` (empty: approved), its count, context."""
    review = cells.get("review", "").lower() or "approved"
    if review not in REVIEW_STATES:
        raise GlossaryError(_("{where}: review is '{value}': use {choices}").format(
            where=where, value=review, choices=", ".join(REVIEW_STATES)), path)
    count = cells.get("occurrences", "") or "0"
    if not count.isdigit():
        raise GlossaryError(_("{where}: occurrences is '{value}', not a number").format(
            where=where, value=count), path)
    concept.review, concept.occurrences = review, int(count)
    concept.context = cells.get("context", "")


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|")] if value.strip() else []


def _cell_terms(cells: dict[str, str], lang: str, path: Path, where: str) -> list[Term]:
    texts = _split(cells.get(lang, ""))
    extras = {name: _split(cells.get(f"{lang}_{name}", "")) for name in TERM_FIELDS}
    if not texts:
        given = [f"{lang}_{n}" for n, values in extras.items() if any(values)]
        if given:
            raise GlossaryError(_("{where}: empty term: {lang} is empty but {column} is "
                                  "set").format(where=where, lang=lang, column=given[0]), path)
        return []
    terms = []
    for i, text in enumerate(texts):
        if not text:
            raise GlossaryError(_("{where}: empty term in column {column}").format(
                where=where, column=lang), path)
        values = {}
        for name, parts in extras.items():
            if parts and len(parts) != len(texts):
                raise GlossaryError(_("{where}: {column} has {count} values for {terms} {lang}"
                                      " terms").format(where=where, column=f"{lang}_{name}",
                                                       count=len(parts), terms=len(texts),
                                                       lang=lang), path)
            values[name] = parts[i] if parts else ""
        flags = {}
        for flag in filter(None, (f.strip().lower() for f in values["flags"].split(","))):
            if flag not in FLAG_NAMES:
                raise GlossaryError(_("{where}: unknown flag '{flag}' in {column} (use "
                                      "case-sensitive, do-not-translate, proposed)").format(
                                          where=where, flag=flag, column=f"{lang}_flags"),
                                    path)
            flags[FLAG_NAMES[flag]] = True
        terms.append(_term(path, where, lang, text,
                           status=values["status"] or ("preferred" if i == 0 else "admitted"),
                           pos=values["pos"] or None, note=values["note"],
                           source=values["source"], created=values["created"],
                           updated=values["updated"], **flags))
    return terms


# -- writing -------------------------------------------------------------------------

def concepts_to_rows(concepts: list[Concept]) -> Iterator[list[str]]:
    """Concept-per-row table, header first; optional columns left out when all empty.

    Rows are made one at a time (the columns known from a first pass), so a table of
    50,000 concepts is written without holding it all.
    """
    columns = ["id", "subject"]
    for lang in LANGUAGES:
        columns += [lang, f"{lang}_status"]
    columns += ["definition", "note", "review", "occurrences", "context"]
    for lang in LANGUAGES:
        columns += [f"{lang}_{n}" for n in TERM_FIELDS if n != "status"]
    columns += ["created", "updated"]
    used = {"id", *LANGUAGES}
    for concept in concepts:
        used.update(column for column, value in _record(concept).items() if value)
    keep = [c for c in columns if c in used]
    yield keep
    for concept in concepts:
        record = _record(concept)
        yield [record.get(c, "") for c in keep]


def _record(concept: Concept) -> dict[str, str]:
    record = {"id": concept.id or "", "subject": concept.subject,
              "definition": concept.definition, "note": concept.note,
              "created": concept.created, "updated": concept.updated,
              "review": "" if concept.approved else concept.review,
              "occurrences": str(concept.occurrences or ""), "context": concept.context}
    for lang in LANGUAGES:
        terms = concept.terms_in(lang)
        for text in (t.text for t in terms):
            if "|" in text:
                raise GlossaryError(_("concept {id}: the term '{text}' contains '|', which "
                                      "the table form uses between terms; use TBX").format(
                                          id=concept.id, text=text))
        record[lang] = SEPARATOR.join(t.text for t in terms)
        record[f"{lang}_status"] = SEPARATOR.join(t.status for t in terms)
        record[f"{lang}_pos"] = _joined([t.pos or "" for t in terms])
        record[f"{lang}_flags"] = _joined([",".join(t.flags()) for t in terms])
        for name in ("note", "source", "created", "updated"):
            record[f"{lang}_{name}"] = _joined([getattr(t, name) for t in terms])
    return record


def _joined(values: list[str]) -> str:
    return SEPARATOR.join(values) if any(values) else ""


def write_rows(path: Path, rows: Iterable[list[str]], delimiter: str, *,
               header: bool = True) -> None:
    """Write a table atomically; ``header=False`` drops the first row (DeepL's form).

    Cells that a spreadsheet would run as a formula get a ``'`` in front.
    """
    with atomic_open(path, "w") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerows(neutralise_row(row) for row in islice(rows, 0 if header else 1, None))
