"""``translate --ray``: the same outputs as a local run, from a real local Ray cluster.

One cluster (two CPUs, loopback only, its files in this module's tmp dir) is
shared by the module: starting Ray costs seconds. Runs use small batches so a
run has many of them, which is what ordering and worker loss are about.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, TEST_PACKAGES, run_cli
from translator.core.errors import TriglotError
from translator.engines.base import BatchingOptions

HAS_RAY = importlib.util.find_spec("ray") is not None
needs_ray = pytest.mark.skipif(not HAS_RAY, reason="Ray is not installed: pip install "
                                                   "'triglot[ray]'")
SMALL_BATCHES = "64"  # max batch tokens: a few sentences a batch, dozens of batches a run
TARGETS = "en,es,ru"  # ru->es and es->ru pivot through en
#: Loopback only (Ray's own switch for it), no usage report, no auth token in HOME.
RAY_ENV = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_USAGE_STATS_ENABLED": "0",
           "RAY_AUTH_MODE": "disabled"}


def test_importing_the_cli_does_not_import_ray():
    code = ("import sys, translator.cli, translator.cli.translate, translator.pipeline; "
            "print('ray' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
    assert done.stdout.strip() == "False"


def test_without_ray_the_option_says_how_to_get_it(tmp_path):
    code = ("import runpy, sys; sys.modules['ray'] = None; "  # as if Ray were not installed
            "runpy.run_module('translator', run_name='__main__')")
    args = ["translate", str(EXAMPLES), "--to", "es", "--out", str(tmp_path / "out"),
            "--ray", "auto"]
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "triglot: error: --ray needs Ray: pip install 'triglot[ray]'"]


@pytest.fixture(scope="module")
def argos_dir(tmp_path_factory) -> Path:
    packages = tmp_path_factory.mktemp("argos")
    for archive in sorted(TEST_PACKAGES.glob("*.argosmodel")):
        done = run_cli("models", "install", "--file", str(archive),
                       env={"ARGOS_PACKAGES_DIR": str(packages)})
        assert done.returncode == 0, done.stderr
    return packages


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A two-CPU Ray cluster on 127.0.0.1, this process its first driver; its address."""
    if not HAS_RAY:
        pytest.skip("Ray is not installed: pip install 'triglot[ray]'")
    temp = tmp_path_factory.mktemp("ray")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {**RAY_ENV, "RAY_TMPDIR": str(temp), "TMPDIR": str(temp)}.items():
            patch.setenv(name, value)
        import ray

        import translator

        ray.init(num_cpus=2, _temp_dir=str(temp), include_dashboard=False,
                 log_to_driver=False, runtime_env={"py_modules": [translator]})
        try:
            yield ray.get_runtime_context().gcs_address
        finally:
            ray.shutdown()


def cli(argos_dir: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_cli("translate", str(EXAMPLES), "--to", TARGETS, "--out", str(out), "--json",
                   "--no-cache", "--max-batch-tokens", SMALL_BATCHES, *extra,
                   env={"ARGOS_PACKAGES_DIR": str(argos_dir), **RAY_ENV})


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def local_run(argos_dir, tmp_path_factory) -> dict[str, bytes]:
    """A local run's files, and its summary as ``local_run.summary``."""
    out = tmp_path_factory.mktemp("local") / "out"
    done = cli(argos_dir, out)
    assert done.returncode == 0, done.stderr
    (out.parent / "summary.json").write_text(done.stdout, encoding="utf-8")
    return files(out)


@pytest.fixture(scope="module")
def local_summary(local_run, tmp_path_factory) -> dict:
    return json.loads(next(tmp_path_factory.getbasetemp().glob("local*/summary.json"))
                      .read_text(encoding="utf-8"))


@pytest.mark.slow
@needs_ray
def test_a_cluster_run_writes_exactly_what_a_local_run_writes(cluster, argos_dir, local_run,
                                                              tmp_path):
    done = cli(argos_dir, tmp_path / "out", "--ray", cluster)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert {"ru->es via en", "es->ru via en"} <= set(json.loads(done.stdout)["pivots"])
    assert files(tmp_path / "out") == local_run  # articles and run record, byte for byte


@pytest.mark.slow
@needs_ray
def test_an_unreachable_cluster_is_one_clear_line(tmp_path, argos_dir):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = cli(argos_dir, tmp_path / "out", "--ray", f"127.0.0.1:{port}")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"triglot: error: cannot reach the Ray cluster at 127.0.0.1:{port} (Connection refused)"]
    assert not (tmp_path / "out").exists()


def run_in_process(out: Path, cache: Path | None, engine, on_batch=lambda: None):
    """``translate_run`` with ``engine``, calling ``on_batch`` as each batch comes back."""
    from translator.cache import TranslationCache
    from translator.pipeline import RunRequest, translate_run
    from translator.progress import Progress

    class Watch(Progress):
        def segments_done(self, count: int) -> None:
            if count:
                on_batch()

    request = RunRequest([EXAMPLES], TARGETS.split(","), out,
                         batching=BatchingOptions(int(SMALL_BATCHES)))
    store = TranslationCache(cache)
    try:
        return translate_run(request, engine, store, Watch(enabled=False))
    finally:
        store.close()


@pytest.fixture
def ray_engine(cluster, argos_dir, monkeypatch):
    from translator.engines.ray_pool import on_ray
    from translator.engines.registry import make_engine

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos_dir))
    engine = on_ray(make_engine("argos"), cluster, workers=2)
    yield engine
    engine.close()


@pytest.mark.slow
@needs_ray
def test_a_worker_killed_mid_run_loses_and_repeats_nothing(ray_engine, local_run, local_summary,
                                                          tmp_path):
    import ray

    victim = ray_engine.pool.actors[0]
    killed: list[int] = []

    def kill_once() -> None:
        if not killed:
            killed.append(ray.get(victim.where.remote())[1])
            os.kill(killed[0], signal.SIGKILL)

    summary = run_in_process(tmp_path / "out", None, ray_engine, kill_once)
    assert killed and ray.get(victim.where.remote())[1] != killed[0]  # Ray restarted it
    assert files(tmp_path / "out") == local_run
    assert summary.errors == []
    # each hop's sentence once, as locally: the retried batches were not counted twice
    assert summary.machine_translated == local_summary["machine_translated"]


@pytest.mark.slow
@needs_ray
def test_a_killed_driver_resumes_from_the_cache(ray_engine, local_run, tmp_path):
    class DriverKilled(Exception):
        pass

    batches = []

    def die_after_three() -> None:
        batches.append(1)
        if len(batches) == 3:
            raise DriverKilled

    cache = tmp_path / "cache.sqlite3"
    with pytest.raises(DriverKilled):
        run_in_process(tmp_path / "first", cache, ray_engine, die_after_three)
    summary = run_in_process(tmp_path / "out", cache, ray_engine)
    assert summary.cache_hits > 0 and summary.machine_translated > 0
    assert files(tmp_path / "out") == local_run


@pytest.mark.slow
@needs_ray
def test_a_worker_without_the_package_unpacks_the_shipped_one(cluster, argos_dir, monkeypatch):
    import ray

    from translator.engines.base import DecodingOptions, LoadOptions
    from translator.engines.ray_pool import WorkerPool
    from translator.engines.ray_worker import BatchWorker, PairSpec, ShippedPackage, zip_folder
    from translator.engines.registry import make_engine

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(argos_dir))
    local = make_engine("argos").load("en", "es", LoadOptions(), DecodingOptions())
    folder = argos_dir / "triglot-test-en_es"
    shipped = ShippedPackage("/nonexistent/triglot-test-en_es", ray.put(zip_folder(folder)))
    spec = PairSpec("argos", "en", "es", LoadOptions(), DecodingOptions(), local.identity, shipped)
    worker = ray.remote(BatchWorker).remote()  # a fresh one: it has loaded nothing yet
    try:
        sentence = ["Cameras watch metro passengers"]
        assert ray.get(worker.translate.remote(spec, sentence)) == local.translate(sentence)
        assert sentence != local.translate(sentence)
        unpacked = list((Path(os.environ["TMPDIR"]) / "triglot-ray-packages").iterdir())
        assert [p.name for p in unpacked] == ["argos_en-es_1.0_" + local.identity.split(":")[-1]]

        other = PairSpec("argos", "en", "es", LoadOptions(), DecodingOptions(),
                         f"{local.identity}-another-build", shipped)
        with pytest.raises(TriglotError, match="install the same package version everywhere"):
            WorkerPool.result(worker.prepare.remote(other))
    finally:
        ray.kill(worker)
