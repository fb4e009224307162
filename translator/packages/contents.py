"""Load what translation will load, before a package is installed.

A zip can be perfectly safe and still hold a tokenizer that cannot be read:
installed, such a package would make every ``translate`` on its pair crash
(``could not parse ModelProto``), or, for a bad ``bpe.model``, make Argos's
BPE reader exit the process. So the staged package's tokenizer is loaded the
way the engine loads it, and the model's ``config.json`` parsed, first.
"""

from __future__ import annotations

import json
from pathlib import Path

from translator.core.errors import PackageRejected
from translator.core.i18n import _
from translator.packages.layout import MODEL_DIR

MODEL_CONFIG = "config.json"
MAX_CONFIG_BYTES = 1024 * 1024


def check_loadable(folder: Path, tokenizer_kind: str, tokenizer_path: Path,
                   where: Path | str) -> None:
    """Raise ``PackageRejected`` (naming ``where``) unless tokenizer and config load."""
    if tokenizer_kind == "sentencepiece":
        _check_sentencepiece(tokenizer_path, where)
    else:
        _check_bpe_codes(tokenizer_path, where)
    _check_model_config(folder / MODEL_DIR / MODEL_CONFIG, where)


def _check_sentencepiece(path: Path, where: Path | str) -> None:
    import sentencepiece

    try:
        processor = sentencepiece.SentencePieceProcessor(model_file=str(path))
        pieces = processor.get_piece_size()
    except (RuntimeError, OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        reason = reason.replace(str(path), path.name)
        raise PackageRejected(
            _("its {name} is not a SentencePiece model ({reason})").format(
                name=path.name, reason=reason
            ),
            where,
        ) from None
    if pieces == 0:
        raise PackageRejected(_("its {name} has no pieces").format(name=path.name), where)


def _check_bpe_codes(path: Path, where: Path | str) -> None:
    """The BPE merge list as ``argostranslate.apply_bpe.BPE`` reads it: an optional
    ``#version:`` line, then two space-separated units a line."""
    try:
        lines = path.read_bytes().decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise PackageRejected(
            _("its {name} is not UTF-8 text (BPE codes)").format(name=path.name), where
        ) from None
    first = 0
    if lines and lines[0].startswith("#version:"):
        version = lines[0].split()[-1]
        if not all(part.isdigit() for part in version.split(".")):
            raise PackageRejected(
                _("its {name} line 1: bad version '{version}'").format(
                    name=path.name, version=version
                ),
                where,
            )
        first = 1
    if len(lines) <= first:
        raise PackageRejected(_("its {name} holds no BPE merges").format(name=path.name), where)
    for number, line in enumerate(lines[first:], start=first + 1):
        if len(line.strip("\r\n ").split(" ")) != 2:
            raise PackageRejected(
                _(
                    "its {name} line {number}: not a BPE merge (two units separated by a space)"
                ).format(name=path.name, number=number),
                where,
            )


def _check_model_config(path: Path, where: Path | str) -> None:
    """CTranslate2 reads ``model/config.json`` when there is one (older models have none)."""
    if not path.exists():
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackageRejected(
            _("cannot read {file}: {reason}").format(
                file=f"{MODEL_DIR}/{MODEL_CONFIG}", reason=exc.strerror
            ),
            where,
        ) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise PackageRejected(
            _("{file} is larger than {limit} bytes").format(
                file=f"{MODEL_DIR}/{MODEL_CONFIG}", limit=MAX_CONFIG_BYTES
            ),
            where,
        )
    try:
        config = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageRejected(
            _("{file} is not valid JSON").format(file=f"{MODEL_DIR}/{MODEL_CONFIG}"), where
        ) from None
    if not isinstance(config, dict):
        raise PackageRejected(
            _("{file} must hold a JSON object").format(file=f"{MODEL_DIR}/{MODEL_CONFIG}"), where
        )
