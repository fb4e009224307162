"""Keep the test session away from the user's real data, and prove it did.

A test run must never leave anything in the places a real ``triglot`` reads:
a stray translation-memory pair there ends up in the user's next article. So
the whole session (module- and session-scoped fixtures and every subprocess
included) runs with HOME, the XDG folders and Argos's package folder pointing
into one temporary folder, and the real places are snapshotted at the start
and compared after every test and at the end.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path

#: TRIGLOT_* variables that say nothing about where data lives; every other one is dropped.
KEPT_TRIGLOT_VARIABLES = frozenset({"TRIGLOT_SHARED", "TRIGLOT_GLOSSARY_TIMEOUT"})
#: Argos's folder variables and any other ARGOS_* setting are replaced or dropped.
DROPPED_VARIABLES = ("SNAP", "SNAP_USER_DATA")
#: A closed port: any attempt to reach the Argos index fails at once instead of hanging.
NO_NETWORK_INDEX = "http://127.0.0.1:9/"

# One stat of a file or folder entry: (size, mtime in ns); folders have no size.
Stat = tuple[int, int] | None
Snapshot = dict[str, dict[str, Stat] | None]


def real_places(environ: Mapping[str, str], cwd: Path) -> list[Path]:
    """The real folders and files a test must not change, read from the unisolated environment."""
    homes = [Path(environ.get("HOME") or Path.home())]
    if environ.get("SNAP") and environ.get("SNAP_USER_DATA"):  # Argos's home inside a snap
        homes.append(Path(environ["SNAP_USER_DATA"]))
    data = [home / ".local" / "share" for home in homes]
    cache = [home / ".cache" for home in homes]
    config = [home / ".config" for home in homes]
    for variable, defaults in (("XDG_DATA_HOME", data), ("XDG_CACHE_HOME", cache),
                               ("XDG_CONFIG_HOME", config)):
        if environ.get(variable):
            defaults.append(Path(environ[variable]))
    places = [folder / "triglot" for folder in (*data, *cache, *config)]
    places += [folder / "argos-translate" for folder in (*data, *config)]
    places += [Path(environ[name]) for name in ("ARGOS_PACKAGES_DIR", "TRIGLOT_TM",
                                                "TRIGLOT_CACHE", "TRIGLOT_GLOSSARY")
               if environ.get(name)]
    places.append(cwd / "glossary.db")
    return list(dict.fromkeys(p if p.is_absolute() else cwd / p for p in places))


def isolate(environ: MutableMapping[str, str], base: Path) -> Path:
    """Point HOME, XDG and Argos at ``base`` and drop variables naming the user's data."""
    for name in list(environ):
        if (name.startswith("ARGOS_") or name in DROPPED_VARIABLES
                or (name.startswith("TRIGLOT_") and name not in KEPT_TRIGLOT_VARIABLES)):
            del environ[name]
    home = base / "home"
    environ.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        ARGOS_PACKAGES_DIR=str(home / "argos-packages"),
        ARGOS_PACKAGE_INDEX=NO_NETWORK_INDEX,
    )
    home.mkdir(parents=True, exist_ok=True)
    return home


def _stat(path: Path) -> Stat:
    info = path.lstat()
    return None if path.is_dir() and not path.is_symlink() else (info.st_size, info.st_mtime_ns)


def snapshot(places: Iterable[Path]) -> Snapshot:
    """Each place's entries (relative path -> size and mtime); None for a place that is absent."""
    taken: Snapshot = {}
    for place in places:
        if not os.path.lexists(place):
            taken[str(place)] = None
            continue
        entries = {".": _stat(place)}
        if place.is_dir() and not place.is_symlink():
            for folder, dirs, files in os.walk(place):
                for name in (*dirs, *files):
                    path = Path(folder, name)
                    try:
                        entries[str(path.relative_to(place))] = _stat(path)
                    except FileNotFoundError:  # gone while walking: absent from this snapshot
                        continue
        taken[str(place)] = entries
    return taken


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """One line per entry created, deleted or modified between two snapshots."""
    found = []
    for place in sorted(set(before) | set(after)):
        old, new = before.get(place) or {}, after.get(place) or {}
        for entry in sorted(set(old) | set(new)):
            path = place if entry == "." else str(Path(place, entry))
            if entry not in old:
                found.append(f"{path}: created")
            elif entry not in new:
                found.append(f"{path}: deleted")
            elif old[entry] != new[entry]:
                found.append(f"{path}: modified")
    return found


@dataclass
class Guard:
    """The real places, their snapshot at session start, and what tests did to them."""

    places: list[Path]
    start: Snapshot
    last: Snapshot
    culprits: list[tuple[str, list[str]]]

    @classmethod
    def begin(cls, places: list[Path]) -> Guard:
        taken = snapshot(places)
        return cls(places, taken, taken, [])

    def after_test(self, nodeid: str) -> None:
        """Note the test (with its fixtures' setup and teardown) during which a place changed."""
        now = snapshot(self.places)
        if now != self.last:
            self.culprits.append((nodeid, changes(self.last, now)))
            self.last = now

    def report(self) -> list[str]:
        """The failure message, or [] when every real place is as it was at the start."""
        final = changes(self.start, snapshot(self.places))
        if not final:
            return []
        lines = ["the tests changed the user's real data (they must write only to tmp folders; "
                 "or another process changed it meanwhile):"]
        lines += [f"  {line}" for line in final]
        for nodeid, seen in self.culprits:
            lines.append(f"  first seen after {nodeid}: {'; '.join(seen)}")
        return lines
