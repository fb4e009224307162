"""Replacing MT's renderings of glossary concepts in one sentence, in the form MT used.

``apply_edits`` makes a sentence's replacements in one pass, right to left, so the
offsets found in MT's text stay valid; each replacement takes the case and number of
the words it replaces (``glossary.inflection``), a Spanish article before it agrees
with it, and a name left in a foreign form gets the case a preceding preposition asks.
``surname_form`` keeps a person named by surname to the surname.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from glossary.inflection import fix_article, inflect_like, name_form

if TYPE_CHECKING:
    from glossary.matching import TermMatch
    from glossary.model import Concept, Term

#: A letter or digit: a name with one between it and the span before it is replaced in the
#: same pass.
WORD_CHAR = re.compile(r"[^\W_]")


class Edit(NamedTuple):
    """One span of MT's text to replace with a concept's wanted term."""

    span: TermMatch
    wanted: str
    name: bool  # the concept is a name: a foreign rendering takes the case it is in


def apply_edits(text: str, edits: list[Edit], lang: str, apart: bool = True) -> str | None:
    """``text`` with each span replaced by its wanted term in the span's form; None when
    ``apart`` and two spans overlap, an article before one reaches into another, or a
    name follows another span with no word between (its case depends on the word before
    it): the caller then edits one concept at a time, in the text each edit leaves."""
    edits = sorted(edits, key=lambda edit: edit.span.start)
    if apart and any(_touching(text, a, b) for a, b in pairwise(edits)):
        return None
    for number in range(len(edits) - 1, -1, -1):
        span, wanted, name = edits[number]
        replacement = inflect_like(wanted, span.text, lang)
        if replacement == wanted and name:  # a foreign rendering
            replacement = name_form(replacement, text[:span.start], lang)
        if span.text[:1].isupper() and not replacement[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        head = fix_article(text[:span.start], replacement, lang)
        if apart and number and not head.startswith(text[:edits[number - 1].span.end]):
            return None
        text = head + replacement + text[span.end:]
    return text


def _touching(text: str, before: Edit, after: Edit) -> bool:
    """The two spans overlap, or ``after`` is a name with no word between them."""
    if after.span.start < before.span.end:
        return True
    return after.name and WORD_CHAR.search(text, before.span.end, after.span.start) is None


def surname_form(concept: Concept, matched: Term, wanted: Term) -> Term:
    """A person named by surname alone keeps to the surname in the translation.

    "Popova said" must not become "Alyona Popova dijo": when the matched term is
    the last word(s) of a longer name of the same person, only that many last
    words of the wanted name are used.
    """
    if "(PER)" not in concept.subject:
        return wanted
    words = matched.text.split()
    longer = [t for t in concept.terms if t.lang == matched.lang
              and len(t.text.split()) > len(words) and t.text.split()[-len(words):] == words]
    target_words = wanted.text.split()
    if not longer or len(target_words) <= len(words):
        return wanted
    return replace(wanted, text=" ".join(target_words[-len(words):]))
