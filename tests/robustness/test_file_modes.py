"""Files triglot writes get the mode the user's umask asks for, not mkstemp's private 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.test_packages_archive import make_package
from translator.core.atomic import write_bytes_atomic, write_text_atomic
from translator.packages.store import install_archive


@pytest.fixture
def umask():
    """Set the process umask for one test, then put the old one back."""
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    write_text_atomic(tmp_path / "out" / "article.md", "text\n")
    write_bytes_atomic(tmp_path / "out" / "index.json", b"[]")
    assert mode(tmp_path / "out" / "article.md") == expected
    assert mode(tmp_path / "out" / "index.json") == expected


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    path = tmp_path / "shared.md"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    write_text_atomic(path, "new\n")
    assert (path.read_text(encoding="utf-8"), mode(path)) == ("new\n", 0o640)


def test_an_installed_package_follows_the_umask(tmp_path, umask):
    umask(0o022)
    package = install_archive(make_package(tmp_path / "a.argosmodel"))
    assert mode(package.path) == 0o755
    assert mode(package.path / "metadata.json") == 0o644
