"""The Argos package index over HTTP (a local server on 127.0.0.1), downloads and offline errors."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.test_packages_archive import TOP, make_package
from translator.core.errors import ModelError, PackageRejected, TriglotError
from translator.packages import paths
from translator.packages.index import (
    IndexUnavailable,
    available_packages,
    install_from_index,
    update_index,
)
from translator.packages.store import find_package, package_dir

ARCHIVE_NAME = "translate-ru_en-1_0.argosmodel"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = self.server.files.get(self.path)  # type: ignore[attr-defined]
        self.server.hits.append(self.path)  # type: ignore[attr-defined]
        if body is None:
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(files: dict[str, bytes]) -> Iterator[str]:
    """Serve ``files`` (URL path -> body) on 127.0.0.1; yield the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.files = files  # type: ignore[attr-defined]
    server.hits = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def index_entries(base: str, **overrides) -> list[dict]:
    ru_en = {"package_version": "1.0", "argos_version": "1.0", "from_code": "ru",
             "from_name": "Russian", "to_code": "en", "to_name": "English",
             "links": [f"{base}{ARCHIVE_NAME}", "ipfs://QmNotUsed"], "code": "translate-ru_en"}
    ru_en.update(overrides)
    return [
        ru_en,
        {"package_version": "1.9", "argos_version": "1.9.0", "from_code": "en", "to_code": "es",
         "from_name": "English", "to_name": "Spanish", "links": [f"{base}missing.argosmodel"]},
        {"package_version": "1.9", "argos_version": "1.9.0", "from_code": "de", "to_code": "en",
         "from_name": "German", "to_name": "English", "links": [f"{base}de.argosmodel"]},
        {"type": "sbd", "package_version": "1.0", "from_code": "ru", "to_code": "ru"},
        "junk entry",
    ]


@contextmanager
def argos_mirror(tmp_path: Path, monkeypatch, archive: Path | None = None,
                 **overrides) -> Iterator[tuple[str, dict[str, bytes]]]:
    """A local index + package server; ARGOS_PACKAGE_INDEX points at it."""
    files: dict[str, bytes] = {}
    with serve(files) as base:
        archive = archive or make_package(tmp_path / ARCHIVE_NAME)
        files[f"/{ARCHIVE_NAME}"] = archive.read_bytes()
        files["/index.json"] = json.dumps(index_entries(base, **overrides)).encode()
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", base)
        yield base, files


def pkg_listing() -> list[str]:
    directory = package_dir()
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


def test_available_lists_translate_entries_and_caches_the_index(tmp_path, monkeypatch):
    with argos_mirror(tmp_path, monkeypatch) as (_base, files):
        entries = available_packages()
    assert [e.pair for e in entries] == [("de", "en"), ("en", "es"), ("ru", "en")]
    assert paths.local_index_path().read_bytes() == files["/index.json"]


def test_install_from_index_downloads_and_installs(tmp_path, monkeypatch):
    with argos_mirror(tmp_path, monkeypatch):
        seen: list[str] = []
        package = install_from_index("ru", "en", on_download=seen.append)
    assert seen and seen[0].endswith(ARCHIVE_NAME)
    assert find_package("ru", "en") == package
    assert pkg_listing() == [TOP]  # the downloaded temp file is gone


def test_matching_checksum_is_accepted(tmp_path, monkeypatch):
    archive = make_package(tmp_path / ARCHIVE_NAME)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    with argos_mirror(tmp_path, monkeypatch, archive, sha256=digest):
        install_from_index("ru", "en")
    assert pkg_listing() == [TOP]


def test_checksum_mismatch_is_refused_and_leaves_nothing(tmp_path, monkeypatch):
    with argos_mirror(tmp_path, monkeypatch, checksum="sha256:" + "0" * 64), \
            pytest.raises(PackageRejected, match="checksum mismatch"):
        install_from_index("ru", "en")
    assert pkg_listing() == []


def test_package_for_another_pair_is_refused(tmp_path, monkeypatch):
    wrong = make_package(tmp_path / ARCHIVE_NAME, metadata={"from_code": "en", "to_code": "es"})
    with argos_mirror(tmp_path, monkeypatch, wrong), \
            pytest.raises(PackageRejected, match="holds en->es"):
        install_from_index("ru", "en")
    assert pkg_listing() == []


def test_second_link_is_tried_when_the_first_fails(tmp_path, monkeypatch):
    with serve({}) as dead_base, argos_mirror(tmp_path, monkeypatch) as (base, files):
        entries = index_entries(base)
        entries[0]["links"] = [f"{dead_base}gone.argosmodel", f"{base}{ARCHIVE_NAME}"]
        files["/index.json"] = json.dumps(entries).encode()
        install_from_index("ru", "en")
    assert pkg_listing() == [TOP]


def test_http_error_on_the_package_is_one_line_and_leaves_nothing(tmp_path, monkeypatch):
    with argos_mirror(tmp_path, monkeypatch), \
            pytest.raises(IndexUnavailable, match="HTTP 404") as caught:
        install_from_index("en", "es")
    assert "--file" in str(caught.value) and "\n" not in str(caught.value)
    assert pkg_listing() == []


def test_unknown_pair_names_what_the_index_offers(tmp_path, monkeypatch):
    with argos_mirror(tmp_path, monkeypatch), \
            pytest.raises(ModelError, match="no ru->es package; from ru it offers: en"):
        install_from_index("ru", "es")


def test_offline_is_one_clear_line(monkeypatch):
    # conftest points ARGOS_PACKAGE_INDEX at a closed port on 127.0.0.1
    with pytest.raises(IndexUnavailable) as caught:
        available_packages()
    message = str(caught.value)
    assert "cannot reach the Argos package index" in message
    assert "offline?" in message
    assert "triglot models install --file PATH.argosmodel" in message
    assert "\n" not in message
    assert not paths.local_index_path().exists()


def test_bad_index_keeps_the_previous_cached_copy(tmp_path, monkeypatch):
    with argos_mirror(tmp_path, monkeypatch) as (_base, files):
        update_index()
        good = paths.local_index_path().read_bytes()
        files["/index.json"] = b"<html>captive portal</html>"
        with pytest.raises(TriglotError, match="not valid JSON"):
            update_index()
    assert paths.local_index_path().read_bytes() == good


def test_silent_server_times_out_quickly(monkeypatch):
    """A server that accepts but never answers (a captive network) must not hang the command."""
    import socket
    import time

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{silent.getsockname()[1]}/")
        started = time.monotonic()
        with pytest.raises(IndexUnavailable, match=r"timed out; offline\?"):
            update_index(timeout=0.3)
        assert time.monotonic() - started < 5
