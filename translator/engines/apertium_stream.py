"""Apertium's stream format, as triglot writes it and reads it back.

Instead of letting Apertium's text deformatter guess, triglot writes the stream
itself: text is backslash-escaped, inline codes (``<g1>``, ``</g1>``, ``<x1/>``)
become superblanks (``[<g1>]``), which Apertium carries through untranslated, and
sentences are separated by a numbered superblank after a sentence end, so no transfer
rule reaches across two sentences; the numbered separators are read back to map
outputs one to one. A name's initial ("John A. Smith", "Juan A. Pérez") is a
superblank too: Apertium reads a capital letter alone as a word ("A" the article,
Spanish "Y" and "O" the conjunctions: "John Un. Smith", "And. Ivanova").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from translator.document import CODE_RE

#: Characters with a meaning in Apertium's stream format, escaped with a backslash.
_SPECIAL = re.compile(r"([\\\[\]^$/<>@{}])")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)\]]*$")
_SEPARATOR = re.compile(r"<triglot:(\d+)>\n")
#: Apertium's output stream as plain runs, escaped characters and superblanks ([...]).
_STREAM_TOKEN = re.compile(r"(?P<plain>[^\\\[]+|\\\Z)|\\(?P<escaped>.)"
                           r"|\[(?P<blank>(?:\\.|\\\Z|[^\]\\])*)(?:\]|\Z)", re.DOTALL)
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
#: Bump when how a sentence is written into the stream changes: it is part of the
#: Apertium cache key.
STREAM_RULE = 1
#: An initial: a capital letter alone with its full stop, the sentence going on after it
#: (perhaps after a comma: "la Sra. A., de 89 años"); at a sentence's end "A." may be a
#: plan's letter, and the stop ends the sentence.
_INITIAL = re.compile(r"(?<![\w.'’\\-])[A-Z]\.(?=,?[ \t\u00a0]+\S)")
#: What every initial holds, found at C speed (most sentences have none).
_INITIAL_HINT = re.compile(r"[A-Z]\.")


def escape(text: str) -> str:
    """Plain text as Apertium stream text: specials escaped, inline codes as superblanks."""
    if "<" not in text:  # no inline code (most sentences)
        return _SPECIAL.sub(r"\\\1", text)
    out: list[str] = []
    position = 0
    for match in CODE_RE.finditer(text):
        out.append(_SPECIAL.sub(r"\\\1", text[position:match.start()]))
        out.append("[" + _SPECIAL.sub(r"\\\1", match.group(0)) + "]")
        position = match.end()
    out.append(_SPECIAL.sub(r"\\\1", text[position:]))
    return "".join(out)


def needs_period(sentence: str) -> bool:
    """Whether a sentence needs an added full stop to end it for Apertium's tagger."""
    bare = (CODE_RE.sub("", sentence) if "<" in sentence else sentence).rstrip()
    return not _SENTENCE_END.search(bare)


def build_stream(sentences: Sequence[str]) -> str:
    """One stream for a batch: each sentence, an end mark if needed, a numbered separator.

    The added full stop is followed by an empty superblank (``.[]``), the mark
    Apertium's own deformatter uses for a period it inserted.
    """
    parts = []
    for number, sentence in enumerate(sentences):
        end = ".[]" if needs_period(sentence) else ""
        text = escape(sentence)
        if _INITIAL_HINT.search(text):
            text = _INITIAL.sub(r"[\g<0>]", text)
        parts.append(f"{text}{end}[<triglot:{number}>\n]")
    return "".join(parts)


def parse_stream(stream: str) -> list[tuple[int | None, str]]:
    """Split Apertium's output stream into (separator number, text before it) pieces.

    Escapes are undone, superblanks become their content (inline codes come back
    as they went in), and an added full stop (``.[]``) is removed. The text after
    the last separator comes with number None.
    """
    pieces: list[tuple[int | None, str]] = []
    current: list[str] = []
    for token in _STREAM_TOKEN.finditer(stream):
        plain, escaped, blank = token.group("plain", "escaped", "blank")
        if plain is not None:
            current.append(plain)
        elif escaped is not None:
            current.append(escaped)
        else:
            blank = _UNESCAPE.sub(r"\1", blank)
            separator = _SEPARATOR.fullmatch(blank)
            if separator:
                pieces.append((int(separator[1]), "".join(current)))
                current = []
            elif blank == "":
                if current and current[-1].endswith("."):  # the full stop triglot added
                    current[-1] = current[-1][:-1]
            else:
                current += [blank, ""]  # "" : a full stop inside a blank is not one to drop
    pieces.append((None, "".join(current)))
    return pieces
