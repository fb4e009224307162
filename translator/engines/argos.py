"""Argos packages run directly on CTranslate2 and the package's own tokenizer.

This replaces ``argostranslate.translate`` (which imports stanza and torch)
with the few things translation needs: the package's ``model/``, its
SentencePiece or BPE tokenizer, and ``target_prefix`` from its metadata.
Sentence splitting and batching are done once for a whole run by the
pipeline, not per paragraph as Argos does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from translator.core.errors import ModelError
from translator.engines.base import DecodingOptions, LoadOptions, options_label


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


class BPECodec:
    """Moses tokenisation + BPE, as Argos does for its ``bpe.model`` packages."""

    def __init__(self, model_file: Path, source: str, target: str) -> None:
        from argostranslate.tokenizer import BPETokenizer

        self.tokenizer = BPETokenizer(model_file, source, target)

    def encode(self, text: str) -> list[str]:
        return self.tokenizer.encode(text)

    def decode(self, tokens: list[str]) -> str:
        return self.tokenizer.decode(tokens)


def load_codec(package_path: Path, source: str, target: str) -> SentencePieceCodec | BPECodec:
    if (package_path / "sentencepiece.model").is_file():
        return SentencePieceCodec(package_path / "sentencepiece.model")
    if (package_path / "bpe.model").is_file():
        return BPECodec(package_path / "bpe.model", source, target)
    raise ModelError("package has no sentencepiece.model or bpe.model", package_path)


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
            raise ModelError(f"cannot load the CTranslate2 model: {exc}", path) from None
        self._tokens: dict[str, list[str]] = {}

    def token_count(self, sentence: str) -> int:
        tokens = self._tokens.get(sentence)
        if tokens is None:
            tokens = self._tokens[sentence] = self.codec.encode(sentence)
        return len(tokens)

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate one batch (the pipeline forms batches by token count)."""
        if not sentences:
            return []
        batch = [self._tokens.pop(s, None) or self.codec.encode(s) for s in sentences]
        results = self.model.translate_batch(
            batch,
            beam_size=self.decoding.beam_size,
            max_batch_size=0,
            max_decoding_length=self.decoding.max_decoding_length,
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

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> ArgosPairTranslator:
        package = self._packages.get((source, target))
        if package is None:
            raise ModelError(f"no Argos package installed for {source}->{target}")
        return ArgosPairTranslator(package, load, decoding)

    def cache_key(self, load: LoadOptions, decoding: DecodingOptions) -> str:
        """Beam, precision and length limit change CTranslate2's output; threads do not."""
        return options_label(load, decoding)
