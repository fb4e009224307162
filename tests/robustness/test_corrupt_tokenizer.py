"""A package whose tokenizer or model config cannot be loaded is refused at install."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.robustness.conftest import listing, one_line, real_package_entries
from tests.test_packages_archive import package_files, write_zip
from translator.core.errors import ModelError, PackageRejected
from translator.packages.store import install_archive, package_dir

TOP = "triglot-test-en_es"


def broken(tmp_path, name: str, data: bytes):
    entries = real_package_entries()
    entries[f"{TOP}/{name}"] = data
    return write_zip(tmp_path / "broken.argosmodel", entries)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("sentencepiece.model", b"\x0a\x07garbage" * 100, "not a SentencePiece model"),
    ("sentencepiece.model", b"", "not a SentencePiece model"),
    ("model/config.json", b"{\"add_source_bos\": fal", "config.json is not valid JSON"),
    ("model/config.json", b"[1, 2]", "config.json must hold a JSON object"),
])
def test_real_package_with_a_broken_part_is_refused(tmp_path, name, data, reason):
    with pytest.raises(PackageRejected) as caught:
        install_archive(broken(tmp_path, name, data))
    assert reason in str(caught.value) and "\n" not in str(caught.value)
    assert listing(package_dir()) == []


@pytest.mark.parametrize(("codes", "reason"), [
    (b"not really a tokenizer model", "bpe.model line 1: not a BPE merge"),
    (b"#version: 0.2\nh e\n\n", "bpe.model line 3: not a BPE merge"),
    (b"\xff\xfe", "bpe.model is not UTF-8"),
])
def test_garbage_bpe_codes_are_refused(tmp_path, codes, reason):
    """Argos's own BPE reader would call sys.exit(1) on these, mid-run."""
    files = package_files(tokenizer="bpe.model")
    files[next(name for name in files if name.endswith("bpe.model"))] = codes
    with pytest.raises(PackageRejected) as caught:
        install_archive(write_zip(tmp_path / "bpe.argosmodel", files))
    assert reason in str(caught.value)
    assert listing(package_dir()) == []


def test_cli_refuses_it_in_one_line(tmp_path):
    archive = broken(tmp_path, "sentencepiece.model", b"\x00garbage")
    done = run_cli("models", "install", "--file", str(archive))
    assert done.returncode == 2
    assert "sentencepiece.model is not a SentencePiece model" in one_line(done.stderr)


def test_an_already_installed_broken_tokenizer_is_one_clear_error(tmp_path):
    """Unzipped by argospm, so never verified: translate must still not crash."""
    from tests.test_packages_store import argospm_install
    from translator.engines.argos import ArgosEngine
    from translator.engines.base import DecodingOptions, LoadOptions

    package_dir().mkdir(parents=True)
    argospm_install(broken(tmp_path, "sentencepiece.model", b"\x00garbage"), package_dir())
    with pytest.raises(ModelError) as caught:
        ArgosEngine().load("en", "es", LoadOptions(), DecodingOptions())
    assert "cannot load sentencepiece.model" in str(caught.value)
