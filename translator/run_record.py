"""The record of a translation run, ``OUT/triglot-run.json``, as plain dataclasses.

``translate`` writes it; everything that works on a run afterwards (the
summary, ``po export``/``import``, ``report``) reads it through this module
and nothing else, the way polib mirrors a PO file. So the later steps need
neither the engine nor the models, and they all see the same run.

Each source is stored twice, relative to the run folder and absolute, with a
SHA-256 of its content: a project moved as a whole (articles and run folder
together) is found through the relative path, a run folder moved alone through
the absolute one, and a source that was renamed or changed since is reported in
one clear line instead of being silently re-read from a stale place.

Segments may also carry what the review side found in them (glossary terms,
names, QA findings: ``translator.review.annotations``), with the settings they
were found with, so the summary, the PO notes and the report share one result.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from translator.core.atomic import atomic_open
from translator.core.errors import InputError, quote_path
from translator.core.i18n import _
from translator.core.inline_codes import strip_codes
from translator.core.languages import LANGUAGES

RECORD_FILE = "triglot-run.json"
FORMAT_VERSION = 2
#: Marks a file name stored as the hex of its bytes; NUL cannot occur in a real path.
RAW_NAME = "\0fs:"


def name_to_json(name: str) -> str:
    """A path as JSON can hold it: as is, or (bytes that are not UTF-8) the hex of its bytes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return RAW_NAME + os.fsencode(name).hex()
    return name


def utf8_text(text: str) -> str:
    """``text`` that UTF-8 can hold: bytes of a file name that were not UTF-8 as ``\\xe9``."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def printable_name(name: str) -> str:
    """A file name as one line of UTF-8 text, for catalogs, pages and messages: bytes that
    are not UTF-8 as ``\\xe9``, control characters (a newline) as their escapes."""
    text = utf8_text(name)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)


def name_from_json(value: str) -> str:
    """The path ``name_to_json`` stored, surrogates and all."""
    if value.startswith(RAW_NAME):
        return os.fsdecode(bytes.fromhex(value[len(RAW_NAME):]))
    return value


@dataclass(frozen=True, slots=True)
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
    #: What the review side found in the sentence (``translator.review.annotations``); the
    #: document's ``annotated_with`` says with which glossary and settings. None: not yet.
    annotations: dict | None = None
    #: How ``mt`` was obtained (``translator.stages.jobs``): "memory" marks a reviewed
    #: translation from the translation memory, used instead of MT.
    origin: str = ""

    @property
    def from_memory(self) -> bool:
        return self.origin == "memory"

    @property
    def source_text(self) -> str:
        """The sentence without inline codes: what a reader sees."""
        return strip_codes(self.source)

    @property
    def mt_text(self) -> str:
        return strip_codes(self.mt)

    def to_dict(self) -> dict:
        """The fields in order, the empty optional ones left out (a run has thousands of
        segments: built directly, not through ``dataclasses.asdict``)."""
        data: dict = {"ref": self.ref, "unit": self.unit, "lang": self.lang,
                      "source": self.source, "mt": self.mt}
        if self.terms:
            data["terms"] = list(self.terms)
        if self.annotations:
            data["annotations"] = self.annotations  # written at once, never changed
        if self.origin:
            data["origin"] = self.origin
        return data

    @classmethod
    def from_dict(cls, data: dict) -> SegmentRecord:
        found = data.get("annotations")
        return cls(str(data["ref"]), int(data["unit"]), str(data["lang"]), str(data["source"]),
                   str(data["mt"]), tuple(dict(t) for t in data.get("terms", ())),
                   dict(found) if found is not None else None, str(data.get("origin") or ""))


@dataclass
class DocumentRecord:
    """One source article and its translated sentences, per target language."""

    source: str  # the article's path relative to the run folder (POSIX separators)
    relpath: str  # its path below the input root: also its path below OUT/<lang>/
    format: str  # txt, md or html
    lang: str  # the article's language
    sha256: str = ""  # of the source file's bytes when it was translated
    targets: dict[str, list[SegmentRecord]] = field(default_factory=dict)
    abspath: str = ""  # the source's absolute path at the time (filled in when saved)
    annotated_with: str = ""  # the settings key of its segments' annotations, if any

    def unit_languages(self) -> dict[int, str]:
        """The language each translated unit was read in, over all targets."""
        return {s.unit: s.lang for segments in self.targets.values() for s in segments}

    def to_dict(self) -> dict:
        data = {"source": name_to_json(self.source), "abspath": name_to_json(self.abspath),
                "sha256": self.sha256, "relpath": name_to_json(self.relpath),
                "format": self.format, "lang": self.lang,
                "targets": {lang: [s.to_dict() for s in segments]
                            for lang, segments in self.targets.items()}}
        if self.annotated_with:
            data["annotated_with"] = self.annotated_with
        return data

    @classmethod
    def from_dict(cls, data: dict) -> DocumentRecord:
        return cls(name_from_json(str(data["source"])), name_from_json(str(data["relpath"])),
                   str(data.get("format", "")),
                   str(data.get("lang", "")), str(data.get("sha256", "")),
                   {str(lang): [SegmentRecord.from_dict(s) for s in segments]
                    for lang, segments in dict(data["targets"]).items()},
                   name_from_json(str(data.get("abspath") or "")),
                   str(data.get("annotated_with") or ""))


@dataclass
class RunRecord:
    """A whole run: which engine and models, with what options, over which documents."""

    run_dir: Path
    engine: str = ""
    models: dict[str, str] = field(default_factory=dict)  # "ru->en" -> package identity
    options: str = ""  # the decoding options that shape the output
    documents: list[DocumentRecord] = field(default_factory=list)
    #: Read from its file whole (``load``): saving it need not read the file for the
    #: documents of earlier runs, it holds them.
    whole: bool = field(default=False, compare=False, repr=False)

    @property
    def path(self) -> Path:
        return self.run_dir / RECORD_FILE

    def document(self, relpath: str) -> DocumentRecord | None:
        return next((d for d in self.documents if d.relpath == relpath), None)

    def segment_count(self) -> int:
        return sum(len(s) for d in self.documents for s in d.targets.values())

    def source_path(self, doc: DocumentRecord) -> Path:
        """Where the document's source lies now, checked against its recorded content.

        The place relative to the run folder comes first (the project moved as a
        whole), then the absolute one (the run folder moved alone); the first whose
        content is what was translated wins. Raises one clear ``InputError`` when
        the source is at neither place (renamed or moved) or changed since the run.
        """
        places = [Path(os.path.normpath(self.run_dir / doc.source))]
        if doc.abspath and Path(doc.abspath) != places[0]:
            places.append(Path(doc.abspath))
        present = [path for path in places if path.is_file()]
        if not present:
            message = (_("the source of {article} is not there nor at {path} (renamed or "
                         "moved?); put it back, or translate it again") if len(places) > 1
                       else _("the source of {article} is not there (renamed or moved?); put "
                              "it back, or translate it again"))
            raise InputError(message.format(article=printable_name(doc.relpath),
                                            path=quote_path(places[-1])), places[0])
        for path in present:
            if not doc.sha256 or file_sha256(path) == doc.sha256:
                return path
        raise InputError(_("the article changed since it was translated; run 'triglot "
                           "translate ... --po' again, then review"), present[0])

    def to_dict(self, documents: list[DocumentRecord] | None = None) -> dict:
        return {**self._head(), "documents": list(self._entries(
            self.documents if documents is None else documents))}

    def _head(self) -> dict:
        return {"version": FORMAT_VERSION, "engine": self.engine, "models": self.models,
                "options": self.options}

    def _entries(self, documents: list[DocumentRecord]) -> Iterator[dict]:
        base = Path(self.run_dir).resolve()
        for doc in documents:
            data = doc.to_dict()
            data["abspath"] = name_to_json(doc.abspath or os.path.normpath(base / doc.source))
            yield data

    def save(self) -> None:
        """Write the record atomically, keeping documents of earlier runs into the same folder.

        One document a line, each through json's C encoder (an indented dump runs the
        pure-Python one), written as it is made: a run of 16,000 sentences or a large
        glossary's annotations never holds the whole text in memory."""
        current = {d.source for d in self.documents}
        try:
            kept = self._earlier(current) if self.path.is_file() and not self.whole else []
        except InputError:
            kept = []  # an unreadable old record is replaced, not fatal
        head = json.dumps(self._head(), ensure_ascii=False)
        with atomic_open(self.path) as handle:
            handle.write(head[:-1] + ', "documents": [')
            for number, entry in enumerate(self._entries(kept + self.documents)):
                handle.write(",\n" if number else "\n")
                handle.write(json.dumps(entry, ensure_ascii=False))
            handle.write("\n]}\n")

    def _earlier(self, current: set[str]) -> list[DocumentRecord]:
        """The documents of earlier runs into this folder that this run does not replace.
        In a record ``save`` wrote, each document is a line starting with its source: a
        line whose source this run replaces is skipped unread (running into the same
        folder again replaces them all). Any other file is read whole (``load``)."""
        try:
            lines = self.path.read_text(encoding="utf-8").split("\n")
            if not (lines[0].startswith(f'{{"version": {FORMAT_VERSION}, ')
                    and lines[-2:] == ["]}", ""]
                    and all(line.startswith(_DOCUMENT_LINE) for line in lines[1:-2])):
                raise ValueError("not as save writes it")
            kept = []
            for line in lines[1:-2]:
                source = name_from_json(json.decoder.scanstring(line, len(_DOCUMENT_LINE))[0])
                if source not in current:
                    kept.append(DocumentRecord.from_dict(json.loads(line.removesuffix(","))))
                    check_places(kept[-1], self.path)
            return kept
        except (KeyError, TypeError, AttributeError, ValueError):  # load says what is wrong
            return [d for d in load(self.run_dir).documents if d.source not in current]


#: How ``save`` starts each document's line.
_DOCUMENT_LINE = '{"source": "'


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
        raise InputError(_("no such run directory"), run_dir)
    if not run_dir.is_dir():
        raise InputError(_("not a directory (expected a translate --out folder)"), run_dir)
    path = run_dir / RECORD_FILE
    if not path.is_file():
        raise InputError(_("not a triglot run: no {record} (run 'triglot translate ... --out "
                           "{folder}' first)").format(record=RECORD_FILE, folder=run_dir),
                         run_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(_("invalid UTF-8; not a triglot run record"), path) from None
    except ValueError as exc:
        raise InputError(_("not valid JSON ({error}); run 'triglot translate' again").format(
            error=exc), path) from None
    try:
        if data.get("version") is None:  # written before 0.2: absolute source paths
            for entry in data["documents"]:
                entry["abspath"] = str(Path(entry.get("abspath") or entry["source"]).resolve())
                entry["source"] = relative_source(Path(entry["abspath"]), run_dir)
        record = RunRecord(run_dir, str(data.get("engine", "")),
                           {str(k): str(v) for k, v in dict(data.get("models") or {}).items()},
                           str(data.get("options", "")),
                           [DocumentRecord.from_dict(d) for d in data["documents"]], whole=True)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(_("not a triglot run record (bad or missing field: {error})").format(
            error=exc), path) from None
    for doc in record.documents:
        check_places(doc, path)
    return record


def inside_run(relpath: str) -> bool:
    """Whether ``relpath`` stays below the folder it is joined to: the article is written
    to OUT/<lang>/<relpath> and its catalog to locales/<lang>/LC_MESSAGES/, so an absolute
    path or a '..' (a record edited by hand) would write anywhere on the disk."""
    parts = PurePosixPath(relpath).parts
    return (bool(parts) and "\0" not in relpath and not PurePosixPath(relpath).is_absolute()
            and ".." not in parts)


def check_places(doc: DocumentRecord, path: Path) -> None:
    """Refuse a document whose outputs would land outside the run folder, in one line,
    before any reader (``po export``/``import``, ``report``) joins its paths."""
    if not inside_run(doc.relpath):
        raise InputError(_("not a triglot run record: the article path {path} is not a path "
                           "below the run folder (edited by hand?); run 'triglot translate' "
                           "again").format(path=repr(printable_name(doc.relpath))), path)
    for lang in doc.targets:
        if lang not in LANGUAGES:
            raise InputError(_("unsupported language '{code}': use one of {supported}").format(
                code=printable_name(lang), supported=", ".join(LANGUAGES)), path)
