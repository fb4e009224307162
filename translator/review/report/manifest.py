"""A translation run as ``triglot translate`` recorded it in ``OUT/triglot-run.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from translator.core.errors import InputError
from translator.document import CODE_RE

MANIFEST = "triglot-run.json"


@dataclass(frozen=True)
class SegmentRecord:
    """One source sentence and its MT, as the run translated it."""

    ref: str
    unit: int
    lang: str
    source: str
    mt: str

    @property
    def source_text(self) -> str:
        return plain(self.source)

    @property
    def mt_text(self) -> str:
        return plain(self.mt)


@dataclass(frozen=True)
class DocumentRecord:
    source: str
    relpath: str
    format: str
    lang: str
    targets: dict[str, list[SegmentRecord]]


@dataclass(frozen=True)
class RunRecord:
    path: Path
    engine: str
    models: dict[str, str]
    options: str
    documents: list[DocumentRecord] = field(default_factory=list)

    def segment_count(self) -> int:
        return sum(len(s) for d in self.documents for s in d.targets.values())


def plain(text: str) -> str:
    """A sentence without its inline codes (``<g1>``, ``</g1>``, ``<x1/>``): what a reader sees."""
    return CODE_RE.sub("", text)


def read_run(run_dir: Path) -> RunRecord:
    """The run recorded in ``run_dir``, or an ``InputError`` saying what is wrong with it."""
    run_dir = Path(run_dir)
    if not run_dir.exists():
        raise InputError("no such folder", run_dir)
    path = run_dir / MANIFEST if run_dir.is_dir() else run_dir
    if not path.is_file():
        raise InputError(f"no {MANIFEST} here; it is written by "
                         f"`triglot translate ... --out {run_dir}`", run_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError("invalid UTF-8; not a triglot run record", path) from None
    except ValueError as exc:
        raise InputError(f"not valid JSON ({exc}); rerun triglot translate", path) from None
    try:
        return _parse(path, data)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError(f"not a triglot run record (bad or missing field: {exc})",
                         path) from None


def _parse(path: Path, data: dict) -> RunRecord:
    documents = []
    for entry in data["documents"]:
        targets = {
            str(lang): [SegmentRecord(str(s["ref"]), int(s["unit"]), str(s["lang"]),
                                      str(s["source"]), str(s["mt"])) for s in segments]
            for lang, segments in entry["targets"].items()
        }
        documents.append(DocumentRecord(str(entry["source"]), str(entry["relpath"]),
                                        str(entry.get("format", "")), str(entry.get("lang", "")),
                                        targets))
    models = {str(k): str(v) for k, v in dict(data.get("models") or {}).items()}
    return RunRecord(path, str(data.get("engine", "")), models, str(data.get("options", "")),
                     documents)
