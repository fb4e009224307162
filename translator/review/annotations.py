"""What review found in each sentence of a run: glossary terms, names, QA findings.

One ``SegmentAnnotations`` per recorded sentence and target language, found
once per run (``translator.review.annotator``) and read by every consumer: the
run summary's consistency rows, the PO notes and the report page. They are
plain data that round-trips through the run record's JSON, so ``translate``
can store them and ``report``/``po export`` reuse them when their glossary and
settings are the same (``RunAnnotations.key``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from glossary.qa import Finding
from translator.core.i18n import N_, _
from translator.entities.model import AlignedPair, Mention

if TYPE_CHECKING:
    from translator.run_record import DocumentRecord, RunRecord, SegmentRecord

#: The PO notes a reviewer reads, in the user's language at export; ``po stats`` reads the
#: glossary ones back in any language triglot speaks (``translator.review.po.notes``).
NO_TERM = N_("(no term)")
GLOSSARY_NOTE = N_("glossary: {term} -> {expected} [{concept}]")
GLOSSARY_DNT_NOTE = N_("glossary: {term} -> {expected} [{concept}, do not translate]")


@dataclass(frozen=True)
class TermSide:
    """A glossary term found on one side of a sentence (offsets into its plain text)."""

    start: int
    end: int
    text: str  # as it stands in the sentence
    term: str  # the glossary term it is a form of
    status: str
    dnt: bool = False

    @property
    def rejected(self) -> bool:
        from glossary.model import REJECTED_STATUSES

        return self.status in REJECTED_STATUSES


@dataclass(frozen=True)
class TermPair:
    """One glossary concept in a sentence: its source term and what the translation used.

    ``source`` None: a glossary term in the translation with no source term;
    ``target`` None: the translation has none of the concept's terms.
    """

    concept: str
    source: TermSide | None
    target: TermSide | None
    expected: str | None = None  # the glossary's term for the target language
    expected_dnt: bool = False

    def to_dict(self) -> dict:
        # by hand: ``dataclasses.asdict`` deep-copies every value, and a run of a large
        # glossary stores tens of thousands of pairs
        return {"concept": self.concept, "source": _side(self.source),
                "target": _side(self.target), "expected": self.expected,
                "expected_dnt": self.expected_dnt}

    @classmethod
    def from_dict(cls, data: dict) -> TermPair:
        def side(value: dict | None) -> TermSide | None:
            return TermSide(**value) if value is not None else None

        return cls(str(data["concept"]), side(data.get("source")), side(data.get("target")),
                   data.get("expected"), bool(data.get("expected_dnt")))


@dataclass(frozen=True)
class TermUse:
    """A source glossary term and what the translation made of it (None: not found)."""

    concept_id: str
    source: str
    expected: str
    rendered: str | None  # the glossary term found in the translation, dictionary form
    rendered_text: str | None  # its surface form there


@dataclass
class SegmentAnnotations:
    terms: list[TermPair] = field(default_factory=list)  # source order, then target-only
    names: list[AlignedPair] = field(default_factory=list)  # each source name, aligned
    extra_names: list[Mention] = field(default_factory=list)  # target names paired with none
    findings: list[Finding] = field(default_factory=list)

    def term_uses(self) -> list[TermUse]:
        """Source terms the glossary has a target term for; do-not-translate ones are names."""
        return [TermUse(p.concept, p.source.term, p.expected,
                        p.target.term if p.target else None, p.target.text if p.target else None)
                for p in self.terms
                if p.source is not None and p.expected is not None and not p.source.dnt]

    def glossary_notes(self) -> list[str]:
        """``glossary: <term as found> -> <term to use> [<concept>]``, once each."""
        notes: list[str] = []
        for pair in self.terms:
            if pair.source is None:
                continue
            template = GLOSSARY_DNT_NOTE if pair.expected_dnt else GLOSSARY_NOTE
            note = _(template).format(term=pair.source.text,
                                      expected=pair.expected or _(NO_TERM), concept=pair.concept)
            if note not in notes:
                notes.append(note)
        return notes

    def entity_notes(self) -> list[str]:
        """``entity (TYPE): <name> -> <its form in the translation>``, once each."""
        notes: list[str] = []
        for pair in self.names:
            note = (_("entity ({type}): {name} -> {rendering}").format(
                type=pair.source.type, name=pair.source.text, rendering=pair.target.text)
                    if pair.target else
                    _("entity ({type}): {name} -> (not found in the translation)").format(
                        type=pair.source.type, name=pair.source.text))
            if note not in notes:
                notes.append(note)
        return notes

    def to_dict(self) -> dict:
        return {"terms": [p.to_dict() for p in self.terms],
                "names": [{"source": _mention(p.source), "target": _mention(p.target),
                           "score": p.score, "method": p.method} for p in self.names],
                "extra_names": [_mention(m) for m in self.extra_names],
                "findings": [f.to_dict() for f in self.findings]}

    @classmethod
    def from_dict(cls, data: dict) -> SegmentAnnotations:
        return cls([TermPair.from_dict(p) for p in data.get("terms", ())],
                   [AlignedPair(_from_mention(p["source"]), _from_mention(p.get("target")),
                                float(p["score"]), str(p["method"]))
                    for p in data.get("names", ())],
                   [_from_mention(m) for m in data.get("extra_names", ())],
                   [Finding(**f) for f in data.get("findings", ())])


def _side(side: TermSide | None) -> dict | None:
    if side is None:
        return None
    return {"start": side.start, "end": side.end, "text": side.text, "term": side.term,
            "status": side.status, "dnt": side.dnt}


def _mention(mention: Mention | None) -> dict | None:
    if mention is None:
        return None
    data = mention.as_dict()
    del data["segment"]  # the index in an extraction batch, meaningless once stored
    return data


def _from_mention(data: dict | None) -> Mention | None:
    return Mention(**data) if data is not None else None


@dataclass
class RunAnnotations:
    """The annotations of every recorded sentence, by document source and target language."""

    key: str  # the glossary and settings they were found with
    segments: dict[tuple[str, str], list[SegmentAnnotations]] = field(default_factory=dict)

    def of(self, doc: DocumentRecord, target: str) -> list[SegmentAnnotations]:
        return self.segments[(doc.source, target)]

    def walk(self, record: RunRecord) -> Iterator[tuple[DocumentRecord, str, int,
                                                        SegmentRecord, SegmentAnnotations]]:
        """Every sentence of the run with its annotations; numbers are 1-based per target."""
        for doc in record.documents:
            for target, segments in doc.targets.items():
                found = self.of(doc, target)
                for number, (segment, notes) in enumerate(zip(segments, found, strict=True),
                                                          start=1):
                    yield doc, target, number, segment, notes

    def store(self, record: RunRecord) -> None:
        """Put the annotations into the record's segments (``record.save()`` writes them)."""
        for doc in record.documents:
            for target, segments in doc.targets.items():
                doc.targets[target] = [replace(s, annotations=a.to_dict())
                                       for s, a in zip(segments, self.of(doc, target),
                                                       strict=True)]
            doc.annotated_with = self.key
