"""The record of a translation run, ``OUT/triglot-run.json``, as plain dataclasses.

``translate`` writes it; everything that works on a run afterwards (the
summary, ``po export``/``import``, ``report``) reads it through this module
and nothing else, the way polib mirrors a PO file. So the later steps need
neither the engine nor the models, and they all see the same run.

Source paths are stored relative to the run folder, each with a SHA-256 of its
content: a project moved as a whole (articles and run folder together) still
works, and a source that was renamed, moved apart or changed since is reported
in one clear line instead of being silently re-read from a stale place.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from translator.core.atomic import write_text_atomic
from translator.core.errors import InputError
from translator.core.inline_codes import strip_codes

RECORD_FILE = "triglot-run.json"
FORMAT_VERSION = 2


@dataclass(frozen=True)
class SegmentRecord:
    """One source sentence of one article and its translation into one target language."""

    ref: str  # the unit it belongs to, for people ("p3")
    unit: int  # the unit's index in the document
    lang: str  # the sentence's own source language (a quote may differ from the article)
    source: str  # what MT saw, inline codes renumbered from 1
    mt: str  # the translation written to the output (after enforcement)
    #: Glossary enforcement (``translate --glossary``): {concept, source, target, status,
    #: reason?} per concept found in the sentence.
    terms: tuple[dict, ...] = ()

    @property
    def source_text(self) -> str:
        """The sentence without inline codes: what a reader sees."""
        return strip_codes(self.source)

    @property
    def mt_text(self) -> str:
        return strip_codes(self.mt)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["terms"] = list(self.terms)
        if not self.terms:
            del data["terms"]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> SegmentRecord:
        return cls(str(data["ref"]), int(data["unit"]), str(data["lang"]), str(data["source"]),
                   str(data["mt"]), tuple(dict(t) for t in data.get("terms", ())))


@dataclass
class DocumentRecord:
    """One source article and its translated sentences, per target language."""

    source: str  # the article's path relative to the run folder (POSIX separators)
    relpath: str  # its path below the input root: also its path below OUT/<lang>/
    format: str  # txt, md or html
    lang: str  # the article's language
    sha256: str = ""  # of the source file's bytes when it was translated
    targets: dict[str, list[SegmentRecord]] = field(default_factory=dict)

    def unit_languages(self) -> dict[int, str]:
        """The language each translated unit was read in, over all targets."""
        return {s.unit: s.lang for segments in self.targets.values() for s in segments}

    def to_dict(self) -> dict:
        return {"source": self.source, "sha256": self.sha256, "relpath": self.relpath,
                "format": self.format, "lang": self.lang,
                "targets": {lang: [s.to_dict() for s in segments]
                            for lang, segments in self.targets.items()}}

    @classmethod
    def from_dict(cls, data: dict) -> DocumentRecord:
        return cls(str(data["source"]), str(data["relpath"]), str(data.get("format", "")),
                   str(data.get("lang", "")), str(data.get("sha256", "")),
                   {str(lang): [SegmentRecord.from_dict(s) for s in segments]
                    for lang, segments in dict(data["targets"]).items()})


@dataclass
class RunRecord:
    """A whole run: which engine and models, with what options, over which documents."""

    run_dir: Path
    engine: str = ""
    models: dict[str, str] = field(default_factory=dict)  # "ru->en" -> package identity
    options: str = ""  # the decoding options that shape the output
    documents: list[DocumentRecord] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.run_dir / RECORD_FILE

    def document(self, relpath: str) -> DocumentRecord | None:
        return next((d for d in self.documents if d.relpath == relpath), None)

    def segment_count(self) -> int:
        return sum(len(s) for d in self.documents for s in d.targets.values())

    def source_path(self, doc: DocumentRecord) -> Path:
        """Where the document's source lies now, checked against its recorded content.

        Raises one clear ``InputError`` when the source is gone (renamed or moved
        apart from the run folder) or changed since the run.
        """
        path = Path(os.path.normpath(self.run_dir / doc.source))
        if not path.is_file():
            raise InputError(f"the source of {doc.relpath} is no longer at {path} (renamed or "
                             "moved apart from the run folder?); translate it again", path)
        if doc.sha256 and file_sha256(path) != doc.sha256:
            raise InputError("the article changed since it was translated; run 'triglot "
                             "translate ... --po' again, then review", path)
        return path

    def to_dict(self) -> dict:
        return {"version": FORMAT_VERSION, "engine": self.engine, "models": self.models,
                "options": self.options, "documents": [d.to_dict() for d in self.documents]}

    def save(self) -> None:
        """Write the record atomically, keeping documents of earlier runs into the same folder."""
        try:
            previous = load(self.run_dir).documents if self.path.is_file() else []
        except InputError:
            previous = []  # an unreadable old record is replaced, not fatal
        current = {d.source for d in self.documents}
        kept = [d for d in previous if d.source not in current]
        data = self.to_dict()
        data["documents"] = [d.to_dict() for d in kept] + data["documents"]
        write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def relative_source(path: Path, run_dir: Path) -> str:
    """``path`` relative to the run folder, so the pair can move together."""
    return Path(os.path.relpath(Path(path).resolve(), Path(run_dir).resolve())).as_posix()


def load(run_dir: Path) -> RunRecord:
    """The run recorded in ``run_dir``, or one ``InputError`` saying what is wrong with it."""
    run_dir = Path(run_dir)
    if not run_dir.exists():
        raise InputError("no such run directory", run_dir)
    if not run_dir.is_dir():
        raise InputError("not a directory (expected a translate --out folder)", run_dir)
    path = run_dir / RECORD_FILE
    if not path.is_file():
        raise InputError(f"not a triglot run: no {RECORD_FILE} (run 'triglot translate ... "
                         f"--out {run_dir}' first)", run_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError("invalid UTF-8; not a triglot run record", path) from None
    except ValueError as exc:
        raise InputError(f"not valid JSON ({exc}); run 'triglot translate' again", path) from None
    try:
        if data.get("version") is None:  # written before 0.2: absolute source paths
            for entry in data["documents"]:
                entry["source"] = relative_source(Path(entry.get("abspath") or entry["source"]),
                                                  run_dir)
        return RunRecord(run_dir, str(data.get("engine", "")),
                         {str(k): str(v) for k, v in dict(data.get("models") or {}).items()},
                         str(data.get("options", "")),
                         [DocumentRecord.from_dict(d) for d in data["documents"]])
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(f"not a triglot run record (bad or missing field: {exc})",
                         path) from None
