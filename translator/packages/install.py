"""Installing one package, from a file or the Argos index, and saying what it replaced."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from translator.core.errors import PackageRejected
from translator.core.i18n import _
from translator.packages.layout import check_pair
from translator.packages.store import InstalledPackage, find_package, package_dir


@dataclass(frozen=True)
class Installed:
    package: InstalledPackage
    replaced: InstalledPackage | None  # the version it replaced in triglot's package folder


def install_package(pair: tuple[str, str] | None, archive: Path | None,
                    on_download: Callable[[str], None] = lambda url: None) -> Installed:
    """Install ``archive`` (verified first; it must hold ``pair`` when one is given), or
    download the newest ``pair`` package from the index when no archive is given."""
    if pair is not None:
        check_pair(*pair)
    if archive is not None:
        from translator.packages.archive import verify_archive
        from translator.packages.store import install_archive

        info = verify_archive(archive)
        if pair and (info.from_code, info.to_code) != pair:
            raise PackageRejected(
                _("holds the {from_code}->{to_code} package, not {source}->{target}").format(
                    from_code=info.from_code, to_code=info.to_code, source=pair[0], target=pair[1]
                ),
                archive,
            )
        previous = find_package(info.from_code, info.to_code)
        package = install_archive(archive)
    else:
        from translator.packages.index import install_from_index

        if pair is None:
            raise ValueError("install_package needs a pair or an archive")
        previous = find_package(*pair)
        package = install_from_index(*pair, on_download=on_download)
    replaced = previous if previous is not None and previous.path.parent == package_dir() \
        else None
    return Installed(package, replaced)
