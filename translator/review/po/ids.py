"""Where a segment's entry lives: its catalog file and its stable ``msgctxt``.

The context is ``<article relpath>#<8 hex digits of SHA-1 of the sentence>``.
It depends only on the article and the sentence's own text (whitespace
folded), never on the paragraph number: inserting, deleting or re-wrapping
other paragraphs, or re-running the segmenter over unchanged text, gives every
unchanged sentence the same context, so its review stays attached. A sentence
that occurs several times in one article is one entry, with every place it
occurs listed in its ``#:`` references (as xgettext does); the place itself
(file and paragraph) is in those references, which may change freely.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from translator.run_record import printable_name

if TYPE_CHECKING:
    import polib

LOCALES = "locales"
HASH_LENGTH = 8


def fold_space(text: str) -> str:
    return " ".join(text.split())


def article_name(relpath: str) -> str:
    """The article as a catalog names it (header, ``msgctxt``, ``#:``): UTF-8 on one line,
    so a file name with bytes that are not UTF-8, or a newline, still makes a valid PO file."""
    return printable_name(relpath)


def message_context(relpath: str, text: str) -> str:
    digest = hashlib.sha1(fold_space(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]
    return f"{article_name(relpath)}#{digest}"


def same_sentence(entries: Iterable[polib.POEntry], text: str,
                  taken: set[int]) -> polib.POEntry | None:
    """The entry (not yet ``taken``) whose msgid is ``text``: word for word first, else with
    other spaces. Sentences that differ only in their spaces (a no-break space, a double
    one) share a context, so the context alone cannot tell their entries apart."""
    free = [e for e in entries if id(e) not in taken]
    return (next((e for e in free if e.msgid == text), None)
            or next((e for e in free if fold_space(e.msgid) == fold_space(text)), None))


def article_of_context(context: str) -> str:
    """The article part of a context (everything before the last ``#``)."""
    return context.rpartition("#")[0]


def catalog_relpath(relpath: str) -> PurePosixPath:
    """``ru/story.md`` -> ``ru/story.po``: the catalog's path under ``LC_MESSAGES``."""
    return PurePosixPath(relpath).with_suffix(".po")


def catalog_path(run_dir: Path, lang: str, relpath: str) -> Path:
    return run_dir / LOCALES / lang / "LC_MESSAGES" / catalog_relpath(relpath)


def reference(relpath: str, unit_ref: str) -> str:
    """The ``#:`` reference of a sentence: article and paragraph (``ru/story.md:p3``)."""
    return f"{article_name(relpath)}:{unit_ref}"
