"""Any engine's batches translated by a pool of Ray actors (``triglot translate --ray``).

Only the engine work leaves the driver: reading, detection, planning, the
cache, the run record and the outputs stay where they are, so a cluster run
writes exactly what a local one does. The driver loads each model too (its
tokenizer forms the batches; its identity is what every worker must match),
ships the package to the workers, and hands them the token-sorted batches
round-robin, a few ahead; ``MachineTranslator`` still takes the results one
batch at a time in submission order and commits each to the cache, so a
killed driver resumes from the cache as a local run does. A killed worker is
restarted by Ray and its batches run again (``max_task_retries``); nothing is
committed twice because only the driver commits.

Ray is an optional extra (``pip install 'triglot[ray]'``) and is imported only
here, only when ``--ray`` is given.
"""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from pathlib import Path
from typing import Any

import translator
from translator.core.errors import TriglotError
from translator.core.i18n import _
from translator.engines.base import DecodingOptions, Engine, LoadOptions, PairTranslator
from translator.engines.ray_worker import BatchWorker, PairSpec, ShippedPackage, zip_folder

LOCAL = "auto"  # --ray auto: the cluster on this machine, started for the run if none runs
BATCHES_AHEAD = 2  # per worker: one translating, one waiting, so no worker idles between batches
TASK_RETRIES = 3  # a batch that kills its worker this often is an error, not bad luck
CONNECT_TIMEOUT = 5.0


def on_ray(engine: Engine, address: str, workers: int | None = None) -> RayEngine:
    """``engine`` with its batches sent to the Ray cluster at ``address``; ``workers``
    actors (default: one per CPU of the cluster)."""
    connect(address)
    return RayEngine(engine, workers)


def connect(address: str) -> None:
    """Join the cluster (or start a local one for ``auto``); one clear line when we cannot."""
    try:
        import ray
    except ImportError:
        raise TriglotError(_("--ray needs Ray: pip install 'triglot[ray]'")) from None
    if ray.is_initialized():
        return
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # triglot sends nothing anywhere
    if address != LOCAL:
        check_reachable(address)
    try:
        ray.init(address=None if address == LOCAL else address,
                 logging_level=logging.WARNING, log_to_driver=False,
                 runtime_env={"py_modules": [translator]})  # workers need not have triglot
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise TriglotError(_("cannot use the Ray cluster at {address}: {error}").format(
            address=address, error=first_line(exc))) from None


def check_reachable(address: str) -> None:
    """Ray waits minutes on an address where nobody answers; a TCP connect tells at once."""
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not host or not port.isdigit():
        raise TriglotError(_("--ray {address}: give the cluster's HOST:PORT (e.g. "
                             "10.0.0.5:6379), ray://HOST:PORT, or auto").format(address=address))
    try:
        socket.create_connection((host.strip("[]"), int(port)), CONNECT_TIMEOUT).close()
    except OSError as exc:
        reason = exc.strerror or first_line(exc)
        raise TriglotError(_("cannot reach the Ray cluster at {address} ({reason})").format(
            address=address, reason=reason)) from None


def first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


class WorkerPool:
    """The actors, each loading a model once per pair and translating batches in order."""

    def __init__(self, workers: int | None = None) -> None:
        import ray

        count = workers or max(int(ray.cluster_resources().get("CPU", 1)), 1)
        actor = ray.remote(BatchWorker).options(
            num_cpus=1, max_restarts=-1, max_task_retries=TASK_RETRIES)
        self.actors: list[Any] = [actor.remote() for _ in range(count)]
        self.window = BATCHES_AHEAD * count
        self._turn = 0

    def prepare(self, spec: Any) -> None:
        """Every worker loads the pair now and checks it has the driver's model."""
        for ref in [actor.prepare.remote(spec) for actor in self.actors]:
            self.result(ref)

    def submit(self, spec: Any, batch: list[str]) -> Any:
        actor = self.actors[self._turn % len(self.actors)]
        self._turn += 1
        return actor.translate.remote(spec, batch)

    @staticmethod
    def result(ref: Any) -> Any:
        """The task's value; a worker's TriglotError as itself, any other failure in one line."""
        import ray

        try:
            return ray.get(ref)
        except ray.exceptions.RayTaskError as exc:
            cause = exc.cause
            if isinstance(cause, TriglotError):
                raise cause from None
            raise TriglotError(_("a Ray worker failed: {kind}: {error}").format(
                kind=type(cause).__name__, error=first_line(cause))) from None
        except ray.exceptions.RayError as exc:
            raise TriglotError(_("the Ray cluster failed: {error}").format(
                error=first_line(exc))) from None

    def close(self) -> None:
        import ray

        for actor in self.actors:
            ray.kill(actor)


class RayEngine:
    """``inner`` for everything but translating: that goes to the pool."""

    def __init__(self, inner: Engine, workers: int | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.pool = WorkerPool(workers)

    def pairs(self) -> set[tuple[str, str]]:
        return self.inner.pairs()

    def cache_key(self, load: LoadOptions, decoding: DecodingOptions) -> str:
        return self.inner.cache_key(load, decoding)

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> RayPairTranslator:
        local = self.inner.load(source, target, load, decoding)
        spec = PairSpec(self.name, source, target, load, decoding, local.identity,
                        self._shipped(source, target))
        return RayPairTranslator(local, spec, self.pool)

    def _shipped(self, source: str, target: str) -> ShippedPackage | None:
        """The pair's package folder and bytes, for an engine that has packages (Argos)."""
        import ray

        find = getattr(self.inner, "package", None)
        package = find(source, target) if find is not None else None
        if package is None:
            return None
        return ShippedPackage(str(package.path), ray.put(zip_folder(Path(package.path))))

    def close(self) -> None:
        self.pool.close()


class RayPairTranslator:
    """The driver's model counts tokens; the pool translates the batches announced by
    ``upcoming``, a window ahead, handed back in the order ``translate`` asks for them."""

    def __init__(self, local: PairTranslator, spec: PairSpec, pool: WorkerPool) -> None:
        import ray

        self.source, self.target, self.identity = local.source, local.target, local.identity
        self.token_count = local.token_count
        self.pool = pool
        self.spec = ray.put(spec)
        self._queued: deque[list[str]] = deque()
        self._running: deque[tuple[list[str], Any]] = deque()
        pool.prepare(self.spec)

    def upcoming(self, batches: list[list[str]]) -> None:
        """The batches ``translate`` will be called with next, in order: start on them."""
        self._queued.extend(list(batch) for batch in batches)
        self._fill()

    def translate(self, batch: list[str]) -> list[str]:
        batch = list(batch)
        if not self._running or self._running[0][0] != batch:  # not announced: just this one
            self._queued.clear()
            self._running = deque([(batch, self.pool.submit(self.spec, batch))])
        _, ref = self._running.popleft()
        self._fill()
        return self.pool.result(ref)

    def _fill(self) -> None:
        while self._queued and len(self._running) < self.pool.window:
            batch = self._queued.popleft()
            self._running.append((batch, self.pool.submit(self.spec, batch)))
