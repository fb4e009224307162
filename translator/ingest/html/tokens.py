"""The HTML tokenizer: tokens that cover the page exactly, in order, so every byte survives.

Text fills every gap between markup; the content of ``<script>``, ``<style>``
and the like is one raw-text token; ``<title>`` and ``<textarea>`` content is
text. Also here: decoding character references inside unit text, and reading
the charset a page declares.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from translator.ingest.html.elements import RAW_TEXT, RCDATA, SPACE
from translator.ingest.units import UnitBuilder

_TAG_NAME = re.compile(r"<([A-Za-z][^\s/>]*)")
_END_NAME = re.compile(r"</([A-Za-z][^\s/>]*)")
_ATTR_NAME = re.compile(r"[^\s/>][^\s/>=]*")
_UNQUOTED = re.compile(r"[^\s>]*")
_CHAR_REF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_CHARSET_IN_CONTENT = re.compile(r"charset\s*=\s*([A-Za-z0-9_:.\-]+)", re.IGNORECASE)


@dataclass
class Attr:
    name: str
    value_start: int = -1  # -1: no value
    value_end: int = -1
    quoted: bool = False


@dataclass
class Token:
    kind: str  # text, rawtext, start, end, comment, doctype, pi, cdata
    start: int
    end: int
    name: str = ""
    attrs: list[Attr] = field(default_factory=list)
    self_closing: bool = False


def start_tag(source: str, lt: int) -> Token | None:
    """The start tag at ``lt`` with its attributes (positions in ``source``), or None if
    there is none there (the Markdown parser reads inline HTML's with it too)."""
    match = _TAG_NAME.match(source, lt)
    if not match:
        return None
    token = Token("start", lt, -1, name=match.group(1).lower())
    k = match.end()
    n = len(source)
    while k < n:
        ch = source[k]
        if ch == ">":
            token.end = k + 1
            return token
        if ch == "/" and source.startswith(">", k + 1):
            token.self_closing = True
            token.end = k + 2
            return token
        if ch in SPACE or ch == "/":
            k += 1
            continue
        name = _ATTR_NAME.match(source, k)
        assert name is not None
        attr = Attr(name.group(0).lower())
        k = name.end()
        j = k
        while j < n and source[j] in SPACE:
            j += 1
        if j < n and source[j] == "=":
            j += 1
            while j < n and source[j] in SPACE:
                j += 1
            if j < n and source[j] in "\"'":
                close = source.find(source[j], j + 1)
                if close == -1:
                    return None
                attr.value_start, attr.value_end, attr.quoted = j + 1, close, True
                k = close + 1
            else:
                value = _UNQUOTED.match(source, j)
                assert value is not None
                attr.value_start, attr.value_end = j, value.end()
                k = value.end()
        token.attrs.append(attr)
    return None


def _markup_at(source: str, lt: int) -> Token | None:
    if source.startswith("<!--", lt):
        close = source.find("-->", lt + 4)
        return Token("comment", lt, len(source) if close == -1 else close + 3)
    if source.startswith("<![CDATA[", lt):
        close = source.find("]]>", lt)
        return Token("cdata", lt, len(source) if close == -1 else close + 3)
    if source.startswith("<!", lt) or source.startswith("<?", lt):
        close = source.find(">", lt)
        kind = "doctype" if source.startswith("<!", lt) else "pi"
        return Token(kind, lt, len(source) if close == -1 else close + 1)
    if source.startswith("</", lt):
        match = _END_NAME.match(source, lt)
        if not match:
            return None
        close = source.find(">", match.end())
        if close == -1:
            return None
        return Token("end", lt, close + 1, name=match.group(1).lower())
    return start_tag(source, lt)


def tokenize(source: str) -> list[Token]:
    """Tokens covering ``source`` exactly, in order (text fills every gap)."""
    tokens: list[Token] = []
    pos = text_start = 0
    n = len(source)
    while pos < n:
        lt = source.find("<", pos)
        if lt == -1:
            break
        token = _markup_at(source, lt)
        if token is None:
            pos = lt + 1
            continue
        if lt > text_start:
            tokens.append(Token("text", text_start, lt))
        tokens.append(token)
        pos = text_start = token.end
        if token.kind == "start" and not token.self_closing and (
            token.name in RAW_TEXT or token.name in RCDATA or token.name == "plaintext"
        ):
            if token.name == "plaintext":
                stop = n
            else:
                end_tag = re.compile(r"</" + re.escape(token.name) + r"[\s/>]", re.IGNORECASE)
                close = end_tag.search(source, pos)
                stop = close.start() if close else n
            if stop > pos:
                kind = "text" if token.name in RCDATA else "rawtext"
                tokens.append(Token(kind, pos, stop))
            pos = text_start = stop
    if text_start < n:
        tokens.append(Token("text", text_start, n))
    return tokens


def add_decoded_text(builder: UnitBuilder, source: str, start: int, end: int) -> None:
    """Text with character references decoded; plain stretches stay splittable."""
    pos = start
    for match in _CHAR_REF.finditer(source, start, end):
        decoded = html.unescape(match.group(0))
        if decoded == match.group(0):
            continue
        builder.text(pos, match.start())
        builder.text(match.start(), match.end(), decoded)
        pos = match.end()
    builder.text(pos, end)


def declared_charsets(source: str, tokens: list[Token]) -> list[str]:
    """The charsets the page's ``<meta>`` tags declare (lower case), in page order."""
    found = []
    for token in tokens:
        if token.kind != "start" or token.name != "meta":
            continue
        values = {a.name: source[a.value_start : a.value_end] for a in token.attrs
                  if a.value_start >= 0}
        charset = values.get("charset")
        if charset is None and values.get("http-equiv", "").lower() == "content-type":
            match = _CHARSET_IN_CONTENT.search(values.get("content", ""))
            charset = match.group(1) if match else None
        if charset:
            found.append(charset.strip().lower())
    return found
