"""An engine wrapper that misbehaves with placeholders the way real NMT models do.

The project's own test packages were trained with the codes and copy them
perfectly; people who protect tokens through Argos models see them dropped,
reordered, duplicated and corrupted, and names respelled the way
transliteration varies ("Navalny" / "Navalni"). ``GarblingEngine`` wraps any
engine at the engine interface and does all of that at set rates, the same
way for the same input (a seeded generator per sentence), so tests and
``benchmarks.garbled_terms`` can see what terminology survives. Tests only.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from translator.engines.base import DecodingOptions, Engine, LoadOptions, PairTranslator

PLACEHOLDER_RE = re.compile(r"<x\d+/>")
#: Corrupted forms real models make of ``<x1/>``.
CORRUPTIONS = ("<x {n}/>", "< x{n} />", "x{n}", "<X{n}>", "<x{n}>", "&lt;x{n}/&gt;")
#: Romanisation variants, as two systems would spell one name.
RESPELLINGS = (("y", "i"), ("ks", "x"), ("sh", "ch"), ("v", "w"), ("i", "y"), ("j", "y"),
               ("kh", "h"), ("ch", "tch"), ("e", "ye"), ("ov", "off"))
_CAPITALISED = re.compile(r"(?<=[\w,;:] )[A-ZА-ЯЁ][a-zа-яё]{3,}")


@dataclass(frozen=True)
class Rates:
    """Chance per placeholder (drop, corrupt, duplicate), per sentence with two or more
    placeholders (reorder), and per capitalised word after the first (respell)."""

    drop: float = 0.15
    reorder: float = 0.2
    duplicate: float = 0.1
    corrupt: float = 0.15
    respell: float = 0.3


def garble(text: str, rates: Rates, rng: random.Random) -> str:
    codes = PLACEHOLDER_RE.findall(text)
    if len(codes) >= 2 and rng.random() < rates.reorder:
        first, second = rng.sample(codes, 2)
        text = text.replace(first, "\0").replace(second, first).replace("\0", second)
    for code in codes:
        number = code[2:-2]
        roll = rng.random()
        if roll < rates.drop:
            text = text.replace(code, "", 1)
        elif roll < rates.drop + rates.corrupt:
            text = text.replace(code, rng.choice(CORRUPTIONS).format(n=number), 1)
        elif roll < rates.drop + rates.corrupt + rates.duplicate:
            text = text.replace(code, code + " " + code, 1)
    return _CAPITALISED.sub(lambda m: respell(m.group(), rng) if rng.random() < rates.respell
                            else m.group(), text)


def respell(word: str, rng: random.Random) -> str:
    options = [(a, b) for a, b in RESPELLINGS if a in word[1:]]
    if not options:
        return word
    old, new = rng.choice(options)
    return word[0] + word[1:].replace(old, new, 1)


class GarblingTranslator:
    def __init__(self, inner: PairTranslator, rates: Rates, seed: int) -> None:
        self.inner, self.rates, self.seed = inner, rates, seed
        self.identity = f"{inner.identity}+garbled{seed}"

    def token_count(self, sentence: str) -> int:
        return self.inner.token_count(sentence)

    def translate(self, batch: Sequence[str]) -> list[str]:
        outputs = self.inner.translate(batch)
        return [garble(out, self.rates, random.Random(zlib.crc32(f"{self.seed}:{text}".encode())))
                for text, out in zip(batch, outputs, strict=True)]


class GarblingEngine:
    """``engine`` with placeholders garbled and names respelled at ``rates``."""

    def __init__(self, engine: Engine, rates: Rates | None = None, seed: int = 0) -> None:
        self.engine, self.rates, self.seed = engine, rates or Rates(), seed
        self.name = f"{engine.name}+garbled"

    def pairs(self) -> set[tuple[str, str]]:
        return self.engine.pairs()

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> GarblingTranslator:
        return GarblingTranslator(self.engine.load(source, target, load, decoding),
                                  self.rates, self.seed)

    def cache_key(self, load: LoadOptions, decoding: DecodingOptions) -> str:
        return f"{self.engine.cache_key(load, decoding)}|garbled{self.seed}"
