"""A zip bomb made of many entries, each too small for the per-entry ratio check."""

from __future__ import annotations

import pytest

from tests.conftest import TEST_PACKAGES, run_cli
from tests.robustness.conftest import listing, one_line
from tests.test_packages_archive import TOP, package_files, write_zip
from translator.core.errors import PackageRejected
from translator.packages.archive import verify_archive
from translator.packages.store import install_archive, package_dir

ENTRIES = 300
ENTRY_BYTES = 1024 * 1024 - 1  # just under the size the per-entry ratio check starts at


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    entries = package_files()
    zeros = bytes(ENTRY_BYTES)
    for number in range(ENTRIES):
        entries[f"{TOP}/model/part{number:03d}.bin"] = zeros
    path = write_zip(tmp_path_factory.mktemp("bomb") / "bomb.argosmodel", entries)
    assert path.stat().st_size < 2 * 1024 * 1024  # ~1.8 MB that would unpack to ~300 MB
    return path


def test_many_small_entries_are_refused_as_a_bomb(bomb):
    with pytest.raises(PackageRejected) as caught:
        verify_archive(bomb)
    message = str(caught.value)
    assert message.startswith(str(bomb)) and "zip bomb" in message and "\n" not in message


def test_install_refuses_it_in_one_line_and_writes_nothing(bomb):
    done = run_cli("models", "install", "--file", str(bomb))
    assert done.returncode != 0
    assert "zip bomb" in one_line(done.stderr)
    assert listing(package_dir()) == []
    with pytest.raises(PackageRejected):
        install_archive(bomb)
    assert listing(package_dir()) == []


@pytest.mark.parametrize("archive", sorted(TEST_PACKAGES.glob("*.argosmodel")),
                         ids=lambda p: p.stem)
def test_real_packages_are_far_below_the_whole_archive_bound(archive):
    assert verify_archive(archive).uncompressed_bytes < 3 * archive.stat().st_size
