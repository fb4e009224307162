"""Corpus consistency: every rendering of each glossary term and name across a whole run.

A glossary term counts by the glossary term the translation used (its
dictionary form, so Russian case endings are one rendering); a term rendered
with two of its glossary terms is flagged.

A name counts by the dictionary form of its own aligned rendering (never the
word after it), and the forms a run uses for one person or place are one row:
the source names are clustered the way ``entities clusters`` does it ("Alexei
Navalny" and a lone "Navalny", "Alyona Popova" and "Alena Popova"). The row is
flagged when two renderings are real variants, neither a part of the other:
"Alexéi Navalni" against "Navalny" is, "Aliona Popova" against "Popova" is not.
Readers of one article or several should meet one name for one person.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from glossary.model import Concept
    from translator.entities.model import AlignedPair
    from translator.review.annotations import RunAnnotations
    from translator.run_record import RunRecord

    NamePlace = tuple[AlignedPair, str, str]  # the aligned name, its place, its document


@dataclass
class Rendering:
    text: str
    places: list[str] = field(default_factory=list)  # "relpath (lang) #segment"
    documents: set[str] = field(default_factory=set)


@dataclass
class ConsistencyRow:
    """One term or name in one direction, and how the run rendered it."""

    kind: str  # "term" or "entity"
    label: str  # the source term or name, dictionary form
    source_lang: str
    target_lang: str
    renderings: dict[str, Rendering] = field(default_factory=dict)  # folded text -> rendering
    missing: list[str] = field(default_factory=list)  # places where it was not found
    expected: str = ""  # terms: the glossary's target term

    @property
    def inconsistent(self) -> bool:
        return bool(self.variants())

    def variants(self) -> list[tuple[Rendering, Rendering]]:
        """Pairs of renderings that are real variants of each other. A term: any two of its
        glossary terms. A name: two forms that are not both part of one form the run used
        ("Popova" and "Aliona Popova" agree; "Navalny" and "Alexéi Navalni" do not)."""
        pairs = list(combinations(self.renderings.values(), 2))
        if self.kind == "term":
            return pairs
        words = [name_words(r.text, self.target_lang) for r in self.renderings.values()]
        return [(a, b) for a, b in pairs
                if not any(name_words(a.text, self.target_lang)
                           | name_words(b.text, self.target_lang) <= whole for whole in words)]

    @property
    def within_document(self) -> bool:
        """Two variants in one and the same document."""
        return any(a.documents & b.documents for a, b in self.variants())

    @property
    def occurrences(self) -> int:
        return sum(len(r.places) for r in self.renderings.values()) + len(self.missing)

    def add(self, text: str | None, place: str, document: str = "") -> None:
        from glossary.model import fold

        if text is None:
            self.missing.append(place)
            return
        rendering = self.renderings.setdefault(fold(text), Rendering(text))
        rendering.places.append(place)
        rendering.documents.add(document)

    def ordered(self) -> list[Rendering]:
        return sorted(self.renderings.values(), key=lambda r: (-len(r.places), r.text))

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "label": self.label, "from": self.source_lang,
            "to": self.target_lang, "expected": self.expected or None,
            "renderings": {r.text: len(r.places) for r in self.ordered()},
            "missing": len(self.missing), "two_ways": self.inconsistent,
            "within_document": self.within_document,
        }

    def line(self) -> str:
        shown = ", ".join(f"{r.text} x{len(r.places)}" for r in self.ordered())
        return f"{self.label} ({self.source_lang}->{self.target_lang}): {shown}"


def run_consistency(run_dir: Path, concepts: list[Concept]) -> list[ConsistencyRow]:
    """Every term and name of the run in ``run_dir`` with its renderings across all outputs."""
    from translator.review.annotator import annotate
    from translator.run_record import load

    record = load(run_dir)
    return collect_renderings(record, annotate(record, concepts))


def collect_renderings(record: RunRecord, annotations: RunAnnotations) -> list[ConsistencyRow]:
    """Rows for every term and name of the run, the inconsistent ones first."""
    rows: dict[tuple, ConsistencyRow] = {}
    names: dict[tuple[str, str], list[NamePlace]] = defaultdict(list)
    for doc, tgt, number, segment, found in annotations.walk(record):
        place = f"{doc.relpath} ({tgt}) #{number}"
        src = segment.lang
        for use in found.term_uses():
            key = ("term", use.concept_id, tgt)
            row = rows.get(key)
            if row is None:
                row = rows[key] = ConsistencyRow("term", use.source, src, tgt,
                                                 expected=use.expected)
            if src not in row.source_lang.split(","):  # one term, several source languages
                row.source_lang += f",{src}"
                row.label += f" / {use.source}"
            row.add(use.rendered, place, doc.relpath)
        if found.names:  # a glossary run alone finds none: no clustering to load
            names[(src, tgt)] += [(pair, place, doc.relpath) for pair in found.names]
    for (src, tgt), found_names in names.items():
        for index, members in enumerate(same_entities(found_names)):
            forms = list(dict.fromkeys(pair.source.normal for pair, _, _ in members))
            row = rows[("entity", src, tgt, index)] = ConsistencyRow(
                "entity", " / ".join(sorted(forms, key=lambda f: (-len(f.split()), f))),
                src, tgt)
            for pair, place, document in members:
                row.add(pair.target.normal if pair.target else None, place, document)
    return sorted(rows.values(), key=lambda r: (not r.inconsistent, r.kind != "term",
                                                -r.occurrences, r.label.lower()))


def name_words(text: str, lang: str) -> frozenset[str]:
    """The words of a rendering as dictionary forms: "Olímpicos" and "Olímpica" agree."""
    from glossary.model import fold
    from glossary.morphology import lemmatizer

    return frozenset(w for w in lemmatizer(lang).lemmas(fold(text)) if w[:1].isalnum())


def same_entities(found: list[NamePlace]) -> list[list[NamePlace]]:
    """The names grouped by the entity they stand for, in the order each first occurs.

    Names of two or more words are clustered as ``entities clusters`` does it
    ("Alyona Popova", "Alena Popova"); a one-word name joins the one cluster
    whose names hold it as a word if that is a person (a lone "Navalny"; but
    "Moscow" is not "Moscow Times"); else it stands with the same word only:
    one-word names alone are too easily alike ("Virgin", "Virginia").
    """
    from glossary.model import fold
    from translator.entities.clusters import build_clusters

    mentions = [pair.source for pair, _, _ in found]
    longer = [m for m in mentions if len(fold(m.normal).split()) > 1]
    clusters = build_clusters(longer)
    group_of: dict[int, int | str] = {id(m): c.id for c in clusters for m in c.mentions}
    holders: dict[str, set[int]] = {}
    for cluster in (c for c in clusters if c.type == "PER"):
        for mention in cluster.mentions:
            for word in fold(mention.normal).split():
                holders.setdefault(word, set()).add(cluster.id)
    for mention in mentions:
        if id(mention) not in group_of:
            owners = holders.get(fold(mention.normal), set()) if len(mention.normal) > 2 else set()
            group_of[id(mention)] = next(iter(owners)) if len(owners) == 1 else fold(
                mention.normal)
    groups: dict[int | str, list[NamePlace]] = {}
    for item in found:
        groups.setdefault(group_of[id(item[0].source)], []).append(item)
    return list(groups.values())
