"""The translate step as a chain of stages over ``SentenceJob`` records.

    memory -> MT (cache + engine) -> markup repair
           -> [post-edit the terms plain MT got wrong] -> [MT again, lost names protected]

Bracketed stages run with a glossary (minimal intervention: ``stages.enforcement``).
Each stage is a small class with ``run(jobs, counts)``; ``translate_jobs`` runs the chain
the pipeline uses. With a glossary, what needs no MT runs in a second thread while the
engine translates: the terms of every source sentence are found, and each batch of
plain MT is checked for them as it comes back, so the post-editing after MT finds its
answers ready. That thread never calls the engine; it only reads the jobs' sources and
the outputs it is handed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from translator.stages.jobs import (
    MACHINE,
    MEMORY,
    PIECEWISE,
    PROTECTED,
    UNPROTECTED,
    SentenceJob,
    Stage,
    StageCounts,
    make_jobs,
    run_stages,
)

if TYPE_CHECKING:
    from translator.mt import MachineTranslator
    from translator.review.tm import TranslationMemory
    from translator.terminology import TermEnforcer

__all__ = [
    "MACHINE", "MEMORY", "PIECEWISE", "PROTECTED", "UNPROTECTED", "SentenceJob", "Stage",
    "StageCounts", "make_jobs", "run_stages", "translate_jobs", "translation_stages",
]


def translation_stages(mt: MachineTranslator, memory: TranslationMemory | None = None,
                       enforcer: TermEnforcer | None = None,
                       announce: Callable[[int], None] = lambda n: None) -> list[Stage]:
    """The chain, in order; without a memory or a glossary their stages are left out."""
    from translator.stages.enforcement import NamesStage, TermsStage
    from translator.stages.machine import MachineStage
    from translator.stages.markup import MarkupStage
    from translator.stages.memory import MemoryStage

    stages: list[Stage] = [MemoryStage(memory)] if memory is not None else []
    stages.append(MachineStage(mt, announce))
    stages.append(MarkupStage(mt))
    if enforcer is not None:
        stages += [TermsStage(enforcer, mt), NamesStage(enforcer, mt)]
    return stages


def translate_jobs(jobs: Sequence[SentenceJob], mt: MachineTranslator,
                   memory: TranslationMemory | None = None,
                   enforcer: TermEnforcer | None = None,
                   announce: Callable[[int], None] = lambda n: None) -> StageCounts:
    """Run the whole chain over ``jobs``; each job ends with its ``translation``."""
    stages = translation_stages(mt, memory, enforcer, announce)
    if enforcer is None:
        return run_stages(stages, jobs)
    from concurrent.futures import ThreadPoolExecutor

    from translator.stages.enforcement import TermsStage

    terms = next(stage for stage in stages if isinstance(stage, TermsStage))
    first = stages.index(terms)
    with ThreadPoolExecutor(1, thread_name_prefix="triglot-glossary") as pool:
        read = [pool.submit(terms.read_sources, jobs)]
        mt.on_batch = lambda *batch: read.append(pool.submit(terms.read_outputs, *batch))
        try:
            counts = run_stages(stages[:first], jobs)
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
        finally:
            mt.on_batch = None
        for done in read:
            done.result()  # a failure there is the run's
    return run_stages(stages[first:], jobs, counts)
