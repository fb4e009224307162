"""Read one article file as text, or say clearly why it cannot be used.

Articles must be UTF-8 (a BOM is accepted and kept in the text, so the output
keeps it too), or UTF-16/UTF-32 starting with a byte-order mark: a BOM names the
encoding, so that is no guess; such text is read without its BOM, so the output
is plain UTF-8. Everything else is refused with an ``InputError`` naming the
file and the problem, never decoded by guesswork: a wrong guess would be
translated into confident nonsense.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import BinaryIO

from translator.core.errors import InputError
from translator.core.i18n import _

# Extension -> document format.
FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(FORMATS)

# Control characters that never occur in real text files.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02
_HTML_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""",
    re.IGNORECASE,
)
_UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}
#: Byte-order marks that name a wide encoding (UTF-32 first: its LE mark starts as UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def format_of(path: Path) -> str:
    """The document format for ``path``'s extension, or an ``InputError``."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        shown = path.suffix or _("(none)")
        raise InputError(
            _("unsupported file type {shown}: use one of {supported}").format(
                shown=shown, supported=", ".join(SUPPORTED_EXTENSIONS)
            ),
            path,
        )
    return fmt


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in ``<meta>`` or an XML declaration, lower-cased."""
    match = _HTML_CHARSET.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def check_html_charset(charset: str | None, path: Path | str | None) -> None:
    if charset is not None and charset not in _UTF8_NAMES:
        raise InputError(
            _(
                "the page declares charset {charset}; only UTF-8 is supported (convert it first, "
                "e.g. iconv -f {charset} -t utf-8)"
            ).format(charset=charset),
            path,
        )


def _utf8_position(data: bytes, offset: int) -> str:
    """'line L, column C (byte B)' for a byte offset, counting columns in characters."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return _("line {line}, column {column} (byte offset {offset})").format(
        line=line, column=column, offset=offset)


def decode_wide(data: bytes, path: Path | str | None = None) -> str | None:
    """UTF-16/UTF-32 text named by its byte-order mark (BOM dropped), or None without one."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding.lower())
            except UnicodeDecodeError as exc:
                raise InputError(
                    _("invalid {encoding} at byte offset {start}; save the file as UTF-8").format(
                        encoding=encoding, start=exc.start
                    ),
                    path,
                ) from None
    return None


def decode_utf8(data: bytes, path: Path | str | None = None) -> str:
    """Decode article bytes, refusing binary data and invalid UTF-8 with a precise message."""
    text = decode_wide(data, path)
    if text is None:
        text = _strict_utf8(data, path)
    nul = text.find("\x00")
    if nul != -1:
        raise InputError(
            _("binary file, not text (NUL character at offset {nul})").format(nul=nul), path
        )
    if text and len(_CONTROL.findall(text)) / len(text) > _MAX_CONTROL_SHARE:
        raise InputError(_("binary file, not text (too many control characters)"), path)
    body = text[1:] if text.startswith("\ufeff") else text
    if not body.strip():
        raise InputError(_("empty file (nothing in it to read)"), path)
    return text


def _strict_utf8(data: bytes, path: Path | str | None) -> str:
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(
            _("binary file, not text (NUL byte at offset {nul})").format(nul=nul), path
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            _("invalid UTF-8 at {position}: byte 0x{bad}; save the file as UTF-8").format(
                position=_utf8_position(data, exc.start), bad=bad
            ),
            path,
        ) from None


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or an ``InputError``: missing, a directory, unreadable."""
    path = Path(path)
    if not path.exists():
        raise InputError(_("no such file"), path)
    if path.is_dir():
        raise InputError(_("is a directory, expected a file"), path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(
            _("cannot read: {reason}").format(reason=exc.strerror or exc), path
        ) from None


def read_stream(stream: BinaryIO, name: str = "-") -> str:
    """UTF-8 text piped in (``--file -``), refused exactly as a file's: the bytes are
    checked here, never decoded by the locale's guess (NULs and bad UTF-8 got through)."""
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(
            _("cannot read: {reason}").format(reason=exc.strerror or exc), name
        ) from None
    return decode_utf8(data, name).removeprefix("\ufeff")


def read_plain_text(path: Path) -> str:
    """UTF-8 text of a file of any name (corpus files, JSONL), refused exactly as articles are."""
    return decode_utf8(read_bytes(path), path).removeprefix("\ufeff")


def read_text(path: Path) -> str:
    """The exact text of an article file (BOM kept), or an ``InputError`` saying what is wrong."""
    path = Path(path)
    if not path.exists() or path.is_dir():
        read_bytes(path)  # says which
    fmt = format_of(path)  # an unsupported extension is refused before reading
    data = read_bytes(path)
    if fmt == "html":
        check_html_charset(declared_charset(data), path)
    return decode_utf8(data, path)
