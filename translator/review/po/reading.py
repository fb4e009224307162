"""Read a PO catalog strictly: what msgfmt would refuse is refused here, with its line.

polib alone is lenient (an unknown escape such as ``\\q`` is kept as two
characters, and duplicates pass unless asked), so a catalog is first checked
line by line: UTF-8, the declared charset, the syntax of every line and every
escape in its strings; then parsed with polib and checked for duplicate
``msgctxt``+``msgid`` pairs and for ``\\n`` at one end of msgid but not msgstr.
The escapes msgfmt reads and polib does not (``\\a``, ``\\xNN``, octal ``\\NNN``:
bytes, UTF-8 together) are decoded first, so they mean here what they mean to gettext.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from translator.core.errors import InputError, TriglotError
from translator.core.i18n import _
from translator.review.po.ids import LOCALES

if TYPE_CHECKING:
    import polib

_KEYWORD = r"(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)"
_STRING = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(rf"^(?:#~\s*)?(?:#\|\s*)?(?:{_KEYWORD}\s+)?({_STRING})\s*$")
#: An escape as msgfmt reads it: a hexadecimal one takes every hex digit that follows.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)")
_NUMERIC = re.compile(r"x([0-9A-Fa-f]+)|([0-7]{1,3})")
_POLIB_ESCAPES = set('ntrvbf"\\')  # what polib reads itself
#: The escapes msgfmt accepts, as the bytes they stand for (numeric ones: ``_byte``).
_BYTE_ESCAPES = {"n": b"\n", "t": b"\t", "r": b"\r", "v": b"\v", "b": b"\b", "f": b"\f",
                 "a": b"\a", '"': b'"', "\\": b"\\"}
_C_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\v": "\\v",
              "\b": "\\b", "\f": "\\f"}
#: Characters that end a line for ``str.splitlines`` (polib splits there), or a C string.
_UNWRITABLE = set("\0\x1c\x1d\x1e\x85\u2028\u2029")
#: A comment mark written without the space after it (``#,fuzzy``, ``#revisar``, ``#~msgid``):
#: gettext reads it as if the space were there, polib refuses it.
_BARE_MARK = re.compile(r"#(?:~\||~(?!\|)|[|.:,]|(?=[^~|.:,#]))(?=\S)")
_CHARSET = re.compile(r'Content-Type:[^"\n]*charset=([^\s\\";]+)', re.IGNORECASE)


class CatalogError(InputError):
    """A catalog that cannot be used as it is."""


def read_catalog(path: Path) -> polib.POFile:
    import polib

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(_("cannot read: {reason}").format(reason=exc.strerror or exc),
                           path) from None
    text = _checked_lines(_decode(data, path), path)
    try:
        catalog = polib.pofile(text, wrapwidth=78)
    except (OSError, ValueError) as exc:
        line = re.search(r"line (\d+)", str(exc))
        message = (_("malformed PO catalog: syntax error at line {line}") if line
                   else _("malformed PO catalog: syntax error"))
        raise CatalogError(message.format(line=line.group(1) if line else ""), path) from None
    _check_entries(catalog, path)
    return catalog


def _decode(data: bytes, path: Path) -> str:
    match = _CHARSET.search(data[:4096].decode("ascii", errors="replace"))
    if match and match.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise CatalogError(_("catalog charset is {charset}; triglot catalogs must be UTF-8 "
                             "(convert with: msgconv --to-code=UTF-8)").format(
            charset=match.group(1)), path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogError(_("invalid UTF-8 at line {line}").format(line=line), path) from None
    if "\x00" in text:
        raise CatalogError(_("binary file, not a PO catalog"), path)
    if not text.strip():
        raise CatalogError(_("empty file, not a PO catalog"), path)
    return text.removeprefix("\ufeff")


def _checked_lines(text: str, path: Path) -> str:
    """The catalog with every string in escapes polib reads and every comment mark followed by
    its space; a line msgfmt would refuse is one error naming it."""
    lines = text.splitlines()
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        bare = _BARE_MARK.match(line)
        if bare:
            line = lines[number - 1] = f"{bare.group()} {line[bare.end():]}"
        stripped = line[2:].lstrip() if line.startswith("#~") else line
        if line.startswith("#") and not (stripped.startswith(('"', "msg", "#|"))):
            continue  # a comment
        match = _LINE.match(line)
        if match is None:
            raise CatalogError(_("malformed PO catalog: syntax error at line {line}").format(
                line=number), path)
        content = match.group(1)[1:-1]
        if any(e.group(1) not in _POLIB_ESCAPES for e in _ESCAPE.finditer(content)):
            value = _polib_string(content, number, path)
            lines[number - 1] = f'{line[: match.start(1)]}"{value}"{line[match.end(1):]}'
    return "\n".join(lines) + "\n"


def _polib_string(content: str, number: int, path: Path) -> str:
    """A string's content with msgfmt's other escapes (``\\a``, ``\\x..``, octal) decoded:
    they stand for bytes, which together must be UTF-8, as the catalog's charset says."""
    data, position, first = b"", 0, None
    for escape in _ESCAPE.finditer(content):
        code = escape.group(1)
        data += content[position : escape.start()].encode("utf-8") + _byte(code, number, path)
        first = first or (code if _NUMERIC.fullmatch(code) else None)
        position = escape.end()
    data += content[position:].encode("utf-8")
    try:
        value = data.decode("utf-8")
    except UnicodeDecodeError:
        value = "\0"  # refused just below, naming the first byte escape
    if _UNWRITABLE & set(value):
        raise _bad_escape(first or "0", number, path)
    return "".join(_C_ESCAPES.get(c, c) for c in value)


def _byte(code: str, number: int, path: Path) -> bytes:
    """The byte an escape stands for, or a refusal: an unknown letter, a value over 255."""
    if code in _BYTE_ESCAPES:
        return _BYTE_ESCAPES[code]
    numeric = _NUMERIC.fullmatch(code)
    if numeric:
        value = int(numeric[1], 16) if numeric[1] else int(numeric[2], 8)
        if value <= 0xFF:
            return bytes([value])
    raise _bad_escape(code, number, path)


def _bad_escape(code: str, number: int, path: Path) -> CatalogError:
    return CatalogError(_("malformed PO catalog: bad escape '{escape}' at line {line}").format(
        escape="\\" + code, line=number), path)


def _check_entries(catalog: polib.POFile, path: Path) -> None:
    seen: dict[tuple[str | None, str], int] = {}
    for entry in catalog:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            context = f"msgctxt {entry.msgctxt!r}, " if entry.msgctxt is not None else ""
            raise CatalogError(_(
                "malformed PO catalog: duplicate entry ({entry}) at lines {first} and "
                "{second}").format(entry=f"{context}msgid {entry.msgid!r}", first=seen[key],
                                   second=entry.linenum), path)
        seen[key] = entry.linenum
        if entry.msgid and entry.msgstr:
            for end, message in (
                    (str.startswith, _("malformed PO catalog: msgid and msgstr at line {line} "
                                       "do not both begin with '\\n'")),
                    (str.endswith, _("malformed PO catalog: msgid and msgstr at line {line} do "
                                     "not both end with '\\n'"))):
                if end(entry.msgid, "\n") != end(entry.msgstr, "\n"):
                    raise CatalogError(message.format(line=entry.linenum), path)


def find_catalogs(run_dir: Path) -> list[tuple[str, Path]]:
    """``(language, catalog)`` for every catalog under RUN_DIR/locales (or a locales dir)."""
    run_dir = Path(run_dir)
    if not run_dir.is_dir():
        raise TriglotError(_("no such run directory") if not run_dir.exists()
                           else _("not a directory"), run_dir)
    locales = run_dir / LOCALES if (run_dir / LOCALES).is_dir() else run_dir
    found = [(path.relative_to(locales).parts[0], path)
             for path in sorted(locales.glob("*/LC_MESSAGES/**/*.po"))]
    if not found:
        raise TriglotError(_("no catalogs here (expected locales/<lang>/LC_MESSAGES/*.po; "
                             "write them with 'triglot po export' or 'translate --po')"),
                           run_dir)
    return found
