"""The engine interface: what the batch pipeline needs from any MT backend.

An ``Engine`` knows which language pairs it can translate and loads a
``PairTranslator`` for one of them. A ``PairTranslator`` turns a list of
sentences into a list of translations, in order. Anything else (batching by
length, caching, pivoting, inline codes) is the pipeline's job, so a second
engine such as Apertium only has to implement these few methods.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class TranslateOptions:
    """Decoding and threading options; those that change the output go into cache keys."""

    beam_size: int = 4
    max_batch_tokens: int = 2048  # token-based batches ("max batch size")
    inter_threads: int = 1
    intra_threads: int = 0  # 0: let CTranslate2 choose
    compute_type: str = "int8"
    max_decoding_length: int = 256

    def output_key(self) -> str:
        """The options that can change a translation (threads do not)."""
        return f"beam={self.beam_size};ct={self.compute_type};maxlen={self.max_decoding_length}"


class PairTranslator(Protocol):
    source: str
    target: str
    identity: str  # engine/package/version: the part of cache keys that names the model

    def translate(
        self, sentences: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Translate ``sentences`` in order; call ``progress(n)`` as n more are done."""
        ...


class Engine(Protocol):
    name: str

    def pairs(self) -> set[tuple[str, str]]:
        """Language pairs this engine can translate directly."""
        ...

    def load(self, source: str, target: str, options: TranslateOptions) -> PairTranslator: ...
