"""The test session never touches the user's real data, and the guard catches a test that does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.isolation import changes, isolate, real_places, snapshot
from translator.cache import user_cache_path
from translator.packages.paths import package_data_dir
from translator.review.tm import user_tm_path


def data_paths() -> dict[str, Path]:
    """Where a triglot run in this process would read and write the user's data."""
    return {"tm": user_tm_path(), "cache": user_cache_path(),
            "argos": package_data_dir(), "home": Path.home()}


@pytest.fixture(scope="module")
def seen_by_a_module_fixture() -> dict[str, Path]:
    """Module-scoped fixtures are set up before the per-test HOME: they must be isolated too."""
    return data_paths()


@pytest.fixture(scope="module")
def seen_by_a_subprocess_of_a_module_fixture() -> dict[str, str]:
    probe = ("from translator.review.tm import user_tm_path\n"
             "from translator.cache import user_cache_path\n"
             "from translator.packages.paths import package_data_dir\n"
             "print(user_tm_path(), user_cache_path(), package_data_dir(), sep='\\n')")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.splitlines()
    return dict(zip(("tm", "cache", "argos"), map(Path, out), strict=True))


def test_module_fixtures_and_their_subprocesses_see_a_temporary_home(
        pytestconfig, seen_by_a_module_fixture, seen_by_a_subprocess_of_a_module_fixture):
    from tests.conftest import SESSION_DIR

    session = pytestconfig.stash[SESSION_DIR]
    for seen in (seen_by_a_module_fixture, seen_by_a_subprocess_of_a_module_fixture):
        for name, path in seen.items():
            assert path.is_relative_to(session), (name, path)


def test_each_test_still_gets_its_own_home(isolated_home):
    for name, path in data_paths().items():
        assert path.is_relative_to(isolated_home), (name, path)


def test_variables_naming_the_users_data_are_dropped_and_the_rest_replaced(tmp_path):
    user = {"HOME": "/home/reporter", "TRIGLOT_TM": "/home/reporter/tm.sqlite3",
            "TRIGLOT_CACHE": "/home/reporter/c.sqlite3", "TRIGLOT_GLOSSARY": "/story/g.db",
            "TRIGLOT_SHARED": "/srv/shared", "ARGOS_DEVICE_TYPE": "cuda",
            "ARGOS_PACKAGES_DIR": "/home/reporter/argos", "SNAP_USER_DATA": "/snap/x",
            "SNAP": "/snap", "XDG_DATA_HOME": "/home/reporter/data", "LANG": "C.UTF-8"}
    environ = dict(user)
    home = isolate(environ, tmp_path)
    assert {"TRIGLOT_TM", "TRIGLOT_CACHE", "TRIGLOT_GLOSSARY", "ARGOS_DEVICE_TYPE", "SNAP",
            "SNAP_USER_DATA"}.isdisjoint(environ)
    assert environ["TRIGLOT_SHARED"] == "/srv/shared" and environ["LANG"] == "C.UTF-8"
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                 "ARGOS_PACKAGES_DIR"):
        assert Path(environ[name]).is_relative_to(home), name
    watched = set(real_places(user, tmp_path / "story"))
    assert {Path("/home/reporter/.local/share/triglot"), Path("/home/reporter/data/triglot"),
            Path("/home/reporter/.cache/triglot"), Path("/home/reporter/.config/triglot"),
            Path("/home/reporter/.local/share/argos-translate"), Path("/home/reporter/argos"),
            Path("/home/reporter/tm.sqlite3"), Path("/story/g.db"),
            tmp_path / "story" / "glossary.db"} <= watched


def test_snapshots_see_files_created_grown_and_deleted(tmp_path):
    place, absent = tmp_path / "triglot", tmp_path / "absent"
    (place / "sub").mkdir(parents=True)
    (place / "sub" / "tm.sqlite3").write_bytes(b"x")
    (place / "old.txt").write_bytes(b"y")
    before = snapshot([place, absent])
    assert changes(before, snapshot([place, absent])) == []
    (place / "sub" / "tm.sqlite3").write_bytes(b"xx")
    (place / "old.txt").unlink()
    (place / "new.txt").write_bytes(b"")
    absent.mkdir()
    assert changes(before, snapshot([place, absent])) == [
        f"{absent}: created", f"{place}/new.txt: created", f"{place}/old.txt: deleted",
        f"{place}/sub/tm.sqlite3: modified"]


INNER_TESTS = """
import os
from pathlib import Path


def test_harmless(tmp_path):
    (tmp_path / "tm.sqlite3").write_text("fine", encoding="utf-8")


def test_writes_into_the_real_home():
    for target in filter(None, os.environ.get("WRITE_TO", "").split(os.pathsep)):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_text("By AFP -> TRADUCCION REVISADA", encoding="utf-8")
"""
# Where a careless test could write: the real TM, cache, settings, Argos packages, ./glossary.db.
REAL_TARGETS = (".local/share/triglot/tm.sqlite3", ".cache/triglot/translations.sqlite3",
                ".config/triglot/settings.json",
                ".local/share/argos-translate/packages/x/metadata.json")


def run_inner_session(tmp_path: Path, write_to: list[Path]) -> subprocess.CompletedProcess:
    """A small pytest session with this suite's conftest, for a user whose HOME is tmp_path/home."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "conftest.py").write_text("from tests.conftest import *  # noqa: F403\n",
                                      encoding="utf-8")
    (work / "test_inner.py").write_text(INNER_TESTS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTEST_"))}
    env.update(HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT),
               WRITE_TO=os.pathsep.join(map(str, write_to)))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", os.devnull,
         "--rootdir", str(work), "--basetemp", str(tmp_path / "basetemp"), str(work)],
        capture_output=True, text=True, cwd=work, env=env, timeout=300)


def test_the_guard_passes_a_clean_session(tmp_path):
    done = run_inner_session(tmp_path, [])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout and "real user data changed" not in done.stdout


def test_the_guard_fails_a_session_that_writes_to_the_real_home_and_names_it(tmp_path):
    targets = [tmp_path / "home" / where for where in REAL_TARGETS]
    targets.append(tmp_path / "work" / "glossary.db")
    done = run_inner_session(tmp_path, targets)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "2 passed" in done.stdout  # the tests themselves pass; the guard fails the run
    assert "real user data changed" in done.stdout
    assert "first seen after test_inner.py::test_writes_into_the_real_home" in done.stdout
    for target in targets:
        assert f"{target}: created" in done.stdout, target
