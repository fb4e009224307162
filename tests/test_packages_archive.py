"""verify_archive: a valid package passes; an unsafe or incomplete one is refused with a reason."""

from __future__ import annotations

import json
import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from translator.core.errors import PackageRejected
from translator.packages.archive import verify_archive

TOP = "translate-ru_en-1_0"
METADATA = {"package_version": "1.0", "argos_version": "1.0", "from_code": "ru", "to_code": "en"}
_TEST_PACKAGE = Path(__file__).parent / "data" / "packages" / "triglot-test-ru_en.argosmodel"


def _real_sentencepiece_model() -> bytes:
    """Install loads the tokenizer, so the minimal package carries a real (45 KB) one."""
    with zipfile.ZipFile(_TEST_PACKAGE) as archive:
        return archive.read("triglot-test-ru_en/sentencepiece.model")


TOKENIZER_BYTES = {"sentencepiece.model": _real_sentencepiece_model(),
                   "bpe.model": "#version: 0.2\nп р\nh e\nhe llo</w>\n".encode()}


def package_files(top: str = TOP, metadata: dict | None = None,
                  tokenizer: str = "sentencepiece.model") -> dict[str, bytes]:
    """The entries of a minimal package: enough for verification (a real tokenizer),
    not for translation (no real weights)."""
    meta = dict(METADATA if metadata is None else metadata)
    return {
        f"{top}/": b"",
        f"{top}/metadata.json": json.dumps(meta).encode(),
        f"{top}/model/": b"",
        f"{top}/model/model.bin": b"\x00\x01 not really weights " * 50,
        f"{top}/model/shared_vocabulary.txt": "\n".join(["<unk>", "привет", "hello"]).encode(),
        f"{top}/{tokenizer}": TOKENIZER_BYTES.get(tokenizer, b"not really a tokenizer model"),
        f"{top}/README.md": b"A test package.\n",
    }


def write_zip(path: Path, entries: dict[str, bytes] | list[tuple[str, bytes]],
              compression: int = zipfile.ZIP_DEFLATED) -> Path:
    items = entries.items() if isinstance(entries, dict) else entries
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicates we write on purpose
        with zipfile.ZipFile(path, "w", compression) as archive:
            for name, data in items:
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = compression
                info.external_attr = ((stat.S_IFDIR | 0o755) if name.endswith("/")
                                      else (stat.S_IFREG | 0o644)) << 16
                archive.writestr(info, data)
    return path


def make_package(path: Path, **kwargs) -> Path:
    """A minimal valid ``.argosmodel`` file at ``path``."""
    return write_zip(path, package_files(**kwargs))


def _with(extra: dict[str, bytes], drop: tuple[str, ...] = ()) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        entries = {k: v for k, v in package_files().items() if k not in drop}
        entries.update(extra)
        return write_zip(path, entries)
    return build


def _symlink(path: Path) -> Path:
    make_package(path)
    with zipfile.ZipFile(path, "a") as archive:
        info = zipfile.ZipInfo(f"{TOP}/model/link.bin")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    return path


def _duplicate(path: Path) -> Path:
    entries = list(package_files().items())
    entries.append((f"{TOP}/model/model.bin", b"a second model.bin"))
    return write_zip(path, entries)


def _case_duplicate(path: Path) -> Path:
    return _with({f"{TOP}/readme.md": b"lower case twin"})(path)


def _encrypted(path: Path) -> Path:
    """Set the 'encrypted' flag of model.bin in the central directory, as a real tool would."""
    make_package(path)
    data = bytearray(path.read_bytes())
    name = f"{TOP}/model/model.bin".encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_len] == name:
            data[at + 8] |= 0x01
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def _not_zip(path: Path) -> Path:
    path.write_text("this is a text file, not a package\n")
    return path


def _truncated(path: Path) -> Path:
    make_package(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _empty_zip(path: Path) -> Path:
    return write_zip(path, {})


def _two_tops(path: Path) -> Path:
    entries = package_files()
    entries.update({k.replace(TOP, "other", 1): v for k, v in package_files().items()})
    return write_zip(path, entries)


def _file_at_top(path: Path) -> Path:
    return _with({"README.txt": b"loose file"})(path)


def _metadata(value: bytes) -> Callable[[Path], Path]:
    return _with({f"{TOP}/metadata.json": value})


# (id, builder, words the one-line reason must contain)
BAD_ARCHIVES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("traversal", _with({f"{TOP}/../evil.txt": b"x"}), "path traversal"),
    ("traversal-top", _with({"../evil.txt": b"x"}), "path traversal"),
    ("absolute", _with({"/tmp/evil.txt": b"x"}), "absolute path"),
    ("drive-letter", _with({"C:/evil.txt": b"x"}), "drive letter"),
    ("backslash", _with({f"{TOP}\\..\\evil.txt": b"x"}), "backslash"),
    ("symlink", _symlink, "symbolic link"),
    ("duplicate", _duplicate, "duplicate entry"),
    ("duplicate-case", _case_duplicate, "duplicate entry"),
    ("encrypted", _encrypted, "encrypted"),
    ("not-a-zip", _not_zip, "not a zip archive"),
    ("truncated", _truncated, "not a zip archive"),
    ("empty-zip", _empty_zip, "empty"),
    ("two-top-folders", _two_tops, "exactly one top folder"),
    ("file-at-top", _file_at_top, "one top folder"),
    ("hidden-top", lambda p: write_zip(p, package_files(top=".hidden")), "hidden"),
    ("no-metadata", _with({}, drop=(f"{TOP}/metadata.json",)), "metadata.json' is missing"),
    ("no-model", _with({}, drop=(f"{TOP}/model/model.bin",)), "model/model.bin' is missing"),
    ("no-tokenizer", _with({}, drop=(f"{TOP}/sentencepiece.model",)), "no tokenizer"),
    ("bad-json", _metadata(b'{"from_code": "ru", '), "not valid JSON"),
    ("json-list", _metadata(b'["ru", "en"]'), "JSON object"),
    ("numeric-code", _metadata(b'{"from_code": 7, "to_code": "en"}'), "string 'from_code'"),
    ("missing-code", _metadata(b'{"from_code": "ru"}'), "string 'to_code'"),
    ("code-with-slash", _metadata(b'{"from_code": "../ru", "to_code": "en"}'), "invalid"),
    ("ratio-bomb", _with({f"{TOP}/model/big.bin": b"\0" * (8 * 1024 * 1024)}), "zip bomb"),
]


@pytest.mark.parametrize(("builder", "reason"), [case[1:] for case in BAD_ARCHIVES],
                         ids=[case[0] for case in BAD_ARCHIVES])
def test_refused_with_one_line_reason_naming_the_file(tmp_path, builder, reason):
    archive = builder(tmp_path / "bad.argosmodel")
    with pytest.raises(PackageRejected) as caught:
        verify_archive(archive)
    message = str(caught.value)
    assert message.startswith(str(archive))
    assert reason in message
    assert "\n" not in message


def test_valid_package_is_described(tmp_path):
    info = verify_archive(make_package(tmp_path / "ok.argosmodel"))
    assert (info.top_folder, info.from_code, info.to_code) == (TOP, "ru", "en")
    assert info.package_version == "1.0"
    assert info.tokenizer == "sentencepiece"
    assert info.uncompressed_bytes == sum(len(v) for v in package_files().values())


def test_bpe_tokenizer_is_accepted(tmp_path):
    info = verify_archive(make_package(tmp_path / "bpe.argosmodel", tokenizer="bpe.model"))
    assert info.tokenizer == "bpe"


def test_archive_without_folder_entries_is_accepted(tmp_path):
    """Many zip tools write only file entries; the folders are implied."""
    entries = {k: v for k, v in package_files().items() if not k.endswith("/")}
    info = verify_archive(write_zip(tmp_path / "nodirs.argosmodel", entries))
    assert info.top_folder == TOP


def test_stored_entries_are_accepted(tmp_path):
    archive = write_zip(tmp_path / "stored.argosmodel", package_files(), zipfile.ZIP_STORED)
    assert verify_archive(archive).from_code == "ru"


def test_total_size_limit_refuses_a_large_compressible_entry(tmp_path):
    archive = _with({f"{TOP}/model/big.bin": b"a" * (3 * 1024 * 1024)})(tmp_path / "b.argosmodel")
    verify_archive(archive, max_ratio=10**9)  # only the size limit is in play
    with pytest.raises(PackageRejected, match=r"more than 1048576 bytes \(zip bomb\?\)"):
        verify_archive(archive, max_total_bytes=1024 * 1024, max_ratio=10**9)


def test_missing_file_is_refused_by_name(tmp_path):
    missing = tmp_path / "nope.argosmodel"
    with pytest.raises(PackageRejected, match="file not found") as caught:
        verify_archive(missing)
    assert str(missing) in str(caught.value)
