"""Translate unique texts between two languages: routing, cache, batches, progress.

The pipeline hands over every segment of a run at once, so batches span all
documents. Each hop of a route (ru->en, then en->es for a pivot) looks up the
cache first and sends only the missing sentences to the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from translator.batching import announce, make_batches
from translator.cache import TranslationCache
from translator.engines.base import (
    BatchingOptions,
    DecodingOptions,
    Engine,
    LoadOptions,
    PairTranslator,
)
from translator.engines.routing import Route, plan_route


@dataclass
class MTStats:
    cache_hits: int = 0  # hop translations found from earlier runs
    machine_translated: int = 0  # hop translations done by the engine in this run
    pivots: set[str] = field(default_factory=set)
    models: dict[str, str] = field(default_factory=dict)  # "ru->en" -> identity


class MachineTranslator:
    def __init__(
        self,
        engine: Engine,
        cache: TranslationCache,
        load: LoadOptions | None = None,
        decoding: DecodingOptions | None = None,
        batching: BatchingOptions | None = None,
        progress: Callable[[int], None] = lambda n: None,
    ) -> None:
        self.engine = engine
        self.cache = cache
        self.load_options = load or LoadOptions()
        self.decoding = decoding or DecodingOptions()
        self.batching = batching or BatchingOptions()
        #: The engine's part of cache keys: only the options its output depends on.
        self.options_key = engine.cache_key(self.load_options, self.decoding)
        self.progress = progress
        self.pairs = engine.pairs()
        self.stats = MTStats()
        self._loaded: dict[tuple[str, str], PairTranslator] = {}
        #: the texts each model translated in this run (its own stores are not cache hits)
        self._this_run: dict[str, set[str]] = {}
        #: Called with (hop, inputs, outputs) as each batch comes back from the engine, so
        #: work on the outputs can start while the engine translates the next batches.
        self.on_batch: Callable[[tuple[str, str], list[str], list[str]], None] | None = None

    def route(self, source: str, target: str) -> Route:
        return plan_route(self.pairs, source, target, self.engine.name)

    def translate(self, texts: Iterable[str], source: str, target: str) -> dict[str, str]:
        """Map each text to its translation, through a pivot when there is no direct model."""
        texts = list(dict.fromkeys(texts))
        route = self.route(source, target)
        if len(route) > 1:
            self.stats.pivots.add(f"{source}->{target} via {route[0][1]}")
        current = {text: text for text in texts}
        for hop in route:
            done = self._translate_hop(hop, list(dict.fromkeys(current.values())))
            current = {text: done[mid] for text, mid in current.items()}
        return current

    def _load(self, hop: tuple[str, str]) -> PairTranslator:
        if hop not in self._loaded:
            translator = self.engine.load(hop[0], hop[1], self.load_options, self.decoding)
            self._loaded[hop] = translator
            self.stats.models[f"{hop[0]}->{hop[1]}"] = translator.identity
        return self._loaded[hop]

    def _translate_hop(self, hop: tuple[str, str], inputs: list[str]) -> dict[str, str]:
        translator = self._load(hop)
        options_key = self.options_key
        done = self.cache.lookup(translator.identity, options_key, inputs)
        ours = self._this_run.setdefault(translator.identity, set())
        self.stats.cache_hits += sum(text not in ours for text in done)
        self.progress(len(done))
        missing = [text for text in inputs if text not in done]
        batches = make_batches(missing, translator.token_count, self.batching.max_batch_tokens)
        announce(translator, batches)
        for batch in batches:
            outputs = translator.translate(batch)
            pairs = list(zip(batch, outputs, strict=True))
            self.cache.store(translator.identity, options_key, pairs)
            done.update(pairs)
            ours.update(batch)
            self.stats.machine_translated += len(batch)
            self.progress(len(batch))
            if self.on_batch is not None:
                self.on_batch(hop, batch, outputs)
        return done
