"""What an Argos package folder holds, shared by the archive check and the installed-folder check.

A package is one folder with ``metadata.json`` (string ``from_code`` and
``to_code``), a CTranslate2 model in ``model/`` and a tokenizer model at the
top: ``sentencepiece.model`` (preferred, as Argos does) or ``bpe.model``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from packaging.version import InvalidVersion, Version

from translator.core.errors import PackageRejected

METADATA = "metadata.json"
MODEL_DIR = "model"
MODEL_BIN = "model/model.bin"
TOKENIZERS = (("sentencepiece", "sentencepiece.model"), ("bpe", "bpe.model"))
MAX_METADATA_BYTES = 1024 * 1024

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")


def parse_metadata(raw: bytes, where: str) -> dict[str, Any]:
    """Decode ``metadata.json`` and check the fields triglot relies on; ``where`` names the file."""
    if len(raw) > MAX_METADATA_BYTES:
        raise PackageRejected(f"{METADATA} is larger than {MAX_METADATA_BYTES} bytes", where)
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PackageRejected(f"{METADATA} is not valid UTF-8", where) from None
    except json.JSONDecodeError as exc:
        raise PackageRejected(f"{METADATA} is not valid JSON ({exc.msg}, line {exc.lineno})",
                              where) from None
    if not isinstance(metadata, dict):
        raise PackageRejected(f"{METADATA} must hold a JSON object", where)
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str):
            raise PackageRejected(f"{METADATA} has no string '{key}'", where)
        if not _CODE.match(value):
            raise PackageRejected(f"{METADATA} has an invalid '{key}': {value!r}", where)
    for key in ("package_version", "argos_version"):
        value = metadata.get(key, "")
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise PackageRejected(f"{METADATA}: '{key}' must be a string", where)
    if not isinstance(metadata.get("target_prefix", ""), str):
        raise PackageRejected(f"{METADATA}: 'target_prefix' must be a string", where)
    return metadata


def text_field(metadata: dict[str, Any], key: str) -> str:
    """A version field as text (a few hand-made packages write ``1.0`` as a number)."""
    value = metadata.get(key, "")
    return value if isinstance(value, str) else str(value)


def version_key(version: str) -> Version:
    """Order package versions; an unparsable version sorts as the oldest."""
    try:
        return Version(version)
    except InvalidVersion:
        return Version("0")
