"""Spanish words Apertium's English-Spanish transfer picks where Spanish says another.

**"that".** English "that" as a pronoun comes out "aquello", the far demonstrative
Spanish news hardly writes ("And that was the goal": "Y aquello era el gol"; the WMT13
and FLORES Spanish write "eso" 58 times, "aquello" 3): after a sentence's start, a
punctuation mark, a function word ("y", "pero", "a") or a question word, or before a
punctuation mark ("¿cómo cambiamos eso?"), it is "eso". After any other word it is the
relative "that" Apertium took for the pronoun ("a tsunami that hit": "un tsunami
aquello pegó"): "que".

**"to" before a verb.** After a verb it does not know to take an infinitive, Apertium
writes English "to" as "para" (purpose): "seems to be" gives "parece para ser", "began
to cry" "empezaron para llorar", "how to swim" "cómo para nadar". After "parecer" and
"cómo" the infinitive follows bare ("parece ser", "cómo nadar"), after "empezar" and
"comenzar" with "a" ("empezaron a llorar").

Measured on WMT19-21 English news and FLORES dev: see the README.
"""

from __future__ import annotations

import re

from glossary.stopwords import FUNCTION_WORDS

#: Bump when what is changed changes: it is part of the Apertium cache key.
WORD_RULE = 1

#: "aquello" and the word before it, if any ("y aquello", "tsunami aquello").
_THAT = re.compile(r"(?:\b([^\W\d_]+)[ ]+)?\b([Aa])quello\b(\s*[.,;:?!)»])?")
#: The function words after which "aquello" is the pronoun; not "un", "una": "una que".
_SPANISH_FUNCTION_WORDS = FUNCTION_WORDS["es"] - {"un", "una", "unos", "unas"}
#: Question words, after which "aquello" is the pronoun too ("qué significa eso").
_ASKING = frozenset(("qué", "cómo", "cuándo", "dónde", "quién", "cuál"))
#: "para" before an infinitive, after "parecer" or "cómo" (left out) or after "empezar"
#: or "comenzar" ("a").
_BARE = re.compile(r"\b((?:[Pp]arec|[Cc]ómo\b)\w*) para (?=[^\W\d_]+(?:ar|er|ir)\b)")
#: What each of those words has (a cheap test first: "para" is in most sentences).
_VERBS = ("arec", "ómo", "mpez", "mpiez", "omenz", "omienz")
_WITH_A = re.compile(r"\b((?:[Ee]mpez|[Ee]mpiez|[Cc]omenz|[Cc]omienz)\w*) para "
                     r"(?=[^\W\d_]+(?:ar|er|ir)\b)")


def spanish_words(output: str) -> str:
    """Apertium's Spanish with its "aquello" and its "para" before an infinitive as
    Spanish writes them."""
    if "quello" in output:
        output = _THAT.sub(_that, output)
    if " para " in output and any(verb in output for verb in _VERBS):
        output = _BARE.sub(r"\1 ", output)
        output = _WITH_A.sub(r"\1 a ", output)
    return output


def _that(found: re.Match[str]) -> str:
    kept = found[0][:found.start(2) - found.start()]  # the word before and its blank
    after = found[3] or ""  # a punctuation mark right after it: a pronoun ("hizo eso.")
    before = (found[1] or "").lower()
    if not before or after or before in _SPANISH_FUNCTION_WORDS or before in _ASKING:
        return kept + ("Eso" if found[2] == "A" else "eso") + after
    return kept + "que"
