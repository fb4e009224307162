"""Reading article files: what is accepted, and what each bad input is told."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.core.errors import InputError
from translator.ingest import SUPPORTED_EXTENSIONS, collect_inputs, load_document, read_text


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_text(path)
    message = str(info.value)
    assert message.startswith(str(path)), "the message must name the file"
    return message


def test_reads_utf8_text_exactly(tmp_path):
    data = "Первая строка\r\nSecond line  \nÚltima".encode()
    assert read_text(write(tmp_path / "a.txt", data)) == data.decode()


def test_keeps_the_bom(tmp_path):
    path = write(tmp_path / "a.md", b"\xef\xbb\xbf# Title\n")
    assert read_text(path) == "\ufeff# Title\n"


def test_missing_file(tmp_path):
    assert "no such file" in error_of(tmp_path / "absent.txt")


def test_directory_instead_of_file(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "directory" in error_of(folder)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf\n\n"])
def test_empty_file(tmp_path, data):
    assert "empty" in error_of(write(tmp_path / "a.txt", data))


def test_binary_file_with_nul_bytes(tmp_path):
    message = error_of(write(tmp_path / "a.txt", b"PK\x03\x04\x00\x00abc"))
    assert "binary" in message


def test_binary_file_of_control_characters(tmp_path):
    data = bytes(range(1, 9)) * 50 + b"some text"
    assert "binary" in error_of(write(tmp_path / "a.txt", data))


def test_invalid_utf8_says_where(tmp_path):
    # "caf\xe9" is Latin-1: the bad byte is on line 2, column 4.
    message = error_of(write(tmp_path / "a.txt", "первая\n".encode() + b"caf\xe9 au lait\n"))
    assert "invalid UTF-8" in message
    assert "line 2, column 4" in message
    assert "0xe9" in message


def test_invalid_utf8_column_counts_characters(tmp_path):
    message = error_of(write(tmp_path / "a.txt", "ёжик ".encode() + b"\xff"))
    assert "line 1, column 6" in message


@pytest.mark.parametrize("name", ["report.pdf", "notes.docx", "README"])
def test_unsupported_extension(tmp_path, name):
    message = error_of(write(tmp_path / name, b"text"))
    assert "unsupported file type" in message
    assert ".txt" in message  # says what is supported


def test_extension_is_case_insensitive(tmp_path):
    assert read_text(write(tmp_path / "PAGE.HTM", b"<p>Hello</p>")) == "<p>Hello</p>"


def test_html_in_another_charset_is_refused(tmp_path):
    page = b'<html><head><meta charset="windows-1251"></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>'
    message = error_of(write(tmp_path / "a.html", page))
    assert "windows-1251" in message
    assert "UTF-8" in message


def test_html_declared_utf8_is_read(tmp_path):
    page = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>Привет</p>'
    assert read_text(write(tmp_path / "a.html", page.encode())) == page


def test_supported_extensions_cover_the_three_formats():
    assert {".txt", ".md", ".html", ".htm"} <= set(SUPPORTED_EXTENSIONS)


# ---------------------------------------------------------------- collecting inputs


def test_collect_expands_directories_sorted_and_skips_hidden(tmp_path):
    root = tmp_path / "in"
    for name in ["b.md", "a.txt", "sub/c.html", ".hidden.txt", ".git/d.txt", "sub/.e.md"]:
        write(root / name, b"Text")
    write(root / "photo.jpg", b"\xff\xd8")
    found, warnings = collect_inputs([root])
    assert [(f.relative_to(root).as_posix(), r) for f, r in found] == [
        ("a.txt", root), ("b.md", root), ("sub/c.html", root),
    ]
    assert len(warnings) == 1 and "photo.jpg" in warnings[0]


def test_collect_named_file_has_its_folder_as_root(tmp_path):
    path = write(tmp_path / "x" / "a.txt", b"Text")
    assert collect_inputs([path]) == ([(path, path.parent)], [])


def test_collect_lists_a_file_once(tmp_path):
    path = write(tmp_path / "a.txt", b"Text")
    found, _ = collect_inputs([path, tmp_path])
    assert [f for f, _ in found] == [path]


def test_collect_refuses_named_unsupported_file(tmp_path):
    with pytest.raises(InputError, match=r"unsupported file type \.pdf"):
        collect_inputs([write(tmp_path / "a.pdf", b"%PDF")])


def test_collect_refuses_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        collect_inputs([tmp_path / "nope"])


def test_collect_warns_about_directory_without_articles(tmp_path):
    write(tmp_path / "d" / "a.csv", b"x,y")
    found, warnings = collect_inputs([tmp_path / "d"])
    assert found == []
    assert any("no .txt, .md or .html" in w for w in warnings)


def test_load_document_dispatches_and_keeps_relpath(tmp_path):
    root = tmp_path / "in"
    path = write(root / "news" / "a.md", "# Заголовок\n\nТекст статьи.\n".encode())
    doc = load_document(path, root)
    assert doc.format == "md"
    assert doc.relpath == Path("news/a.md")
    assert [u.ref for u in doc.units] == ["h1", "p1"]


def test_load_document_reports_bad_input(tmp_path):
    with pytest.raises(InputError, match="empty"):
        load_document(write(tmp_path / "a.html", b"   "), tmp_path)
