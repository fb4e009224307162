"""The batch translation run: articles in, translated articles out, with a summary.

Every sentence of every article is collected first, so MT batches span the
whole run and each unique sentence is translated once per target language.
Outputs are written only after all their sentences are done, each atomically,
so an interrupted run leaves either a finished file or none; rerunning it
picks the finished batches up from the cache.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translator.cache import TranslationCache
from translator.core.atomic import write_text_atomic
from translator.core.errors import ModelError, TriglotError
from translator.core.inline_codes import codes_intact, split_on_codes
from translator.document import CODE_RE, Document, render
from translator.engines.base import Engine, TranslateOptions
from translator.mt import MachineTranslator
from translator.progress import Progress
from translator.review.tm import TranslationMemory
from translator.segments import LETTER_RE, Segment, segment_document
from translator.summary import Problem, RunSummary

if TYPE_CHECKING:
    from translator.terminology import TermEnforcer, TermRecord



@dataclass
class RunRequest:
    paths: list[Path]
    targets: list[str]
    out_dir: Path
    source: str | None = None  # None: detect per article and paragraph
    options: TranslateOptions = field(default_factory=TranslateOptions)


@dataclass
class Article:
    doc: Document
    segments: list[Segment]


def load_articles(request: RunRequest, summary: RunSummary) -> list[Article]:
    """Read, detect and segment every input; bad files become errors, not exceptions."""
    from translator.ingest import collect_inputs, load_document
    from translator.langdetect import detect_document

    files: dict[Path, tuple[Path, Path]] = {}
    for given in request.paths:
        try:
            found, warnings = collect_inputs([given])
        except TriglotError as exc:
            summary.errors.append(Problem(str(given), exc.message))
            continue
        summary.warnings.extend(warnings)
        for path, root in found:
            files.setdefault(path.resolve(), (path, root))
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
            articles.append(Article(doc, segment_document(doc)))
        except TriglotError as exc:
            summary.errors.append(Problem(str(path), exc.message))
    summary.documents = len(articles)
    return articles


def check_detected(doc: Document) -> None:
    from translator.core.languages import LANGUAGES

    if doc.lang is None:
        raise TriglotError("cannot tell the article's language; pass --from ru|en|es")
    if doc.lang not in LANGUAGES:
        raise TriglotError(
            f"article is in an unsupported language ({doc.lang}); triglot handles ru, en, es"
        )


def translate_run(
    request: RunRequest, engine: Engine, cache: TranslationCache, progress: Progress,
    memory: TranslationMemory | None = None, enforcer: TermEnforcer | None = None,
) -> RunSummary:
    started = time.perf_counter()
    summary = RunSummary(engine=engine.name, targets=list(request.targets))
    articles = load_articles(request, summary)
    mt = MachineTranslator(engine, request.options, cache, progress.segments_done)

    # Which (article, target) pairs can be done, and which texts each language pair needs.
    plan: dict[tuple[int, str], list[Segment]] = {}
    jobs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for index, article in enumerate(articles):
        for target in request.targets:
            todo = [s for s in article.segments if s.lang != target and s.needs_mt]
            if not todo:
                continue
            try:
                for source in sorted({s.lang for s in todo}):
                    mt.route(source, target)
            except ModelError as exc:
                summary.errors.append(Problem(str(article.doc.path), exc.message))
                continue
            plan[(index, target)] = todo
            for segment in todo:
                jobs[(segment.lang, target)].add(segment.text)
            summary.segments += len(todo)

    # Reviewed translations in the translation memory replace MT outright.
    reviewed = {pair: memory.exact(*pair, texts) if memory else {} for pair, texts in jobs.items()}
    summary.tm_hits = sum(map(len, reviewed.values()))
    for_mt = {pair: texts - reviewed[pair].keys() for pair, texts in jobs.items()}
    for (source, target), texts in for_mt.items():
        progress.add_segments(len(texts) * len(mt.route(source, target)))
    progress.set_documents(len(plan))
    terms: dict[tuple[str, str], dict[str, list]] = {}
    if enforcer is None:
        machine = {pair: mt.translate(sorted(texts), *pair) if texts else {}
                   for pair, texts in sorted(for_mt.items())}
        summary.markup_fallbacks = repair_lost_markup(mt, machine)
    else:  # glossary enforcement (translator/terminology.py), after the cache
        from translator.terminology import translate_enforced

        enforced = translate_enforced(mt, enforcer, for_mt, repair_lost_markup)
        machine, terms = enforced.translations, enforced.terms
        summary.markup_fallbacks = enforced.markup_fallbacks
        summary.placeholder_fallbacks = enforced.placeholder_fallbacks
    translations = {pair: reviewed[pair] | machine[pair] for pair in sorted(for_mt)}

    outputs = write_outputs(request, articles, plan, translations, summary, progress)
    failed_paths = {problem.path for problem in summary.errors}
    summary.failed = len(failed_paths)
    summary.translated = len({str(articles[i].doc.path) for i, _ in outputs} - failed_paths)
    summary.outputs = [str(path) for path in outputs.values()]
    summary.cache_hits = mt.stats.cache_hits
    summary.machine_translated = mt.stats.machine_translated
    summary.pivots = sorted(mt.stats.pivots)
    summary.models = dict(mt.stats.models)
    summary.seconds = time.perf_counter() - started
    if enforcer is not None:
        summary.terms = Counter(record.status for (_, target), todo in plan.items()
                                for s in todo
                                for record in terms[(s.lang, target)].get(s.text, []))
    if outputs:
        write_manifest(request, articles, plan, translations, summary, terms)
    return summary


def repair_lost_markup(
    mt: MachineTranslator, translations: dict[tuple[str, str], dict[str, str]]
) -> int:
    """Where MT lost or scrambled inline codes, translate the text between the codes piecewise.

    The sentence then reads less fluently, but links, emphasis and tags are
    never dropped or misplaced.
    """
    broken: dict[tuple[str, str], list[str]] = {
        pair: [src for src, out in done.items() if not codes_intact(src, out)]
        for pair, done in translations.items()
    }
    count = 0
    for pair, sources in broken.items():
        if not sources:
            continue
        pieces = [p.strip() for s in sources for p in split_on_codes(s) if is_prose(p)]
        done = mt.translate(sorted(set(pieces)), *pair)
        for source in sources:
            translations[pair][source] = "".join(
                rejoin_piece(piece, done) for piece in split_on_codes(source)
            )
            count += 1
    return count


def is_prose(piece: str) -> bool:
    return not CODE_RE.fullmatch(piece) and bool(LETTER_RE.search(piece))


def rejoin_piece(piece: str, done: dict[str, str]) -> str:
    core = piece.strip()
    if not is_prose(piece) or core not in done:
        return piece
    lead = piece[: len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()) :]
    return lead + done[core] + trail


def translated_units(
    article: Article, target: str, translations: dict[tuple[str, str], dict[str, str]]
) -> list[str]:
    """Each unit's text in ``target``: translated sentence by sentence, or left as it was."""
    units = article.doc.units
    pieces: dict[int, list[str]] = defaultdict(list)
    for segment in article.segments:
        if segment.lang != target and segment.needs_mt:
            text = translations[(segment.lang, target)][segment.text]
        else:
            text = segment.text
        pieces[segment.unit].append(segment.render(text))
    return ["".join(pieces[i]) if i in pieces else unit.text for i, unit in enumerate(units)]


def write_outputs(
    request: RunRequest,
    articles: list[Article],
    plan: dict[tuple[int, str], list[Segment]],
    translations: dict[tuple[str, str], dict[str, str]],
    summary: RunSummary,
    progress: Progress,
) -> dict[tuple[int, str], Path]:
    written: dict[tuple[int, str], Path] = {}
    claimed: dict[Path, str] = {}
    for index, target in sorted(plan):
        article = articles[index]
        destination = request.out_dir / target / article.doc.relpath
        owner = claimed.setdefault(destination, str(article.doc.path))
        if owner != str(article.doc.path):
            summary.errors.append(Problem(
                str(article.doc.path), f"output {destination} is already written for {owner}"))
            continue
        text = render(article.doc, translated_units(article, target, translations), target)
        try:
            write_text_atomic(destination, text)
        except OSError as exc:
            summary.errors.append(
                Problem(str(article.doc.path), f"cannot write {destination}: {exc.strerror}"))
            continue
        written[(index, target)] = destination
        progress.document_done()
    return written


def write_manifest(
    request: RunRequest,
    articles: list[Article],
    plan: dict[tuple[int, str], list[Segment]],
    translations: dict[tuple[str, str], dict[str, str]],
    summary: RunSummary,
    terms: dict[tuple[str, str], dict[str, list[TermRecord]]] | None = None,
) -> None:
    """Record the run (sources, sentences, MT) so later steps (PO export, reports) can use it."""
    from translator.run_record import (
        DocumentRecord,
        RunRecord,
        SegmentRecord,
        file_sha256,
        relative_source,
    )

    record = RunRecord(request.out_dir, summary.engine, dict(summary.models),
                       request.options.output_key())
    for index, article in enumerate(articles):
        doc = article.doc
        entry = DocumentRecord(relative_source(doc.path, request.out_dir), doc.relpath.as_posix(),
                               doc.format, doc.lang or "", file_sha256(doc.path))
        for target in request.targets:
            if (index, target) not in plan:
                continue
            entry.targets[target] = [
                SegmentRecord(doc.units[s.unit].ref, s.unit, s.lang, s.text,
                              translations[(s.lang, target)][s.text],
                              tuple(r.to_dict() for r in (terms or {}).get((s.lang, target), {})
                                    .get(s.text, [])))
                for s in plan[(index, target)]
            ]
        record.documents.append(entry)
    record.save()
