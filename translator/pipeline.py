"""The batch translation run: articles in, translated articles out, with a summary.

Every sentence of every article is collected first, so MT batches span the
whole run and each unique sentence is translated once per target language.
Outputs are written only after all their sentences are done, each atomically,
so an interrupted run leaves either a finished file or none; rerunning it
picks the finished batches up from the cache.

This module reads, plans and writes; translating the unique sentences is the
chain of stages in ``translator.stages`` (memory, MT, markup repair, glossary).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translator.cache import TranslationCache
from translator.core.atomic import write_text_atomic
from translator.core.errors import (
    DiskFullError,
    InputError,
    ModelError,
    TriglotError,
    quote_path,
)
from translator.core.i18n import _
from translator.document import Document, render
from translator.engines.base import (
    BatchingOptions,
    DecodingOptions,
    Engine,
    LoadOptions,
    options_label,
)
from translator.mt import MachineTranslator
from translator.progress import Progress
from translator.run_engine import Closing, EngineLog, Warmer
from translator.segments import Article, Segment, segment_document, translated_units
from translator.stages import SentenceJob, make_jobs, translate_jobs
from translator.summary import Problem, RunSummary

if TYPE_CHECKING:
    from translator.review.tm import TranslationMemory
    from translator.run_record import SegmentRecord
    from translator.terminology import TermEnforcer


@dataclass
class RunRequest:
    paths: list[Path]
    targets: list[str]
    out_dir: Path
    source: str | None = None  # None: detect per article and paragraph
    load: LoadOptions = field(default_factory=LoadOptions)
    decoding: DecodingOptions = field(default_factory=DecodingOptions)
    batching: BatchingOptions = field(default_factory=BatchingOptions)
    ray_address: str | None = None  # translate --ray: the MT runs on this Ray cluster


@dataclass(eq=False)
class Planned:
    """One article to write in one target language, with its sentences that need MT."""

    index: int  # the article's place in the run
    article: Article
    target: str
    segments: list[Segment]


def load_articles(request: RunRequest, summary: RunSummary,
                  language_seen: Callable[[str], None] = lambda lang: None) -> list[Article]:
    """Read, detect and segment every input; bad files become errors, not exceptions.
    ``language_seen`` hears each source language as soon as an article is found in it."""
    from translator.ingest import collect_inputs, load_document
    from translator.langdetect import detect_document

    check_out_dir(request)
    files: dict[Path, tuple[Path, Path]] = {}
    for given in request.paths:
        try:
            found, warnings = collect_inputs([given], request.out_dir)
        except TriglotError as exc:
            summary.errors.append(Problem(str(given), exc.message))
            continue
        summary.warnings.extend(warnings)
        for path, root in found:
            files.setdefault(path.resolve(), (path, root))
    if not files and not summary.errors:
        raise_nothing_to_translate(request.paths)
    if files and request.source:  # known before reading: the engine gets ready meanwhile
        language_seen(request.source)
    out_dir = request.out_dir.resolve()
    articles: list[Article] = []
    for resolved, (path, root) in files.items():
        if resolved.is_relative_to(out_dir):
            continue  # our own earlier output inside an input folder
        try:
            doc = load_document(path, root)
            if request.source:
                doc.lang = request.source
                for unit in doc.units:
                    unit.lang = request.source
            else:
                detect_document(doc)
                check_detected(doc)
            if doc.lang:
                language_seen(doc.lang)
            summary.warnings.extend(f"{quote_path(path)}: {note}" for note in doc.notes)
            articles.append(Article(doc, segment_document(doc)))
        except TriglotError as exc:
            summary.errors.append(Problem(str(path), exc.message))
    summary.documents = len(articles)
    return articles


def raise_nothing_to_translate(paths: list[Path]) -> None:
    """Folders without a single article are bad input, not a run that did nothing: exit 2
    in one line (a run of other files only warns about an empty folder among them)."""
    folders = ", ".join(quote_path(path) for path in paths)
    raise InputError(_("{folder}: no .txt, .md or .html files found").format(folder=folders))


def check_out_dir(request: RunRequest) -> None:
    """Refuse an output folder that is an input folder or above one: every input would be
    skipped as an earlier output (or, written, be read again next time). Below is fine: a
    folder holding a run record is left out of the inputs (``ingest.files_below``)."""
    out_dir = request.out_dir.resolve()
    for given in request.paths:
        folder = given.resolve()
        if folder.is_dir() and folder.is_relative_to(out_dir):
            message = (_("--out {out} is the input folder {folder}; choose an output folder "
                         "outside it") if folder == out_dir else
                       _("--out {out} contains the input folder {folder}; choose an output "
                         "folder outside it"))
            raise TriglotError(message.format(out=quote_path(request.out_dir),
                                              folder=quote_path(given)))


def check_detected(doc: Document) -> None:
    from translator.core.languages import LANGUAGES

    if doc.lang is None:
        raise TriglotError(_("cannot tell the article's language; pass --from ru|en|es"))
    if doc.lang not in LANGUAGES:
        raise TriglotError(_("article is in an unsupported language ({lang}); triglot handles "
                             "ru, en, es").format(lang=doc.lang))


def translate_run(
    request: RunRequest, engine: Engine, cache: TranslationCache, progress: Progress,
    memory: TranslationMemory | None = None, enforcer: TermEnforcer | None = None,
    translated: Callable[[], None] = lambda: None,
) -> RunSummary:
    """Read and plan every article, translate the unique sentences, write the outputs.
    ``translated`` is called once the engine has done its part, before the writing."""
    started = time.perf_counter()
    summary = RunSummary(engine=engine.name, targets=list(request.targets))
    engine = EngineLog(engine)
    mt = MachineTranslator(engine, cache, request.load, request.decoding, request.batching,
                           progress.segments_done)
    articles = load_articles(request, summary, Warmer(mt, request.targets))
    plan = plan_outputs(request, articles, mt, summary)
    jobs = {job.key: job for job in make_jobs(
        (s.lang, item.target, s.text) for item in plan for s in item.segments)}
    progress.set_documents(len(plan))
    counts = translate_jobs(list(jobs.values()), mt, memory, enforcer, progress.add_segments)
    translated()
    summary.tm_hits = counts.tm_hits
    summary.markup_fallbacks = counts.markup_fallbacks
    summary.placeholder_fallbacks = counts.placeholder_fallbacks

    outputs, disk_full = write_outputs(request, plan, translation_table(jobs.values()), summary,
                                       progress)
    failed_paths = {problem.path for problem in summary.errors}
    failed_paths.update(str(item.article.doc.path) for item in plan if item not in outputs)
    summary.failed = len(failed_paths)
    summary.translated = len({str(item.article.doc.path) for item in outputs} - failed_paths)
    summary.outputs = [str(path) for path in outputs.values()]
    summary.cache_hits = mt.stats.cache_hits
    summary.machine_translated = mt.stats.machine_translated
    summary.pivots = sorted(mt.stats.pivots)
    summary.models = dict(mt.stats.models)
    count_origins(summary, plan, jobs, mt, engine)
    summary.seconds = time.perf_counter() - started
    if enforcer is not None:
        summary.terms = Counter(record.status for item in plan for s in item.segments
                                for record in jobs[(s.lang, item.target, s.text)].terms)
    if outputs and not disk_full:  # a full disk was said once, naming the file it stopped at
        try:
            write_manifest(request, articles, plan, jobs, summary)
        except DiskFullError as exc:
            summary.errors.append(Problem(str(request.out_dir), _(
                "cannot write the run record: {error}; 'po export' and 'report' will not see "
                "it").format(error=exc)))
        except (OSError, ValueError) as exc:  # the outputs are written: keep the summary
            summary.warnings.append(_(
                "cannot write the run record in {folder} ({error}); 'po export' and 'report' "
                "will not see this run").format(folder=quote_path(request.out_dir), error=exc))
    return summary


def count_origins(summary: RunSummary, plan: list[Planned],
                  jobs: dict[tuple[str, str, str], SentenceJob], mt: MachineTranslator,
                  engine: EngineLog) -> None:
    """Per segment (sentence x target, as ``segments`` counts): memory, engine or cache."""
    for item in plan:
        for segment in item.segments:
            job = jobs[(segment.lang, item.target, segment.text)]
            if not job.for_mt:
                summary.segments_from_memory += 1
            elif went_to_engine(job, mt, engine):
                summary.segments_from_engine += 1
            else:
                summary.segments_from_cache += 1


def went_to_engine(job: SentenceJob, mt: MachineTranslator, engine: EngineLog) -> bool:
    """Whether any hop of the job's route was translated by the engine in this run."""
    text = job.mt_input
    for source, target in mt.route(*job.pair):
        identity = mt.stats.models.get(f"{source}->{target}", "")
        if text in engine.sent[identity]:
            return True
        found = mt.cache.lookup(identity, mt.options_key, [text])
        if text not in found:
            return False  # not reached: every job that went to MT has a translation
        text = found[text]
    return False


def plan_outputs(request: RunRequest, articles: list[Article], mt: MachineTranslator,
                 summary: RunSummary) -> list[Planned]:
    """Which articles can be written in which targets; an article lacking a model is an error."""
    from translator.langdetect import language_name

    plan: list[Planned] = []
    for index, article in enumerate(articles):
        for target in request.targets:
            todo = [s for s in article.segments if s.lang != target and s.needs_mt]
            if not todo:
                if article.doc.lang == target:
                    summary.warnings.append(_("{path}: skipped for {target}: already in "
                                              "{language}").format(
                        path=quote_path(article.doc.path), target=target,
                        language=language_name(target)))
                continue
            try:
                for source in sorted({s.lang for s in todo}):
                    mt.route(source, target)
            except ModelError as exc:
                summary.errors.append(Problem(str(article.doc.path), exc.message))
                continue
            plan.append(Planned(index, article, target, todo))
            summary.segments += len(todo)
    return plan


def translation_table(jobs: Iterable[SentenceJob]) -> dict[tuple[str, str], dict[str, str]]:
    """(source, target) -> sentence -> its translation, as ``translated_units`` reads it."""
    table: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for job in jobs:
        table[job.pair][job.text] = job.translation or ""
    return dict(table)


def write_outputs(
    request: RunRequest,
    plan: list[Planned],
    translations: dict[tuple[str, str], dict[str, str]],
    summary: RunSummary,
    progress: Progress,
) -> tuple[dict[Planned, Path], bool]:
    """Write each planned output atomically; two articles claiming one output is an error.
    A full disk stops the writing (one error line); the bool says it happened."""
    written: dict[Planned, Path] = {}
    claimed: dict[Path, str] = {}
    for item in sorted(plan, key=lambda p: (p.index, p.target)):
        doc = item.article.doc
        destination = request.out_dir / item.target / doc.relpath
        owner = claimed.setdefault(destination, str(doc.path))
        if owner != str(doc.path):
            summary.errors.append(Problem(str(doc.path), _(
                "output {path} is already written for {owner}").format(
                path=destination, owner=owner)))
            continue
        units = translated_units(item.article, item.target, translations)
        try:
            write_text_atomic(destination, render(doc, units, item.target))
        except DiskFullError as exc:  # every later output would fail the same way: stop
            summary.errors.append(Problem(str(doc.path), _(
                "cannot write {error}; {left} of {total} outputs not written (the others are "
                "complete)").format(error=exc, left=len(plan) - len(written), total=len(plan))))
            return written, True
        except OSError as exc:
            summary.errors.append(
                Problem(str(doc.path), _("cannot write {path}: {reason}").format(
                    path=destination, reason=exc.strerror)))
            continue
        except TriglotError as exc:  # refused: a folder or a database where it would go
            summary.errors.append(Problem(str(doc.path), _("cannot write {path}: {reason}")
                                          .format(path=destination, reason=exc.message)))
            continue
        written[item] = destination
        progress.document_done()
    return written, False


def translate_with(request: RunRequest, engine_name: str, cache_path: Path | None,
                   memory: TranslationMemory | None = None,
                   enforcer: TermEnforcer | None = None,
                   after: Callable[[RunSummary], None] = lambda summary: None) -> RunSummary:
    """``triglot translate``'s run: the engine by name (its batches on the request's Ray
    cluster if it names one), the cache at ``cache_path`` (None: in memory only, nothing
    kept), a progress bar on stderr. ``after`` (the review) is given the summary while
    the engine's processes wind down; the run returns once they have."""
    from translator.engines.registry import make_engine

    if request.source is None:  # the run detects languages: its model loads meanwhile
        from translator.langdetect import preload

        preload()
    engine = make_engine(engine_name)
    if request.ray_address is not None:
        from translator.engines.ray_pool import on_ray

        engine = on_ray(engine, request.ray_address)
    cache = TranslationCache(cache_path)
    progress = Progress()
    closing = Closing(engine)
    try:
        summary = translate_run(request, engine, cache, progress, memory, enforcer,
                                closing.start)
        progress.close()
        after(summary)
        return summary
    finally:
        progress.close()
        cache.close()
        closing.join()  # its processes end with the run


def write_manifest(
    request: RunRequest,
    articles: list[Article],
    plan: list[Planned],
    jobs: dict[tuple[str, str, str], SentenceJob],
    summary: RunSummary,
) -> None:
    """Record the run (sources, sentences, MT, term records) for PO export and reports."""
    from translator.run_record import DocumentRecord, RunRecord, file_sha256, relative_source

    record = RunRecord(request.out_dir, summary.engine, dict(summary.models),
                       options_label(request.load, request.decoding))
    planned = {(item.index, item.target): item for item in plan}
    for index, article in enumerate(articles):
        doc, units = article.doc, article.doc.units  # a property: a new list per call
        entry = DocumentRecord(relative_source(doc.path, request.out_dir), doc.relpath.as_posix(),
                               doc.format, doc.lang or "", file_sha256(doc.path))
        for target in request.targets:
            if (index, target) in planned:
                entry.targets[target] = [
                    segment_record(units[s.unit].ref, s.unit, jobs[(s.lang, target, s.text)])
                    for s in planned[(index, target)].segments]
        record.documents.append(entry)
    record.save()


def segment_record(ref: str, unit: int, job: SentenceJob) -> SegmentRecord:
    from translator.run_record import SegmentRecord

    return SegmentRecord(ref, unit, job.source, job.text, job.translation or "",
                         tuple(r.to_dict() for r in job.terms), origin=job.origin)
