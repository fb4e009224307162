"""The Argos package index: fetch it, read its entries, download and install a package.

This module and ``triglot models install/available`` are the only parts of
triglot that use the network. Every network failure becomes one
``IndexUnavailable`` line that says how to install from a file instead.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import json
import os
import re
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translator.core.atomic import write_bytes_atomic
from translator.core.errors import ModelError, PackageRejected, TriglotError
from translator.core.i18n import N_, _
from translator.packages import paths
from translator.packages.archive import DEFAULT_MAX_TOTAL_BYTES, verify_archive
from translator.packages.layout import text_field, version_key
from translator.packages.store import TEMP_PREFIX, InstalledPackage, install_archive, package_dir

INDEX_TIMEOUT = 10.0  # seconds, for connecting and for the whole index download
DOWNLOAD_TIMEOUT = 30.0  # seconds without progress before a package download gives up
MAX_INDEX_BYTES = 16 * 1024 * 1024
USER_AGENT = "ArgosTranslate"  # what argospm sends; some mirrors refuse unknown agents
OFFLINE_HINT = N_("install from a file with: triglot models install --file PATH.argosmodel")
_SHA256 = re.compile(r"^(?:sha256[:=])?([0-9a-fA-F]{64})$")


class IndexUnavailable(TriglotError):
    """The package index or a package file cannot be downloaded (offline, DNS, HTTP error)."""


@dataclass(frozen=True)
class IndexEntry:
    """One package offered by the index."""

    from_code: str
    to_code: str
    from_name: str
    to_name: str
    package_version: str
    argos_version: str
    links: tuple[str, ...]
    sha256: str | None
    metadata: dict[str, Any] = field(compare=False, repr=False)

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    def to_json(self) -> dict[str, Any]:
        return {
            "from_code": self.from_code, "to_code": self.to_code,
            "from_name": self.from_name, "to_name": self.to_name,
            "package_version": self.package_version, "argos_version": self.argos_version,
            "links": list(self.links), "sha256": self.sha256,
        }


def update_index(timeout: float = INDEX_TIMEOUT) -> list[IndexEntry]:
    """Download the index, keep a copy where Argos keeps it, and return its entries."""
    url = paths.remote_index_url()
    data = _fetch_index_bytes(url, timeout)
    entries = parse_index(data, url)  # never replace a good cached copy with junk
    try:
        write_bytes_atomic(paths.local_index_path(), data)
    except OSError as exc:
        raise TriglotError(_("cannot save the package index: {reason}").format(reason=exc.strerror),
                           paths.local_index_path()) from None
    return entries


def available_packages(timeout: float = INDEX_TIMEOUT) -> list[IndexEntry]:
    """The index's translation packages, freshly downloaded, sorted by pair."""
    return sorted(update_index(timeout), key=lambda e: e.pair)


def parse_index(data: bytes, source: str) -> list[IndexEntry]:
    """Read index.json: a JSON list of package metadata; entries without codes are skipped."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise TriglotError(_("the Argos package index is not valid JSON"), source) from None
    if not isinstance(raw, list):
        raise TriglotError(_("the Argos package index is not a JSON list"), source)
    entries = []
    for item in raw:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        if not (isinstance(item.get("from_code"), str) and isinstance(item.get("to_code"), str)):
            continue
        links = item.get("links") if isinstance(item.get("links"), list) else []
        entries.append(IndexEntry(
            from_code=item["from_code"], to_code=item["to_code"],
            from_name=str(item.get("from_name", "")), to_name=str(item.get("to_name", "")),
            package_version=text_field(item, "package_version"),
            argos_version=text_field(item, "argos_version"),
            links=tuple(link for link in links if isinstance(link, str)),
            sha256=_checksum(item), metadata=item,
        ))
    return entries


def newest_entry(entries: list[IndexEntry], source: str, target: str) -> IndexEntry | None:
    matches = [e for e in entries if e.pair == (source, target)]
    return max(matches, key=lambda e: version_key(e.package_version), default=None)


def install_from_index(source: str, target: str, *, timeout: float = INDEX_TIMEOUT,
                       download_timeout: float = DOWNLOAD_TIMEOUT,
                       on_download: Callable[[str], None] | None = None) -> InstalledPackage:
    """Download the newest ``source``->``target`` package in the index and install it."""
    entries = update_index(timeout)
    entry = newest_entry(entries, source, target)
    if entry is None:
        targets = sorted({e.to_code for e in entries if e.from_code == source})
        message = (_("the Argos package index has no {source}->{target} package; "
                     "from {source} it offers: {targets}") if targets
                   else _("the Argos package index has no {source}->{target} package"))
        raise ModelError(message.format(source=source, target=target, targets=", ".join(targets)))
    directory = package_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelError(
            _("cannot create the package dir: {reason}").format(reason=exc.strerror), directory
        ) from None
    archive, url = download_package(entry, directory, timeout=download_timeout,
                                    on_download=on_download)
    try:
        try:
            info = verify_archive(archive)
            if (info.from_code, info.to_code) != entry.pair:
                raise PackageRejected(
                    _(
                        "the index offers it as {source}->{target}, but it holds "
                        "{from_code}->{to_code}"
                    ).format(
                        source=source, target=target, from_code=info.from_code, to_code=info.to_code
                    ),
                    archive,
                )
            return install_archive(archive)
        except PackageRejected as exc:
            raise PackageRejected(exc.message, url) from None
    finally:
        archive.unlink(missing_ok=True)


def download_package(entry: IndexEntry, directory: Path, *, timeout: float = DOWNLOAD_TIMEOUT,
                     max_bytes: int = DEFAULT_MAX_TOTAL_BYTES,
                     on_download: Callable[[str], None] | None = None) -> tuple[Path, str]:
    """Download ``entry`` into a hidden temp file in ``directory``; return it and its URL.

    Links are tried in order. The file is checked against the index's
    sha256 when the index gives one.
    """
    links = _usable_links(entry.links)
    if not links:
        raise ModelError(
            _("the index gives no http(s) link for {from_code}->{to_code}").format(
                from_code=entry.from_code, to_code=entry.to_code
            )
        )
    failures = []
    for url in links:
        if on_download is not None:
            on_download(url)
        try:
            fd, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}download-", suffix=".argosmodel",
                                        dir=directory)
        except OSError as exc:
            raise ModelError(
                _("cannot write a download: {reason}").format(reason=exc.strerror), directory
            ) from None
        temp = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle:
                digest = _stream(url, handle, temp, timeout, max_bytes)
        except _DownloadFailed as exc:
            temp.unlink(missing_ok=True)
            failures.append(f"{url} ({exc})")
            continue
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        if entry.sha256 and digest != entry.sha256.lower():
            temp.unlink(missing_ok=True)
            raise PackageRejected(
                _("checksum mismatch: sha256 {digest}, the index says {expected}").format(
                    digest=digest, expected=entry.sha256.lower()
                ),
                url,
            )
        return temp, url
    raise IndexUnavailable(
        _(
            "cannot download the {from_code}->{to_code} package from {failures} (offline?); {hint}"
        ).format(
            from_code=entry.from_code,
            to_code=entry.to_code,
            failures="; ".join(failures),
            hint=_(OFFLINE_HINT),
        )
    )


class _DownloadFailed(Exception):
    """A network failure, already described in words for the user."""


def _fetch_index_bytes(url: str, timeout: float) -> bytes:
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    try:
        with _open(url, timeout) as response:
            while chunk := response.read(64 * 1024):
                size += len(chunk)
                if size > MAX_INDEX_BYTES:
                    raise TriglotError(
                        _("the Argos package index is larger than {limit} bytes").format(
                            limit=MAX_INDEX_BYTES
                        ),
                        url,
                    )
                if time.monotonic() > deadline:
                    raise TimeoutError("timed out")
                chunks.append(chunk)
    except _NETWORK_ERRORS as exc:
        if isinstance(exc, urllib.error.HTTPError):
            raise IndexUnavailable(
                _("cannot get the Argos package index from {url} ({reason}); {hint}").format(
                    url=url, reason=_describe(exc), hint=_(OFFLINE_HINT)
                )
            ) from None
        raise IndexUnavailable(
            _("cannot reach the Argos package index at {url} ({reason}; offline?); {hint}").format(
                url=url, reason=_describe(exc), hint=_(OFFLINE_HINT)
            )
        ) from None
    return b"".join(chunks)


def _stream(url: str, out, where: Path, timeout: float, max_bytes: int) -> str:
    """Copy ``url`` into ``out``; return the sha256 of what was written."""
    digest = hashlib.sha256()
    size = 0
    try:
        response = _open(url, timeout)
    except _NETWORK_ERRORS as exc:
        raise _DownloadFailed(_describe(exc)) from None
    with response:
        while True:
            try:
                chunk = response.read(1024 * 1024)
            except _NETWORK_ERRORS as exc:
                raise _DownloadFailed(_describe(exc)) from None
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise _DownloadFailed(_("larger than {limit} bytes").format(limit=max_bytes))
            digest.update(chunk)
            try:
                out.write(chunk)
            except OSError as exc:
                raise ModelError(
                    _("cannot save the download: {reason}").format(reason=exc.strerror), where
                ) from None
    if size == 0:
        raise _DownloadFailed(_("empty response"))
    return digest.hexdigest()


_NETWORK_ERRORS = (urllib.error.URLError, http.client.HTTPException, OSError, ValueError)


def _open(url: str, timeout: float):
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    return urllib.request.urlopen(request, timeout=timeout)


def _describe(exc: BaseException) -> str:
    """A few words for what went wrong on the network."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}".strip()
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    elif isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    if isinstance(exc, socket.gaierror):
        return _("host name not found")
    if isinstance(exc, TimeoutError):
        return _("timed out")
    if isinstance(exc, ConnectionRefusedError):
        return _("connection refused")
    if isinstance(exc, ssl.SSLError):
        return _("TLS error: {reason}").format(reason=exc.reason or exc)
    if isinstance(exc, OSError) and exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return _("network unreachable")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


def _checksum(item: dict[str, Any]) -> str | None:
    for key in ("sha256", "checksum"):
        value = item.get(key)
        if isinstance(value, str) and (match := _SHA256.match(value.strip())):
            return match.group(1).lower()
    return None


def _usable_links(links: tuple[str, ...]) -> list[str]:
    """http(s) links, plus file: links when the index itself is a local file (a mirror)."""
    local_index = urllib.parse.urlsplit(paths.remote_index_url()).scheme == "file"
    allowed = {"http", "https", "file"} if local_index else {"http", "https"}
    return [link for link in links if urllib.parse.urlsplit(link).scheme in allowed]
