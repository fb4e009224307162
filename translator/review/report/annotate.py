"""What the review page marks in each segment, from the run's annotations.

Each glossary term in the source is paired with the same concept's term in the
translation, each name with its aligned rendering (``translator.review.annotator``
found them); every pair gets one number, shown on both sides, so a reviewer
sees at a glance what became of it. Offsets are into the sentence as a reader
sees it (inline codes removed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from translator.core.i18n import _
from translator.review.annotations import RunAnnotations, SegmentAnnotations, TermPair, TermSide
from translator.run_record import DocumentRecord, RunRecord, SegmentRecord

if TYPE_CHECKING:
    from glossary.qa import Finding


@dataclass(frozen=True)
class Span:
    """A marked stretch of one side of a segment (character offsets into the plain text)."""

    start: int
    end: int
    kind: str  # "term" or "entity"
    label: int  # the pair's number, the same on both sides
    title: str  # shown on hover: what it is and what it was paired with
    problem: bool = False  # part of a QA finding
    unpaired: bool = False  # no counterpart found on the other side


@dataclass
class SegmentView:
    number: int  # 1-based, within its document and target language
    record: SegmentRecord
    target_lang: str
    source: str
    target: str
    source_spans: list[Span] = field(default_factory=list)
    target_spans: list[Span] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class DocumentView:
    document: DocumentRecord
    target: str
    segments: list[SegmentView]

    @property
    def findings(self) -> int:
        return sum(len(s.findings) for s in self.segments)


def document_views(run: RunRecord, annotations: RunAnnotations) -> list[DocumentView]:
    """Every document and target language of the run, its segments marked up."""
    views = []
    for doc in run.documents:
        for target, records in doc.targets.items():
            segments = []
            for number, (record, found) in enumerate(
                    zip(records, annotations.of(doc, target), strict=True), start=1):
                segment = SegmentView(number, record, target, record.source_text,
                                      record.mt_text, findings=list(found.findings))
                mark_segment(segment, found)
                segments.append(segment)
            views.append(DocumentView(doc, target, segments))
    return views


def mark_segment(view: SegmentView, found: SegmentAnnotations) -> None:
    """The spans of both sides: terms first, then names, numbered in that order."""
    missing = {f.concept_id for f in found.findings if f.check in ("missing-term",
                                                                   "dnt-changed")}
    label = 0
    for pair in found.terms:
        label += 1
        _mark_terms(view, pair, label, pair.concept in missing)
    paired_targets = set()
    for pair in found.names:
        label += 1
        source, target = pair.source, pair.target
        if target is None:
            view.source_spans.append(Span(
                source.start, source.end, "entity", label,
                _("{type} {name}: not found in the translation").format(
                    type=source.type, name=source.normal), unpaired=True))
            continue
        paired_targets.add((target.start, target.end))
        how = _("{method}, score {score:.2f}").format(method=pair.method, score=pair.score)
        view.source_spans.append(Span(
            source.start, source.end, "entity", label,
            _("{type} {name} → {rendering} ({how})").format(
                type=source.type, name=source.normal, rendering=target.text, how=how)))
        view.target_spans.append(Span(
            target.start, target.end, "entity", label,
            _("{type} {name} ← {source} ({how})").format(
                type=target.type, name=target.text, source=source.text, how=how)))
    for mention in found.extra_names:
        label += 1
        view.target_spans.append(Span(
            mention.start, mention.end, "entity", label,
            _("{type} {name}: no source name paired with it").format(
                type=mention.type, name=mention.normal), unpaired=True))


def _mark_terms(view: SegmentView, pair: TermPair, label: int, problem: bool) -> None:
    source, target = pair.source, pair.target
    if source is None:  # a glossary term in the translation with no source term
        if target is not None:
            view.target_spans.append(Span(target.start, target.end, "term", label,
                                          _term_title(target, _("glossary term")),
                                          target.rejected, unpaired=True))
        return
    expected = pair.expected or _("(no term in the glossary)")
    title = (_("glossary: {term} → {expected} (found: {found})") if target
             else _("glossary: {term} → {expected} (not in the translation)"))
    view.source_spans.append(Span(
        source.start, source.end, "term", label,
        title.format(term=source.term, expected=expected, found=target.text if target else ""),
        problem, unpaired=target is None))
    if target is not None:
        view.target_spans.append(Span(target.start, target.end, "term", label,
                                      _term_title(target, _("← {source}").format(
                                          source=source.text)),
                                      target.rejected))


def _term_title(side: TermSide, note: str) -> str:
    return _("glossary: {term} ({status}) {note}").format(term=side.term, status=side.status,
                                                          note=note)
