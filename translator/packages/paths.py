"""Argos's directories and index URL, worked out when asked rather than at import.

``argostranslate.settings`` reads the environment once, when first imported,
so a process (or a test) that changes ARGOS_PACKAGES_DIR afterwards would
still see the old value. These functions apply the same rules as settings.py
in argostranslate 1.11 (environment first, then settings.json, then the XDG
default) every time they are called.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"


def _home() -> Path:
    if "SNAP" in os.environ and "SNAP_USER_DATA" in os.environ:
        return Path(os.environ["SNAP_USER_DATA"])
    return Path.home()


def _data_dir() -> Path:
    data_home = Path(os.getenv("XDG_DATA_HOME", default=_home() / ".local" / "share"))
    return data_home / "argos-translate"


def _settings_file() -> Path:
    config = Path(os.getenv("XDG_CONFIG_HOME", default=_home() / ".config"))
    return config / "argos-translate" / "settings.json"


def _setting(key: str) -> Any:
    """The environment wins over settings.json, as in ``argostranslate.settings.get_setting``."""
    value = os.getenv(key)
    if value is not None:
        return value
    try:
        loaded = json.loads(_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return loaded.get(key) if isinstance(loaded, dict) else None


def package_data_dir() -> Path:
    """Where packages are installed (Argos's ``settings.package_data_dir``)."""
    return Path(_setting("ARGOS_PACKAGES_DIR") or _data_dir() / "packages")


def package_dirs() -> list[Path]:
    """Every folder Argos searches for installed packages, writable one first."""
    dirs = [package_data_dir()]
    snap = os.environ.get("SNAP")
    if snap:
        bundled = Path(snap) / "snap_custom" / "packages"
        if bundled.is_dir():
            dirs.append(bundled)
        content = Path(snap) / "snap_custom" / "content_snap_packages"
        if content.is_dir():
            dirs.extend(sorted(p for p in content.iterdir() if p.is_dir()))
    return dirs


def remote_index_url() -> str:
    """Argos's ``settings.remote_package_index``; a missing final slash is supplied."""
    base = str(_setting("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX)
    if not base.endswith("/"):
        base += "/"
    return base + "index.json"


def local_index_path() -> Path:
    """Argos's ``settings.local_package_index``: the cached copy of the index."""
    return _data_dir() / "index.json"
