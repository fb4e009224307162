"""The ``#.`` notes a reviewer reads beside each entry: terms, names and memory matches.

Each note is one line starting with its kind, so people can scan them and
``po stats`` can read the glossary ones back (a glossary note ends with the
concept id in brackets, which survives line wrapping). The glossary and name
notes are written from the run's annotations
(``SegmentAnnotations.glossary_notes``/``entity_notes``), the same ones the
report shows.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from translator.core.inline_codes import strip_codes
from translator.review.annotations import NO_TERM

if TYPE_CHECKING:
    from translator.review.tm import TranslationMemory

GLOSSARY_NOTE = re.compile(r"glossary: (?P<source>.+?) -> (?P<target>.+?) \[(?P<concept>[^\]\s]+)"
                           r"(?P<dnt>, do not translate)?\]")


def term_notes(terms: tuple[dict, ...]) -> list[str]:
    """``terms: court -> суд (post-edited), Moscow -> Москва (protected)``: what glossary
    enforcement did in this sentence, as the run recorded it."""
    parts = []
    for term in terms:
        status = term.get("status", "")
        how = f"not enforced: {term['reason']}" if term.get("reason") else status
        parts.append(f"{term.get('source', '')} -> {term.get('target') or NO_TERM} ({how})")
    return [f"terms: {', '.join(parts)}"] if parts else []


def memory_notes(memory: TranslationMemory, text: str, source: str, target: str) -> list[str]:
    """Reviewed translations of similar sentences (75% and more)."""
    return [f"translation memory {s.score:.0f}%: {s.source} => {s.target}"
            for s in memory.fuzzy(source, target, text)]


def glossary_findings(notes: str, translation: str, target: str) -> list[str]:
    """The glossary notes of an entry whose term ``translation`` does not use (any form)."""
    from glossary.model import Concept, Term
    from glossary.service import Glossary

    wanted = []
    for match in GLOSSARY_NOTE.finditer(" ".join(notes.split())):
        if match.group("target") != NO_TERM:
            wanted.append(match)
    if not wanted or not translation:
        return []
    concepts = [Concept(id=m.group("concept"), terms=[Term(target, m.group("target"),
                                                           dnt=bool(m.group("dnt")))])
                for m in wanted]
    glossary, plain = Glossary(concepts), strip_codes(translation)
    return [m.group(0) for m in wanted
            if glossary.rendered(m.group("concept"), plain, target) is None]
