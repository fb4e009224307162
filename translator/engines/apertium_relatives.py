"""English "when" and "who", which Apertium's English-Spanish transfer writes as questions.

Apertium gives English "when" as "cuándo" and "who" as "quién" wherever they stand:
"It rained when he arrived" comes out "Llovió cuándo llegó", and "the man who came"
"el hombre quién vino". The accented forms ask a question, directly or not ("¿Cuándo
llega?", "No dijo cuándo llega"); a clause that tells when, or says who, takes
"cuando", and "que" or, after a comma or a preposition, "quien" ("Trump, quien habló").
News writes the clauses far more often than the questions.

So each "when" and "who" of the English source is read as a question or as a clause:
a question when it opens a sentence that asks one ("When will it end?"; "Who" opening
any sentence), or comes right after a word that takes a question ("asked who", "did
not say when", "unclear when", "the question of when") or before "to" ("knows who to
call"). Apertium's "cuándo", "quién" and "quiénes" are matched to them in order, and
those of clauses lose their accent. Where the counts differ (Apertium wrote one another
way), they change only if every one in the source is a clause.

Measured on WMT19-21 English news and FLORES dev: see the README.
"""

from __future__ import annotations

import re

#: Bump when what is changed changes: it is part of the Apertium cache key.
RELATIVE_RULE = 1

_ENGLISH = {"when": re.compile(r"\bwhen\b", re.IGNORECASE),
            "who": re.compile(r"\bwho\b", re.IGNORECASE)}
_SPANISH = {"when": re.compile(r"\b([Cc])uándo\b"),
            "who": re.compile(r"\b([Qq])uién(es)?\b")}
#: Words after which "when" or "who" asks (an indirect question): "asked who".
_ASKING_WORDS = """
    ask asked asks asking know knew known knows knowing wonder wondered wonders wondering
    unclear clear unknown sure certain decide decided decides deciding determine determined
    say said says tell told tells explain explained explains idea remember remembered
    recall recalled question matter learn learned learnt discover discovered find found
    see saw seen understand understood confirm confirmed reveal revealed disclose
    disclosed show showed shown specify specified predict predicted guess investigate
    investigated investigating to of over about on
"""
_ASKING = frozenset(_ASKING_WORDS.split())
#: What each "when" and "who" of the source does: ask, open a clause, or a cleft's.
_ASKS, _CLAUSE, _CLEFT = "asks", "clause", "cleft"
#: "It was Sterling who": the "who" of a cleft sentence, "Fue Sterling quien".
_CLEFT_BEFORE = re.compile(r"\b[Ii]t(?:'s|’s| is| was)(?: [\w.’'-]+){1,4} $")
#: How far back the words before a "when", "who" or "quién" are looked for.
_LOOK_BACK = 60
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w]*$")
_OPENING = re.compile(r"^\W*$")
#: A preposition before "quien": "con quien", "a quienes".
_PREPOSITION = re.compile(r"\b(?:a|ante|con|contra|de|desde|entre|hacia|hasta|para|por|"
                          r"según|sin|sobre|tras) $", re.IGNORECASE)


def spanish_relatives(source: str, output: str) -> str:
    """Apertium's Spanish with the "cuándo" and "quién" of English clauses unaccented."""
    for word, accented in (("when", "uándo"), ("who", "uién")):
        if accented in output:  # Apertium's question word first: most outputs have none
            output = _unaccented(word, source, output)
    return output


def _unaccented(word: str, source: str, output: str) -> str:
    kinds = [_kind(word, source, found) for found in _ENGLISH[word].finditer(source)]
    written = list(_SPANISH[word].finditer(output))
    if not written or all(kind == _ASKS for kind in kinds):
        return output
    if len(written) != len(kinds):
        if _ASKS in kinds:
            return output
        kinds = [_CLAUSE] * len(written)
    pieces, position = [], 0
    for found, kind in zip(written, kinds, strict=True):
        if kind != _ASKS:
            pieces += [output[position:found.start()], _clause(word, found, output, kind)]
            position = found.end()
    return "".join(pieces) + output[position:]


def _kind(word: str, source: str, found: re.Match[str]) -> str:
    """Whether this "when" or "who" of ``source`` asks a question (directly or not), or
    opens a clause (a cleft's "who" among them)."""
    if _asks(word, source, found):
        return _ASKS
    if word == "who" and _CLEFT_BEFORE.search(source[:found.start()][-_LOOK_BACK:]):
        return _CLEFT
    return _CLAUSE


def _asks(word: str, source: str, found: re.Match[str]) -> bool:
    """Whether this "when" or "who" of ``source`` asks a question (directly or not)."""
    before = source[:found.start()]
    if _OPENING.match(before):  # it opens the sentence
        return word == "who" or "?" in source
    if source[found.end():].lstrip().lower().startswith("to "):
        return True  # "who to call", "when to leave"
    previous = _WORD_BEFORE.search(before[-_LOOK_BACK:])
    return previous is not None and previous[1].lower() in _ASKING \
        and before.rstrip()[-1:].isalpha()


def _clause(word: str, found: re.Match[str], output: str, kind: str) -> str:
    capital = found[1].isupper()
    if word == "when":
        return "Cuando" if capital else "cuando"
    before = output[:found.start()][-_LOOK_BACK:]
    if kind == _CLEFT or before.rstrip().endswith(",") or _PREPOSITION.search(before):
        relative = "quienes" if found[2] else "quien"
    else:
        relative = "que"
    return relative.capitalize() if capital else relative
