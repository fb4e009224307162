"""Turn article files (.txt, .md, .html) into ``Document`` skeletons, and find them on disk.

Every parser guarantees ``doc.source_text() == text`` byte for byte: literal
markup is sliced from the source, never rewritten.

What is where:
- here: ``parse_text``/``load_document`` (pick the parser by format) and
  ``collect_inputs`` (expand files and folders into inputs);
- ``units``: what every parser shares: the ``Skeleton`` cut from the source,
  ``UnitBuilder`` (inline codes), ``RefCounter`` ("p3", "h1");
- ``plaintext``: .txt articles (paragraphs separated by blank lines);
- ``markdown/``: .md articles (``syntax``, ``blocks``, ``tables``, ``spans``,
  ``inline``, ``pairing``);
- ``html/``: .html pages (``elements``, ``tokens``, ``tree``, ``boilerplate``,
  ``trafilatura_check``, ``attributes``, ``text_runs``).
Reading files (encoding, size, formats) is ``translator.core.reading``;
writing a translated document back is ``translator.document.render``.
"""

from __future__ import annotations

import os
from pathlib import Path

from translator.core.errors import InputError
from translator.core.i18n import _
from translator.core.reading import FORMATS, SUPPORTED_EXTENSIONS, format_of, read_text
from translator.document import Document
from translator.run_record import RECORD_FILE

__all__ = ["SUPPORTED_EXTENSIONS", "collect_inputs", "load_document", "parse_text", "read_text"]


def parse_text(text: str, fmt: str, path: Path, relpath: Path | None = None) -> Document:
    """Parse already-read ``text`` in format ``fmt`` ("txt", "md" or "html")."""
    relpath = relpath if relpath is not None else Path(path.name)
    if fmt == "txt":
        from translator.ingest.plaintext import load_plaintext

        return load_plaintext(text, path, relpath)
    if fmt == "md":
        from translator.ingest.markdown import load_markdown

        return load_markdown(text, path, relpath)
    if fmt == "html":
        from translator.ingest.html import load_html

        return load_html(text, path, relpath)
    raise InputError(_("unknown document format {format!r}").format(format=fmt), path)


def load_document(path: Path, root: Path) -> Document:
    """Read and parse one article; ``relpath`` is its path relative to ``root``."""
    path = Path(path)
    text = read_text(path)
    try:
        relpath = path.resolve().relative_to(Path(root).resolve())
    except ValueError:
        relpath = Path(path.name)
    if relpath == Path("."):
        relpath = Path(path.name)
    return parse_text(text, format_of(path), path, relpath)


def files_below(folder: Path, out_dir: Path | None = None) -> list[Path]:
    """The files in ``folder`` and its subfolders, sorted; hidden files and folders are left
    out, and so are run folders below it (``out_dir``, the run's own, and any folder
    holding a run record): their translations and stores are triglot's output, not
    articles to read again ("triglot translate . --out translated", run twice)."""
    out = out_dir.resolve() if out_dir is not None else None
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        here = Path(root)
        folders[:] = [name for name in folders if not name.startswith(".")
                      and not (here / name / RECORD_FILE).is_file()
                      and (out is None or (here / name).resolve() != out)]
        found += [here / name for name in files if not name.startswith(".")]
    return sorted(path for path in found if path.is_file())


def collect_inputs(paths: list[Path], out_dir: Path | None = None
                   ) -> tuple[list[tuple[Path, Path]], list[str]]:
    """Expand files and directories into ``(file, root)`` pairs, plus warnings for skipped files.

    A named file is its own root's child (root = its parent); a directory is
    walked recursively in sorted order (``files_below``: hidden files and run folders
    left out), and is the root of everything found in it, so outputs mirror its layout.
    A missing path or an explicitly named unsupported file raises ``InputError``.
    """
    found: list[tuple[Path, Path]] = []
    warnings: list[str] = []
    seen: set[Path] = set()

    def add(file: Path, root: Path) -> None:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            found.append((file, root))

    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(_("no such file or directory"), path)
        if path.is_dir():
            supported = 0
            for file in files_below(path, out_dir):
                if file.suffix.lower() in FORMATS:
                    add(file, path)
                    supported += 1
                else:
                    kind = file.suffix or "(no extension)"
                    warnings.append(_("{file}: skipped, unsupported file type {kind}").format(
                        file=file, kind=kind))
            if not supported:
                warnings.append(_("{folder}: no .txt, .md or .html files found").format(
                    folder=path))
            continue
        format_of(path)  # an explicitly named file must be supported
        add(path, path.parent)
    return found, warnings
