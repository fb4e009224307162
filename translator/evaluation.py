"""Scores for a translation: BLEU and chrF against references, and glossary term accuracy.

BLEU and chrF are sacrebleu's, with its default settings, on line-aligned
files, so the numbers compare with published ones (the signature says exactly
how they were computed). Term accuracy asks the glossary question: of the
glossary terms found in a source line, how many have their preferred target
term in the translated line? Both sides go through ``glossary.service.Glossary``,
which compares lemmas, so "камерами" counts for "камера".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translator.core.errors import InputError, TriglotError
from translator.core.i18n import _

if TYPE_CHECKING:
    from glossary.model import Concept, Term
    from glossary.service import Glossary

#: Extensions of glossary files, anything else being a termbase (kept for callers; new
#: code: ``glossary.formats.is_glossary_file``).


@dataclass(frozen=True)
class TermMiss:
    """A source term whose expected target term is not in the translated line (1-based)."""

    line: int
    source_term: str
    expected: str
    concept_id: str


@dataclass
class TermAccuracy:
    """Glossary terms found in the source, and how many the translation renders as asked.

    A concept counts once per line however often it occurs there.
    """

    total: int = 0
    correct: int = 0
    misses: list[TermMiss] = field(default_factory=list)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict:
        return {"total": self.total, "correct": self.correct, "accuracy": self.accuracy,
                "misses": [asdict(m) for m in self.misses]}


@dataclass(frozen=True)
class Scores:
    segments: int
    bleu: float
    chrf: float
    bleu_signature: str
    chrf_signature: str
    terms: TermAccuracy | None = None

    def to_dict(self) -> dict:
        return {"segments": self.segments, "bleu": round(self.bleu, 2),
                "chrf": round(self.chrf, 2),
                "signatures": {"bleu": self.bleu_signature, "chrf": self.chrf_signature},
                "terms": self.terms.to_dict() if self.terms else None}


def read_lines(path: Path) -> list[str]:
    """The lines of a UTF-8 text file (no line-end characters), or an ``InputError``.

    Lines end at "\\n" only (a "\\r" before it is dropped), as ``wc -l`` counts
    them, so a stray Unicode line separator inside a sentence keeps files aligned.
    """
    from translator.core.reading import read_plain_text

    text = read_plain_text(Path(path))
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def read_aligned(paths: Sequence[Path]) -> list[list[str]]:
    """Line-aligned files, all with the same number of lines, or one error naming them."""
    texts = [read_lines(path) for path in paths]
    counts = {len(lines) for lines in texts}
    if len(counts) > 1:
        detail = ", ".join(_("{path} has {count}").format(path=path, count=len(lines))
                           for path, lines in
                           zip(paths, texts, strict=True))
        raise InputError(_("files are not line-aligned: {detail} lines; each line must be the "
                           "translation of the same line in the other files").format(detail=detail))
    return texts


def corpus_scores(hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> Scores:
    """Corpus BLEU and chrF with sacrebleu's defaults (13a tokenisation, chrF2)."""
    from sacrebleu.metrics import BLEU, CHRF

    bleu, chrf = BLEU(), CHRF()
    refs = [list(r) for r in references]
    bleu_score = bleu.corpus_score(list(hypotheses), refs)
    chrf_score = chrf.corpus_score(list(hypotheses), refs)
    return Scores(len(hypotheses), bleu_score.score, chrf_score.score,
                  str(bleu.get_signature()), str(chrf.get_signature()))


class TermScorer:
    """Term accuracy for one glossary and one language direction.

    A source term counts as correct when the translation uses the concept's expected
    (preferred) target term in any inflected form, by ``Glossary.rendered``'s rule: an
    admitted variant is rendered but not what the score asks for.
    """

    def __init__(self, glossary: Glossary | Iterable[Concept], source: str, target: str) -> None:
        from glossary.service import Glossary

        self.glossary = Glossary.of(glossary)
        self.source, self.target = source, target

    def expected(self, concept_id: str) -> Term | None:
        return self.glossary.expected(concept_id, self.target)

    def score_line(self, number: int, source: str, translation: str,
                   tally: TermAccuracy) -> None:
        seen: set[str] = set()
        for match in self.glossary.find(source, self.source):
            if match.concept_id in seen:
                continue
            seen.add(match.concept_id)
            expected = self.expected(match.concept_id)
            if expected is None:
                continue  # no term to expect in this language
            tally.total += 1
            if self.glossary.rendered(match.concept_id, translation, self.target) == expected:
                tally.correct += 1
            else:
                tally.misses.append(TermMiss(number, match.text, expected.text,
                                             match.concept_id))


def term_accuracy(glossary: Glossary | Iterable[Concept], sources: Sequence[str],
                  translations: Sequence[str], source: str, target: str) -> TermAccuracy:
    """Share of source glossary terms whose preferred target term the translation uses."""
    scorer = TermScorer(glossary, source, target)
    tally = TermAccuracy()
    for number, (src, tgt) in enumerate(zip(sources, translations, strict=True), start=1):
        scorer.score_line(number, src, tgt, tally)
    return tally


def detect_lines_language(lines: Sequence[str], path: Path, option: str) -> str:
    """The language of a line-aligned file, for when --from/--to are not given."""
    from translator.core.languages import LANGUAGES
    from translator.langdetect import detect_language

    sample = "\n".join(line for line in lines[:200] if line.strip())
    lang = detect_language(sample)
    if lang not in LANGUAGES:
        message = (_("cannot tell the language of the file (it looks like '{lang}'); "
                     "give {option}") if lang
                   else _("cannot tell the language of the file (it is too short to tell); "
                          "give {option}"))
        raise TriglotError(message.format(lang=lang, option=option), path)
    return lang


def evaluate_files(hypothesis: Path, references: Sequence[Path], source: Path | None = None,
                   concepts: Glossary | list[Concept] | None = None, source_lang: str | None = None,
                   target_lang: str | None = None) -> Scores:
    """Score a hypothesis file against references; with a source and a glossary, also terms."""
    if not references:
        raise TriglotError(_("give at least one reference file (--ref)"))
    paths = [hypothesis, *references] + ([source] if source is not None else [])
    texts = read_aligned(paths)
    hyps, refs = texts[0], texts[1:1 + len(references)]
    scores = corpus_scores(hyps, refs)
    if source is None or concepts is None:
        return scores
    from translator.core.languages import check_language

    src_lines = texts[-1]
    source_lang = check_language(source_lang) if source_lang else \
        detect_lines_language(src_lines, source, "--from")
    target_lang = check_language(target_lang) if target_lang else \
        detect_lines_language(hyps, hypothesis, "--to")
    if source_lang == target_lang:
        raise TriglotError(
            _("source and translation are both '{source_lang}'").format(source_lang=source_lang)
        )
    terms = term_accuracy(concepts, src_lines, hyps, source_lang, target_lang)
    return Scores(scores.segments, scores.bleu, scores.chrf, scores.bleu_signature,
                  scores.chrf_signature, terms)
