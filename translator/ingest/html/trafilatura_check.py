"""A second opinion on boilerplate from trafilatura, for pages without ``<article>``/``<main>``.

Our own rules keep what looks like content; trafilatura's extraction then
vetoes blocks it leaves out (related links, teasers). If it recognises none
of our blocks, it is not trusted.
"""

from __future__ import annotations

import html
import re

from translator.core.inline_codes import CODE_RE
from translator.document import Part, Unit

_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def drop_units_trafilatura_rejects(
    source: str, parts: list[Part], candidates: list[Unit]
) -> list[Part]:
    """Without <article>/<main>, a block that trafilatura leaves out is boilerplate."""
    if not candidates:
        return parts
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - trafilatura is a declared dependency
        return parts
    extracted = trafilatura.bare_extraction(
        source, include_comments=False, include_tables=True,
        with_metadata=True,
    )
    if not extracted:
        return parts
    text = getattr(extracted, "text", None) or ""
    title = getattr(extracted, "title", None) or ""
    if not text.strip():
        return parts
    haystack = _squeeze(f"{title}\n{text}")
    rejected = {id(unit) for unit in candidates
                if _squeeze(_visible(unit)) not in haystack}
    if len(rejected) == len(candidates):
        return parts  # trafilatura found nothing we recognise: do not trust it
    out: list[Part] = []
    for part in parts:
        if isinstance(part, Unit) and id(part) in rejected:
            literal = part.raw or ""
            if out and isinstance(out[-1], str):
                out[-1] += literal
            else:
                out.append(literal)
        elif isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        else:
            out.append(part)
    return out


def _visible(unit: Unit) -> str:
    """The unit's text as a reader sees it: atomic codes replaced by their visible text."""
    def shown(match: re.Match[str]) -> str:
        if match.group(3) is None:  # paired code: markup only
            return ""
        markup = unit.codes.get(match.group(0), "")
        return " " + _ANY_TAG.sub(" ", _HIDDEN.sub(" ", markup)) + " "

    return CODE_RE.sub(shown, unit.text)


def _squeeze(text: str) -> str:
    """Whitespace-free, case-folded text: robust to how extractors lay lines out."""
    return re.sub(r"\s+", "", html.unescape(text)).casefold()
