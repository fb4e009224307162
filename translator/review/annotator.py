"""Find glossary terms, names and QA findings in every sentence of a run, once.

``annotate(record, concepts)`` is the one place where review matches terms and
extracts names, with one set of settings, so the run summary, the PO notes and
the report page cannot disagree. Sentences are read as a reader sees them
(inline codes removed); names are extracted in one batch per language over the
unique sentences of the run, with the glossary's names as a gazetteer.
Documents whose stored annotations were found with the same glossary and
settings are reused as they are.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from translator.core.languages import LANGUAGES
from translator.review.annotations import RunAnnotations, SegmentAnnotations, TermPair, TermSide
from translator.review.glossary_source import concepts_digest

if TYPE_CHECKING:
    from glossary.matching import TermMatch, TermMatcher
    from glossary.model import Concept
    from glossary.qa import Checker
    from glossary.service import Glossary
    from translator.entities.model import Mention
    from translator.run_record import DocumentRecord, RunRecord, SegmentRecord

#: Bump when what is found changes, so stored annotations are found again.
ANNOTATIONS_VERSION = 7
#: Per-segment QA checks; consistency across the run has its own section.
SEGMENT_CHECKS = ("missing-term", "rejected-term", "dnt-changed", "number-mismatch")


def settings_key(digest: str, entities: bool) -> str:
    """What annotations depend on: the glossary's content (``concepts_digest``) and whether
    names are looked for."""
    return f"v{ANNOTATIONS_VERSION}:{digest}:{'names' if entities else '-'}"


def annotate(record: RunRecord, glossary: Glossary | list[Concept], entities: bool = True
             ) -> RunAnnotations:
    """The annotations of every sentence of ``record``: stored ones reused, the rest found.

    Terms stored without names (``translate --glossary`` alone) are kept when names
    are wanted: only the names are found then.
    """
    digest = concepts_digest(glossary if isinstance(glossary, list) else glossary.concepts())
    result = RunAnnotations(settings_key(digest, entities))
    terms_only = settings_key(digest, False)
    todo: list[tuple[DocumentRecord, str]] = []
    names_todo: list[tuple[DocumentRecord, str]] = []
    for doc in record.documents:
        usable = doc.annotated_with == result.key or (entities
                                                      and doc.annotated_with == terms_only)
        for target, segments in doc.targets.items():
            stored = _stored(segments) if usable else None
            if stored is None:
                todo.append((doc, target))
                continue
            result.segments[(doc.source, target)] = stored
            if doc.annotated_with != result.key:
                names_todo.append((doc, target))
    if todo or names_todo:
        annotator = Annotator(glossary)
        mentions = annotator.mentions(todo + names_todo) if entities else None
        for doc, target in todo:
            result.segments[(doc.source, target)] = [
                annotator.annotate(number, segment, target, mentions)
                for number, segment in enumerate(doc.targets[target], start=1)]
        for doc, target in names_todo:
            for found, segment in zip(result.segments[(doc.source, target)],
                                      doc.targets[target], strict=True):
                annotator.add_names(found, segment, target, mentions or {})
    return result


def _stored(segments: list[SegmentRecord]) -> list[SegmentAnnotations] | None:
    """The annotations the record holds for these segments; None if any is missing or bad."""
    if any(s.annotations is None for s in segments):
        return None
    try:
        return [SegmentAnnotations.from_dict(s.annotations or {}) for s in segments]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a hand-edited or older shape: found again


class Annotator:
    """Matchers and checkers for one glossary, built once per language or pair."""

    def __init__(self, glossary: Glossary | list[Concept]) -> None:
        from glossary.service import Glossary

        self.glossary = Glossary.of(glossary)  # its matchers and rule, shared with the checkers
        self.concepts = {c.id or "": c for c in self.glossary.concepts()}
        self._checkers: dict[tuple[str, str], Checker] = {}

    def matcher(self, lang: str) -> TermMatcher:
        return self.glossary.matcher(lang)

    def checker(self, source: str, target: str) -> Checker:
        from glossary.qa import Checker

        if (source, target) not in self._checkers:
            self._checkers[(source, target)] = Checker(self.glossary, source, target,
                                                       SEGMENT_CHECKS)
        return self._checkers[(source, target)]

    def lookup(self, lang: str, text: str) -> list[Concept]:
        """Concepts with ``text`` as a ``lang`` term (case, hyphens and spacing aside)."""
        return [c for c in self.concepts.values() if c.find_term(lang, text) is not None]

    def names(self, lang: str) -> tuple[str, ...]:
        """Glossary names in ``lang``: they help the extractor at the start of a sentence."""
        return tuple(t.text for c in self.concepts.values() for t in c.terms_in(lang)
                     if t.dnt or t.pos == "properNoun")

    def mentions(self, todo: list[tuple[DocumentRecord, str]]
                 ) -> dict[tuple[str, str], list[Mention]]:
        """Names in every unique sentence to annotate, by (language, plain text)."""
        from translator.entities.extract import extract_many

        texts: dict[str, dict[str, None]] = defaultdict(dict)  # ordered sets per language
        for doc, target in todo:
            for segment in doc.targets[target]:
                if _annotated(segment.lang, target):
                    texts[segment.lang][segment.source_text] = None
                    texts[target][segment.mt_text] = None
        found: dict[tuple[str, str], list[Mention]] = {}
        for lang, unique in texts.items():
            batch = list(unique)
            for text, mentions in zip(batch, extract_many(batch, lang, self.names(lang)),
                                      strict=True):
                found[(lang, text)] = mentions
        sources = {(segment.lang, segment.source_text) for doc, target in todo
                   for segment in doc.targets[target]}
        return one_type_each(found, sources)


    def annotate(self, number: int, segment: SegmentRecord, target: str,
                 mentions: dict[tuple[str, str], list[Mention]] | None) -> SegmentAnnotations:
        """Terms, QA findings and (with ``mentions``) names of one sentence in ``target``."""
        found = SegmentAnnotations()
        src_lang, source, translation = segment.lang, segment.source_text, segment.mt_text
        if not _annotated(src_lang, target):
            return found  # a passage already in the target language, or an unknown one
        found.findings = self.checker(src_lang, target).check_segment(number, source,
                                                                      translation)
        unused = list(self.matcher(target).find(translation))
        for match in self.matcher(src_lang).find(source):
            counterpart = _take(unused, match.concept_id)
            expected = self.concepts[match.concept_id].target_term(target)
            found.terms.append(TermPair(match.concept_id, _side(match), _side(counterpart),
                                        expected.text if expected else None,
                                        bool(expected and expected.dnt)))
        found.terms += [TermPair(m.concept_id, None, _side(m)) for m in unused]
        if mentions is not None:
            self.add_names(found, segment, target, mentions)
        return found

    def add_names(self, found: SegmentAnnotations, segment: SegmentRecord, target: str,
                  mentions: dict[tuple[str, str], list[Mention]]) -> None:
        """The sentence's names, each aligned with its rendering, and the target's others."""
        from translator.entities.align import align_segment

        src_lang, source, translation = segment.lang, segment.source_text, segment.mt_text
        if not _annotated(src_lang, target):
            return
        target_mentions = mentions.get((target, translation), [])
        found.names = align_segment(mentions.get((src_lang, source), []), target_mentions,
                                    translation, target, source_length=len(source))
        paired = [(p.target.start, p.target.end) for p in found.names if p.target is not None]
        found.extra_names = [m for m in target_mentions
                             if all(m.end <= a or m.start >= b for a, b in paired)]


def _annotated(source: str, target: str) -> bool:
    return source != target and {source, target} <= set(LANGUAGES)


def _take(matches: list[TermMatch], concept_id: str) -> TermMatch | None:
    for index, match in enumerate(matches):
        if match.concept_id == concept_id:
            return matches.pop(index)
    return None


def _side(match: TermMatch | None) -> TermSide | None:
    if match is None:
        return None
    return TermSide(match.start, match.end, match.text, match.term.text, match.term.status,
                    match.term.dnt)


def one_type_each(found: dict[tuple[str, str], list[Mention]],
                  sources: set[tuple[str, str]]) -> dict[tuple[str, str], list[Mention]]:
    """The mentions of the source sentences (``sources``) with one type per name across the
    run (its cluster's, as ``entities extract`` gives within a document): "Zellweger" is
    the person Renee Zellweger is, "Malets" the person George Malets is. Translations
    keep their own: MT's text would type the sources by its mistakes."""
    from dataclasses import replace

    from translator.entities.clusters import document_types

    # in the sentences' order, as ties between types are settled by it (not a set's order,
    # which changes from process to process)
    types = document_types([m for key, mentions in found.items() if key in sources
                            for m in mentions])
    return {key: [m if types.get(id(m), m.type) == m.type else replace(m, type=types[id(m)])
                  for m in mentions] for key, mentions in found.items()}
