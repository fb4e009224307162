"""The engine contract: exactly what the translate step calls on an MT backend.

An ``Engine`` says which language pairs it translates directly, loads a
``PairTranslator`` for one of them, and names the options its output depends
on (its part of cache keys). A ``PairTranslator`` counts a sentence's tokens
(for batching) and translates one batch, in order. Batching, caching,
pivoting, inline codes and glossary terms are the pipeline's job.

Options come in three groups because they do three different things: load
options pick how a model runs, decoding options can change a translation,
batching options only change speed. An engine that ignores an option leaves
it out of its ``cache_key``, so changing it does not invalidate its cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True)
class LoadOptions:
    """How a model is loaded and run (CTranslate2's device, precision and threads)."""

    device: str = "cpu"
    compute_type: str = "int8"
    inter_threads: int = 1  # batches translated in parallel
    intra_threads: int = 0  # threads per batch; 0: let CTranslate2 choose


@dataclass(frozen=True)
class DecodingOptions:
    """How a sentence is decoded: these can change a translation."""

    beam_size: int = 4
    max_decoding_length: int = 256
    #: A translation may hold at most this many tokens per input token (plus
    #: ``LENGTH_SLACK``), and never more than ``max_decoding_length``. Translations
    #: stay far inside it; a model that loops on a short input (Argos models turn
    #: "increasingly" into "cada vez cada vez ...") stops there instead of running to
    #: the maximum, which a glossary run, translating each term alone, meets thousands
    #: of times. 0: no such limit.
    length_factor: int = 3


#: Tokens a translation may hold beyond ``length_factor`` times its input's.
LENGTH_SLACK = 10


def decoding_limit(decoding: DecodingOptions, longest_input: int) -> int:
    """The most tokens a batch whose longest input has ``longest_input`` tokens may decode."""
    if not decoding.length_factor:
        return decoding.max_decoding_length
    return min(decoding.max_decoding_length,
               decoding.length_factor * longest_input + LENGTH_SLACK)


@dataclass(frozen=True)
class BatchingOptions:
    """How sentences are grouped for the engine: speed only, never the output."""

    max_batch_tokens: int = 2048  # padded tokens per batch ("max batch size")


def options_label(load: LoadOptions, decoding: DecodingOptions) -> str:
    """The options a run records (``triglot-run.json``): those that can change output."""
    return (f"beam={decoding.beam_size};ct={load.compute_type};"
            f"maxlen={decoding.max_decoding_length};lenfactor={decoding.length_factor}")


@runtime_checkable
class PairTranslator(Protocol):
    """One loaded model for one direct language pair.

    It may also have ``upcoming(batches)``: told the batches ``translate`` will
    be called with next, in order, it can work on several at once (a Ray pool).
    """

    source: str
    target: str
    identity: str  # engine/package/version/fingerprint: the model's part of cache keys

    def token_count(self, sentence: str) -> int:
        """What the sentence costs a token-based batch, in the model's own units: its
        length, or more where its translation may run longer (``LENGTH_SLACK``)."""
        ...

    def translate(self, batch: Sequence[str]) -> list[str]:
        """Translate one batch; output ``i`` is the translation of ``batch[i]``."""
        ...

    # Optional: ``close()``, to end what the translator keeps running (processes,
    # threads) when the run ends, not at interpreter exit. Call it with ``close``.


@runtime_checkable
class Engine(Protocol):
    name: str

    def pairs(self) -> set[tuple[str, str]]:
        """Language pairs this engine can translate directly."""
        ...

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> PairTranslator:
        """A translator for ``source``->``target``; ``ModelError`` when it cannot be had."""
        ...

    def cache_key(self, load: LoadOptions, decoding: DecodingOptions) -> str:
        """The options this engine's output depends on, as text (the rest of cache keys)."""
        ...

    # Optional: ``close()``, closing every translator it loaded (see PairTranslator).


def close(resource: object) -> None:
    """Call the optional ``close()`` of an engine or translator, where it has one."""
    closer = getattr(resource, "close", None)
    if callable(closer):
        closer()
