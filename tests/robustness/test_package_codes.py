"""Packages whose language codes are not language codes, or translate a language into itself."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import run_cli
from tests.robustness.conftest import listing, one_line
from tests.test_packages_archive import METADATA, make_package
from tests.test_packages_store import argospm_install
from translator.core.errors import PackageRejected
from translator.packages.store import install_archive, installed_packages, package_dir


def codes(src: str, tgt: str) -> dict:
    return {**METADATA, "from_code": src, "to_code": tgt}


@pytest.mark.parametrize(("src", "tgt", "reason"), [
    ("xx", "zz", "'xx' is not a language code"),
    ("en", "qq", "'qq' is not a language code"),
    ("eng", "es", "'eng' is not a language code"),
    ("EN", "es", "'EN' is not a language code"),
    ("en", "en", "from_code and to_code are both 'en'"),
])
def test_refused_in_one_line_and_nothing_installed(tmp_path, src, tgt, reason):
    archive = make_package(tmp_path / "odd.argosmodel", metadata=codes(src, tgt))
    with pytest.raises(PackageRejected) as caught:
        install_archive(archive)
    assert reason in str(caught.value) and "\n" not in str(caught.value)
    assert listing(package_dir()) == []


def test_cli_names_the_bad_code(tmp_path):
    archive = make_package(tmp_path / "xx.argosmodel", metadata=codes("xx", "zz"))
    done = run_cli("models", "install", "--file", str(archive))
    assert done.returncode == 2
    assert "'xx' is not a language code" in one_line(done.stderr)


@pytest.mark.parametrize(("src", "tgt"), [("de", "en"), ("en", "zt"), ("pt_BR", "es")])
def test_packages_for_other_languages_still_install(tmp_path, src, tgt):
    package = install_archive(make_package(tmp_path / "ok.argosmodel", metadata=codes(src, tgt)))
    assert package.pair == (src, tgt)


def test_an_odd_folder_put_there_by_argospm_is_skipped_with_a_warning(tmp_path, caplog):
    directory = package_dir()
    directory.mkdir(parents=True)
    argospm_install(make_package(tmp_path / "a.argosmodel", metadata=codes("en", "en")),
                    directory)
    install_archive(make_package(tmp_path / "b.argosmodel", top="translate-es_en-1_0",
                                 metadata=codes("es", "en")))
    with caplog.at_level(logging.WARNING):
        assert [p.pair for p in installed_packages()] == [("es", "en")]
    assert "both 'en'" in caplog.text


@pytest.mark.parametrize(("pair", "reason"), [(("xx", "zz"), "'xx' is not a language code"),
                                              (("en", "en"), "not en->en")])
def test_install_from_the_index_refuses_the_pair_before_going_online(pair, reason):
    done = run_cli("models", "install", *pair)
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert reason in line and "index" not in line
