"""Spanish idioms Apertium's Spanish-English transfer translates word by word.

Each is a phrase Spanish news uses all the time and Apertium renders a word at a time:

- "se trata de" ("it is a case of") gives "it treats of": "Se trata de una fase" came out
  "It treats of a phase"; it is "It is a phase" ("it was" for "se trataba de").
- "llegar a" before a place or a thing ("reach") gives "arrive to": "llegaron a un
  acuerdo", "They arrived to an agreement", is "They reached an agreement". Before a
  verb ("llegó a ser", "came to be") it is left.
- "cerca de" gives "near of": "near" ("near Madrid"), and before a number "nearly"
  ("nearly 200,000 people", "nearly three").
- "no solo" gives "no only": "not only"; "tan solo" "so only" or "so alone": "only";
  "no todos" "no all": "not all".
- "del que", "de la que" (of which) gives "of the that": "of which".

Each is changed only where the Spanish source has the idiom.

Measured on WMT13 Spanish news and FLORES dev: see the README.
"""

from __future__ import annotations

import re

#: Bump when what is changed changes: it is part of the Apertium cache key.
IDIOM_RULE = 2

_SE_TRATA = re.compile(r"\bse trat(?:a|aba|ó|ará|aría|e)\s+de\b", re.IGNORECASE)
_TREATS = re.compile(r"\b([Ii]t) (treats|treat|treated) of\b")
_LLEGAR_A = re.compile(r"\blleg\w*\s+al?\b", re.IGNORECASE)
#: "arrive to" before a determiner, a possessive or a number: a place or a thing reached.
_ARRIVE_TO = re.compile(r"\b([Aa])rriv(e|es|ed|ing) to (?=(?:the|a|an|this|that|these|those|"
                        r"his|her|its|their|our|my|your|some|\d)\b)")
_REACH = {"e": "reach", "es": "reaches", "ed": "reached", "ing": "reaching"}
_CERCA_DE = re.compile(r"\bcerca\s+de\b", re.IGNORECASE)
_NEAR_OF = re.compile(r"\b([Nn])ear of (?=(\d|(?:two|three|four|five|six|seven|eight|nine|ten|"
                     r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                     r"ninety|hundred|thousand|million|billion|half|a dozen)\b)?)",
                     re.IGNORECASE)
_NO_SOLO = re.compile(r"\bno\s+s[oó]lo\b", re.IGNORECASE)
_NO_ONLY = re.compile(r"\b([Nn])o only\b")
_TAN_SOLO = re.compile(r"\btan\s+s[oó]lo\b", re.IGNORECASE)
_SO_ONLY = re.compile(r"\b([Ss])o (?:only|alone)\b")
_NO_TODOS = re.compile(r"\bno\s+tod[oa]s?\b", re.IGNORECASE)
_NO_ALL = re.compile(r"\b([Nn])o all\b")
_DEL_QUE = re.compile(r"\b(?:de\s+(?:el|la|los|las)|del)\s+que\b", re.IGNORECASE)
#: Only after "of": "al que" may be "to whom" or "the one that" ("similar al que").
_THE_THAT = re.compile(r"\b([Oo]f) the that\b")


def english_idioms(source: str, output: str) -> str:
    """Apertium's English for Spanish ``source``, its idioms as English says them."""
    lowered = source.lower()
    if "trat" in lowered and _SE_TRATA.search(source):
        output = _TREATS.sub(
            lambda found: f"{found[1]} {'was' if found[2] == 'treated' else 'is'}", output)
    if "lleg" in lowered and _LLEGAR_A.search(source):
        output = _ARRIVE_TO.sub(
            lambda found: ("R" if found[1] == "A" else "r") + _REACH[found[2]][1:] + " ",
            output)
    if "cerca" in lowered and _CERCA_DE.search(source):
        output = _NEAR_OF.sub(lambda found: found[1] + ("early " if found[2] else "ear "),
                              output)
    if "solo" in lowered or "sólo" in lowered:
        if _NO_SOLO.search(source):
            output = _NO_ONLY.sub(lambda found: found[1] + "ot only", output)
        if _TAN_SOLO.search(source):
            output = _SO_ONLY.sub(lambda found: "Only" if found[1] == "S" else "only", output)
    if "no all" in output.lower() and _NO_TODOS.search(source):
        output = _NO_ALL.sub(lambda found: found[1] + "ot all", output)
    if "f the that" in output and _DEL_QUE.search(source):
        output = _THE_THAT.sub(r"\1 which", output)
    return output
