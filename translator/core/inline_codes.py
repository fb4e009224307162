"""Inline codes inside segments: renumbering, checking that MT kept them, splitting around them.

A sentence cut from a unit may hold codes ``<g3>``..``</g3>``; before MT they
are renumbered from 1 so the same sentence always reads the same (cache and
TM hits do not depend on where it stood), and mapped back afterwards.
"""

from __future__ import annotations

import re
from collections import Counter

#: An inline code: ``<gN>``, ``</gN>`` or ``<xN/>``.
CODE_RE = re.compile(r"<(/?)g(\d+)>|<x(\d+)/>")


def renumber(text: str) -> tuple[str, dict[str, str]]:
    """Renumber codes 1..n in order of first appearance; return the text and new->old map."""
    old_to_new: dict[str, str] = {}
    back: dict[str, str] = {}

    def sub(match) -> str:
        closing, g_num, x_num = match.groups()
        old = g_num or x_num
        if old not in old_to_new:
            old_to_new[old] = str(len(old_to_new) + 1)
        new = old_to_new[old]
        new_token = f"<{closing}g{new}>" if g_num else f"<x{new}/>"
        back[new_token] = match.group(0)
        return new_token

    return CODE_RE.sub(sub, text), back


def restore_numbers(text: str, back: dict[str, str]) -> str:
    return CODE_RE.sub(lambda m: back.get(m.group(0), m.group(0)), text)


def codes_of(text: str) -> list[str]:
    return [m.group(0) for m in CODE_RE.finditer(text)]


def balanced(text: str) -> bool:
    """Every ``<gN>`` in ``text`` is closed after it is opened."""
    open_now: set[str] = set()
    for match in CODE_RE.finditer(text):
        closing, g_num, _ = match.groups()
        if g_num and not closing:
            open_now.add(g_num)
        elif g_num:
            if g_num not in open_now:
                return False
            open_now.discard(g_num)
    return not open_now


def codes_intact(source: str, translated: str) -> bool:
    """True when ``translated`` holds exactly the source's codes, paired as well as the source's."""
    if Counter(codes_of(source)) != Counter(codes_of(translated)):
        return False
    return balanced(translated) or not balanced(source)


def strip_codes(text: str) -> str:
    return CODE_RE.sub("", text)


def split_on_codes(text: str) -> list[str]:
    """Split into alternating text and code pieces (codes kept), for piecewise fallback MT."""
    pieces: list[str] = []
    pos = 0
    for match in CODE_RE.finditer(text):
        pieces.append(text[pos : match.start()])
        pieces.append(match.group(0))
        pos = match.end()
    pieces.append(text[pos:])
    return pieces
