"""What the review page marks in each segment: glossary terms, names, QA findings.

Everything is found on the sentence as a reader sees it (inline codes
removed). A glossary term in the source is paired with the same concept's term
in the translation, a name with its aligned rendering (``translator.entities``);
each pair gets one number, shown on both sides, so a reviewer sees at a glance
what became of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from translator.core.languages import LANGUAGES
from translator.run_record import DocumentRecord, RunRecord, SegmentRecord

if TYPE_CHECKING:
    from glossary.matching import TermMatch, TermMatcher
    from glossary.model import Concept
    from glossary.qa import Checker, Finding
    from translator.entities.model import AlignedPair, Mention

#: Per-segment QA checks; consistency across the run has its own section.
SEGMENT_CHECKS = ("missing-term", "rejected-term", "dnt-changed", "number-mismatch")


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


@dataclass(frozen=True)
class TermUse:
    """A source glossary term and what the translation made of it (None: not found)."""

    concept_id: str
    source: str
    expected: str
    rendered: str | None  # the glossary term found in the translation, dictionary form
    rendered_text: str | None  # its surface form there


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
    terms: list[TermUse] = field(default_factory=list)
    entities: list[AlignedPair] = field(default_factory=list)


@dataclass
class DocumentView:
    document: DocumentRecord
    target: str
    segments: list[SegmentView]

    @property
    def findings(self) -> int:
        return sum(len(s.findings) for s in self.segments)


class Annotator:
    """Matchers and checkers for one glossary, built once per language or pair."""

    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = {c.id or "": c for c in concepts}
        self._matchers: dict[str, TermMatcher] = {}
        self._checkers: dict[tuple[str, str], Checker] = {}

    def matcher(self, lang: str) -> TermMatcher:
        from glossary.matching import TermMatcher

        if lang not in self._matchers:
            self._matchers[lang] = TermMatcher.from_concepts(self.concepts.values(), lang)
        return self._matchers[lang]

    def checker(self, source: str, target: str) -> Checker:
        from glossary.qa import Checker

        if (source, target) not in self._checkers:
            self._checkers[(source, target)] = Checker(self.concepts.values(), source, target,
                                                       SEGMENT_CHECKS)
        return self._checkers[(source, target)]

    def names(self, lang: str) -> tuple[str, ...]:
        """Glossary names in ``lang``: they help the extractor at the start of a sentence."""
        return tuple(t.text for c in self.concepts.values() for t in c.terms_in(lang)
                     if t.dnt or t.pos == "properNoun")

    def annotate(self, view: SegmentView, source_mentions: list[Mention],
                 target_mentions: list[Mention]) -> None:
        from translator.entities.align import align_segment

        src_lang, tgt_lang = view.record.lang, view.target_lang
        if src_lang == tgt_lang or not {src_lang, tgt_lang} <= set(LANGUAGES):
            return  # a passage already in the target language (kept as it was), or unknown
        view.findings = self.checker(src_lang, tgt_lang).check_segment(
            view.number, view.source, view.target)
        missing = {f.concept_id for f in view.findings if f.check in ("missing-term",
                                                                     "dnt-changed")}
        label = 0
        unused = list(self.matcher(tgt_lang).find(view.target))
        for match in self.matcher(src_lang).find(view.source):
            label += 1
            counterpart = _take(unused, match.concept_id)
            self._pair_terms(view, match, counterpart, label, match.concept_id in missing)
        for match in unused:  # glossary terms in the translation with no source term
            label += 1
            view.target_spans.append(Span(match.start, match.end, "term", label,
                                          _term_title(match, "glossary term"),
                                          match.term.rejected, unpaired=True))
        view.entities = align_segment(source_mentions, target_mentions, view.target, tgt_lang,
                                      source_length=len(view.source))
        paired_targets = set()
        for pair in view.entities:
            label += 1
            source, target = pair.source, pair.target
            if target is None:
                view.source_spans.append(Span(
                    source.start, source.end, "entity", label,
                    f"{source.type} {source.normal}: not found in the translation",
                    unpaired=True))
                continue
            paired_targets.add((target.start, target.end))
            how = f"{pair.method}, score {pair.score:.2f}"
            view.source_spans.append(Span(source.start, source.end, "entity", label,
                                          f"{source.type} {source.normal} → {target.text} "
                                          f"({how})"))
            view.target_spans.append(Span(target.start, target.end, "entity", label,
                                          f"{target.type} {target.text} ← {source.text} "
                                          f"({how})"))
        for mention in target_mentions:
            if (mention.start, mention.end) not in paired_targets:
                label += 1
                view.target_spans.append(Span(mention.start, mention.end, "entity", label,
                                              f"{mention.type} {mention.normal}: no source "
                                              "name paired with it", unpaired=True))

    def _pair_terms(self, view: SegmentView, match: TermMatch, counterpart: TermMatch | None,
                    label: int, problem: bool) -> None:
        concept = self.concepts[match.concept_id]
        expected = concept.target_term(view.target_lang)
        expected_text = expected.text if expected else "(no term in the glossary)"
        found = f"found: {counterpart.text}" if counterpart else "not in the translation"
        view.source_spans.append(Span(
            match.start, match.end, "term", label,
            f"glossary: {match.term.text} → {expected_text} ({found})", problem,
            unpaired=counterpart is None))
        if counterpart is not None:
            view.target_spans.append(Span(counterpart.start, counterpart.end, "term", label,
                                          _term_title(counterpart, f"← {match.text}"),
                                          counterpart.term.rejected))
        if expected is not None and not match.term.dnt:
            view.terms.append(TermUse(
                match.concept_id, match.term.text, expected_text,
                counterpart.term.text if counterpart else None,
                counterpart.text if counterpart else None))


def _take(matches: list[TermMatch], concept_id: str) -> TermMatch | None:
    for index, match in enumerate(matches):
        if match.concept_id == concept_id:
            return matches.pop(index)
    return None


def _term_title(match: TermMatch, note: str) -> str:
    return f"glossary: {match.term.text} ({match.term.status}) {note}"


def annotate_run(run: RunRecord, concepts: list[Concept]) -> list[DocumentView]:
    """Every segment of the run, annotated; names are extracted in one batch per language."""
    from translator.entities.extract import extract_many

    annotator = Annotator(concepts)
    views: list[DocumentView] = []
    sides: dict[tuple[str, str], list[tuple[SegmentView, str]]] = defaultdict(list)
    for document in run.documents:
        for target, records in document.targets.items():
            segments = []
            for number, record in enumerate(records, start=1):
                view = SegmentView(number, record, target, record.source_text, record.mt_text)
                segments.append(view)
                sides[("source", record.lang)].append((view, view.source))
                sides[("target", target)].append((view, view.target))
            views.append(DocumentView(document, target, segments))
    mentions: dict[tuple[str, int], list[Mention]] = {}
    for (side, lang), items in sides.items():
        if lang not in ("ru", "en", "es"):
            continue
        found = extract_many([text for _, text in items], lang, annotator.names(lang))
        for (view, _), segment_mentions in zip(items, found, strict=True):
            mentions[(side, id(view))] = segment_mentions
    for view in _all_segments(views):
        annotator.annotate(view, mentions.get(("source", id(view)), []),
                           mentions.get(("target", id(view)), []))
    return views


def _all_segments(views: Iterable[DocumentView]) -> Iterable[SegmentView]:
    for document in views:
        yield from document.segments
