"""``po export``: the catalogs of a run, one per article and target language.

Everything is computed first and written only when every existing catalog
could be read and merged, each file atomically; a catalog whose content did
not change is left untouched (its dates too).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from translator.core.atomic import write_text_atomic
from translator.core.errors import TriglotError, quote_path
from translator.core.i18n import _, ngettext
from translator.review.po.catalog import CatalogInfo, Message, build_catalog, po_date
from translator.review.po.ids import article_name, catalog_path, message_context, reference
from translator.review.po.notes import memory_notes, term_notes
from translator.review.po.reading import read_catalog
from translator.run_record import DocumentRecord, RunRecord, SegmentRecord, load, utf8_text

if TYPE_CHECKING:
    from translator.review.annotations import RunAnnotations, SegmentAnnotations
    from translator.review.tm import TranslationMemory


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    @property
    def catalogs(self) -> list[Path]:
        return sorted(self.written + self.unchanged)

    def to_dict(self) -> dict:
        return {"written": [utf8_text(str(p)) for p in self.written],
                "unchanged": [utf8_text(str(p)) for p in self.unchanged]}

    def human_lines(self) -> list[str]:
        written = len(self.written)
        return [*(_("written: {path}").format(path=quote_path(path)) for path in self.written),
                ngettext("catalogs: {count} written, {unchanged} unchanged",
                         "catalogs: {count} written, {unchanged} unchanged", written).format(
                    count=written, unchanged=len(self.unchanged))]


def export_review(run_dir: Path, glossary: Path | None = None,
                  tm_path: Path | None = None) -> ExportResult:
    """``triglot po export``: the glossary named (else the default one) and the memory
    at ``tm_path`` (else the run's own, if any)."""
    from translator.review.glossary_source import resolve_glossary
    from translator.review.tm import memory_path, open_memory

    with open_memory(memory_path(tm_path, run_dir)) as memory:
        return export_run(run_dir, memory, resolve_glossary(glossary))


def export_run(run_dir: Path, memory: TranslationMemory, glossary: Path | None = None,
               entities: bool = True, now: datetime | None = None) -> ExportResult:
    """Write or merge every catalog of the run in ``run_dir``, noting ``glossary``'s terms."""
    from translator.review.annotator import annotate
    from translator.review.glossary_source import load_concepts

    record = load(run_dir)
    return export_record(record, memory, annotate(record, load_concepts(glossary, record),
                                                  entities), now)


def export_record(record: RunRecord, memory: TranslationMemory, annotations: RunAnnotations,
                  now: datetime | None = None) -> ExportResult:
    """Write or merge every catalog of ``record``, with the notes its annotations give."""
    stamp = po_date(now or datetime.now(UTC))
    planned: dict[Path, str] = {}
    pending: list[tuple[Path, str]] = []
    result = ExportResult()
    for doc in record.documents:
        for target, segments in sorted(doc.targets.items()):
            if not segments:
                continue
            path = catalog_path(record.run_dir, target, doc.relpath)
            owner = planned.setdefault(path, doc.relpath)
            if owner != doc.relpath:
                raise TriglotError(_("{article} and {other} would share this catalog; rename "
                                     "one of them").format(article=quote_path(doc.relpath),
                                                           other=quote_path(owner)), path)
            messages = build_messages(doc, target, segments, memory,
                                      annotations.of(doc, target))
            info = CatalogInfo(article_name(doc.relpath), doc.lang, target)
            old = read_catalog(path) if path.exists() else None
            if old is not None:
                check_owner(old, info, path)
            catalog = build_catalog(info, messages, stamp, old)  # old dates kept
            if old is not None and path.read_text(encoding="utf-8") == serialise(catalog):
                result.unchanged.append(path)
                continue
            catalog.metadata["POT-Creation-Date"] = stamp
            pending.append((path, serialise(catalog)))
    for path, text in pending:
        write_text_atomic(path, text)
        result.written.append(path)
    return result


def serialise(catalog) -> str:
    """The catalog in msgcat's layout (``writing``), so gettext tools leave it as it is."""
    from translator.review.po.writing import catalog_text

    return catalog_text(catalog)


def check_owner(catalog, info: CatalogInfo, path: Path) -> None:
    """A catalog must be the one of this article and language (not one copied over it)."""
    from translator.review.po.catalog import ARTICLE_FIELD, same_language

    article = catalog.metadata.get(ARTICLE_FIELD)
    language = catalog.metadata.get("Language")
    if article is not None and article != info.relpath:
        raise TriglotError(_("this catalog belongs to the article {article}, not "
                             "{expected}").format(article=article, expected=info.relpath), path)
    if not same_language(language, info.target_lang):
        raise TriglotError(_("this catalog is in language '{language}', but its folder is for "
                             "'{expected}'").format(language=language,
                                                    expected=info.target_lang), path)


def memory_note(memory: TranslationMemory, segment: SegmentRecord, target: str) -> str:
    """The note on a sentence the translation memory filled: which review it reused."""
    origin = memory.origin(segment.lang, target, segment.source, segment.mt)
    if segment.from_memory:
        note = (_("translation memory: the run used this reviewed translation instead of MT "
                  "(reviewed in {origin})") if origin else
                _("translation memory: the run used this reviewed translation instead of MT"))
    else:
        note = (_("translation memory: the MT is a reviewed translation of this sentence "
                  "(reviewed in {origin})") if origin else
                _("translation memory: the MT is a reviewed translation of this sentence"))
    return note.format(origin=origin)


def build_messages(doc: DocumentRecord, target: str, segments: list[SegmentRecord],
                   memory: TranslationMemory, found: list[SegmentAnnotations]) -> list[Message]:
    """One message per unique sentence, in the order sentences first occur; its notes come
    from the annotations of that first occurrence."""
    by_text: dict[str, Message] = {}
    first: dict[str, tuple[SegmentRecord, SegmentAnnotations]] = {}
    for segment, seen in zip(segments, found, strict=True):
        ref = reference(doc.relpath, segment.ref)
        message = by_text.get(segment.source)
        if message is None:
            message = Message(message_context(doc.relpath, segment.source), segment.source,
                              segment.mt)
            by_text[segment.source] = message
            first[segment.source] = (segment, seen)
        if ref not in message.references:
            message.references.append(ref)
    by_lang: dict[str, list[str]] = defaultdict(list)
    for text, (segment, _seen) in first.items():
        by_lang[segment.lang].append(text)
    for lang, texts in by_lang.items():
        reviewed = memory.exact(lang, target, texts)
        for text in texts:
            segment, seen = first[text]
            message = by_text[text]
            notes = message.notes
            if lang != doc.lang:
                notes.append(_("source language: {lang}").format(lang=lang))
            if segment.from_memory or reviewed.get(text) == message.translation:
                message.reviewed = True
                notes.append(memory_note(memory, segment, target))
            notes.extend(seen.glossary_notes())
            notes.extend(term_notes(segment.terms))
            notes.extend(seen.entity_notes())
            notes.extend(memory_notes(memory, text, lang, target))
    return list(by_text.values())
