"""The run's engine as the pipeline uses it: each pair loaded once and early, every
sentence it is given noted, and closed while the outputs are written.

``Warmer`` loads a source language's models as soon as an article in it is read, and
calls a loaded translator's optional ``warm()``, so an engine that starts processes
(Apertium's pipeline loads its dictionaries) has them ready when the translating
starts; ``EngineLog`` hands the run's MT the same loaded
pair and notes what the engine translated (the summary's per-segment origins);
``Closing`` lets the engine's processes wind down while the outputs and the run record
are written.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence

from translator.core.errors import TriglotError
from translator.engines.base import DecodingOptions, Engine, LoadOptions, PairTranslator, close
from translator.mt import MachineTranslator


class Warmer:
    """Loads the models from a source language to the run's targets as soon as an article
    in it is read, and has a translator with a ``warm()`` get ready (Apertium starts its
    pipeline, whose programs load their dictionaries) while the other articles are read
    and segmented. A pair that cannot be loaded is left for the run's MT to report."""

    def __init__(self, mt: MachineTranslator, targets: list[str]) -> None:
        self.mt, self.targets = mt, targets
        self.seen: set[str] = set()

    def __call__(self, source: str) -> None:
        if source in self.seen:
            return
        self.seen.add(source)
        for target in self.targets:
            if target == source:
                continue
            try:
                for hop in self.mt.route(source, target):
                    loaded = self.mt.engine.load(*hop, self.mt.load_options, self.mt.decoding)
                    warm = getattr(loaded, "warm", None)
                    if warm is not None:
                        warm()
            except TriglotError:
                continue


class EngineLog:
    """The run's engine, noting every sentence it is given per model: with that the summary
    can tell, per segment, whether the engine translated it or the cache had it. A pair
    is loaded once (``Warmer`` may have loaded it before the run's MT asks for it)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name
        self.sent: dict[str, set[str]] = defaultdict(set)  # model identity -> inputs
        self._loaded: dict[tuple[str, str, LoadOptions, DecodingOptions], NotedPair] = {}

    def pairs(self) -> set[tuple[str, str]]:
        return self.engine.pairs()

    def cache_key(self, load: LoadOptions, decoding: DecodingOptions) -> str:
        return self.engine.cache_key(load, decoding)

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> PairTranslator:
        key = (source, target, load, decoding)
        if key not in self._loaded:
            translator = self.engine.load(source, target, load, decoding)
            self._loaded[key] = NotedPair(translator, self.sent[translator.identity])
        return self._loaded[key]


class NotedPair:
    """A loaded model that notes what it translates (the model itself is not touched)."""

    def __init__(self, inner: PairTranslator, sent: set[str]) -> None:
        self.inner, self.sent = inner, sent
        self.source, self.target, self.identity = inner.source, inner.target, inner.identity

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def token_count(self, sentence: str) -> int:
        return self.inner.token_count(sentence)

    def translate(self, batch: Sequence[str]) -> list[str]:
        self.sent.update(batch)
        return self.inner.translate(batch)


class Closing:
    """Closes an engine in a thread of its own once the run is done with it: its
    processes wind down while the outputs and the run record are written."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=close, args=(self.engine,), daemon=True)
            self.thread.start()

    def join(self) -> None:
        """Wait for the closing; close now if it was never started (the run failed)."""
        if self.thread is not None:
            self.thread.join()
        else:
            close(self.engine)
