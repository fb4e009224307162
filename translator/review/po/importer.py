"""``po import``: rebuild a run's translated articles from its reviewed catalogs.

Each source article is read and segmented again exactly as the run did (the
run record gives each paragraph's language), and each sentence takes the
reviewed translation from its catalog entry; fuzzy entries only with
``--use-fuzzy``; everything else keeps the run's MT. Reviewed pairs go into
the translation memory, and reviewers' renderings that differ from the
glossary into ``glossary-proposals.csv``.

Every catalog, article and translation is checked before anything is written:
a malformed catalog, a catalog of another article or language, or a source
article that changed since the run stops the import with one error and no
file touched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translator.core.atomic import write_text_atomic
from translator.core.errors import TriglotError, quote_path
from translator.core.i18n import _, ngettext
from translator.core.inline_codes import codes_intact
from translator.document import render
from translator.review.po.catalog import ARTICLE_FIELD, FUZZY, same_language
from translator.review.po.entries import match_sentences
from translator.review.po.ids import article_name, article_of_context, catalog_path
from translator.review.po.proposals import (
    PROPOSALS_FILE,
    Reviewed,
    find_proposals,
    merge_proposals,
    proposals_csv,
    read_proposals,
)
from translator.review.po.reading import find_catalogs, read_catalog
from translator.review.tm import TMUnit, TranslationMemory
from translator.run_record import DocumentRecord, RunRecord, load, utf8_text
from translator.segments import Article, translated_units

if TYPE_CHECKING:
    import polib

#: A line break as ``str.splitlines`` (and so ``check``/``eval``) sees one, with the spaces
#: around it. No sentence has one: every format joins a paragraph's lines with a space.
LINE_BREAK = re.compile(r"[ \t]*(?:(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])[ \t]*)+")


@dataclass
class ImportResult:
    articles: list[Path] = field(default_factory=list)
    reviewed: int = 0  # sentences whose reviewed translation was used
    fuzzy: int = 0  # sentences whose fuzzy translation, not the MT, was used (--use-fuzzy)
    machine: int = 0  # sentences left with their MT
    tm_added: int = 0
    proposals: int = 0
    proposals_path: Path | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"articles": [utf8_text(str(p)) for p in self.articles], "reviewed": self.reviewed,
                "fuzzy_used": self.fuzzy, "machine_translation": self.machine,
                "tm_added": self.tm_added, "glossary_proposals": self.proposals,
                "proposals_file": utf8_text(str(self.proposals_path)) if self.proposals_path
                else None,
                "warnings": self.warnings}

    def human_lines(self) -> list[str]:
        proposals = (ngettext("glossary proposals: {count} in {path}",
                              "glossary proposals: {count} in {path}", self.proposals)
                     if self.proposals_path else
                     ngettext("glossary proposals: {count}", "glossary proposals: {count}",
                              self.proposals))
        return [
            ngettext("articles: {count} rebuilt", "articles: {count} rebuilt",
                     len(self.articles)).format(count=len(self.articles)),
            ngettext("sentences: {count} reviewed, {fuzzy} fuzzy used, {machine} "
                     "machine-translated",
                     "sentences: {count} reviewed, {fuzzy} fuzzy used, {machine} "
                     "machine-translated", self.reviewed).format(
                count=self.reviewed, fuzzy=self.fuzzy, machine=self.machine),
            ngettext("translation memory: {count} new reviewed pair",
                     "translation memory: {count} new reviewed pairs",
                     self.tm_added).format(count=self.tm_added),
            proposals.format(count=self.proposals, path=quote_path(self.proposals_path or "")),
        ]


@dataclass
class Plan:
    """One catalog, checked and tied to its article and language."""

    doc: DocumentRecord
    lang: str
    catalog: polib.POFile
    path: Path


def import_run(run_dir: Path, tm_path: Path, use_fuzzy: bool = False,
               glossary: Path | None = None, entities: bool = True) -> ImportResult:
    record = load(run_dir)
    result = ImportResult()
    plans = []
    for lang, path in find_catalogs(record.run_dir):
        plan = check_catalog(record, lang, path)
        if lang in plan.doc.targets:
            plans.append(plan)
        else:  # left from an earlier run into more languages: nothing to rebuild it from
            result.warnings.append(_("{path}: skipped, the last run of {article} did not "
                                     "translate it into '{lang}'").format(
                path=quote_path(path), article=article_name(plan.doc.relpath), lang=lang))
    articles = {relpath: reread_article(record, doc) for relpath, doc in
                {p.doc.relpath: p.doc for p in plans}.items()}
    outputs: list[tuple[Path, str]] = []
    pairs: list[TMUnit] = []
    reviewed: list[Reviewed] = []
    for plan in plans:
        article = articles[plan.doc.relpath]
        text = rebuild(plan, article, use_fuzzy, result, pairs, reviewed)
        outputs.append((record.run_dir / plan.lang / plan.doc.relpath, text))
    proposals_path = record.run_dir / PROPOSALS_FILE
    proposals = []
    if reviewed and (glossary is not None or entities):
        from translator.review.glossary_source import load_concepts

        concepts = load_concepts(glossary, record)
        proposals = merge_proposals(
            find_proposals([r for r in reviewed if r.mt != r.reviewed], concepts, entities),
            read_proposals(proposals_path), reviewed, concepts)
    if tm_path.exists():
        TranslationMemory(tm_path).close()  # a file that is not a memory fails here, not later
    # Everything is known to be good: write.
    for path, text in outputs:
        write_text_atomic(path, text)
        result.articles.append(path)
    if pairs:
        with TranslationMemory(tm_path, create=True) as memory:
            result.tm_added = memory.add(pairs)
    result.proposals = len(proposals)
    result.proposals_path = proposals_path
    write_text_atomic(proposals_path, proposals_csv(proposals))
    return result


def check_catalog(record: RunRecord, lang: str, path: Path) -> Plan:
    """Read a catalog and check it belongs where it lies: this run, article and language."""
    catalog = read_catalog(path)
    article = catalog.metadata.get(ARTICLE_FIELD)
    if not article:
        raise TriglotError(_("not a triglot catalog: no {field} header").format(
            field=ARTICLE_FIELD), path)
    named = [d for d in record.documents if article_name(d.relpath) == article]
    if not named:
        raise TriglotError(_("this catalog belongs to the article {article}, which is not "
                             "part of this run").format(article=article), path)
    doc = next((d for d in named if catalog_path(record.run_dir, lang, d.relpath) == path),
               None)
    if doc is None:
        expected = catalog_path(record.run_dir, lang, named[0].relpath)
        raise TriglotError(_("this catalog belongs to the article {article} (its place is "
                             "{path})").format(article=article, path=quote_path(expected)), path)
    language = catalog.metadata.get("Language")
    if not same_language(language, lang):
        raise TriglotError(_("this catalog is in language '{language}', but it sits in the "
                             "folder for '{lang}'").format(language=language, lang=lang), path)
    for entry in catalog:
        if not entry.obsolete and article_of_context(entry.msgctxt or "") != article:
            raise TriglotError(_("the entry at line {line} belongs to another article (msgctxt "
                                 "{context})").format(line=entry.linenum,
                                                      context=repr(entry.msgctxt)), path)
    return Plan(doc, lang, catalog, path)


def reread_article(record: RunRecord, doc: DocumentRecord) -> Article:
    """The source article segmented as the run did; an error if it changed since."""
    from translator.ingest import parse_text, read_text
    from translator.segments import segment_document

    source = record.source_path(doc)
    parsed = parse_text(read_text(source), doc.format, source, Path(doc.relpath))
    parsed.lang = doc.lang
    languages = doc.unit_languages()
    for index, unit in enumerate(parsed.units):
        unit.lang = languages.get(index, doc.lang)
    article = Article(parsed, segment_document(parsed))
    present = {(s.unit, s.text) for s in article.segments}
    for target, segments in doc.targets.items():
        if any((s.unit, s.source) not in present for s in segments):
            raise TriglotError(_("the article changed since it was translated into '{lang}'; "
                                 "run 'triglot translate ... --po' again, then review").format(
                lang=target), source)
    return article


def rebuild(plan: Plan, article: Article, use_fuzzy: bool, result: ImportResult,
            pairs: list[TMUnit], reviewed: list[Reviewed]) -> str:
    """The article in ``plan.lang`` with the catalog's translations; collects the reviewed
    pairs for the memory (only sentences the article has) and every reviewed sentence."""
    doc, lang = plan.doc, plan.lang
    machine = {(s.lang, s.source): s.mt for s in doc.targets[lang]}
    to_review = [s for s in article.segments if (s.lang, s.text) in machine]
    matched = match_sentences(doc.relpath, [s.text for s in to_review], plan.catalog,
                              quote_path(plan.path))
    result.warnings += matched.warnings
    translations: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for segment in article.segments:
        pair = (segment.lang, lang)
        if segment.text in translations[pair]:
            continue
        mt = machine.get((segment.lang, segment.text))
        if mt is None:  # a sentence the run did not translate stays as it was
            translations[pair][segment.text] = segment.text
            continue
        entry = matched.entries.get(segment.text)
        chosen = checked(plan, entry, segment.text, use_fuzzy, result.warnings)
        translations[pair][segment.text] = mt if chosen is None else chosen
        if entry is None or chosen is None or (chosen == mt and FUZZY in entry.flags):
            result.machine += 1
        elif FUZZY in entry.flags:
            result.fuzzy += 1
        else:
            result.reviewed += 1
            name = article_name(doc.relpath)
            reviewed.append(Reviewed(name, entry.msgctxt, segment.lang, lang, segment.text,
                                     mt, chosen))
            pairs.append(TMUnit(segment.lang, lang, segment.text, chosen, f"po:{lang}/{name}"))
    return render(article.doc, translated_units(article, lang, translations), lang)


def choose(entry: polib.POEntry | None, use_fuzzy: bool) -> str | None:
    """The entry's translation if it may be used, else None (keep the MT)."""
    if entry is None or not entry.msgstr:
        return None
    if FUZZY in entry.flags and not use_fuzzy:
        return None
    return entry.msgstr


def checked(plan: Plan, entry: polib.POEntry | None, sentence: str, use_fuzzy: bool,
            warnings: list[str]) -> str | None:
    """``choose``, then what a reviewer's tool may have done to the entry, each named by its
    line: plural forms or changed markup codes keep the MT; line breaks are folded."""
    if entry is None:
        return None
    if entry.msgid_plural:
        if any(entry.msgstr_plural.values()) and (use_fuzzy or FUZZY not in entry.flags):
            warnings.append(_(
                "{path}:{line}: the entry has plural forms (msgid_plural), which a sentence cannot "
                "have; its translation is not used, the MT is kept: put a single msgstr back "
                "(msgctxt {context})").format(path=quote_path(plan.path), line=entry.linenum,
                                              context=repr(entry.msgctxt)))
        return None
    chosen = choose(entry, use_fuzzy)
    if chosen is not None and not codes_intact(sentence, chosen):
        warnings.append(_(
            "{path}:{line}: the translation changes the markup codes of its source "
            "({sentence}); the MT is kept").format(
            path=quote_path(plan.path), line=entry.linenum, sentence=repr(sentence)))
        return None
    if chosen is not None and LINE_BREAK.search(chosen):
        warnings.append(_(
            "{path}:{line}: the translation has a line break, which its sentence has not; it was "
            "used joined into one line, so the article keeps its lines").format(
            path=quote_path(plan.path), line=entry.linenum))
        return " ".join(piece for piece in LINE_BREAK.split(chosen) if piece)
    return chosen
