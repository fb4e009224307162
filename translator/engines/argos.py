"""Argos packages run directly on CTranslate2 and the package's own tokenizer.

This replaces ``argostranslate.translate`` (which imports stanza and torch)
with the few things translation needs: the package's ``model/``, its
SentencePiece or BPE tokenizer, and ``target_prefix`` from its metadata.
Sentence splitting and batching are done once for a whole run by the
pipeline, not per paragraph as Argos does. A sentence longer than the model's
position table (``No position encodings are defined for positions >= 256``)
is translated in pieces cut at punctuation or word boundaries, then joined.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Sequence
from pathlib import Path

from translator.core.errors import ModelError
from translator.core.i18n import _
from translator.engines.base import (
    LENGTH_SLACK,
    DecodingOptions,
    LoadOptions,
    decoding_limit,
    options_label,
)

FALLBACK_MAX_INPUT_TOKENS = 250  # when the model does not say; Argos models allow 256 or more
SPECIAL_TOKENS = 6  # room, within the positions, for BOS/EOS and a target prefix
_CONFIG_POSITION_KEYS = ("max_source_positions", "max_position_embeddings", "n_positions")
_CLAUSE_ENDS = frozenset(".,;:!?…)]}»\"'”’")


class SentencePieceCodec:
    """Encode/decode with the package's SentencePiece model.

    Argos's own ``SentencePieceTokenizer.decode`` turns every "_" into a space;
    decoding with SentencePiece alone keeps underscores in names and URLs.
    """

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self.processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, text: str) -> list[str]:
        return self.processor.encode(text, out_type=str)

    def decode(self, tokens: list[str]) -> str:
        return self.processor.decode_pieces(tokens)

    @staticmethod
    def starts_word(tokens: list[str], index: int) -> bool:
        return tokens[index].startswith("\u2581")

    @staticmethod
    def bare(token: str) -> str:
        return token.lstrip("\u2581")


class BPECodec:
    """Moses tokenisation + BPE, as Argos does for its ``bpe.model`` packages."""

    def __init__(self, model_file: Path, source: str, target: str) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self.tokenizer = BPETokenizer(model_file, source, target)

    def encode(self, text: str) -> list[str]:
        return self.tokenizer.encode(text)

    def decode(self, tokens: list[str]) -> str:
        return self.tokenizer.decode(tokens)

    @staticmethod
    def starts_word(tokens: list[str], index: int) -> bool:
        return index == 0 or not tokens[index - 1].endswith("@@")

    @staticmethod
    def bare(token: str) -> str:
        return token.removesuffix("@@")


def load_codec(package_path: Path, source: str, target: str) -> SentencePieceCodec | BPECodec:
    if (package_path / "sentencepiece.model").is_file():
        try:
            return SentencePieceCodec(package_path / "sentencepiece.model")
        except (RuntimeError, OSError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ModelError(_("cannot load sentencepiece.model ({reason}); reinstall the "
                               "package").format(reason=reason), package_path) from None
    if (package_path / "bpe.model").is_file():
        return BPECodec(package_path / "bpe.model", source, target)
    raise ModelError(_("package has no sentencepiece.model or bpe.model"), package_path)


def max_input_tokens(model_dir: Path) -> int:
    """How many tokens one input may hold: the model's positions less room for special ones."""
    positions = _positions_in_config(model_dir / "config.json") or \
        _positions_in_weights(model_dir / "model.bin")
    if positions is None:
        return FALLBACK_MAX_INPUT_TOKENS
    return max(positions - SPECIAL_TOKENS, 8)


def _positions_in_config(config: Path) -> int | None:
    try:
        data = json.loads(config.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    found = [data[key] for key in _CONFIG_POSITION_KEYS
             if isinstance(data.get(key), int) and not isinstance(data[key], bool)
             and data[key] > 0]
    return min(found, default=None)


def _positions_in_weights(model_bin: Path) -> int | None:
    """Rows of the position-encoding table, from the variable headers of CTranslate2's
    ``model.bin`` (the weights are skipped, not read); None when not stored there."""
    def number(handle, fmt: str) -> int:
        size = struct.calcsize(fmt)
        data = handle.read(size)
        if len(data) != size:
            raise ValueError("truncated")
        return struct.unpack(fmt, data)[0]

    def text(handle) -> str:
        return handle.read(number(handle, "<H")).rstrip(b"\0").decode("utf-8")

    rows = []
    try:
        with model_bin.open("rb") as handle:
            version = number(handle, "<I")
            if not 2 <= version <= 16:
                return None
            text(handle)  # the spec's name
            number(handle, "<I")  # its revision
            for _ in range(number(handle, "<I")):
                name = text(handle)
                dims = [number(handle, "<I") for _ in range(number(handle, "<B"))]
                number(handle, "<B")  # data type (item size before format 4)
                handle.seek(number(handle, "<I"), 1)
                if name.endswith("position_encodings/encodings") and len(dims) == 2:
                    rows.append(dims[0])
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return min(rows, default=None)


def split_tokens(tokens: list[str], limit: int, codec) -> list[list[str]]:
    """``tokens`` in pieces of at most ``limit``, each cut after clause punctuation where
    the second half of a window has one, else at a word start, else where it must."""
    pieces = []
    start = 0
    while len(tokens) - start > limit:
        end = _cut(tokens, start, start + limit, codec)
        pieces.append(tokens[start:end])
        start = end
    pieces.append(tokens[start:])
    return pieces


def _cut(tokens: list[str], start: int, end: int, codec) -> int:
    """Where to end the piece ``tokens[start:end]``: the best cut in its second half."""
    candidates = range(end, start + max((end - start) // 2, 1), -1)
    for index in candidates:
        if codec.starts_word(tokens, index) and \
                codec.bare(tokens[index - 1])[-1:] in _CLAUSE_ENDS:
            return index
    return next((index for index in candidates if codec.starts_word(tokens, index)), end)


def package_fingerprint(package_path: Path) -> str:
    """A short id of the package's content, cheap to compute (metadata + model size and name)."""
    digest = hashlib.sha256()
    digest.update((package_path / "metadata.json").read_bytes())
    model_bin = package_path / "model" / "model.bin"
    if model_bin.is_file():
        digest.update(str(model_bin.stat().st_size).encode())
    return digest.hexdigest()[:12]


class ArgosPairTranslator:
    """One installed Argos package loaded into CTranslate2."""

    def __init__(self, package, load: LoadOptions, decoding: DecodingOptions) -> None:
        import ctranslate2

        self.source: str = package.from_code
        self.target: str = package.to_code
        self.decoding = decoding
        path = Path(package.path)
        self.identity = (
            f"argos:{self.source}-{self.target}:{package.package_version}:"
            f"{package_fingerprint(path)}"
        )
        self.codec = load_codec(path, self.source, self.target)
        self.target_prefix = [package.target_prefix] if package.target_prefix else None
        try:
            self.model = ctranslate2.Translator(
                str(path / "model"),
                device=load.device,
                compute_type=load.compute_type,
                inter_threads=load.inter_threads,
                intra_threads=load.intra_threads,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(_("cannot load the CTranslate2 model: {error}").format(error=exc),
                             path) from None
        self.max_input_tokens = max_input_tokens(path / "model")
        # Counts, not tokens: the batcher counts every sentence of the run before the first
        # batch, and 16,000 sentences' token lists held that long took some 50 MB; encoding
        # a sentence again when its batch comes costs about 0.02 ms.
        self._counts: dict[str, int] = {}

    def token_count(self, sentence: str) -> int:
        """What the sentence costs a batch: its tokens, and no fewer than a short input's
        translation may add (``LENGTH_SLACK``). Decoding keeps state for every beam of
        every input: 2,048 tokens of one-word terms were 700 inputs, and with a model
        looping on them the run held 1 GB more than with its sentences alone."""
        count = self._counts.get(sentence)
        if count is None:
            count = self._counts[sentence] = len(self.codec.encode(sentence))
        return max(count, LENGTH_SLACK)

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate one batch (the pipeline forms batches by token count); a sentence
        longer than the model's positions goes through in pieces, joined again."""
        if not sentences:
            return []
        pieces: list[list[str]] = []
        owners: list[int] = []
        for number, sentence in enumerate(sentences):
            self._counts.pop(sentence, None)
            tokens = self.codec.encode(sentence)
            for piece in split_tokens(tokens, self.max_input_tokens, self.codec):
                pieces.append(piece)
                owners.append(number)
        parts: list[list[str]] = [[] for _ in sentences]
        for owner, text in zip(owners, self._translate_tokens(pieces), strict=True):
            parts[owner].append(text)
        return [" ".join(text for text in texts if text) for texts in parts]

    def _translate_tokens(self, batch: list[list[str]]) -> list[str]:
        longest = max(map(len, batch), default=0)
        results = self.model.translate_batch(
            batch,
            beam_size=self.decoding.beam_size,
            max_batch_size=0,
            max_decoding_length=len(self.target_prefix or ()) + decoding_limit(self.decoding,
                                                                               longest),
            target_prefix=[self.target_prefix] * len(batch) if self.target_prefix else None,
            replace_unknowns=True,
        )
        outputs = []
        for result in results:
            tokens = result.hypotheses[0]
            if self.target_prefix and tokens[: len(self.target_prefix)] == self.target_prefix:
                tokens = tokens[len(self.target_prefix) :]
            outputs.append(self.codec.decode(tokens).strip())
        return outputs


class ArgosEngine:
    """Translation with the Argos packages installed in Argos's package directory."""

    name = "argos"

    def __init__(self) -> None:
        from translator.packages.store import installed_packages

        self._packages: dict[tuple[str, str], object] = {}
        for package in installed_packages():
            self._packages.setdefault((package.from_code, package.to_code), package)

    def pairs(self) -> set[tuple[str, str]]:
        return set(self._packages)

    def package(self, source: str, target: str):
        """The installed package used for the pair, or None (what a Ray pool ships)."""
        return self._packages.get((source, target))

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> ArgosPairTranslator:
        package = self.package(source, target)
        if package is None:
            raise ModelError(_("no Argos package installed for {source}->{target}").format(
                source=source, target=target))
        return ArgosPairTranslator(package, load, decoding)

    def cache_key(self, load: LoadOptions, decoding: DecodingOptions) -> str:
        """Beam, precision and length limit change CTranslate2's output; threads do not."""
        return options_label(load, decoding)
