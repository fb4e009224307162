"""What runs inside a Ray actor: one model per language pair, loaded once, batches translated.

The driver (``ray_pool.py``) turns ``BatchWorker`` into an actor; Ray itself
is imported here only to fetch a shipped package. A worker never relies on
its own installed packages matching the driver's: the driver sends each Argos
package's path and its bytes, the worker uses the path where it holds the
same package (shared storage) and unpacks the bytes otherwise, and refuses to
translate with a model whose identity (engine, package, version, fingerprint)
differs from the driver's.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translator.core.errors import ModelError
from translator.core.i18n import _
from translator.engines.base import DecodingOptions, LoadOptions, PairTranslator


@dataclass(frozen=True)
class ShippedPackage:
    """An Argos package as the driver has it: its folder, and the folder zipped (an ObjectRef,
    fetched only by a worker that cannot use the folder)."""

    path: str
    archive: Any  # ray.ObjectRef[bytes]; inside a dataclass so Ray does not fetch it eagerly


@dataclass(frozen=True)
class PairSpec:
    """Everything a worker needs to load the driver's model for one pair, and check it."""

    engine: str
    source: str
    target: str
    load: LoadOptions
    decoding: DecodingOptions
    identity: str  # the driver's model: a worker must load exactly this one
    package: ShippedPackage | None = None  # None: the engine has nothing to ship (Apertium)


def zip_folder(folder: Path) -> bytes:
    """``folder``'s files in an uncompressed zip (models barely compress; speed matters)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()


class BatchWorker:
    """A Ray actor's state: the models it has loaded, by pair spec."""

    def __init__(self) -> None:
        self.loaded: dict[tuple[str, LoadOptions, DecodingOptions], PairTranslator] = {}

    def where(self) -> tuple[str, int]:
        """Host name and process id, for messages (and for tests that kill a worker)."""
        return socket.gethostname(), os.getpid()

    def prepare(self, spec: PairSpec) -> str:
        """Load the pair now (so the first batch does not wait for it); its identity."""
        return self._translator(spec).identity

    def translate(self, spec: PairSpec, batch: Sequence[str]) -> list[str]:
        return self._translator(spec).translate(batch)

    def _translator(self, spec: PairSpec) -> PairTranslator:
        key = (spec.identity, spec.load, spec.decoding)
        if key not in self.loaded:
            translator = load_pair(spec)
            if translator.identity != spec.identity:
                host, pid = self.where()
                raise ModelError(_("the Ray worker on {host} (pid {pid}) has {worker_model}, "
                                   "the driver {driver_model}; install the same package "
                                   "version everywhere").format(
                    host=host, pid=pid, worker_model=translator.identity,
                    driver_model=spec.identity))
            self.loaded[key] = translator
        return self.loaded[key]


def load_pair(spec: PairSpec) -> PairTranslator:
    """The driver's package when it shipped one, else the worker's own engine."""
    if spec.package is None:
        from translator.engines.registry import make_engine

        return make_engine(spec.engine).load(spec.source, spec.target, spec.load, spec.decoding)
    from translator.engines.argos import ArgosPairTranslator
    from translator.packages.store import load_package

    folder = Path(spec.package.path)
    if folder.is_dir():
        translator = ArgosPairTranslator(load_package(folder), spec.load, spec.decoding)
        if translator.identity == spec.identity:
            return translator
    folder = unpack(spec)
    return ArgosPairTranslator(load_package(folder), spec.load, spec.decoding)


def unpack(spec: PairSpec) -> Path:
    """The shipped package in this node's temp dir, once per node: unpacked beside its place
    and renamed into it, so actors sharing a node never see half a package."""
    import ray

    assert spec.package is not None
    name = "".join(c if c.isalnum() or c in "-." else "_" for c in spec.identity)
    folder = Path(tempfile.gettempdir()) / "triglot-ray-packages" / name
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=folder.parent))
        with zipfile.ZipFile(io.BytesIO(ray.get(spec.package.archive))) as archive:
            archive.extractall(staging)
        try:
            staging.rename(folder)
        except OSError:  # another actor on this node was first
            shutil.rmtree(staging, ignore_errors=True)
    return folder
