"""The one place the review side reads a glossary: which one, and its concepts.

Everything after a run (summary, PO notes, report, proposals) asks for its
glossary here, so a later glossary service (one ``Glossary.load(path)`` for a
termbase or any glossary file) replaces these two functions and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from translator.core.errors import TriglotError

if TYPE_CHECKING:
    from glossary.model import Concept

DEFAULT_GLOSSARY = "glossary.db"


def resolve_glossary(path: Path | None) -> Path | None:
    """The glossary named (it must exist), else $TRIGLOT_GLOSSARY or ./glossary.db if present."""
    if path is not None:
        if not Path(path).is_file():
            raise TriglotError("no such glossary", path)
        return Path(path)
    default = Path(os.environ.get("TRIGLOT_GLOSSARY") or DEFAULT_GLOSSARY)
    return default if default.is_file() else None


def load_concepts(path: Path | None) -> list[Concept]:
    """The concepts of a termbase (.db) or a glossary file (CSV/TSV/XLSX/TBX); none for None."""
    if path is None:
        return []
    from glossary.formats import FORMATS

    if Path(path).suffix.lower() in FORMATS:
        from dataclasses import replace

        from glossary.formats import read_glossary

        concepts = read_glossary(Path(path))
        taken = {c.id for c in concepts}  # a file may leave ids out; pairings need them
        return [c if c.id else replace(c, id=f"g{number}" if f"g{number}" not in taken
                                       else f"g{number}-{len(taken)}")
                for number, c in enumerate(concepts, start=1)]
    from glossary.store import Termbase

    with Termbase.open(path) as termbase:
        return termbase.concepts()


def concepts_digest(concepts: list[Concept]) -> str:
    """A short fingerprint of the concepts' content: equal glossaries, equal digests."""
    data = json.dumps(sorted((c.to_dict() for c in concepts), key=lambda d: str(d["id"])),
                      ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
