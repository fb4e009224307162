"""Token-based batches, sorted by length: little padding, and the same batches on every run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def make_batches(
    sentences: Sequence[str], token_count: Callable[[str], int], max_tokens: int
) -> list[list[str]]:
    """Sort by (tokens, text) and cut batches whose padded size stays within ``max_tokens``.

    The order depends only on the sentences, so a run resumed after a crash
    forms the same batches as an uninterrupted one.
    """
    ordered = sorted(sentences, key=lambda s: (token_count(s), s))
    batches: list[list[str]] = []
    current: list[str] = []
    longest = 0
    for sentence in ordered:
        length = max(token_count(sentence), 1)
        if current and max(longest, length) * (len(current) + 1) > max_tokens:
            batches.append(current)
            current, longest = [], 0
        current.append(sentence)
        longest = max(longest, length)
    if current:
        batches.append(current)
    return batches


def announce(translator: Any, batches: list[list[str]]) -> None:
    """Tell a translator that works on several batches at once (a Ray pool, which has
    ``upcoming``) which batches come next; ``translate`` still takes them one by one, in
    this order, so each is committed to the cache as it comes back."""
    upcoming = getattr(translator, "upcoming", None)
    if upcoming is not None:
        upcoming(batches)
