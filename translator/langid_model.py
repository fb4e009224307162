"""py3langid's model kept unpacked in the user's cache: loaded in tens of milliseconds.

py3langid ships its model as an LZMA-compressed npz (4.5 MB) that every process
decompresses in full (68 MB, about 0.3 s) before it can tell one language: a
third of a short Apertium run that detects its articles' language. The first
run keeps the model's arrays as ``.npy`` files in
``$XDG_CACHE_HOME/triglot/langid/py3langid-VERSION-SIZE/``; later runs map them
into memory instead. The identifier is built exactly as
``LanguageIdentifier.from_model_file`` builds it, from the same arrays, so it
gives the same answers.

Each file is written to a temp file and renamed into place, so a process reading
beside one that writes never sees half a file. Where the cache cannot be written
(read-only, full disk), a file is damaged, or py3langid lays its model out in
another way, the model is loaded from py3langid's own file, as before, silently:
it is derived data, nothing is lost.
"""

from __future__ import annotations

import lzma
import shutil
import tempfile
from pathlib import Path

#: The arrays of py3langid's npz model (``py3langid.modelio``), each one file.
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def load_identifier():
    """py3langid's full model with normalised probabilities, from the cache if it can."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    try:
        folder = cache_folder(model)
        arrays = _read(folder)
        if arrays is None:
            arrays = _unpack(model)
            _keep(arrays, folder)
        return _identifier(arrays)
    except (OSError, ValueError, KeyError, TypeError, ImportError, lzma.LZMAError):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def cache_folder(model: Path) -> Path:
    """Where the unpacked arrays of this py3langid and its model file live."""
    from py3langid import __version__

    from translator.core.user_dirs import cache_dir

    return cache_dir() / "langid" / f"py3langid-{__version__}-{model.stat().st_size}"


def _unpack(model: Path) -> dict:
    """The model's arrays, decompressed (through a temp file, as py3langid does, so the
    68 MB npz is never whole in memory beside its arrays)."""
    import numpy as np

    with tempfile.TemporaryFile(suffix=".npz") as unpacked:
        with lzma.open(model) as packed:
            shutil.copyfileobj(packed, unpacked, length=1 << 20)
        unpacked.seek(0)
        with np.load(unpacked, allow_pickle=False) as npz:
            return {name: npz[name] for name in ARRAYS}


def _read(folder: Path) -> dict | None:
    """The cached arrays, mapped; None if any is missing or does not fit the others."""
    import numpy as np

    if not all((folder / f"{name}.npy").is_file() for name in ARRAYS):
        return None
    try:
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                  for name in ARRAYS}
    except (OSError, ValueError):
        return None  # a damaged file: unpacked and written again
    ptc, pc, classes = arrays["ptc"], arrays["pc"], arrays["classes"]
    fits = (ptc.ndim == 2 and ptc.shape[1] == len(pc) == len(classes)
            and arrays["nextmove_row"].shape == arrays["out_feat"].shape)
    return arrays if fits else None


def _keep(arrays: dict, folder: Path) -> None:
    """Write the arrays for later runs; a cache that cannot be written is not kept."""
    import numpy as np

    from translator.core.atomic import atomic_open
    from translator.core.errors import TriglotError

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in ARRAYS:
            with atomic_open(folder / f"{name}.npy", "wb", encoding=None) as handle:
                np.save(handle, arrays[name], allow_pickle=False)
    except (OSError, ValueError, TriglotError):  # a full disk, a read-only cache: the
        return  # run goes on without it


def _identifier(arrays: dict):
    """The identifier ``LanguageIdentifier.from_model_file`` makes of these arrays."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    return LanguageIdentifier(
        np.asarray(arrays["ptc"]), np.asarray(arrays["pc"]), arrays["classes"].tolist(),
        _to_array(arrays["nextmove"]), arrays["out_feat"].tolist(), norm_probs=True,
        tk_row=_to_array(arrays["nextmove_row"]))
