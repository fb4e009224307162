"""English past passives, which Apertium's English-Spanish transfer writes with "estar".

Its rule for "be" before a participle picks "estar", for states ("I am scared":
"Estoy asustado"). In the past tense that makes an event a state: "He was arrested"
gives "Estuvo arrestado", "they were evacuated" "estuvieron evacuados", where Spanish
says "fue arrestado", "fueron evacuados" (its own output says "No fue arrestado" once
"not" comes between). News reports events, so in the past tense an "estuvo" or
"estuvieron" right before a participle becomes "fue" or "fueron", unless the participle
is of a state: a feeling ("estuvo preocupado", "was worried"), a place or a link
("estuvo basado en", "estuvo relacionado con", "was based in", "related to"), being
busy, married, dressed, closed, full or ready, or a plan ("was expected to",
"was scheduled to", for which neither reads well). Those stay as Apertium wrote them.

With an adverb between ("was later taken", "were also arrested") its rule gives "era" and
"eran" instead ("El hombre era más tarde llevado"): an event too, "fue más tarde
llevado", unless the participle is of a state or the adverb says how much ("eran
perfectamente tituladas").

Only Apertium's output past tense is changed: its present ("está cerrado") is mostly
right, and its perfect and future already say "ha sido", "será".

Measured on WMT19-21 English news and FLORES dev: see the README.
"""

from __future__ import annotations

import re

#: Bump when what is changed changes: it is part of the Apertium cache key.
PASSIVE_RULE = 2

#: The English past of "be", which Apertium's rule turns into "estuvo"/"estuvieron".
_WAS = re.compile(r"\b(?:was|were)\b", re.IGNORECASE)
#: A passive with its agent: "was arrested by", "were approved by".
_WAS_BY = re.compile(r"\b(?:was|were) (?:\w+ly )?\w+ by\b", re.IGNORECASE)
#: A Spanish participle: regular ("arrestado", "heridas") or with one of the irregular
#: endings ("hecho", "dicho", "visto", "puesto", "escrito", "descubierto", "resuelto",
#: "roto"); "muerto" is left out: "was dead" is a state.
_PARTICIPLE = r"\w+?(?:ad|id|ech|ich|ist|uest|rit|iert|uelt|rot)[oa]s?"
#: "estuvo"/"estuvieron" right before a participle, not "estado", estar's own ("were
#: stood" gives "estuvo estado").
_ESTAR_PARTICIPLE = re.compile(
    r"\b([Ee])stuv(o|ieron) (?!estad[oa]s?\b)(?=(" + _PARTICIPLE + r")\b( por\b)?)")
#: The same with an adverb between, which Apertium writes with "era": "was later taken",
#: "El hombre era más tarde llevado".
_WAS_ADVERB = re.compile(r"\b(?:was|were) (?:\w+ly|also|later|then|first|already|once|"
                         r"since|soon) \w+", re.IGNORECASE)
_SER_ADVERB_PARTICIPLE = re.compile(
    r"\b([Ee])ra(n?) (?=((?:también|más tarde|luego|entonces|después|ya|primero|\w+mente) )"
    r"(" + _PARTICIPLE + r")\b)")
#: Adverbs that say how much, of a state: "eran perfectamente tituladas".
_DEGREE = frozenset(("totalmente", "perfectamente", "completamente", "profundamente",
                     "absolutamente", "enteramente", "sumamente", "realmente",
                     "verdaderamente", "bastante", "muy", "claramente", "visiblemente"))
#: The participles of states, each as its stem (without its gender and number ending):
#: feelings, places and links, and plans, for which Spanish keeps "estar" (with an agent,
#: "was prepared by", the event's "ser" all the same).
_STATE_STEMS = """
    preocupad interesad sorprendid asustad aterrad atemorizad complacid decepcionad
    emocionad excitad aburrid cansad avergonzad frustrad confundid conmocionad asombrad
    impresionad agotad devastad molestad enfadad enojad deprimid horrorizad aturdid
    desconcertad aliviad abrumad satisfech convencid encantad fascinad alarmad ofendid
    indignad disgustad angustiad
    basad ubicad situad localizad asociad relacionad vinculad ligad enlazad conectad
    implicad involucrad concernid casad vestid sentad cubiert llenad abarrotad empapad
    cerrad abiert ocupad preparad determinad decidid destinad titulad contenid
    esperad planificad programad previst supuest sabid pensad dispuest
"""
STATES = frozenset(_STATE_STEMS.split())


def event_passives(source: str, output: str) -> str:
    """Apertium's Spanish for an English past passive with "ser", where the participle is
    of an event: "was arrested" gives "estuvo arrestado", and Spanish says "fue
    arrestado"."""
    if "ra" in output and _WAS_ADVERB.search(source):
        output = _SER_ADVERB_PARTICIPLE.sub(_ser_after_adverb, output)
    if "stuv" not in output or not _WAS.search(source):
        return output
    agent = _WAS_BY.search(source) is not None

    def ser(found: re.Match[str]) -> str:
        if _stem(found[3]) in STATES and not (agent and found[4]):
            return found[0]
        verb = "fue " if found[2] == "o" else "fueron "
        return verb.capitalize() if found[1] == "E" else verb

    return _ESTAR_PARTICIPLE.sub(ser, output)


def _stem(participle: str) -> str:
    """A participle without its gender and number ending, as ``STATES`` lists it."""
    participle = participle.lower()
    return participle[:-2] if participle.endswith("s") else participle[:-1]


def _ser_after_adverb(found: re.Match[str]) -> str:
    if _stem(found[4]) in STATES or found[3].strip() in _DEGREE:
        return found[0]
    verb = "fueron " if found[2] else "fue "
    return verb.capitalize() if found[1] == "E" else verb
