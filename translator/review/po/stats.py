"""``po stats``: how far the review of each catalog has got.

Counts follow gettext (and translate-toolkit's pocount): an entry with a
msgstr and no fuzzy flag is reviewed, a fuzzy one is not, an empty msgstr is
untranslated; obsolete entries and the header are not counted. A glossary
finding is a glossary note whose term the entry's translation does not use,
in any inflected form.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from translator.core.i18n import _
from translator.review.po.catalog import ARTICLE_FIELD, FUZZY
from translator.review.po.notes import glossary_findings
from translator.review.po.reading import find_catalogs, read_catalog


@dataclass
class Counts:
    total: int = 0
    reviewed: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    glossary: int = 0  # glossary findings

    def counts(self) -> list[int]:
        return [self.total, self.reviewed, self.fuzzy, self.untranslated, self.glossary]

    def add(self, other: Counts) -> None:
        for name in ("total", "reviewed", "fuzzy", "untranslated", "glossary"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict:
        return {"total": self.total, "reviewed": self.reviewed, "fuzzy": self.fuzzy,
                "untranslated": self.untranslated, "glossary_findings": self.glossary}


@dataclass
class CatalogStats(Counts):
    lang: str = ""
    article: str = ""
    path: str = ""

    def to_dict(self) -> dict:
        return {"lang": self.lang, "article": self.article, "path": self.path,
                **Counts.to_dict(self)}


def count_catalog(path: Path, lang: str) -> CatalogStats:
    catalog = read_catalog(path)
    from translator.run_record import utf8_text

    stats = CatalogStats(lang=lang, article=catalog.metadata.get(ARTICLE_FIELD,
                                                                 utf8_text(path.stem)),
                         path=utf8_text(str(path)))
    for entry in catalog:
        if entry.obsolete:
            continue
        stats.total += 1
        if not entry.msgstr:
            stats.untranslated += 1
        elif FUZZY in entry.flags:
            stats.fuzzy += 1
        else:
            stats.reviewed += 1
        stats.glossary += len(glossary_findings(entry.comment, entry.msgstr, lang))
    return stats


def catalog_stats(run_dir: Path) -> list[CatalogStats]:
    return [count_catalog(path, lang) for lang, path in find_catalogs(run_dir)]


def language_totals(rows: list[CatalogStats]) -> dict[str, Counts]:
    totals: dict[str, Counts] = {}
    for row in rows:
        totals.setdefault(row.lang, Counts()).add(row)
    return totals



@dataclass
class RunStats:
    """``po stats``: every catalog of a run and the totals per language."""

    rows: list[CatalogStats]
    totals: dict[str, Counts]

    def to_dict(self) -> dict:
        return {"catalogs": [r.to_dict() for r in self.rows],
                "languages": {k: v.to_dict() for k, v in self.totals.items()}}

    def table(self) -> list[str]:
        """A plain-text table, one line per catalog and one per language."""
        headers = [_("lang"), _("article"), _("total"), _("reviewed"), _("fuzzy"),
                   _("untranslated"), _("glossary")]
        table = [[r.lang, r.article, *map(str, r.counts())] for r in self.rows]
        every = _("(all)")
        table += [[lang, every, *map(str, t.counts())] for lang, t in sorted(self.totals.items())]
        widths = [max(len(row[i]) for row in [headers, *table]) for i in range(len(headers))]
        return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                for row in [headers, *table]]


def run_stats(run_dir: Path) -> RunStats:
    rows = catalog_stats(run_dir)
    return RunStats(rows, language_totals(rows))
