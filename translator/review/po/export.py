"""``po export``: the catalogs of a run, one per article and target language.

Everything is computed first and written only when every existing catalog
could be read and merged, each file atomically; a catalog whose content did
not change is left untouched (its dates too).
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from translator.core.atomic import write_text_atomic
from translator.core.errors import TriglotError
from translator.review.po.catalog import CatalogInfo, Message, build_catalog, po_date
from translator.review.po.ids import catalog_path, message_context, reference
from translator.review.po.notes import entity_notes, glossary_notes, memory_notes, term_notes
from translator.review.po.reading import read_catalog
from translator.run_record import DocumentRecord, SegmentRecord, load

if TYPE_CHECKING:
    from glossary.store import Termbase
    from translator.review.tm import TranslationMemory


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    @property
    def catalogs(self) -> list[Path]:
        return sorted(self.written + self.unchanged)


def export_run(run_dir: Path, memory: TranslationMemory, glossary: Path | None = None,
               entities: bool = True, now: datetime | None = None) -> ExportResult:
    """Write or merge every catalog of the run in ``run_dir``."""
    record = load(run_dir)
    stamp = po_date(now or datetime.now(UTC))
    planned: dict[Path, str] = {}
    pending: list[tuple[Path, str]] = []
    result = ExportResult()
    with _open_glossary(glossary) as termbase:
        for doc in record.documents:
            for target, segments in sorted(doc.targets.items()):
                if not segments:
                    continue
                path = catalog_path(record.run_dir, target, doc.relpath)
                owner = planned.setdefault(path, doc.relpath)
                if owner != doc.relpath:
                    raise TriglotError(f"{doc.relpath} and {owner} would share the catalog "
                                       f"{path}; rename one of them", path)
                messages = build_messages(doc, target, segments, memory, termbase, entities)
                info = CatalogInfo(doc.relpath, doc.lang, target)
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
    text = str(catalog)
    return text if text.endswith("\n") else text + "\n"


def check_owner(catalog, info: CatalogInfo, path: Path) -> None:
    """A catalog must be the one of this article and language (not one copied over it)."""
    from translator.review.po.catalog import ARTICLE_FIELD

    article = catalog.metadata.get(ARTICLE_FIELD)
    language = catalog.metadata.get("Language")
    if article is not None and article != info.relpath:
        raise TriglotError(f"this catalog belongs to the article {article}, not "
                           f"{info.relpath}", path)
    if language is not None and language != info.target_lang:
        raise TriglotError(f"this catalog is in language '{language}', but its folder is "
                           f"for '{info.target_lang}'", path)


def _open_glossary(path: Path | None):
    if path is None:
        return nullcontext()
    from glossary.store import Termbase

    return Termbase.open(path)


def build_messages(doc: DocumentRecord, target: str, segments: list[SegmentRecord],
                   memory: TranslationMemory, termbase: Termbase | None,
                   entities: bool = True) -> list[Message]:
    """One message per unique sentence, in the order sentences first occur."""
    by_text: dict[str, Message] = {}
    first: dict[str, SegmentRecord] = {}
    for segment in segments:
        ref = reference(doc.relpath, segment.ref)
        message = by_text.get(segment.source)
        if message is None:
            message = Message(message_context(doc.relpath, segment.source), segment.source,
                              segment.mt)
            by_text[segment.source] = message
            first[segment.source] = segment
        if ref not in message.references:
            message.references.append(ref)
    by_lang: dict[str, list[str]] = defaultdict(list)
    for text, segment in first.items():
        by_lang[segment.lang].append(text)
    for lang, texts in by_lang.items():
        reviewed = memory.exact(lang, target, texts)
        names = (entity_notes(texts, [by_text[t].translation for t in texts], lang, target)
                 if entities else [[] for _ in texts])
        for text, name_notes in zip(texts, names, strict=True):
            message = by_text[text]
            notes = message.notes
            if lang != doc.lang:
                notes.append(f"source language: {lang}")
            if reviewed.get(text) == message.translation:
                message.reviewed = True
                notes.append("translation memory: a reviewed translation of this sentence")
            if termbase is not None:
                notes.extend(glossary_notes(termbase, text, lang, target))
            notes.extend(term_notes(first[text].terms))
            notes.extend(name_notes)
            notes.extend(memory_notes(memory, text, lang, target))
    return list(by_text.values())
