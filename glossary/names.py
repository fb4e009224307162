"""Which concepts are names: protected through MT and matched with their capitals.

A plain two-column glossary (a Weblate or DeepL export) has no part of speech, so
the terms themselves decide: a concept whose terms are all capitalised ("Donald
Trump" / "Donald Trump", "Games" / "Juegos"), or spelled the same in two
languages ("A1GP"), is a name. A person overrides that with a part of speech on
any term (``glossary add --pos`` or ``glossary edit --pos LANG TEXT POS``):
``properNoun`` makes the concept a name, any other part of speech ("noun")
makes it a common term.
"""

from __future__ import annotations

import re

from glossary.model import Concept, Term, fold

#: ``Term.source`` of the terms ``entities clusters --to-glossary`` adds: always names.
ENTITY_SOURCE = "triglot entities clusters"
PROPER_NOUN = "properNoun"
#: An English possessive ending: "Bush's", "Earth’s", "the Joneses'".
POSSESSIVE_RE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def is_name(concept: Concept) -> bool:
    """The glossary's word first (a part of speech, do-not-translate, an entity), then the
    spelling: capitalised in every language, or the same in two."""
    terms = concept.used_terms() or concept.terms
    if concept.subject.startswith("named entity") or any(
            t.pos == PROPER_NOUN or t.dnt or t.source == ENTITY_SOURCE for t in terms):
        return True
    if any(t.pos for t in terms):
        return False
    langs = {t.lang for t in terms}
    if len(langs) < 2:
        return False
    if all(_capitalised(t) for t in terms):
        return True
    spellings: dict[str, set[str]] = {}
    for term in terms:
        spellings.setdefault(fold(term.text), set()).add(term.lang)
    return any(len(found) > 1 for found in spellings.values())


def _capitalised(term: Term) -> bool:
    return next((c.isupper() for c in term.text if c.isalpha()), False)


def has_capitals(term: Term) -> bool:
    """A name is matched case-sensitively only when it has capitals to respect."""
    return any(c.isupper() for c in term.text)


def without_possessive(surface: str, lang: str) -> str:
    """An English name as found ("Milky Way's") without its possessive ending."""
    return POSSESSIVE_RE.sub("", surface) if lang == "en" else surface
