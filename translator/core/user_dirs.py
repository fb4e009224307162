"""Where triglot keeps a user's derived files: one rule, the XDG base directories.

Caches (translations, lemma tries) can be deleted at any time; data (the old
per-user memory) cannot. Argos's own package folder follows Argos's rules
(``translator.packages.paths``), not these.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/triglot``, else ``~/.cache/triglot``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "triglot"


def data_dir() -> Path:
    """``$XDG_DATA_HOME/triglot``, else ``~/.local/share/triglot``."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "triglot"
