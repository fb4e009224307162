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
from translator.core.i18n import _

METADATA = "metadata.json"
MODEL_DIR = "model"
MODEL_BIN = "model/model.bin"
TOKENIZERS = (("sentencepiece", "sentencepiece.model"), ("bpe", "bpe.model"))
MAX_METADATA_BYTES = 1024 * 1024

# ISO 639-1 (two letters), plus the two codes Argos made up: "zt" (Chinese, traditional)
# and "pb" (Portuguese, Brazil). triglot translates ru/en/es, but argospm may have put
# packages for any language in the same folder; what is not a language code is refused.
_ISO_639_1_TEXT = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu
    cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi
    ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks
    ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl
    nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl
    sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve
    vi vo wa wo xh yi yo za zh zu
"""
ISO_639_1 = frozenset(_ISO_639_1_TEXT.split()) | {"zt", "pb"}
# A language, optionally with a region or script as Argos and BCP 47 write them: pt_BR, zh-Hant.
_CODE = re.compile(r"^([a-z]{2})(?:[_-][A-Za-z0-9]{2,8})?$")


def parse_metadata(raw: bytes, where: str) -> dict[str, Any]:
    """Decode ``metadata.json`` and check the fields triglot relies on; ``where`` names the file."""
    if len(raw) > MAX_METADATA_BYTES:
        raise PackageRejected(
            _("{file} is larger than {limit} bytes").format(
                file=METADATA, limit=MAX_METADATA_BYTES
            ),
            where,
        )
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PackageRejected(_("{file} is not valid UTF-8").format(file=METADATA), where) from None
    except json.JSONDecodeError as exc:
        raise PackageRejected(
            _("{file} is not valid JSON ({msg}, line {lineno})").format(
                file=METADATA, msg=exc.msg, lineno=exc.lineno
            ),
            where,
        ) from None
    if not isinstance(metadata, dict):
        raise PackageRejected(_("{file} must hold a JSON object").format(file=METADATA), where)
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str):
            raise PackageRejected(
                _("{file} has no string '{key}'").format(file=METADATA, key=key), where
            )
        if not is_language_code(value):
            raise PackageRejected(
                _(
                    "{file} has an invalid '{key}': {value!r} is not a language code (ISO 639-1, "
                    "such as 'en')"
                ).format(file=METADATA, key=key, value=value),
                where,
            )
    if metadata["from_code"] == metadata["to_code"]:
        raise PackageRejected(
            _("{file}: from_code and to_code are both {from_code!r}").format(
                file=METADATA, from_code=metadata["from_code"]
            ),
            where,
        )
    for key in ("package_version", "argos_version"):
        value = metadata.get(key, "")
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise PackageRejected(
                _("{file}: '{key}' must be a string").format(file=METADATA, key=key), where
            )
    if not isinstance(metadata.get("target_prefix", ""), str):
        raise PackageRejected(
            _("{file}: 'target_prefix' must be a string").format(file=METADATA), where
        )
    return metadata


def is_language_code(code: str) -> bool:
    """An ISO 639-1 code (or one of Argos's two), optionally with a region or script."""
    match = _CODE.match(code)
    return match is not None and match.group(1) in ISO_639_1


def check_pair(source: str, target: str) -> None:
    """Refuse a pair that no package can hold, before asking the index for it."""
    for code in (source, target):
        if not is_language_code(code):
            raise PackageRejected(
                _("{code!r} is not a language code (ISO 639-1, such as 'en')").format(code=code)
            )
    if source == target:
        raise PackageRejected(
            _("a package translates between two languages, not {source}->{target}").format(
                source=source, target=target
            )
        )


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
