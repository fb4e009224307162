"""A deterministic engine for unit tests at the engine interface (never a product default).

It "translates" by tagging each sentence with the pair, so tests can see which
hops a sentence went through, and it records every batch it was given.
"""

from __future__ import annotations

from collections.abc import Sequence

from translator.engines.base import DecodingOptions, LoadOptions, options_label


class TaggingTranslator:
    def __init__(self, source: str, target: str, calls: list, drop_codes: bool) -> None:
        self.source, self.target = source, target
        self.identity = f"fake:{source}-{target}"
        self.calls = calls
        self.drop_codes = drop_codes

    def token_count(self, sentence: str) -> int:
        return len(sentence.split())

    def translate(self, sentences: Sequence[str]) -> list[str]:
        self.calls.append((self.source, self.target, list(sentences)))
        out = []
        for sentence in sentences:
            text = sentence
            if self.drop_codes:
                import re

                text = re.sub(r"</?g\d+>|<x\d+/>", "", text)
            out.append(f"[{self.target}] {text}")
        return out


class TaggingEngine:
    name = "fake"

    def __init__(self, pairs: set[tuple[str, str]], drop_codes: bool = False) -> None:
        self._pairs = pairs
        self.calls: list = []
        self.drop_codes = drop_codes

    def pairs(self) -> set[tuple[str, str]]:
        return set(self._pairs)

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> TaggingTranslator:
        return TaggingTranslator(source, target, self.calls, self.drop_codes)

    def cache_key(self, load: LoadOptions, decoding: DecodingOptions) -> str:
        """As a neural engine: beam, precision and length limit could change the output."""
        return options_label(load, decoding)


class TableEngine(TaggingEngine):
    """Like ``TaggingEngine``, but sentences found in ``table`` get the table's translation."""

    def __init__(self, pairs: set[tuple[str, str]], table: dict[str, str]) -> None:
        super().__init__(pairs)
        self.table = table

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> TaggingTranslator:
        translator = super().load(source, target, load, decoding)
        tagged = translator.translate
        translator.translate = lambda batch: [  # type: ignore[method-assign]
            self.table.get(s) or tagged([s])[0] for s in batch]
        return translator


def run_cli_with(monkeypatch, engine: TaggingEngine) -> None:
    """``triglot translate`` run in this process with ``engine`` in place of the one it
    names: the rest of the run (cache, progress, the review after it) is the product's."""
    import translator.engines.registry

    monkeypatch.setattr(translator.engines.registry, "make_engine", lambda name: engine)
