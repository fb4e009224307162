"""English possessives Apertium's transfer would miss, marked before its tagger reads them.

Apertium's rule for "X's N" links the noun to its owner ("Putin's spokesman" gives
"El portavoz de Putin", "the protester's lawyer" "el abogado del manifestante"),
but only where its analyser gave X and the "'s" what the rule wants. Two common
cases it did not get, so the noun lost its owner:

- **A name its dictionaries lack.** The analyser marks it unknown
  (``^Navalny/*Navalny$``), so "Navalny's supporters" came out "Navalny  los
  seguidores". A capitalised unknown word right before "'s", with the capitalised
  unknown words just before it ("Yulia Navalnaya's"), is a name in all but rare
  cases: each gets the analysis the dictionary gives a surname (``<np><cog><sg>``),
  and the output is "Los seguidores de Navalny".
- **A plural's bare apostrophe.** "The protesters' lawyers" is analysed as a plural
  noun and an apostrophe, which no rule reads as a possessive: "Los manifestantes' los
  abogados". An apostrophe written right after a plural noun, before a noun or
  adjective, becomes the "'s" the rule reads: "Los abogados de los manifestantes".

Both are changes to the analyser's output, made between the kept pipeline's analyser
and its tagger (``apertium_pipeline``, Apertium 3.8+): a one-shot ``apertium`` process
has no place to make them.

Measured with ``translate --engine apertium`` en->es against the code without each
rule. The plurals: 14 lines of WMT19 English news change, 18 of WMT20-21's 3,004 and
7 of FLORES dev ("la custodia de sus padres" for "sus padres' custodia", "la guerra de
los Treinta Años"), FLORES's changed sentences BLEU 5.95 -> 10.42, chrF 41.46 ->
44.06; a name ending in s is read as a plural ("Chambers' death"), as Apertium reads
it anyway. The names: WMT19 English news, 81 of its 420 lines with "'s" change (of 22 read
at random, 19 read better, "el nombramiento de Kavanaugh" for "Kavanaugh
nombramiento", 2 worse: "Thomas Bjorn's team" split as "Thomas el equipo de Bjorn",
and one word order nearby); FLORES dev, 16 of 997 sentences, their BLEU 12.05 ->
13.11 and chrF 46.47 -> 48.10. Kept as they are: a known word with a capital
("Coroner's"), which may be a common noun, and lower-case words. The whole step costs
about 15 ms on 4,000 lines (2.9 MB of analyses).
"""

from __future__ import annotations

import re

#: Bump when what is rewritten changes: it is part of the Apertium cache key.
POSSESSIVE_RULE = 2
#: A genitive in the analyser's stream: ``^'s/'s<gen>/be<vbser>...$`` (or ’s).
_GENITIVE = re.compile(r"\^['’]s/'s<gen>")
#: The unknown lexical unit that ends just before a genitive's blank (``$ ^'s``).
_UNKNOWN_BEFORE = re.compile(r"\^([^\W\d_][^/^$\\]*)/\*\1\$\s*$")
_UNKNOWN = re.compile(r"\^([^/^$]*)/\*\1\$")
SURNAME = "<np><cog><sg>"
#: An apostrophe written right after a word (``$`` ends the word's unit): "protesters'".
_APOSTROPHE_AFTER_WORD = re.compile(r"\$\^['’]/'<apos>\$")
#: A noun or adjective after a blank, which the possessive is of: "' lawyers".
_NOUN_AFTER = re.compile(r"\s+\^[^/^$]*/[^$]*<(?:n|adj|np)>")
GENITIVE = "^'s/'s<gen>$"


def possessives_marked(stream: str) -> str:
    """``stream`` (lt-proc's analyses) with the possessives above marked."""
    if "<apos>" in stream:
        stream = plurals_apostrophes(stream)
    return names_before_genitives(stream)


def plurals_apostrophes(stream: str) -> str:
    """``stream`` with each apostrophe written right after a plural noun, before a noun
    or adjective, made the genitive transfer reads."""
    pieces: list[str] = []
    done = 0
    for apostrophe in _APOSTROPHE_AFTER_WORD.finditer(stream):
        start = apostrophe.start() + 1  # after the word's "$"
        word = stream[stream.rfind("^", done, start):start]
        if "<n><pl>" in word and _NOUN_AFTER.match(stream, apostrophe.end()):
            pieces += [stream[done:start], " ", GENITIVE]
            done = apostrophe.end()
    return "".join([*pieces, stream[done:]]) if pieces else stream


def names_before_genitives(stream: str) -> str:
    """``stream`` with each capitalised unknown word before an English "'s", and the
    run of capitalised unknown words before it, analysed as names."""
    pieces: list[str] = []
    done = 0
    for genitive in _GENITIVE.finditer(stream):
        start = genitive.start()
        while (unknown := _UNKNOWN_BEFORE.search(stream, max(done, start - 200), start)) \
                and unknown[1][0].isupper():
            start = unknown.start()
        if start == genitive.start():
            continue
        pieces += [stream[done:start], _UNKNOWN.sub(
            lambda unit: f"^{unit[1]}/{unit[1]}{SURNAME}$", stream[start:genitive.start()])]
        done = genitive.start()
    return "".join([*pieces, stream[done:]]) if pieces else stream
