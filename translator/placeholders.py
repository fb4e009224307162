"""Placeholders as real NMT hands them back: corrupted, doubled or dropped, then mended.

Models not trained with triglot's codes write ``<x1/>`` as ``< x1 />``, ``x1``,
``<X1>`` or ``&lt;x1/&gt;``, repeat it, or drop it. ``mend`` reads every such form
of a code the sentence used as that code and keeps its first occurrence, so the
names that survived can still be put back; a dropped code stays missing (the
name is then taken from the plain translation: ``translator.name_search``).
"""

from __future__ import annotations

import re
from collections.abc import Collection

#: A placeholder in any form models were seen to write it.
GARBLED_CODE_RE = re.compile(
    r"&lt;\s*[xX]\s*(\d+)\s*/?\s*&gt;|<\s*[xX]\s*(\d+)\s*/?\s*>|(?<![\w<&/-])[xX](\d+)/?(?![\w-])")


def mend(output: str, codes: Collection[str]) -> str:
    """``output`` with the garbled forms of ``codes`` (``<xN/>``) read as those codes and
    each code kept once, where it first stands."""
    def canonical(found: re.Match[str]) -> str:
        code = f"<x{next(g for g in found.groups() if g)}/>"
        return code if code in codes else found.group(0)

    text = GARBLED_CODE_RE.sub(canonical, output)
    for code in codes:
        first = text.find(code)
        if first >= 0:
            cut = first + len(code)
            text = text[:cut] + re.sub(r"\s?" + re.escape(code), "", text[cut:])
    return text


def without(text: str, codes: Collection[str]) -> str:
    """``text`` without ``codes``: what is left must keep the sentence's markup codes."""
    for code in codes:
        text = text.replace(code, "")
    return text
