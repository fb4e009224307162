"""Stages of glossary enforcement (``translator.terminology``) around MT.

``ProtectStage`` (before MT) puts placeholders on the glossary's names;
``NamesStage`` (after MT) puts them back, once per protected sentence, and
sends a sentence whose placeholders MT broke to MT again unprotected;
``TermsStage`` (after markup repair) post-edits and verifies every term.
"""

from __future__ import annotations

from collections.abc import Sequence

from translator.mt import MachineTranslator
from translator.stages.jobs import PROTECTED, UNPROTECTED, SentenceJob, StageCounts, by_pair
from translator.terminology import Enforced, TermEnforcer


class ProtectStage:
    def __init__(self, enforcer: TermEnforcer) -> None:
        self.enforcer = enforcer

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        for job in jobs:
            if job.for_mt:
                job.protection = self.enforcer.prepare(job.text, job.source, job.target)
                job.mt_input = job.protection.text


class NamesStage:
    def __init__(self, enforcer: TermEnforcer, mt: MachineTranslator) -> None:
        self.enforcer, self.mt = enforcer, mt

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        for pair, group in by_pair(job for job in jobs if job.for_mt and job.protected):
            broken: list[SentenceJob] = []
            for job in group:
                restored = (self.enforcer.restore(job.protection, job.raw or "")
                            if job.protection is not None else None)
                if restored is None:
                    broken.append(job)
                else:
                    job.translation, job.origin = restored, PROTECTED
            if not broken:
                continue
            plain = self.mt.translate([job.text for job in broken], *pair)
            for job in broken:
                job.translation, job.origin = plain[job.text], UNPROTECTED
            counts.placeholder_fallbacks += len(broken)


class TermsStage:
    """Post-edit each term into the preferred one; MT of a term alone finds odd renderings."""

    def __init__(self, enforcer: TermEnforcer, mt: MachineTranslator) -> None:
        self.enforcer, self.mt = enforcer, mt

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        for pair, group in by_pair(job for job in jobs if job.protection is not None):
            terms = sorted({f.match.text for job in group if job.protection
                            for f in job.protection.found})
            renderings = self.mt.translate(terms, *pair) if terms else {}
            for job in group:
                done = self.edit(job, renderings)
                job.translation, job.terms = done.text, done.terms

    def edit(self, job: SentenceJob, renderings: dict[str, str]) -> Enforced:
        text = job.translation or ""
        if job.protection is None:
            return Enforced(text, [])
        try:
            return self.enforcer.edit(job.protection, text, job.origin == PROTECTED, renderings)
        except Exception:  # never lose a sentence to enforcement
            return Enforced(text, [])
