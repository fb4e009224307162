"""Installing, listing and removing packages in Argos's package dir, the way argospm sees them."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.test_packages_archive import (
    BAD_ARCHIVES,
    TOP,
    make_package,
    package_files,
    write_zip,
)
from translator.core.errors import ModelError, PackageRejected
from translator.packages import paths
from translator.packages.store import (
    find_package,
    install_archive,
    installed_packages,
    package_dir,
    remove_package,
)


@pytest.fixture
def pkg_dir() -> Path:
    directory = package_dir()
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def listing(directory: Path) -> list[str]:
    """Everything in the dir, hidden names included, so leftovers cannot hide."""
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*"))


def argospm_install(archive: Path, directory: Path) -> None:
    """What argostranslate.package.install_from_path does (minus its torch import)."""
    with zipfile.ZipFile(archive) as handle:
        handle.extractall(directory)


def meta(src: str = "ru", tgt: str = "en", version: str = "1.0") -> dict:
    return {"package_version": version, "argos_version": "1.0", "from_code": src, "to_code": tgt}


def test_package_dir_follows_argos_packages_dir_at_call_time(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "elsewhere"))
    assert package_dir() == tmp_path / "elsewhere"


def test_paths_agree_with_argostranslate_settings(tmp_path):
    """Same rules as argostranslate.settings, so argospm and triglot share packages and index."""
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(tmp_path / "p"),
               ARGOS_PACKAGE_INDEX="http://mirror.example/argos/",
               XDG_DATA_HOME=str(tmp_path / "data"))
    code = ("import json\nfrom argostranslate import settings\n"
            "from translator.packages import paths\n"
            "print(json.dumps([[str(settings.package_data_dir), str(paths.package_data_dir())],"
            "[settings.remote_package_index, paths.remote_index_url()],"
            "[str(settings.local_package_index), str(paths.local_index_path())]]))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parent.parent).stdout
    for argos_value, ours in json.loads(out):
        assert argos_value == ours


def test_settings_json_is_honoured_when_the_environment_is_silent(tmp_path, monkeypatch):
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    assert package_dir() == tmp_path / "from-settings"


def test_install_lists_and_loads_with_argostranslate(tmp_path, pkg_dir):
    from argostranslate.package import Package, get_installed_packages

    package = install_archive(make_package(tmp_path / "ru_en.argosmodel"))
    assert package.path == pkg_dir / TOP
    assert (package.pair, package.package_version, package.tokenizer_kind) == (
        ("ru", "en"), "1.0", "sentencepiece")
    assert package.tokenizer_path == pkg_dir / TOP / "sentencepiece.model"
    assert package.size_bytes == sum(len(v) for v in package_files().values())
    assert installed_packages() == [package]
    assert find_package("ru", "en") == package
    assert find_package("en", "ru") is None
    argos = Package(package.path)
    assert (argos.from_code, argos.to_code) == ("ru", "en")
    # argospm's own listing must not trip over anything triglot left in the dir
    assert [p.package_path for p in get_installed_packages([pkg_dir])] == [pkg_dir / TOP]


def test_package_unzipped_by_argospm_is_found(tmp_path, pkg_dir):
    argospm_install(make_package(tmp_path / "a.argosmodel"), pkg_dir)
    found = find_package("ru", "en")
    assert found is not None and found.path == pkg_dir / TOP


@pytest.mark.parametrize("builder", [case[1] for case in BAD_ARCHIVES],
                         ids=[case[0] for case in BAD_ARCHIVES])
def test_refused_install_leaves_nothing_behind(tmp_path, pkg_dir, builder):
    archive = builder(tmp_path / "bad.argosmodel")
    with pytest.raises(PackageRejected):
        install_archive(archive)
    assert listing(pkg_dir) == []


def test_bomb_refused_with_low_limit_leaves_nothing(tmp_path, pkg_dir):
    entries = package_files()
    entries[f"{TOP}/model/big.bin"] = b"z" * (2 * 1024 * 1024)
    archive = write_zip(tmp_path / "bomb.argosmodel", entries)
    with pytest.raises(PackageRejected, match="zip bomb"):
        install_archive(archive, max_total_bytes=1024 * 1024, max_ratio=10**9)
    assert listing(pkg_dir) == []


def corrupt_model_data(path: Path) -> Path:
    """Flip a byte inside model.bin's stored data: the directory is fine, the CRC is not."""
    write_zip(path, package_files(), zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    marker = b"not really weights"
    at = data.find(marker)
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def test_damaged_data_fails_during_extraction_and_keeps_the_old_install(tmp_path, pkg_dir):
    old = install_archive(make_package(tmp_path / "old.argosmodel"))
    before = listing(pkg_dir)
    with pytest.raises(PackageRejected, match="damaged data in entry"):
        install_archive(corrupt_model_data(tmp_path / "damaged.argosmodel"))
    assert listing(pkg_dir) == before
    assert find_package("ru", "en") == old


def test_failure_after_extraction_leaves_nothing(tmp_path, pkg_dir, monkeypatch):
    from translator.packages import store

    def fail(staging, final):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "_move_into_place", fail)
    with pytest.raises(ModelError, match="No space left on device"):
        install_archive(make_package(tmp_path / "a.argosmodel"))
    assert listing(pkg_dir) == []


def test_reinstall_replaces_the_same_folder(tmp_path, pkg_dir):
    install_archive(make_package(tmp_path / "v1.argosmodel"))
    new = install_archive(make_package(tmp_path / "v2.argosmodel", metadata=meta(version="1.1")))
    assert [p.package_version for p in installed_packages()] == ["1.1"]
    assert new.path == pkg_dir / TOP
    assert [p.name for p in pkg_dir.iterdir()] == [TOP]


def test_new_version_in_another_folder_replaces_the_old_pair(tmp_path, pkg_dir):
    install_archive(make_package(tmp_path / "v1.argosmodel"))
    new = install_archive(make_package(tmp_path / "v19.argosmodel", top="translate-ru_en-1_9",
                                       metadata=meta(version="1.9")))
    assert installed_packages() == [new]
    assert [p.name for p in pkg_dir.iterdir()] == ["translate-ru_en-1_9"]


def test_other_pairs_are_untouched_by_an_install(tmp_path, pkg_dir):
    es = install_archive(make_package(tmp_path / "es.argosmodel", top="translate-es_en-1_0",
                                      metadata=meta("es", "en")))
    install_archive(make_package(tmp_path / "ru.argosmodel"))
    assert {p.pair for p in installed_packages()} == {("es", "en"), ("ru", "en")}
    assert find_package("es", "en") == es


def test_folder_name_clash_with_another_pair_is_refused(tmp_path, pkg_dir):
    install_archive(make_package(tmp_path / "ru.argosmodel"))
    before = listing(pkg_dir)
    impostor = make_package(tmp_path / "x.argosmodel", metadata=meta("en", "es"))
    with pytest.raises(ModelError, match="already holds the ru->en package"):
        install_archive(impostor)
    assert listing(pkg_dir) == before


def test_newest_version_wins_by_version_order_not_text(tmp_path, pkg_dir):
    for version in ("1.9", "1.10", "1.2"):
        argospm_install(make_package(tmp_path / f"{version}.argosmodel",
                                     top=f"translate-ru_en-{version}",
                                     metadata=meta(version=version)), pkg_dir)
    assert find_package("ru", "en").package_version == "1.10"
    assert [p.package_version for p in installed_packages()] == ["1.10", "1.9", "1.2"]


def test_broken_folders_are_skipped_with_a_warning(tmp_path, pkg_dir, caplog):
    argospm_install(make_package(tmp_path / "ok.argosmodel"), pkg_dir)
    (pkg_dir / "no-metadata").mkdir()
    (pkg_dir / "bad-json").mkdir()
    (pkg_dir / "bad-json" / "metadata.json").write_text("{oops")
    (pkg_dir / "stray-file.txt").write_text("not a package")
    with caplog.at_level(logging.WARNING):
        packages = installed_packages()
    assert [p.path.name for p in packages] == [TOP]
    warned = " ".join(r.getMessage() for r in caplog.records)
    assert "no-metadata" in warned and "bad-json" in warned
    messages: list[str] = []
    installed_packages(warn=messages.append)
    assert len(messages) == 2


def test_stale_leftovers_of_an_interrupted_install_are_swept(tmp_path, pkg_dir):
    stale = pkg_dir / ".triglot-staging-abc"
    (stale / "model").mkdir(parents=True)
    fresh = pkg_dir / ".triglot-staging-def"
    fresh.mkdir()
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    assert installed_packages() == []  # hidden leftovers are never packages
    install_archive(make_package(tmp_path / "a.argosmodel"))
    assert not stale.exists()
    assert fresh.exists()  # may belong to an install running right now


def test_remove_deletes_the_folder_and_then_reports_not_installed(tmp_path, pkg_dir):
    install_archive(make_package(tmp_path / "a.argosmodel"))
    removed = remove_package("ru", "en")
    assert [p.path.name for p in removed] == [TOP]
    assert listing(pkg_dir) == []
    with pytest.raises(ModelError, match="no package installed for ru->en"):
        remove_package("ru", "en")


def test_remove_leaves_other_pairs(tmp_path, pkg_dir):
    install_archive(make_package(tmp_path / "a.argosmodel"))
    install_archive(make_package(tmp_path / "b.argosmodel", top="translate-en_es-1_0",
                                 metadata=meta("en", "es")))
    remove_package("ru", "en")
    assert [p.pair for p in installed_packages()] == [("en", "es")]


def test_index_paths_follow_the_environment(monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://mirror.example/argos")
    assert paths.remote_index_url() == "http://mirror.example/argos/index.json"
