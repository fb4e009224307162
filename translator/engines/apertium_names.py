"""Unknown names before an English genitive, given to Apertium's tagger as proper nouns.

Apertium's analyser marks a word its dictionaries lack as unknown
(``^Navalny/*Navalny$``). Its transfer rule for "X's N" wants X to be a proper
noun: "Putin's spokesman", whose "Putin" it knows, becomes "El portavoz de
Putin", but a name it does not know stays where it was and the noun loses its
link: "Navalny's supporters" came out "Navalny  los seguidores". A capitalised
unknown word right before "'s", with the capitalised unknown words just before
it ("Yulia Navalnaya's"), is a name in all but rare cases, so between the
analyser and the tagger (``apertium_pipeline``) each gets the analysis the
dictionary gives a surname (``<np><cog><sg>``): "Los seguidores de Navalny".

The step runs in the kept pipeline (Apertium 3.8+, ``apertium-wblank-mode``): a
one-shot ``apertium`` process has no place between its analyser and its tagger.

Measured with ``translate --engine apertium`` en->es, against the same code without
it: WMT19 English news, 81 of its 420 lines with "'s" change (of 22 read at random,
19 read better, "el nombramiento de Kavanaugh" for "Kavanaugh nombramiento", 2 worse:
"Thomas Bjorn's team" split as "Thomas el equipo de Bjorn", and one word order nearby);
FLORES dev, 16 of 997 sentences change, their BLEU 12.05 -> 13.11 and chrF 46.47 ->
48.10. Kept as they are: a known word with a capital ("Coroner's"), which may be a
common noun, and lower-case words. It costs about 10 ms on 4,000 lines.
"""

from __future__ import annotations

import re

#: Bump when what is rewritten changes: it is part of the Apertium cache key.
NAME_RULE = 1
#: A genitive in the analyser's stream: ``^'s/'s<gen>/be<vbser>...$`` (or ’s).
_GENITIVE = re.compile(r"\^['’]s/'s<gen>")
#: The unknown lexical unit that ends just before a genitive's blank (``$ ^'s``).
_UNKNOWN_BEFORE = re.compile(r"\^([^\W\d_][^/^$\\]*)/\*\1\$(\s*)$")
SURNAME = "<np><cog><sg>"


def names_before_genitives(stream: str) -> str:
    """``stream`` (lt-proc's analyses) with each capitalised unknown word before an
    English "'s", and the run of capitalised unknown words before it, analysed as names."""
    pieces: list[str] = []
    done = 0
    for genitive in _GENITIVE.finditer(stream):
        start = genitive.start()
        while (unknown := _UNKNOWN_BEFORE.search(stream, max(done, start - 200), start)) \
                and unknown[1][0].isupper():
            start = unknown.start()
        if start == genitive.start():
            continue
        pieces += [stream[done:start], _as_names(stream[start:genitive.start()])]
        done = genitive.start()
    return "".join([*pieces, stream[done:]]) if pieces else stream


def _as_names(units: str) -> str:
    return re.sub(r"\^([^/^$]*)/\*\1\$", lambda unit: f"^{unit[1]}/{unit[1]}{SURNAME}$",
                  units)
