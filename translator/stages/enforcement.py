"""Stages of glossary enforcement (``translator.terminology``), after plain MT.

``TermsStage`` checks the plain translation of each sentence and post-edits only
the terms it got wrong (a sentence with every term right is left as it is);
``NamesStage`` sends a sentence whose plain translation still lacks a name to MT
a second time, with just those names as placeholders, and keeps that candidate
only when it has more terms right, or as many and is closer to the plain
translation. Both MT passes go through the cache, so a changed glossary needs
no cache flush.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from translator.mt import MachineTranslator
from translator.stages.jobs import PROTECTED, UNPROTECTED, SentenceJob, StageCounts, by_pair
from translator.terminology import PROPOSED, Enforced, TermEnforcer, count_terms


class TermsStage:
    """Post-edit what plain MT got wrong; MT of a term alone finds odd renderings."""

    def __init__(self, enforcer: TermEnforcer, mt: MachineTranslator) -> None:
        self.enforcer, self.mt = enforcer, mt
        self._holding: dict[tuple[str, str, str], SentenceJob] = {}  # by MT's input
        self._targets: set[str] = set()  # the run's target languages, not a pivot's

    def read_sources(self, jobs: Sequence[SentenceJob]) -> None:
        """Find the glossary's terms in every source sentence: this needs no MT, so
        ``translate_jobs`` has it done while the engine translates."""
        texts: dict[str, list[str]] = {}
        for job in jobs:
            texts.setdefault(job.source, []).append(job.text)
        self.enforcer.focus(texts)
        self._targets = {job.target for job in jobs}
        for job in jobs:
            job.protection = self.enforcer.prepare(job.text, *job.pair, protect=())
            if job.protection.found:
                self._holding[(job.source, job.target, job.mt_input)] = job
        for target in {job.target for job in self._holding.values()}:
            self.enforcer.matcher(target)  # post-editing finds MT's renderings with it

    def read_outputs(self, hop: tuple[str, str], inputs: list[str], outputs: list[str]
                     ) -> None:
        """Check the terms of each sentence in its plain MT as a batch comes back from the
        engine, and find the glossary's terms in the other outputs, which stay as they
        are: ``run`` and the review after it ask the same of the glossary, which
        remembers the answers. A pivot's outputs (ru->en on the way to es) are no one's
        translation: left alone."""
        final = hop[1] in self._targets
        for text, output in zip(inputs, outputs, strict=True):
            job = self._holding.get((*hop, text))
            if job is None or job.protection is None:
                if final:
                    self.enforcer.matcher(hop[1]).find(output)
                continue
            for found in job.protection.found:
                self.enforcer.present(output, found, hop[1])

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        for pair, group in by_pair(job for job in jobs if job.for_mt):
            for job in group:
                if job.protection is None:
                    job.protection = self.enforcer.prepare(job.text, *pair, protect=())
                job.plain = job.translation or ""
            missing = {f.alone for job in group if job.protection is not None
                       for f in job.protection.found
                       if not self.enforcer.present(job.plain or "", f, pair[1])}
            renderings = self.mt.translate(sorted(missing), *pair) if missing else {}
            for job in group:
                done = self.edit(job, renderings)
                job.translation, job.terms = done.text, done.terms

    def edit(self, job: SentenceJob, renderings: dict[str, str]) -> Enforced:
        text = job.translation or ""
        if job.protection is None or not (job.protection.found or job.protection.skipped):
            return Enforced(text, [])
        try:
            return self.enforcer.edit(job.protection, text, False, renderings)
        except Exception:  # never lose a sentence to enforcement
            return Enforced(text, [])


class NamesStage:
    """A second, protected MT pass for the names plain MT lost, kept where it does better."""

    def __init__(self, enforcer: TermEnforcer, mt: MachineTranslator) -> None:
        self.enforcer, self.mt = enforcer, mt

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        retry = {job.key: missed_names(self.enforcer, Enforced("", job.terms))
                 for job in jobs if job.for_mt and job.terms}
        for pair, group in by_pair(job for job in jobs if retry.get(job.key)):
            for job in group:
                job.protection = self.enforcer.prepare(job.text, *pair, protect=retry[job.key])
                job.mt_input = job.protection.text
            group = [job for job in group if job.protected]
            raw = self.mt.translate(sorted({job.mt_input for job in group}), *pair)
            terms = sorted({f.alone for job in group if job.protection
                            for f in job.protection.found})
            renderings = self.mt.translate(terms, *pair) if terms else {}
            for job in group:
                self.settle(job, raw[job.mt_input], renderings, counts)

    def settle(self, job: SentenceJob, raw: str, renderings: dict[str, str],
               counts: StageCounts) -> None:
        """Keep the better of the post-edited plain MT and the protected MT; placeholders
        MT garbled are mended first, and the sentence counts as a fallback."""
        job.raw = raw
        current = Enforced(job.translation or "", job.terms)
        if job.protection is None:
            return
        restored = self.enforcer.restore(job.protection, raw)
        if restored is None:
            counts.placeholder_fallbacks += 1
            job.origin = UNPROTECTED
            restored = self.enforcer.restore(job.protection, raw, mended=True)
            if restored is None:
                return  # markup codes broke too: the post-edited plain translation stands
        try:
            protected = self.enforcer.edit(job.protection, restored, True, renderings)
        except Exception:  # never lose a sentence to enforcement
            return
        best = choose([current, protected], job.plain or current.text)
        if best is protected:
            job.translation, job.terms, job.origin = best.text, best.terms, PROTECTED


def missed_names(enforcer: TermEnforcer, done: Enforced) -> set[str]:
    """The names a candidate translation still lacks: worth a protected MT pass."""
    return {r.concept for r in done.terms if not r.enforced and r.status != PROPOSED
            and r.target and enforcer.is_name(r.concept)}


def choose(candidates: Iterable[Enforced], plain: str) -> Enforced:
    """More terms right first, then closer to the plain translation (chrF); the first of
    equals, so list the least changed candidate first."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    items = list(candidates)
    if len(items) == 1:
        return items[0]
    return max(items, key=lambda c: (count_terms(c.terms)[0],
                                     chrf.sentence_score(c.text, [plain]).score))
