"""``triglot models`` through the real CLI: list, available, install, remove."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import TEST_PACKAGES, run_cli
from tests.test_packages_archive import TOP, make_package, package_files, write_zip
from tests.test_packages_index import argos_mirror
from translator.packages.store import package_dir


def pkg_listing() -> list[str]:
    directory = package_dir()
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("triglot: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_list_when_nothing_is_installed_says_how_to_install():
    result = run_cli("models", "list")
    assert result.returncode == 0
    assert "No packages installed" in result.stdout
    assert "triglot models install" in result.stdout
    assert json.loads(run_cli("models", "list", "--json").stdout) == []


def test_install_file_list_remove_round_trip(tmp_path):
    archive = make_package(tmp_path / "translate-ru_en-1_0.argosmodel")
    installed = run_cli("models", "install", "--file", str(archive))
    assert installed.returncode == 0, installed.stderr
    target = package_dir() / TOP
    assert "Installed ru->en version 1.0" in installed.stdout
    assert str(target) in installed.stdout

    table = run_cli("models", "list")
    assert table.returncode == 0
    header, row = table.stdout.strip().splitlines()
    assert header.split() == ["FROM", "TO", "VERSION", "SIZE", "PATH"]
    assert row.split()[:3] == ["ru", "en", "1.0"] and row.endswith(str(target))

    data = json.loads(run_cli("models", "list", "--json").stdout)
    assert [(d["from_code"], d["to_code"], d["path"]) for d in data] == [("ru", "en", str(target))]
    assert data[0]["size_bytes"] == sum(len(v) for v in package_files().values())

    removed = run_cli("models", "remove", "ru", "en")
    assert removed.returncode == 0
    assert "Removed ru->en" in removed.stdout
    assert pkg_listing() == []
    assert_one_line_error(run_cli("models", "remove", "ru", "en"),
                          "no package installed for ru->en")


def test_reinstall_reports_the_replaced_version(tmp_path):
    run_cli("models", "install", "--file", str(make_package(tmp_path / "a.argosmodel")))
    newer = make_package(tmp_path / "b.argosmodel", metadata={
        "package_version": "1.1", "argos_version": "1.0", "from_code": "ru", "to_code": "en"})
    result = run_cli("models", "install", "--file", str(newer))
    assert result.returncode == 0
    assert "Replaced version 1.0" in result.stdout
    assert pkg_listing() == [TOP]


def test_package_unzipped_by_argospm_shows_in_list(tmp_path):
    directory = package_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(make_package(tmp_path / "a.argosmodel")) as archive:
        archive.extractall(directory)
    result = run_cli("models", "list", "--json")
    assert [d["path"] for d in json.loads(result.stdout)] == [str(directory / TOP)]


def test_broken_folder_is_a_warning_not_a_crash(tmp_path):
    directory = package_dir()
    (directory / "half-copied").mkdir(parents=True)
    result = run_cli("models", "list")
    assert result.returncode == 0
    assert "No packages installed" in result.stdout
    assert "triglot: warning: skipping broken package folder" in result.stderr
    assert "half-copied" in result.stderr


def test_unsafe_archive_is_refused_in_one_line_and_installs_nothing(tmp_path):
    entries = package_files()
    entries[f"{TOP}/../../escape.txt"] = b"x"
    archive = write_zip(tmp_path / "evil.argosmodel", entries)
    result = run_cli("models", "install", "--file", str(archive))
    assert_one_line_error(result, str(archive), "path traversal")
    assert pkg_listing() == []
    assert not (package_dir().parent / "escape.txt").exists()


def test_missing_file_is_one_line():
    assert_one_line_error(run_cli("models", "install", "--file", "nowhere.argosmodel"),
                          "nowhere.argosmodel", "file not found")


def test_file_for_another_pair_than_named_is_refused(tmp_path):
    archive = make_package(tmp_path / "a.argosmodel")
    assert_one_line_error(run_cli("models", "install", "es", "en", "--file", str(archive)),
                          "holds the ru->en package, not es->en")
    assert pkg_listing() == []


@pytest.mark.parametrize("args", [["install"], ["install", "ru"]])
def test_install_usage_errors(args):
    result = run_cli("models", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_available_shows_ru_en_es_pairs_by_default(tmp_path, monkeypatch):
    with argos_mirror(tmp_path, monkeypatch):
        default = run_cli("models", "available")
        everything = run_cli("models", "available", "--all")
    assert default.returncode == 0, default.stderr
    pairs = [line.split()[:2] for line in default.stdout.strip().splitlines()[1:]]
    assert pairs == [["en", "es"], ["ru", "en"]]
    assert ["de", "en"] in [line.split()[:2] for line in everything.stdout.splitlines()]


def test_available_json_marks_installed_versions(tmp_path, monkeypatch):
    run_cli("models", "install", "--file", str(make_package(tmp_path / "a.argosmodel")))
    with argos_mirror(tmp_path, monkeypatch):
        result = run_cli("models", "available", "--json")
    data = {(d["from_code"], d["to_code"]): d for d in json.loads(result.stdout)}
    assert data[("ru", "en")]["installed_version"] == "1.0"
    assert data[("en", "es")]["installed_version"] is None


def test_install_pair_from_the_index(tmp_path, monkeypatch):
    with argos_mirror(tmp_path, monkeypatch):
        result = run_cli("models", "install", "RU", "en")
    assert result.returncode == 0, result.stderr
    assert "Downloading http://127.0.0.1:" in result.stderr
    assert "Installed ru->en version 1.0" in result.stdout
    assert pkg_listing() == [TOP]


@pytest.mark.parametrize("args", [["available"], ["install", "ru", "en"]])
def test_offline_is_one_line_with_the_file_hint(args):
    # conftest points ARGOS_PACKAGE_INDEX at a closed port on 127.0.0.1
    result = run_cli("models", *args)
    assert_one_line_error(result, "cannot reach the Argos package index", "offline?",
                          "triglot models install --file PATH.argosmodel")
    assert result.stdout == ""
    assert pkg_listing() == []


REAL_PACKAGES = sorted(TEST_PACKAGES.glob("*.argosmodel"))


@pytest.mark.parametrize("archive", REAL_PACKAGES, ids=[p.name for p in REAL_PACKAGES])
def test_real_package_installs_and_loads_with_argostranslate(archive: Path):
    from argostranslate.package import Package

    result = run_cli("models", "install", "--file", str(archive))
    assert result.returncode == 0, result.stderr
    (installed,) = json.loads(run_cli("models", "list", "--json").stdout)
    argos = Package(Path(installed["path"]))
    assert (argos.from_code, argos.to_code) == (installed["from_code"], installed["to_code"])
    assert argos.tokenizer is not None
