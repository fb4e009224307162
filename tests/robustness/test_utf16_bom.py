"""UTF-16 (and UTF-32) text with a byte-order mark is read, and written back as UTF-8.

Windows "Unicode" text is UTF-16 with a BOM. It used to be refused as a
"binary file" (its NUL bytes); the BOM names the encoding, so reading it is no
guess. Without a BOM the NUL bytes still mean "binary", and nothing is guessed.
"""

from __future__ import annotations

import codecs

import pytest

from glossary.formats import read_glossary
from glossary.model import GlossaryError
from tests.conftest import TEST_PACKAGES, run_cli
from translator.core.errors import InputError
from translator.core.reading import read_plain_text, read_text
from translator.packages.store import install_archive

TEXT = "Суд в Москве отклонил жалобу.\n\nThe court ruled «today».\n"
ENCODINGS = {"utf-16": "utf-16", "utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be",
             "utf-32": "utf-32"}
BOMS = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32": b""}


def wide(text: str, encoding: str) -> bytes:
    """``text`` encoded with a BOM (the plain codecs add one; -le/-be need it added)."""
    return BOMS[encoding] + text.encode(ENCODINGS[encoding])


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_an_article_with_a_bom_is_read_without_it(tmp_path, encoding, suffix):
    path = tmp_path / f"article{suffix}"
    path.write_bytes(wide(TEXT, encoding))
    assert read_text(path) == TEXT
    assert read_plain_text(path) == TEXT


def test_without_a_bom_it_is_still_binary_and_bad_utf16_is_one_line(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(InputError, match="binary file"):
        read_text(path)
    path.write_bytes(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    with pytest.raises(InputError, match=r"invalid UTF-16 at byte offset 6; save the file as"
                                         r" UTF-8"):
        read_text(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_glossary_csv_with_a_bom_imports(tmp_path, encoding):
    path = tmp_path / "g.csv"
    path.write_bytes(wide("en,ru\ncourt,суд\nlawyer,адвокат\n", encoding))
    found = [sorted((t.lang, t.text) for t in c.terms) for c in read_glossary(path)]
    assert found == [[("en", "court"), ("ru", "суд")], [("en", "lawyer"), ("ru", "адвокат")]]
    path.write_bytes("en,ru\ncourt,суд\n".encode("utf-16-le"))  # no BOM: still refused
    with pytest.raises(GlossaryError, match="binary file"):
        read_glossary(path)


@pytest.mark.slow
def test_translating_a_utf16_article_writes_utf8(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "note.txt").write_bytes(wide("The court ordered the city to stop the cameras.\n",
                                             "utf-16"))
    install_archive(TEST_PACKAGES / "triglot-test-en_es.argosmodel")
    done = run_cli("translate", str(articles), "--from", "en", "--to", "es",
                   "--out", str(tmp_path / "out"), "--no-cache")
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "out" / "es" / "note.txt").read_bytes()
    assert not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert "cámaras" in data.decode("utf-8")
