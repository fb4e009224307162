"""The ``#.`` notes a reviewer reads beside each entry: terms, names and memory matches.

Each note is one line starting with its kind, so people can scan them and
``po stats`` can read the glossary ones back (a glossary note ends with the
concept id in brackets, which survives line wrapping). The glossary and name
notes are written from the run's annotations
(``SegmentAnnotations.glossary_notes``/``entity_notes``), the same ones the
report shows.
"""

from __future__ import annotations

import gettext
import re
from functools import cache
from typing import TYPE_CHECKING

from translator.core.i18n import DOMAIN, N_, _, catalog_dir
from translator.core.inline_codes import strip_codes
from translator.review.annotations import GLOSSARY_DNT_NOTE, GLOSSARY_NOTE, NO_TERM

if TYPE_CHECKING:
    from translator.review.tm import TranslationMemory

#: Enforcement statuses as the notes name them (the run record keeps the English keys).
STATUSES = {"protected": N_("protected"), "post-edited": N_("post-edited"),
            "already correct": N_("already correct"), "not enforced": N_("not enforced"),
            "proposed": N_("proposed")}
#: A term never holds " [" (where the concept id begins), so one note's match cannot run
#: on into the next note's.
_GROUPS = {"term": r"(?P<source>(?:(?! \[).)+?)", "expected": r"(?P<target>(?:(?! \[).)+?)",
           "concept": r"(?P<concept>[^\]\s]+)"}


def term_notes(terms: tuple[dict, ...]) -> list[str]:
    """``terms: court -> суд (post-edited), Moscow -> Москва (protected)``: what glossary
    enforcement did in this sentence, as the run recorded it."""
    parts = []
    for term in terms:
        status = term.get("status", "")
        how = (_("not enforced: {reason}").format(reason=term["reason"]) if term.get("reason")
               else _(STATUSES[status]) if status in STATUSES else status)
        parts.append(_("{term} -> {rendering} ({status})").format(
            term=term.get("source", ""), rendering=term.get("target") or _(NO_TERM), status=how))
    return [_("terms: {terms}").format(terms=", ".join(parts))] if parts else []


def memory_notes(memory: TranslationMemory, text: str, source: str, target: str) -> list[str]:
    """Reviewed translations of similar sentences (75% and more)."""
    return [_("translation memory {score:.0f}%: {source} => {target}").format(
                score=s.score, source=s.source, target=s.target)
            for s in memory.fuzzy(source, target, text)]


@cache
def glossary_note_patterns() -> tuple[tuple[re.Pattern[str], bool, str], ...]:
    """(pattern, do-not-translate, "no term") for the glossary note in English and in every
    language triglot ships: a catalog exported in one language is read back in any other."""
    languages: list[gettext.NullTranslations] = [gettext.NullTranslations()]
    for found in sorted(catalog_dir().glob(f"*/LC_MESSAGES/{DOMAIN}.mo")):
        with open(found, "rb") as handle:
            languages.append(gettext.GNUTranslations(handle))
    patterns = {}
    for language in languages:
        for template, dnt in ((GLOSSARY_NOTE, False), (GLOSSARY_DNT_NOTE, True)):
            regex = re.escape(language.gettext(template))
            for name, group in _GROUPS.items():
                regex = regex.replace(re.escape("{" + name + "}"), group)
            patterns.setdefault(regex, (re.compile(regex), dnt, language.gettext(NO_TERM)))
    return tuple(patterns.values())


def glossary_findings(notes: str, translation: str, target: str) -> list[str]:
    """The glossary notes of an entry whose term ``translation`` does not use (any form)."""
    from glossary.model import Concept, Term
    from glossary.service import Glossary

    text = " ".join(notes.split())
    wanted: dict[tuple[int, int], tuple[re.Match[str], bool]] = {}
    for pattern, dnt, no_term in glossary_note_patterns():
        for match in pattern.finditer(text):
            if match.group("target") != no_term:
                wanted.setdefault(match.span(), (match, dnt))
    if not wanted or not translation:
        return []
    found = [wanted[span] for span in sorted(wanted)]
    concepts = [Concept(id=m.group("concept"), terms=[Term(target, m.group("target"), dnt=dnt)])
                for m, dnt in found]
    glossary, plain = Glossary(concepts), strip_codes(translation)
    return [m.group(0) for m, _dnt in found
            if glossary.rendered(m.group("concept"), plain, target) is None]
