"""The ``#.`` notes a reviewer reads beside each entry: terms, names and memory matches.

Each note is one line starting with its kind, so people can scan them and
``po stats`` can read the glossary ones back (a glossary note ends with the
concept id in brackets, which survives line wrapping).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from translator.core.inline_codes import strip_codes

if TYPE_CHECKING:
    from glossary.store import Termbase
    from translator.review.tm import TranslationMemory

GLOSSARY_NOTE = re.compile(r"glossary: (?P<source>.+?) -> (?P<target>.+?) \[(?P<concept>[^\]\s]+)"
                           r"(?P<dnt>, do not translate)?\]")
NO_TERM = "(no term)"


def glossary_notes(termbase: Termbase, text: str, source: str, target: str) -> list[str]:
    """``glossary: <term as found> -> <term to use> [<concept>]`` for each term in ``text``."""
    from glossary.matching import suggest_terms

    notes = []
    for match, term in suggest_terms(termbase, strip_codes(text), source, target):
        wanted = term.text if term is not None else NO_TERM
        dnt = ", do not translate" if term is not None and term.dnt else ""
        note = f"glossary: {match.text} -> {wanted} [{match.concept_id}{dnt}]"
        if note not in notes:
            notes.append(note)
    return notes


def term_notes(terms: tuple[dict, ...]) -> list[str]:
    """``terms: court -> суд (post-edited), Moscow -> Москва (protected)``: what glossary
    enforcement did in this sentence, as the run recorded it."""
    parts = []
    for term in terms:
        status = term.get("status", "")
        how = f"not enforced: {term['reason']}" if term.get("reason") else status
        parts.append(f"{term.get('source', '')} -> {term.get('target') or NO_TERM} ({how})")
    return [f"terms: {', '.join(parts)}"] if parts else []


def entity_notes(sources: list[str], translations: list[str], source: str,
                 target: str) -> list[list[str]]:
    """For each sentence, ``entity (TYPE): <name> -> <its form in the translation>``."""
    from translator.entities.align import align_segment
    from translator.entities.extract import extract_many

    plain_sources = [strip_codes(text) for text in sources]
    plain_targets = [strip_codes(text) for text in translations]
    found_source = extract_many(plain_sources, source)
    found_target = extract_many(plain_targets, target)
    notes: list[list[str]] = []
    for src_text, tgt_text, src, tgt in zip(plain_sources, plain_targets, found_source,
                                            found_target, strict=True):
        lines = []
        for pair in align_segment(src, tgt, tgt_text, target, source_length=len(src_text)):
            rendered = pair.target.text if pair.target else "(not found in the translation)"
            line = f"entity ({pair.source.type}): {pair.source.text} -> {rendered}"
            if line not in lines:
                lines.append(line)
        notes.append(lines)
    return notes


def memory_notes(memory: TranslationMemory, text: str, source: str, target: str) -> list[str]:
    """Reviewed translations of similar sentences (75% and more)."""
    return [f"translation memory {s.score:.0f}%: {s.source} => {s.target}"
            for s in memory.fuzzy(source, target, text)]


def glossary_findings(notes: str, translation: str, target: str) -> list[str]:
    """The glossary notes of an entry whose term ``translation`` does not use (any form)."""
    from glossary.matching import TermMatcher
    from glossary.model import Concept, Term

    wanted = []
    for match in GLOSSARY_NOTE.finditer(" ".join(notes.split())):
        if match.group("target") != NO_TERM:
            wanted.append(match)
    if not wanted or not translation:
        return []
    concepts = [Concept(id=m.group("concept"), terms=[Term(target, m.group("target"),
                                                           dnt=bool(m.group("dnt")))])
                for m in wanted]
    present = {m.concept_id for m in TermMatcher.from_concepts(concepts, target).find(
        strip_codes(translation))}
    return [m.group(0) for m in wanted if m.group("concept") not in present]
