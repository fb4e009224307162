"""Precision, recall and F1 of extraction (per language) and alignment (per pair) against gold.

Formats (as in the shared FLORES files):
- sentences: one JSON object a line, ``{"id", "en", "ru", "es"}``;
- gold: ``{"id", "entities": [{"type", "en", "ru", "es", optional "ru_alt"/"es_alt"}]}``,
  each form copied as it stands in its sentence, null where a translation omits it.
A predicted mention is right when it overlaps a gold span; a predicted pair is
right when both of its spans overlap the two spans of one gold entity. A gold
form that occurs twice in its sentence ("Japan ... Japan") is gold at each
occurrence: the files do not say which one was meant. Precision counts the
predictions that are right, recall the gold entities found.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from translator.core.errors import InputError
from translator.core.i18n import _
from translator.entities.model import ENTITY_TYPES, AlignedPair, Mention

LANGS = ("en", "ru", "es")
#: The keys of a gold entity that hold a form: each language and its alternative.
FORM_KEYS = tuple(key for lang in LANGS for key in (lang, f"{lang}_alt"))
PAIRS = (("en", "ru"), ("en", "es"), ("ru", "es"))

Span = tuple[int, int]


@dataclass
class Score:
    """Counts behind P/R/F1; ``tp_pred`` and ``tp_gold`` differ when one span covers two."""

    tp_pred: int = 0
    predicted: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "predicted": self.predicted, "correct": self.tp_pred,
                "gold": self.gold, "found": self.tp_gold}


@dataclass
class GoldEntity:
    type: str
    spans: dict[str, list[Span]] = field(default_factory=dict)  # lang -> main span and alternatives


@dataclass
class Report:
    extraction: dict[str, Score]
    alignment: dict[str, Score]
    unlocated: list[str]  # gold forms not found in their sentence
    failures: list[str] = field(default_factory=list)  # examples of missed gold pairs

    def as_dict(self) -> dict:
        return {"extraction": {k: v.as_dict() for k, v in self.extraction.items()},
                "alignment": {k: v.as_dict() for k, v in self.alignment.items()},
                "unlocated_gold_forms": self.unlocated}


Numbered = list[tuple[int, dict]]  # (line number in its file, record)


def read_jsonl(path: Path) -> Numbered:
    """Objects of a JSONL file with their line numbers; a bad line is an error naming it.

    A line nested too deeply for the parser (RecursionError) or holding a number too
    long to convert (ValueError) is a bad line like any other, not a crash.
    """
    from translator.entities.io import read_input

    records: Numbered = []
    for number, line in enumerate(read_input(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            raise InputError(_("line {number}: not valid JSON ({msg})").format(
                number=number, msg=_("nested too deeply")), path) from None
        except ValueError as exc:  # JSONDecodeError, or an integer too long to read
            raise InputError(_("line {number}: not valid JSON ({msg})").format(
                number=number, msg=getattr(exc, "msg", exc)), path) from None
        if not isinstance(record, dict) or "id" not in record:
            raise InputError(
                _('line {number}: expected a JSON object with an "id"').format(number=number), path
            )
        _check_id(record["id"], number, path)
        records.append((number, record))
    if not records:
        raise InputError(_("no records"), path)
    return records


def _check_id(value: object, number: int, path: Path) -> None:
    """Ids key dictionaries and join the two files: a string or an integer, nothing else
    (an object is unhashable, a float or a boolean would silently match another id)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(_('line {number}: "{field}" must be a string or a number').format(
            number=number, field="id"), path)


def _check_sentences(records: Numbered, path: Path) -> dict:
    sentences: dict = {}
    for number, record in records:
        for lang in LANGS:
            if lang not in record or record[lang] is None:
                raise InputError(_('line {number} (id {id}): missing "{lang}" text').format(
                    number=number, id=_shown(record["id"]), lang=lang), path)
            if not isinstance(record[lang], str):
                raise InputError(_('line {number}: "{field}" must be text').format(
                    number=number, field=lang), path)
        if record["id"] in sentences:
            raise InputError(_("line {number}: id {id} appears twice").format(
                number=number, id=_shown(record["id"])), path)
        sentences[record["id"]] = record
    return sentences


def _shown(value: object) -> str:
    """A value from the file as JSON, cut short: a newline in it stays escaped, so the
    error stays one line."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_entities(record: dict, number: int, path: Path) -> list[dict]:
    """A gold record's entities: a list of objects whose type is one the extractor
    gives and whose forms are strings (or null, where a translation omits it)."""
    entities = record.get("entities")
    if not isinstance(entities, list):
        raise InputError(_('line {number}: "entities" must be a list').format(number=number),
                         path)
    for entity in entities:
        if not isinstance(entity, dict):
            raise InputError(_("line {number}: each entity must be an object").format(
                number=number), path)
        kind = entity.get("type", "MISC")
        if kind not in ENTITY_TYPES:
            raise InputError(_("line {number}: unknown entity type {type}: use one of "
                               "{choices}").format(number=number, type=_shown(kind),
                                                   choices=", ".join(ENTITY_TYPES)), path)
        for key in FORM_KEYS:
            if entity.get(key) is not None and not isinstance(entity[key], str):
                raise InputError(_('line {number}: "{field}" must be text').format(
                    number=number, field=key), path)
    return entities


def _locate(sentence: str, form: str, used: list[Span], whole_only: bool = False) -> Span | None:
    """The first free occurrence of ``form``, whole words preferred ("Io" not inside "Iowa")."""
    found: list[tuple[bool, Span]] = []
    start = sentence.find(form)
    while start >= 0:
        span = (start, start + len(form))
        if not _overlaps(span, used):
            before = sentence[start - 1] if start else " "
            after = sentence[span[1]] if span[1] < len(sentence) else " "
            partial = before.isalnum() or (after.isalnum() and form[-1:].isalnum())
            found.append((partial, span))
        start = sentence.find(form, start + 1)
    if whole_only:
        found = [f for f in found if not f[0]]
    return min(found)[1] if found else None


def load(sentences_path: Path, gold_path: Path) -> tuple[dict, dict[object, list[GoldEntity]],
                                                          list[str]]:
    """Sentences by id, gold entities by id with located spans, and the forms not found."""
    sentences = _check_sentences(read_jsonl(sentences_path), sentences_path)
    gold_records = read_jsonl(gold_path)
    gold_ids = [r["id"] for _number, r in gold_records]
    missing = [i for i in gold_ids if i not in sentences]
    extra = [i for i in sentences if i not in set(gold_ids)]
    if missing or extra:
        parts = []
        if missing:
            parts.append(_("gold ids without a sentence: {ids}").format(
                ids=", ".join(map(_shown, missing[:5])) + (" ..." if len(missing) > 5 else "")))
        if extra:
            parts.append(_("sentence ids without gold: {ids}").format(
                ids=", ".join(map(_shown, extra[:5])) + (" ..." if len(extra) > 5 else "")))
        raise InputError(_("ids do not match {path}: {problems}").format(
            path=sentences_path, problems="; ".join(parts)), gold_path)
    gold: dict[object, list[GoldEntity]] = {}
    unlocated: list[str] = []
    for number, record in gold_records:
        entities = _check_entities(record, number, gold_path)
        if record["id"] in gold:
            raise InputError(_("line {number}: id {id} appears twice").format(
                number=number, id=_shown(record["id"])), gold_path)
        sentence = sentences[record["id"]]
        used: dict[str, list[Span]] = {lang: [] for lang in LANGS}
        located = [GoldEntity(entity.get("type", "MISC")) for entity in entities]
        # longest forms first, so "Arias" is not placed inside "Rodrigo Arias"
        forms = [(len(entity.get(key) or ""), index, lang, key)
                 for index, entity in enumerate(entities) for lang in LANGS
                 for key in (lang, f"{lang}_alt") if entity.get(key)]
        repeats: list[tuple[int, str, str]] = []
        for _length, index, lang, key in sorted(forms, key=lambda f: (-f[0], f[1])):
            form = str(entities[index][key])
            span = _locate(sentence[lang], form, used[lang])
            if span is None:
                unlocated.append(f"id {record['id']} {key}: {form}")
                continue
            used[lang].append(span)
            located[index].spans.setdefault(lang, []).append(span)
            repeats.append((index, lang, form))
        for index, lang, form in repeats:
            while (span := _locate(sentence[lang], form, used[lang], whole_only=True)) is not None:
                used[lang].append(span)
                located[index].spans[lang].append(span)
        gold[record["id"]] = located
    return sentences, gold, unlocated


def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < b and span[1] > a for a, b in spans)


def score_extraction(predicted: list[Mention], entities: list[GoldEntity], lang: str,
                     score: Score) -> None:
    golds = [e.spans[lang] for e in entities if lang in e.spans]
    score.predicted += len(predicted)
    score.gold += len(golds)
    score.tp_pred += sum(1 for m in predicted if any(_overlaps((m.start, m.end), g) for g in golds))
    score.tp_gold += sum(1 for g in golds if any(_overlaps((m.start, m.end), g) for m in predicted))


def score_alignment(pairs: list[AlignedPair], entities: list[GoldEntity], a: str, b: str,
                    score: Score) -> list[GoldEntity]:
    """Add one sentence's counts; return the gold entities no predicted pair found."""
    golds = [e for e in entities if a in e.spans and b in e.spans]
    found = [p for p in pairs if p.target is not None]
    score.predicted += len(found)
    score.gold += len(golds)
    matched: set[int] = set()
    for pair in found:
        hits = [index for index, entity in enumerate(golds)
                if _overlaps((pair.source.start, pair.source.end), entity.spans[a])
                and _overlaps((pair.target.start, pair.target.end), entity.spans[b])]
        if hits:
            score.tp_pred += 1
            matched.add(next((h for h in hits if h not in matched), hits[0]))
    score.tp_gold += len(matched)
    return [e for i, e in enumerate(golds) if i not in matched]


def evaluate(sentences_path: Path, gold_path: Path,
             progress: Callable[[int, int], None] | None = None) -> Report:
    """Run extraction and alignment over every sentence triple and score them."""
    from translator.entities.align import align_segment
    from translator.entities.extract import extract_many

    sentences, gold, unlocated = load(Path(sentences_path), Path(gold_path))
    extraction = {lang: Score() for lang in LANGS}
    alignment = {f"{a}-{b}": Score() for a, b in PAIRS}
    failures: list[str] = []
    ids = list(sentences)
    found = {lang: extract_many([sentences[i][lang] for i in ids], lang) for lang in LANGS}
    for done, (sid, record) in enumerate(sentences.items(), start=1):
        mentions = {lang: found[lang][done - 1] for lang in LANGS}
        for lang in LANGS:
            score_extraction(mentions[lang], gold[sid], lang, extraction[lang])
        for a, b in PAIRS:
            pairs = align_segment(mentions[a], mentions[b], record[b], b,
                                  source_length=len(record[a]))
            missed = score_alignment(pairs, gold[sid], a, b, alignment[f"{a}-{b}"])
            for entity in missed:
                sa, sb = entity.spans[a][0], entity.spans[b][0]
                failures.append(f"{a}-{b} id {sid}: {record[a][sa[0]:sa[1]]} / "
                                f"{record[b][sb[0]:sb[1]]}")
        if progress:
            progress(done, len(sentences))
    return Report(extraction, alignment, unlocated, failures)
