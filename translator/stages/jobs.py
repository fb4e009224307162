"""The records the translate step's stages pass along: one per unique sentence and target.

A run's articles repeat sentences, so the stages work on unique
(source language, target language, text) jobs; the pipeline maps them back to
every place the sentence occurs. Each stage fills in or changes fields of the
jobs it is given and counts what it did in ``StageCounts``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from translator.terminology import Prepared, TermRecord

#: How a job's translation was obtained (``SentenceJob.origin``).
MEMORY = "memory"  # a reviewed translation from the translation memory
MACHINE = "machine"  # MT of the sentence as it is
PROTECTED = "protected"  # a second MT pass with lost names as placeholders, names put back
UNPROTECTED = "unprotected"  # that pass broke its placeholders: plain MT, post-edited
PIECEWISE = "piecewise"  # MT lost inline codes: the text between the codes translated alone
#: Origins whose text is plain MT of the whole sentence (markup repair may apply).
PLAIN_MT = (MACHINE, UNPROTECTED)

Pair = tuple[str, str]


@dataclass(slots=True)
class SentenceJob:
    """One unique sentence to translate into one language, and what the stages did with it."""

    source: str
    target: str
    text: str  # the sentence as segmented, inline codes renumbered from 1
    mt_input: str = ""  # what MT is given: ``text``, or ``text`` with names as placeholders
    raw: str | None = None  # the engine's (or cache's) output for ``mt_input``
    plain: str | None = None  # the translation before enforcement touched it
    translation: str | None = None  # the translation so far; the final one after the chain
    origin: str = ""  # how ``translation`` was obtained: MEMORY, MACHINE, PROTECTED, ...
    protection: Prepared | None = None  # glossary enforcement's view of the sentence
    terms: list[TermRecord] = field(default_factory=list)  # what enforcement did, per concept

    def __post_init__(self) -> None:
        self.mt_input = self.mt_input or self.text

    @property
    def pair(self) -> Pair:
        return (self.source, self.target)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.text)

    @property
    def for_mt(self) -> bool:
        """Not settled by the translation memory: MT and enforcement apply."""
        return self.origin != MEMORY

    @property
    def protected(self) -> bool:
        return self.protection is not None and self.protection.protected


@dataclass
class StageCounts:
    """What the stages did, for the run summary."""

    tm_hits: int = 0  # sentences taken from the translation memory
    markup_fallbacks: int = 0  # sentences translated piecewise between inline codes
    placeholder_fallbacks: int = 0  # protected passes whose placeholders MT broke


class Stage(Protocol):
    """One step of the translate step; it works on all of a run's jobs at once."""

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        """Fill in or change fields of ``jobs``; count what was done in ``counts``."""
        ...


def make_jobs(texts: Iterable[tuple[str, str, str]]) -> list[SentenceJob]:
    """One job per unique (source, target, text), in sorted order."""
    return [SentenceJob(*key) for key in sorted(set(texts))]


def by_pair(jobs: Iterable[SentenceJob]) -> list[tuple[Pair, list[SentenceJob]]]:
    """Jobs grouped by language pair, pairs and texts in sorted order (so batches repeat)."""
    groups: dict[Pair, list[SentenceJob]] = defaultdict(list)
    for job in jobs:
        groups[job.pair].append(job)
    return [(pair, sorted(groups[pair], key=lambda j: j.text)) for pair in sorted(groups)]


def run_stages(stages: Iterable[Stage], jobs: Sequence[SentenceJob],
               counts: StageCounts | None = None) -> StageCounts:
    counts = counts if counts is not None else StageCounts()
    for stage in stages:
        stage.run(jobs, counts)
    return counts
