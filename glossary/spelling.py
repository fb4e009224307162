"""How a word found in a text compares with a name's written form: capitals and accents.

Keys leave both out, so "NATO" finds "Nato" and "Serguei" finds "Serguéi"; a name with
capitals is then held to them, and a name's rendering to its accents (``TermMatcher``).
"""

from __future__ import annotations

#: Written accents, a name's spelling; not ё, which Russian print may write as е, nor ñ,
#: a letter of its own ("año" is no "ano").
ACCENTED, PLAIN = "áéíóúüàèìòù", "aeiouuaeiou"
_MARKED = frozenset(ACCENTED)
_UNACCENT = str.maketrans(ACCENTED, PLAIN)


def unaccented(key: str) -> str:
    """A lemma without written accents, as keys are written: "Serguéi" and "Serguei",
    "Mijaíl" and "Mijail" are one name to find (after lemmatising: the dictionaries
    know "información", not "informacion")."""
    return key.translate(_UNACCENT)


def same_accents(found: str, wanted: str) -> bool:
    """The same written accents on the shared stem: "Serguei" is not the glossary's
    "Serguéi" (keys leave accents out, so both are found), while "Соединенные Штаты"
    is "Соединённые Штаты"."""
    n = min(len(found), len(wanted))
    return all(a == b for a, b in zip(found[:n].lower(), wanted[:n].lower(), strict=True)
               if a in _MARKED or b in _MARKED)


def same_case(found: str, wanted: str) -> bool:
    """Same capitals on the shared stem ("NATO" vs "Nato" differ; "НАТО" vs "НАТО" agree)."""
    n = min(len(found), len(wanted))
    return all(a.isupper() == b.isupper() for a, b in zip(found[:n], wanted[:n], strict=True))
