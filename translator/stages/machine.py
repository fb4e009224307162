"""Stage: MT through the cache and the engine, each unique input once per language pair."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from translator.mt import MachineTranslator
from translator.stages.jobs import MACHINE, SentenceJob, StageCounts, by_pair


class MachineStage:
    """Sets ``raw`` and ``translation`` of every job not settled by the memory."""

    def __init__(self, mt: MachineTranslator,
                 announce: Callable[[int], None] = lambda n: None) -> None:
        self.mt = mt
        self.announce = announce  # how many hop translations are coming (progress total)

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        groups = by_pair(job for job in jobs if job.for_mt)
        for (source, target), group in groups:
            self.announce(len(group) * len(self.mt.route(source, target)))
        for pair, group in groups:
            done = self.mt.translate(sorted({job.mt_input for job in group}), *pair)
            for job in group:
                job.raw = job.translation = done[job.mt_input]
                job.origin = MACHINE
