"""Two-column glossaries (``source,target``) as Weblate and DeepL write them.

Such a file lists pairs, not concepts, and DeepL and Weblate accept what people
naturally write: several source terms sharing a target ("Japan" and "Japans" ->
"Japón"), a row repeated with other capitalisation, a second target for a term
already listed. Rows linked by a shared term (compared as the termbase compares
terms, ignoring case) become one concept: in each language the first spelling
is preferred, later ones admitted. Repeats and second targets are warnings
naming both lines; only a second target explicitly marked ``preferred`` is a
conflict and refused.

An optional third column, ``notes`` (translate-toolkit and Weblate read it as a
comment; Weblate's own CSV export calls it ``translator_comments``), marks
variant rows with their status, which is how the export keeps admitted variants:
on a row adding a new source term the mark is that term's status, on a row
adding a second target it is the target's; any other text is kept as a note on
the term the row adds. The other columns of a Weblate CSV export are accepted:
``developer_comments`` becomes the source term's note, the rest is ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from glossary.model import STATUSES, Concept, GlossaryError, Term, check_lang, fold
from translator.core.i18n import _, ngettext

PAIR_HEADER = ["source", "target"]
MARK_COLUMN = "notes"
MARK_COLUMNS = (MARK_COLUMN, "translator_comments")
#: The rest of a Weblate (translate-toolkit) CSV export's columns.
WEBLATE_COLUMNS = ("location", "id", "fuzzy", "context", "developer_comments")
Warn = Callable[[str], None]


@dataclass
class PairRow:
    """One row of a two-column table: where it is, its two terms and its mark."""

    where: str  # "line 4", "sheet 'glossary' row 4"
    source: str
    target: str
    mark: str = ""
    note: str = ""


def is_pair_header(header: list[str]) -> bool:
    """``source,target`` with at most a mark column and Weblate's other columns."""
    return set(PAIR_HEADER) <= set(header) and len(set(header)) == len(header) \
        and set(header) <= {*PAIR_HEADER, *MARK_COLUMNS, *WEBLATE_COLUMNS} \
        and sum(column in MARK_COLUMNS for column in header) <= 1


def pairs_to_concepts(rows: list[PairRow], path: Path, src: str, tgt: str,
                      warn: Warn | None = None) -> list[Concept]:
    """One concept per group of rows linked by a shared source or target term."""
    warn = warn or (lambda _message: None)
    groups = _Groups()
    first_pair: dict[tuple[str, str], PairRow] = {}
    first_target: dict[str, PairRow] = {}
    repeats: list[str] = []
    for row in rows:
        key = (fold(row.source), fold(row.target))
        if key in first_pair:
            earlier = first_pair[key]
            if (row.source, row.target) == (earlier.source, earlier.target):
                repeats.append(row.where)
            else:
                warn(_("{where} ('{source}' -> '{target}') differs only in case from {other} "
                       "('{other_source}' -> '{other_target}'): merged, the spelling of {other} "
                       "kept").format(where=row.where, source=row.source, target=row.target,
                                      other=earlier.where, other_source=earlier.source,
                                      other_target=earlier.target))
            continue
        first_pair[key] = row
        earlier = first_target.get(key[0])
        if earlier is None:
            first_target[key[0]] = row
        elif row.mark.lower() == "preferred":
            raise GlossaryError(_(
                "conflict: the {source_lang} term '{source}' has two preferred {target_lang} "
                "terms, '{first}' ({first_where}) and '{second}' ({second_where})").format(
                    source_lang=src, source=row.source, target_lang=tgt, first=earlier.target,
                    first_where=earlier.where, second=row.target, second_where=row.where),
                path)
        elif row.mark.lower() not in STATUSES:
            warn(_("{where}: the {source_lang} term '{source}' already has the {target_lang} "
                   "term '{first}' ({first_where}); '{second}' is kept as an admitted "
                   "variant").format(where=row.where, source_lang=src, source=row.source,
                                     target_lang=tgt, first=earlier.target,
                                     first_where=earlier.where, second=row.target))
        groups.add(row, key, second_target=earlier is not None)
    if repeats:
        shown = ", ".join(repeats[:5]) + (", ..." if len(repeats) > 5 else "")
        warn(ngettext("{count} row repeat an earlier row exactly ({rows}): merged",
                      "{count} rows repeat an earlier row exactly ({rows}): merged",
                      len(repeats)).format(count=len(repeats), rows=shown))
    return [_concept(group, path, src, tgt) for group in groups.in_order()]


class _Groups:
    """Rows grouped by the terms they share (union-find over source and target keys)."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}
        self.rows: list[tuple[PairRow, bool]] = []

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def add(self, row: PairRow, key: tuple[str, str], *, second_target: bool) -> None:
        self.parent[self.find(("s", key[0]))] = self.find(("t", key[1]))
        self.rows.append((row, second_target))

    def in_order(self) -> list[list[tuple[PairRow, bool]]]:
        grouped: dict[tuple[str, str], list[tuple[PairRow, bool]]] = {}
        for row, second in self.rows:
            grouped.setdefault(self.find(("s", fold(row.source))), []).append((row, second))
        return list(grouped.values())


def _concept(group: list[tuple[PairRow, bool]], path: Path, src: str, tgt: str) -> Concept:
    first = group[0][0]
    origin = _("{where} (with {others})").format(
        where=first.where, others=", ".join(r.where for r, _second in group[1:])) \
        if len(group) > 1 else first.where
    concept = Concept(origin=origin)
    for row, second_target in group:
        marked = "" if second_target else row.mark  # the mark goes with the term it adds
        _add(concept, path, row, src, row.source, marked, row.note)
        _add(concept, path, row, tgt, row.target, row.mark if second_target else "")
    return concept


def _add(concept: Concept, path: Path, row: PairRow, lang: str, text: str, mark: str,
         note: str = "") -> None:
    if concept.find_term(lang, text) is not None:
        return
    status, free = (mark.lower(), "") if mark.lower() in STATUSES else ("", mark)
    note = "; ".join(part for part in (free, note) if part)
    if not status:
        status = "admitted" if concept.terms_in(lang) else "preferred"
    try:
        concept.terms.append(Term(lang, text, status, note=note))
    except GlossaryError as exc:
        raise GlossaryError(_("{where}: {message}").format(where=row.where,
                                                           message=exc.message),
                            path) from exc


def pairs_to_rows(concepts: list[Concept], source: str, target: str) -> list[list[str]]:
    """Two-column rows, header first: per concept, its preferred pair, then one row per
    admitted source term and one per admitted target term, marked ``admitted`` in a
    ``notes`` column (left out when nothing is marked)."""
    source, target = check_lang(source), check_lang(target)
    rows = [[*PAIR_HEADER, MARK_COLUMN]]
    for concept in concepts:
        sources, targets = concept.accepted_terms(source), concept.accepted_terms(target)
        if not sources or not targets:
            continue
        rows.append([sources[0].text, targets[0].text, ""])
        rows += [[term.text, targets[0].text, term.status] for term in sources[1:]]
        rows += [[sources[0].text, term.text, term.status] for term in targets[1:]]
    if not any(row[2] for row in rows[1:]):
        rows = [row[:2] for row in rows]
    return rows
