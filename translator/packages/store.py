"""Installed Argos packages: list, find, install from a verified archive, remove.

Packages live in Argos's own folders (``paths.package_dirs()``), one folder
per package, exactly as ``argospm`` leaves them, so both tools see the same
packages. Installs are staged in a hidden folder inside the package dir and
renamed into place only once complete, so a reader (or ``argospm``) never
sees half a package and a refused install leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translator.core.atomic import current_umask
from translator.core.errors import ModelError, PackageRejected
from translator.core.i18n import _
from translator.packages import paths
from translator.packages.archive import (
    DEFAULT_MAX_RATIO,
    DEFAULT_MAX_TOTAL_BYTES,
    ArchiveInfo,
    inspect_archive,
    open_archive,
)
from translator.packages.contents import check_loadable
from translator.packages.layout import (
    METADATA,
    MODEL_BIN,
    TOKENIZERS,
    parse_metadata,
    text_field,
    version_key,
)

log = logging.getLogger(__name__)

TEMP_PREFIX = ".triglot-"  # staging, old and download leftovers; never listed as packages
LEFTOVER_MAX_AGE = 3600.0  # seconds before an interrupted install's leftovers are swept
COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class InstalledPackage:
    """One installed package folder and the metadata triglot uses."""

    from_code: str
    to_code: str
    package_version: str
    argos_version: str
    path: Path
    size_bytes: int
    target_prefix: str
    tokenizer_kind: str  # "sentencepiece" or "bpe"
    tokenizer_path: Path
    metadata: dict[str, Any] = field(compare=False, repr=False)

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    def to_json(self) -> dict[str, Any]:
        return {
            "from_code": self.from_code, "to_code": self.to_code,
            "package_version": self.package_version, "argos_version": self.argos_version,
            "path": str(self.path), "size_bytes": self.size_bytes,
            "tokenizer": self.tokenizer_kind, "target_prefix": self.target_prefix,
        }


def package_dir() -> Path:
    """The folder packages are installed into (Argos's ``settings.package_data_dir``)."""
    return paths.package_data_dir()


def load_package(folder: Path) -> InstalledPackage:
    """Read an installed package folder; raise ``PackageRejected`` if it is incomplete."""
    meta_path = folder / METADATA
    if not meta_path.is_file():
        raise PackageRejected(_("no {file}").format(file=METADATA), folder)
    try:
        raw = meta_path.read_bytes()
    except OSError as exc:
        raise PackageRejected(
            _("cannot read {file}: {reason}").format(file=METADATA, reason=exc.strerror), folder
        ) from None
    metadata = parse_metadata(raw, str(folder))
    if not (folder / MODEL_BIN).is_file():
        raise PackageRejected(
            _("no CTranslate2 model ({file} is missing)").format(file=MODEL_BIN), folder
        )
    tokenizer = next(((kind, folder / name) for kind, name in TOKENIZERS
                      if (folder / name).is_file()), None)
    if tokenizer is None:
        raise PackageRejected(_("no sentencepiece.model or bpe.model"), folder)
    return InstalledPackage(
        from_code=metadata["from_code"], to_code=metadata["to_code"],
        package_version=text_field(metadata, "package_version"),
        argos_version=text_field(metadata, "argos_version"),
        path=folder, size_bytes=_folder_size(folder),
        target_prefix=metadata.get("target_prefix", ""),
        tokenizer_kind=tokenizer[0], tokenizer_path=tokenizer[1], metadata=metadata,
    )


def installed_packages(warn: Callable[[str], None] | None = None) -> list[InstalledPackage]:
    """Every package in Argos's package dirs, newest version first within each pair.

    A broken folder is skipped with a warning (through ``warn``, else logging)
    so one bad package never hides the others.
    """
    found: list[InstalledPackage] = []
    for directory in paths.package_dirs():
        found.extend(_packages_in(directory, warn))
    found.sort(key=lambda p: version_key(p.package_version), reverse=True)
    found.sort(key=lambda p: p.pair)
    return found


def find_package(source: str, target: str) -> InstalledPackage | None:
    """The installed package for ``source``->``target`` with the highest version, if any."""
    return next((p for p in installed_packages() if p.pair == (source, target)), None)


def install_archive(path: Path | str, *, max_total_bytes: int = DEFAULT_MAX_TOTAL_BYTES,
                    max_ratio: float = DEFAULT_MAX_RATIO) -> InstalledPackage:
    """Verify and install an ``.argosmodel`` file; replaces any install of the same pair.

    The old install is removed only after the new one is complete in place.
    On any refusal or failure the package dir is left as it was.
    """
    path = Path(path)
    target_dir = package_dir()
    with open_archive(path) as archive:
        info = inspect_archive(archive, path, max_total_bytes=max_total_bytes,
                               max_ratio=max_ratio)
        final = target_dir / info.top_folder
        _refuse_folder_clash(final, info)
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            _sweep_leftovers(target_dir)
            staging = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}staging-", dir=target_dir))
        except OSError as exc:
            raise ModelError(
                _("cannot write to the package dir: {reason}").format(reason=exc.strerror),
                target_dir,
            ) from None
        try:
            os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp's 0700 is not argospm's
            _extract(archive, info, staging)
            _check_extracted(staging, info)
            older = [p.path for p in _packages_in(target_dir, _ignore)
                     if p.pair == (info.from_code, info.to_code) and p.path != final]
            _move_into_place(staging, final)
        except OSError as exc:
            raise ModelError(
                _("cannot install into {target_dir}: {reason}").format(
                    target_dir=target_dir, reason=exc.strerror or exc
                ),
                path,
            ) from None
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    for folder in older:
        _discard(folder)
    return load_package(final)


def remove_package(source: str, target: str) -> list[InstalledPackage]:
    """Remove every installed ``source``->``target`` package in the writable package dir."""
    matches = [p for p in installed_packages() if p.pair == (source, target)]
    if not matches:
        raise ModelError(
            _("no package installed for {source}->{target}").format(source=source, target=target)
        )
    writable = package_dir()
    removable = [p for p in matches if p.path.parent == writable]
    if not removable:
        raise ModelError(
            _("the {source}->{target} package is in a read-only folder, not in {writable}").format(
                source=source, target=target, writable=writable
            ),
            matches[0].path,
        )
    for package in removable:
        try:
            _discard(package.path)
        except OSError as exc:
            raise ModelError(
                _("cannot remove the package: {reason}").format(reason=exc.strerror or exc),
                package.path,
            ) from None
    return removable


def _packages_in(directory: Path, warn: Callable[[str], None] | None) -> list[InstalledPackage]:
    try:
        children = sorted(directory.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        _warn(
            warn,
            _("cannot read the package dir {directory}: {reason}").format(
                directory=directory, reason=exc.strerror
            ),
        )
        return []
    found = []
    for child in children:
        if child.name.startswith(".") or not child.is_dir():
            continue
        try:
            found.append(load_package(child))
        except PackageRejected as exc:
            _warn(warn, _("skipping broken package folder {problem}").format(problem=exc))
        except OSError as exc:
            _warn(
                warn,
                _("skipping unreadable package folder {child}: {reason}").format(
                    child=child, reason=exc.strerror
                ),
            )
    return found


def _warn(warn: Callable[[str], None] | None, message: str) -> None:
    if warn is None:
        log.warning(message)
    else:
        warn(message)


def _ignore(message: str) -> None:
    """Broken folders were already reported, or will be, by a listing."""


def _folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def _refuse_folder_clash(final: Path, info: ArchiveInfo) -> None:
    """Never let an install silently replace a *different* pair that uses the same folder name."""
    if not final.is_dir():
        return
    try:
        existing = load_package(final)
    except (PackageRejected, OSError):
        return  # a broken folder of the same name is replaced
    if existing.pair != (info.from_code, info.to_code):
        raise ModelError(
            _(
                "folder {final} already holds the {from_code}->{to_code} package; remove it first "
                "(triglot models remove {from_code} {to_code})"
            ).format(final=final, from_code=existing.from_code, to_code=existing.to_code),
            info.path,
        )


def _extract(archive: zipfile.ZipFile, info: ArchiveInfo, staging: Path) -> None:
    """Write every checked member under ``staging``, counting bytes rather than trusting headers."""
    root = os.path.realpath(staging)
    budget = info.uncompressed_bytes
    for member in info.members:
        if not member.relative:
            continue
        dest = staging.joinpath(*member.relative)
        if os.path.commonpath([root, os.path.realpath(dest)]) != root:
            raise PackageRejected(
                _("entry '{filename}' escapes the package folder").format(
                    filename=member.info.filename
                ),
                info.path,
            )
        if member.is_dir:
            dest.mkdir(parents=True, exist_ok=True)
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            with archive.open(member.info) as source, open(dest, "xb") as out:
                while chunk := source.read(COPY_CHUNK):
                    budget -= len(chunk)
                    if budget < 0:
                        raise PackageRejected(
                            _("unpacks to more bytes than its directory declares (zip bomb?)"),
                            info.path)
                    out.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                RuntimeError, ValueError) as exc:
            raise PackageRejected(
                _("damaged data in entry '{filename}': {reason}").format(
                    filename=member.info.filename, reason=exc
                ),
                info.path,
            ) from None


def _check_extracted(staging: Path, info: ArchiveInfo) -> None:
    """Check again on disk what was checked in the zip: the folder must load as a package."""
    try:
        package = load_package(staging)
    except PackageRejected as exc:
        raise PackageRejected(
            _("extracted package is incomplete: {message}").format(message=exc.message), info.path
        ) from None
    if package.pair != (info.from_code, info.to_code):
        raise PackageRejected(_("extracted metadata differs from the archive's"), info.path)
    if package.size_bytes != info.uncompressed_bytes:
        raise PackageRejected(
            _("extracted {size_bytes} bytes, the archive declares {uncompressed_bytes}").format(
                size_bytes=package.size_bytes, uncompressed_bytes=info.uncompressed_bytes
            ),
            info.path,
        )
    check_loadable(staging, package.tokenizer_kind, package.tokenizer_path, info.path)


def _move_into_place(staging: Path, final: Path) -> None:
    """Rename the complete package into place; an existing folder is swapped out, then deleted."""
    if not (final.exists() or final.is_symlink()):
        os.rename(staging, final)
        return
    old = final.with_name(f"{TEMP_PREFIX}old-{uuid.uuid4().hex[:12]}")
    os.rename(final, old)
    try:
        os.rename(staging, final)
    except OSError:
        os.rename(old, final)
        raise
    _delete(old)


def _discard(folder: Path) -> None:
    """Remove a package folder so no reader ever sees it half-deleted."""
    trash = folder.with_name(f"{TEMP_PREFIX}old-{uuid.uuid4().hex[:12]}")
    os.rename(folder, trash)
    _delete(trash)


def _delete(path: Path) -> None:
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _sweep_leftovers(directory: Path) -> None:
    """Delete what an interrupted install left behind (Argos would choke on those folders)."""
    now = time.time()
    for child in directory.iterdir():
        if not child.name.startswith(TEMP_PREFIX):
            continue
        try:
            if now - child.lstat().st_mtime > LEFTOVER_MAX_AGE:
                _delete(child)
        except OSError:
            pass
