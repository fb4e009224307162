"""What the Apertium engine tests compare: raw ``apertium -u`` and triglot's translator."""

from __future__ import annotations

import subprocess

import pytest

from translator.engines.apertium import ApertiumEngine
from translator.engines.base import DecodingOptions, LoadOptions

needs_apertium = pytest.mark.skipif(
    not {("en", "es"), ("es", "en")} <= ApertiumEngine().pairs(),
    reason="apertium and apertium-eng-spa are not installed (make apertium-deps)")


def raw_apertium(mode: str, sentence: str) -> str:
    """Apertium's own output for one sentence, its blanks made single."""
    result = subprocess.run(["apertium", "-u", mode], input=sentence + "\n",
                            capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def translate(source: str, target: str, sentences: list[str]) -> list[str]:
    """triglot's Apertium translator for the pair, closed after the one batch."""
    translator = ApertiumEngine().load(source, target, LoadOptions(), DecodingOptions())
    try:
        return translator.translate(sentences)
    finally:
        translator.close()
