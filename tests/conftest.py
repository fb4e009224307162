"""Shared fixtures: project data paths, the shared corpus, a private Argos package dir.

The whole session runs in a temporary HOME (tests/isolation.py): set in
``pytest_configure``, before any fixture of any scope, so subprocesses and
module-scoped fixtures never see the user's data; and the run fails if the
user's real triglot/Argos folders or ./glossary.db changed anyway.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.isolation import Guard, isolate, real_places

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TRIGLOT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
TEST_PACKAGES = ROOT / "tests" / "data" / "packages"
EXAMPLES = ROOT / "examples" / "articles"
EXAMPLE_GLOSSARIES = ROOT / "examples" / "glossary"


GUARD = pytest.StashKey[Guard]()
SESSION_DIR = pytest.StashKey[Path]()
GUARD_REPORT = pytest.StashKey[list[str]]()
REAL_ENVIRON = pytest.StashKey[dict[str, str]]()


def pytest_configure(config: pytest.Config) -> None:
    """Snapshot the real places, then move the whole session into a temporary HOME."""
    config.stash[GUARD] = Guard.begin(real_places(os.environ, Path.cwd()))
    config.stash[REAL_ENVIRON] = dict(os.environ)
    base = Path(tempfile.mkdtemp(prefix="triglot-tests-"))
    config.stash[SESSION_DIR] = base
    isolate(os.environ, base)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """After each test's setup, call and teardown: name it if a real place changed."""
    result = yield
    item.config.stash[GUARD].after_test(item.nodeid)
    return result


@pytest.hookimpl(trylast=True)  # after session-scoped fixtures are torn down
def pytest_sessionfinish(session: pytest.Session) -> None:
    report = session.config.stash[GUARD].report()
    session.config.stash[GUARD_REPORT] = report
    if report:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    report = config.stash.get(GUARD_REPORT, [])
    if report:
        terminalreporter.section("real user data changed", sep="=", red=True, bold=True)
        for line in report:
            terminalreporter.line(line, red=True)


def pytest_unconfigure(config: pytest.Config) -> None:
    if REAL_ENVIRON in config.stash:
        os.environ.clear()
        os.environ.update(config.stash[REAL_ENVIRON])
    if SESSION_DIR in config.stash:
        shutil.rmtree(config.stash[SESSION_DIR], ignore_errors=True)


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects
def pytest_collection_modifyitems(config, items):
    """Corpus-wide tests belong to the slow lane; without the corpus they skip."""
    skip = pytest.mark.skip(reason=f"shared corpus not found at {CORPUS}")
    for item in items:
        if "corpus" in item.keywords:
            item.add_marker(pytest.mark.slow)
            if not CORPUS.is_dir():
                item.add_marker(skip)


@pytest.fixture
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch, request):
    """Keep every test away from the user's real Argos dirs, caches and settings."""
    home = tmp_path_factory.mktemp("home")
    # simplemma's lemma tries and py3langid's unpacked model are derived from installed
    # packages, not user data: one copy for the session, so each test's processes don't
    # build them again.
    (home / "cache" / "triglot").mkdir(parents=True)
    for derived in ("lemmas", "langid"):
        shared = request.config.stash[SESSION_DIR] / derived
        shared.mkdir(exist_ok=True)
        (home / "cache" / "triglot" / derived).symlink_to(shared)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "argos-packages"))
    # triglot's messages in English whatever the machine's locale; tests of the
    # catalogs set LANGUAGE themselves.
    monkeypatch.setenv("LANGUAGE", "en")
    # Any network attempt in a test should fail fast instead of hanging.
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    return home


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
            input: str | None = None) -> subprocess.CompletedProcess:
    """Run the real ``triglot`` entry point in a subprocess, as a user would."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "translator", *args],
        capture_output=True, text=True, env=full_env, cwd=cwd, input=input, timeout=600,
    )
