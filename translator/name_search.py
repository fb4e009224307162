"""Where a translation spells a glossary name its own way: found by romanisation similarity.

Real MT respells names ("Navalni" for "Navalny", "Aliona" for "Alyona") and
garbles the placeholders that would have protected them. The entity aligner
already knows when two spellings are one name (``entities.similarity``); here
it finds the words of a translation that spell the wanted name, so enforcement
can put the glossary's spelling there instead of losing the term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A word of a name: capitalised words are candidates, others only inside a span.
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
#: The aligner's score from which two spellings are taken for one name.
SAME_NAME = 0.9


def locate_name(text: str, name: str, lang: str,
                taken: Iterable[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The span of ``text`` that best spells ``name`` (as many words as the name, the first
    and last capitalised), or None below ``SAME_NAME``; a part of the name never counts
    ("Donald" is not where "Donald Trump" is).
    Spans overlapping ``taken`` (other terms already in place) are not considered."""
    from translator.entities.model import Mention
    from translator.entities.similarity import similarity

    words = list(_WORD_RE.finditer(text))
    blocked = list(taken)
    size = len(name.split())
    wanted = Mention(name, "MISC", 0, len(name), lang, name)
    best: tuple[float, int, int] | None = None
    for first in range(len(words) - size + 1):
        group = words[first:first + size]
        if not (group[0].group()[:1].isupper() and group[-1].group()[:1].isupper()):
            continue
        start, end = group[0].start(), group[-1].end()
        if any(start < b and a < end for a, b in blocked):
            continue
        found = text[start:end]
        score, _ = similarity(Mention(found, "MISC", start, end, lang, found), wanted)
        if score >= SAME_NAME and (best is None or score > best[0]):
            best = (score, start, end)
    return (best[1], best[2]) if best else None
