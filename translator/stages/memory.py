"""Stage: reviewed translations from the translation memory replace MT outright."""

from __future__ import annotations

from collections.abc import Sequence

from translator.review.tm import TranslationMemory
from translator.stages.jobs import MEMORY, SentenceJob, StageCounts, by_pair


class MemoryStage:
    def __init__(self, memory: TranslationMemory) -> None:
        self.memory = memory

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        for pair, group in by_pair(jobs):
            reviewed = self.memory.exact(*pair, (job.text for job in group))
            for job in group:
                if job.text in reviewed:
                    job.translation, job.origin = reviewed[job.text], MEMORY
                    counts.tm_hits += 1
