"""Inline codes inside segments: renumbering, checking that MT kept them, splitting around them.

A sentence cut from a unit may hold codes ``<g3>``..``</g3>``; before MT they
are renumbered from 1 so the same sentence always reads the same (cache and
TM hits do not depend on where it stood), and mapped back afterwards.

Text that is not language (URLs, e-mail addresses, @handles, file paths) is
found here too (``literal_spans``): the parsers make it an atomic code, so MT
never sees it and the markup repair keeps it where MT drops it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

#: An inline code: ``<gN>``, ``</gN>`` or ``<xN/>``.
CODE_RE = re.compile(r"<(/?)g(\d+)>|<x(\d+)/>")

_STOP = r"\s<>\"«»“”‘’"  # never inside a URL as people write one in prose
#: URLs, e-mail addresses, @handles and file paths, before trailing punctuation is trimmed.
LITERAL_RE = re.compile(
    rf"(?:\b(?:https?|ftp)://|(?<![\w.@/-])www\.)[^{_STOP}]+"  # URL with a scheme or www.
    rf"|(?<![\w.@/-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,}}/[^{_STOP}]*"  # site.com/…
    rf"|(?<![\w/:.])//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,}}\b[^{_STOP}]*"  # //cdn.site
    r"|(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"  # e-mail
    r"|(?<![\w@.])@(?=[A-Za-z0-9_]*[A-Za-z])[A-Za-z0-9_]{1,30}\b"  # @handle
    r"|(?<![\w/.:~-])(?:~|\.{1,2})?(?:/[\w.@%+-]+){2,}/?"  # /an/absolute/path, ~/a/b
    r"|(?<![\w/.:~-])(?:~|\.{1,2})(?:/[\w.@%+-]*[\w@%+-])+/?"  # ~/.zshrc, ./configure
    r"|(?<![\w/.-])[\w-]+(?:/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,5}\b"  # relative/path.ext
    r"|\b[A-Za-z]:\\[^\s<>\"'*?|]+"  # C:\Windows\path
    r"|(?<![\w:])(?:::)?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)+(?:\(\))?"  # std::fmt::Debug, Foo::bar()
)
_TRAILING = ".,;:!?'\")]}"
#: What every literal holds (a slash, an at sign, a backslash, "www." or "::"); a literal never
#: holds whitespace, so only the words around these need the full pattern.
_LITERAL_MARK = re.compile(r"[/@\\]|www\.|::\w")
_SPACE = re.compile(r"\s")


def literal_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL, e-mail address, @handle and file path in ``text``.

    Punctuation that ends the sentence is not part of the literal; a closing
    bracket is, when the literal opened one (``…/wiki/Moscow_(disambiguation)``).
    """
    spans = []
    for match in _literal_matches(text):
        found = match.group(0)
        while found and found[-1] in _TRAILING and not (
                found[-1] == ")" and found.count("(") >= found.count(")")):
            found = found[:-1]
        if len(found) > 1:
            spans.append((match.start(), match.start() + len(found)))
    return spans


def _literal_matches(text: str) -> Iterator[re.Match[str]]:
    """``LITERAL_RE.finditer(text)``, run only over the words that hold a mark (most
    prose has none, and the full pattern costs a try at every position). The pattern
    still sees the whole text around a word, so its look-behinds read the same."""
    scanned = 0
    for mark in _LITERAL_MARK.finditer(text):
        if mark.start() < scanned:
            continue  # in a word already scanned
        start = mark.start()
        while start > scanned and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, mark.end())
        scanned = space.start() if space else len(text)
        yield from LITERAL_RE.finditer(text, start, scanned)


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
    """True when ``translated`` holds exactly the source's codes, paired as well as the source's.

    A pair that held text in the source must hold some in the translation: MT
    that moves an emphasised word out of its pair leaves bare ``**`` behind.
    """
    if "<" not in source and "<" not in translated:
        return True  # no codes on either side (most sentences)
    if Counter(codes_of(source)) != Counter(codes_of(translated)):
        return False
    if not balanced(translated):
        return not balanced(source)
    emptied = _pair_texts(translated)
    return all(emptied.get(num, "") for num, inner in _pair_texts(source).items() if inner)


def _pair_texts(text: str) -> dict[str, str]:
    """Each pair's number -> the text it holds (codes and whitespace aside)."""
    texts: dict[str, str] = {}
    for match in re.finditer(r"(?=<g(\d+)>(.*?)</g\1>)", text, re.S):  # nested ones too
        texts[match.group(1)] = "".join(strip_codes(match.group(2)).split())
    return texts


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


_SPACE_AFTER_OPEN = re.compile(r"(<g\d+>)[ \t]+")
_SPACE_BEFORE_CLOSE = re.compile(r"[ \t]+(</g\d+>)")
_NO_SPACE_AFTER = " \t([{«“‘¿¡"  # a space moved before an opening code is not wanted here
_NO_SPACE_BEFORE = " \t.,;:!?)]}»”’…"


def _before_open(match: re.Match[str]) -> str:
    prev = match.string[match.start() - 1] if match.start() else " "
    return match[1] if prev in _NO_SPACE_AFTER else " " + match[1]


def _after_close(match: re.Match[str]) -> str:
    after = match.string[match.end()] if match.end() < len(match.string) else " "
    return match[1] if after in _NO_SPACE_BEFORE else match[1] + " "


def spaces_outside_pairs(text: str) -> str:
    """Move spaces MT left inside a pair's edges out of it: ``a<g1> no</g1>`` -> ``a <g1>no</g1>``.

    Markdown emphasis opened or closed next to a space is no emphasis (the reader
    sees bare ``_`` or ``**``), and a link or bold text looks wrong so in HTML too.
    A space is not doubled, nor put at either end or before a closing mark.
    """
    if "<g" not in text:  # no pairs (most sentences)
        return text
    while True:
        tidy = _SPACE_BEFORE_CLOSE.sub(_after_close, _SPACE_AFTER_OPEN.sub(_before_open, text))
        if tidy == text:
            return text
        text = tidy
