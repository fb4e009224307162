"""Plain data for entity mentions and the pairs that alignment produces."""

from __future__ import annotations

from dataclasses import dataclass, fields

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention as it stands in a text.

    ``text`` is the surface form (Russian keeps its case ending); ``normal`` is the
    dictionary form used for grouping. ``start``/``end`` are character offsets in
    the segment, ``segment`` the index of that segment in its document.
    """

    text: str
    type: str
    start: int
    end: int
    lang: str
    normal: str
    segment: int = 0
    #: How it was found and typed: "ner" (a model), "gazetteer", "rule" (its shape),
    #: "rule-initial" (a lone word opening a sentence: weak), "rule-context" (typed by the
    #: words before it, "la corporación Walmart": as strong as a model's type),
    #: "rule-article" (MISC, as a Spanish article says it is no person: "el Marsella")
    origin: str = "rule"
    #: For an abbreviation the text defines ("FEC" after "Federal Election Commission"),
    #: the ``normal`` of the name it stands for (``abbreviations``); else empty.
    expands: str = ""

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # flat: no deep copy


@dataclass(frozen=True)
class AlignedPair:
    """A source mention and its rendering in the translation (``target`` None = missing)."""

    source: Mention
    target: Mention | None
    score: float
    method: str  # "name", "words", "exact", "position" or "missing"

    @property
    def missing(self) -> bool:
        return self.target is None
