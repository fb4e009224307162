"""Check an ``.argosmodel`` file before anything is written: a safe zip holding one Argos package.

An archive may come from anywhere (a colleague's USB stick, a mirror), so
every entry name is checked before extraction instead of trusting
``ZipFile.extractall``: no path traversal, absolute paths, drive letters,
backslashes, symlinks or other special files, duplicates, encryption, and no
zip bomb. Only the central directory and ``metadata.json`` are read here;
corrupt compressed data is caught when ``store`` extracts the files.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translator.core.errors import PackageRejected
from translator.core.i18n import _
from translator.packages.layout import (
    MAX_METADATA_BYTES,
    METADATA,
    MODEL_BIN,
    TOKENIZERS,
    parse_metadata,
    text_field,
)

DEFAULT_MAX_TOTAL_BYTES = 2 * 1024**3  # the largest Argos packages are a few hundred MB
DEFAULT_MAX_RATIO = 200.0  # models and vocabularies compress far less than this
RATIO_MIN_BYTES = 1024 * 1024  # tiny files may compress well; only big ones are ratio-checked
# The whole archive, too: many entries just under RATIO_MIN_BYTES must not add up to a bomb.
# Real packages (weights, tokenizer, vocabulary) unpack to under 3 times their archive size.
MAX_TOTAL_RATIO = 20.0
TOTAL_RATIO_FLOOR = 64 * 1024 * 1024  # a tiny archive may still unpack to this much
MAX_ENTRIES = 20_000
SUPPORTED_COMPRESSION = {
    zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA,
}
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Member:
    """One zip entry and where it goes, relative to the package folder (``()`` is the folder)."""

    info: zipfile.ZipInfo
    relative: tuple[str, ...]
    is_dir: bool


@dataclass(frozen=True)
class ArchiveInfo:
    """What a verified archive holds."""

    path: Path
    top_folder: str
    metadata: dict[str, Any]
    from_code: str
    to_code: str
    package_version: str
    tokenizer: str  # "sentencepiece" or "bpe"
    uncompressed_bytes: int
    members: tuple[Member, ...]


def verify_archive(path: Path | str, *, max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES,
                   max_ratio: float = DEFAULT_MAX_RATIO) -> ArchiveInfo:
    """Check ``path`` is a safe, complete Argos package; raise ``PackageRejected`` if not."""
    path = Path(path)
    with open_archive(path) as archive:
        return inspect_archive(archive, path, max_total_bytes=max_total_bytes, max_ratio=max_ratio)


def open_archive(path: Path) -> zipfile.ZipFile:
    """Open ``path`` as a zip, turning every way that can fail into a one-line refusal."""
    if not path.exists():
        raise PackageRejected(_("file not found"), path)
    if path.is_dir():
        raise PackageRejected(_("is a directory, not an .argosmodel file"), path)
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise PackageRejected(
            _("not a zip archive (corrupt or truncated .argosmodel?)"), path
        ) from None
    except (zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise PackageRejected(
            _("unreadable zip archive: {reason}").format(reason=exc), path
        ) from None
    except OSError as exc:
        raise PackageRejected(
            _("cannot read the file: {reason}").format(reason=exc.strerror or exc), path
        ) from None


def inspect_archive(archive: zipfile.ZipFile, path: Path, *,
                    max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES,
                    max_ratio: float = DEFAULT_MAX_RATIO) -> ArchiveInfo:
    """Verify an open archive; ``store`` extracts from the same handle it checked."""
    infos = archive.infolist()
    if not infos:
        raise PackageRejected(_("the zip archive is empty"), path)
    if len(infos) > MAX_ENTRIES:
        raise PackageRejected(
            _("too many entries ({count} > {limit})").format(count=len(infos), limit=MAX_ENTRIES),
            path,
        )

    members: list[Member] = []
    seen: dict[str, str] = {}
    total = 0
    archive_bytes = _archive_size(path, infos)
    max_expansion = max(MAX_TOTAL_RATIO * archive_bytes, TOTAL_RATIO_FLOOR)
    for info in infos:
        parts, is_dir = _entry_parts(info, path)
        _check_entry_kind(info, is_dir, path)
        key = "/".join(parts).casefold()
        if key in seen:
            raise PackageRejected(
                _("duplicate entry '{filename}' (also '{other}')").format(
                    filename=info.filename, other=seen[key]
                ),
                path,
            )
        seen[key] = info.filename
        total += info.file_size
        if total > max_total_bytes:
            raise PackageRejected(
                _("unpacks to more than {limit} bytes (zip bomb?)").format(limit=max_total_bytes),
                path,
            )
        if (info.file_size >= RATIO_MIN_BYTES
                and info.file_size > max_ratio * max(info.compress_size, 1)):
            raise PackageRejected(
                _("entry '{filename}' compresses more than {max_ratio:g}:1 (zip bomb?)").format(
                    filename=info.filename, max_ratio=max_ratio
                ),
                path,
            )
        if total > max_expansion:
            raise PackageRejected(
                _(
                    "its {count} entries unpack to more than {unpacked_mib:.0f} MiB from a "
                    "{archive_mib:.1f} MiB archive, more than {ratio:g}:1 overall (zip bomb?)"
                ).format(
                    count=len(infos),
                    unpacked_mib=max_expansion / 2**20,
                    archive_mib=archive_bytes / 2**20,
                    ratio=MAX_TOTAL_RATIO,
                ),
                path,
            )
        members.append(Member(info, parts[1:], is_dir))

    top = _single_top_folder(members, infos, path)
    _check_no_file_folder_clash(members, path)
    files = {"/".join(m.relative): m for m in members if not m.is_dir}
    metadata = _read_metadata(archive, files.get(METADATA), top, path)
    if MODEL_BIN not in files:
        raise PackageRejected(
            _("no CTranslate2 model: '{top}/{file}' is missing").format(top=top, file=MODEL_BIN),
            path,
        )
    tokenizer = next((kind for kind, name in TOKENIZERS if name in files), None)
    if tokenizer is None:
        first, second = (name for _kind, name in TOKENIZERS)
        raise PackageRejected(
            _("no tokenizer model: '{top}/{first}' or '{top}/{second}' is missing").format(
                top=top, first=first, second=second
            ),
            path,
        )
    return ArchiveInfo(
        path=path, top_folder=top, metadata=metadata,
        from_code=metadata["from_code"], to_code=metadata["to_code"],
        package_version=text_field(metadata, "package_version"), tokenizer=tokenizer,
        uncompressed_bytes=total, members=tuple(members),
    )


def _archive_size(path: Path, infos: list[zipfile.ZipInfo]) -> int:
    """The archive's size on disk (the compressed sizes its directory declares, if unreadable)."""
    try:
        return path.stat().st_size
    except OSError:
        return sum(info.compress_size for info in infos)


def _entry_parts(info: zipfile.ZipInfo, path: Path) -> tuple[tuple[str, ...], bool]:
    """Split an entry name into safe path components; refuse anything that could escape."""
    name = info.filename
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)
    if not name:
        raise PackageRejected(_("entry with an empty name"), path)
    if "\\" in name:
        raise PackageRejected(
            _("unsafe entry '{shown}': backslash in the name").format(shown=shown), path
        )
    if name.startswith("/"):
        raise PackageRejected(_("unsafe entry '{shown}': absolute path").format(shown=shown), path)
    if _DRIVE.match(name) or ":" in name:
        raise PackageRejected(
            _("unsafe entry '{shown}': drive letter or ':' in the name").format(shown=shown), path
        )
    if _CONTROL.search(name):
        raise PackageRejected(
            _("unsafe entry '{shown}': control character in the name").format(shown=shown), path
        )
    is_dir = name.endswith("/")
    parts = tuple(name[:-1].split("/") if is_dir else name.split("/"))
    if ".." in parts:
        raise PackageRejected(
            _("unsafe entry '{shown}': '..' component (path traversal)").format(shown=shown), path
        )
    if any(part in ("", ".") for part in parts):
        raise PackageRejected(
            _("unsafe entry '{shown}': empty or '.' path component").format(shown=shown), path
        )
    return parts, is_dir


def _check_entry_kind(info: zipfile.ZipInfo, is_dir: bool, path: Path) -> None:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if stat.S_ISLNK(mode):
        raise PackageRejected(
            _("entry '{filename}' is a symbolic link").format(filename=info.filename), path
        )
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise PackageRejected(
            _("entry '{filename}' is a special file (mode {mode:o})").format(
                filename=info.filename, mode=mode
            ),
            path,
        )
    if info.flag_bits & 0x1:
        raise PackageRejected(
            _("entry '{filename}' is encrypted").format(filename=info.filename), path
        )
    if info.compress_type not in SUPPORTED_COMPRESSION:
        raise PackageRejected(
            _("entry '{filename}' uses unsupported compression method {compress_type}").format(
                filename=info.filename, compress_type=info.compress_type
            ),
            path,
        )
    if is_dir and info.file_size:
        raise PackageRejected(
            _("folder entry '{filename}' has data").format(filename=info.filename), path
        )


def _single_top_folder(members: list[Member], infos: list[zipfile.ZipInfo], path: Path) -> str:
    tops = sorted({info.filename.split("/", 1)[0] for info in infos})
    if len(tops) != 1:
        shown = ", ".join(f"'{t}'" for t in tops[:5])
        raise PackageRejected(
            _("must hold exactly one top folder, found {count}: {shown}").format(
                count=len(tops), shown=shown
            ),
            path,
        )
    top = tops[0]
    for member in members:
        if not member.relative and not member.is_dir:
            raise PackageRejected(
                _("must hold one top folder, but '{filename}' is a file at the top").format(
                    filename=member.info.filename
                ),
                path,
            )
    if top.startswith("."):
        raise PackageRejected(_("the top folder '{top}' is a hidden name").format(top=top), path)
    return top


def _check_no_file_folder_clash(members: list[Member], path: Path) -> None:
    files = {"/".join(m.relative).casefold() for m in members if not m.is_dir}
    for member in members:
        for depth in range(1, len(member.relative)):
            parent = "/".join(member.relative[:depth]).casefold()
            if parent in files:
                raise PackageRejected(
                    _("entry '{filename}' is inside a path that is also a file").format(
                        filename=member.info.filename
                    ),
                    path,
                )


def _read_metadata(archive: zipfile.ZipFile, member: Member | None, top: str,
                   path: Path) -> dict[str, Any]:
    if member is None:
        raise PackageRejected(_("'{top}/{file}' is missing").format(top=top, file=METADATA), path)
    if member.info.file_size > MAX_METADATA_BYTES:
        raise PackageRejected(
            _("{file} is larger than {limit} bytes").format(
                file=METADATA, limit=MAX_METADATA_BYTES
            ),
            path,
        )
    try:
        raw = archive.read(member.info)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise PackageRejected(
            _("cannot read {file}: {reason}").format(file=METADATA, reason=exc), path
        ) from None
    return parse_metadata(raw, str(path))
