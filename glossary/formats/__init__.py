"""Glossary files: CSV/TSV and XLSX tables, TBX-Basic 3 and TBX 2, read and written losslessly.

``read_glossary`` returns validated concepts or raises ``GlossaryError`` naming
the file, the line (or element) and the problem; nothing is half-read. What it
accepts but changes (merged repeat rows, a second target kept as a variant, a
formula's saved value) goes to ``warn``, one line each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from glossary.formats.files import read_bytes, read_text
from glossary.model import Concept, GlossaryError, check_concept_id, fold
from translator.core.i18n import _

__all__ = ["FORMATS", "KINDS", "detect_format", "is_glossary_file", "read_bytes", "read_glossary",
           "read_text", "validate", "write_glossary"]

FORMATS: dict[str, str] = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".xlsx": "xlsx",
                           ".tbx": "tbx", ".xml": "tbx"}
#: Every ``--format``: ``tbx`` is TBX-Basic 3 (ISO 30042:2019), ``tbx2`` the TBX 2
#: (``martif``) that translate-toolkit and Weblate read; on import both are told apart
#: by their root element.
KINDS: tuple[str, ...] = ("csv", "tsv", "xlsx", "tbx", "tbx2")


def is_glossary_file(path: Path | str) -> bool:
    """Whether ``path`` names a glossary file (CSV/TSV/XLSX/TBX) rather than a termbase."""
    return Path(path).suffix.lower() in FORMATS


def detect_format(path: Path, fmt: str | None = None) -> str:
    """The format named by ``fmt`` or by the file extension."""
    if fmt:
        if fmt not in KINDS:
            raise GlossaryError(_("unknown glossary format '{format}': use one of "
                                  "{choices}").format(format=fmt, choices=", ".join(KINDS)))
        return fmt
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise GlossaryError(_("cannot tell the format from the extension; use .csv, .tsv, "
                              ".xlsx or .tbx, or give --format"), path)
    return found


def read_glossary(path: Path, fmt: str | None = None, *, source: str | None = None,
                  target: str | None = None, sheet: str | int | None = None,
                  warn: Callable[[str], None] | None = None) -> list[Concept]:
    """Concepts from a CSV/TSV/XLSX/TBX file, checked for duplicates and conflicts."""
    path = Path(path)
    kind = detect_format(path, fmt)
    if kind in ("csv", "tsv"):
        from glossary.formats.csv_table import read_table

        concepts = read_table(path, "\t" if kind == "tsv" else ",", source=source,
                              target=target, warn=warn)
    elif kind == "xlsx":
        from glossary.formats.xlsx import read_xlsx

        concepts = read_xlsx(path, source=source, target=target, sheet=sheet, warn=warn)
    else:
        from glossary.formats.tbx import read_tbx

        concepts = read_tbx(path)
    validate(concepts, path)
    return concepts


def write_glossary(path: Path, concepts: list[Concept], fmt: str | None = None, *,
                   source: str | None = None, target: str | None = None,
                   header: bool = True) -> int:
    """Write ``concepts`` atomically; ``source``/``target`` select the two-column form.

    Returns the number of rows or entries written.
    """
    path = Path(path)
    kind = detect_format(path, fmt)
    if kind in ("csv", "tsv", "xlsx"):
        from glossary.formats.csv_table import concepts_to_rows
        from glossary.formats.pairs import pairs_to_rows

        if source or target:
            if not (source and target):
                raise GlossaryError(_("the two-column form needs both --from and --to"))
            rows = pairs_to_rows(concepts, source, target)
            if not header:  # DeepL: exactly two columns, the variant marks go
                rows = [row[:2] for row in rows]
            count = len(rows) - 1
        else:
            rows, count = concepts_to_rows(concepts), len(concepts)
        if kind == "xlsx":
            from glossary.formats.xlsx import write_xlsx

            write_xlsx(path, rows, header=header)
        else:
            from glossary.formats.csv_table import write_rows

            write_rows(path, rows, "\t" if kind == "tsv" else ",", header=header)
        return count
    if source or target:
        raise GlossaryError(_("--from/--to (two-column form) apply to CSV/TSV/XLSX, not "
                              "TBX"))
    from glossary.formats.tbx_write import write_tbx

    write_tbx(path, concepts, kind)
    return len(concepts)


def validate(concepts: list[Concept], path: Path) -> None:
    """Refuse duplicate rows, repeated ids, ids that are not valid (refused rather than
    renamed: an id is the key a later merge, a PO note or the other tool refers to, and
    an empty one is numbered) and one term claimed by two concepts."""
    if not concepts:
        raise GlossaryError(_("no glossary entries found"), path)
    seen_ids: dict[str, str] = {}
    seen_terms: dict[tuple[str, str], Concept] = {}
    for concept in concepts:
        where = concept.origin or _("concept {id}").format(id=concept.id)
        if concept.id:
            try:
                check_concept_id(concept.id)
            except GlossaryError as exc:
                raise GlossaryError(_("{where}: {message}").format(
                    where=where, message=exc.message), path) from None
            if concept.id in seen_ids:
                raise GlossaryError(_("{where}: duplicate concept id '{id}' (also "
                                      "{other})").format(where=where, id=concept.id,
                                                         other=seen_ids[concept.id]), path)
            seen_ids[concept.id] = where
        own: set[tuple[str, str]] = set()
        for term in concept.terms:
            key = (term.lang, fold(term.text))
            if key in own:
                raise GlossaryError(_("{where}: the {lang} term '{text}' is repeated").format(
                    where=where, lang=term.lang, text=term.text), path)
            own.add(key)
            other = seen_terms.get(key)
            if other is not None:
                same = {(t.lang, fold(t.text)) for t in other.terms} == {
                    (t.lang, fold(t.text)) for t in concept.terms}
                there = other.origin or other.id
                if same:
                    _refuse_status_conflict(concept, other, where, there, path)
                problem = _("{where}: duplicate of {other}") if same else _(
                    "{where}: conflicting row: its {lang} term '{text}' is also in {other}")
                raise GlossaryError(problem.format(where=where, other=there, lang=term.lang,
                                                   text=term.text), path)
        for key in own:
            seen_terms[key] = concept


def _refuse_status_conflict(concept: Concept, other: Concept, where: str, there: str | None,
                            path: Path) -> None:
    """Two rows with the same terms but a different status for one: say so, not
    "duplicate"."""
    for term in concept.terms:
        mine = other.find_term(term.lang, term.text)
        if mine is not None and mine.status != term.status:
            raise GlossaryError(_("conflicting status for the {lang} term '{text}': {status} "
                                  "in {other} and {other_status} in {where}").format(
                                      lang=term.lang, text=term.text, status=mine.status,
                                      other=there, other_status=term.status, where=where),
                                path)
