"""Reading the bytes and UTF-8 text of glossary and text files, with one clear error.

A leaf module: the format readers import it, and ``glossary.formats`` re-exports it.
"""

from __future__ import annotations

from pathlib import Path

from glossary.model import GlossaryError


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a clear error when it is missing, a directory or empty."""
    path = Path(path)
    if not path.exists():
        raise GlossaryError("no such file", path)
    if path.is_dir():
        raise GlossaryError("is a directory", path)
    data = path.read_bytes()
    if not data.strip():
        raise GlossaryError("file is empty", path)
    return data


def read_text(path: Path) -> str:
    """UTF-8 text (a BOM is fine); binary or other encodings are refused."""
    data = read_bytes(path)
    if b"\x00" in data[:4096]:
        raise GlossaryError("binary file, expected UTF-8 text", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(f"line {line}: invalid UTF-8", path) from exc
