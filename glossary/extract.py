"""Candidate term extraction: frequent, term-like noun phrases, grouped by lemma.

Like translate-toolkit's poterminology (stopword-bounded n-grams ranked by
frequency) but lemma-aware and for ru/es too: "распознавания лиц" and
"распознаванием лиц" count as one candidate. Ranking uses the C-value
(Frantzi et al. 2000): frequency weighted by length, discounted when a phrase
mostly occurs inside a longer candidate. With line-aligned parallel text, each
candidate gets the target phrase that best shares its lines (Dice score).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from glossary.formats.cells import neutralise_row, restore
from glossary.model import Concept, GlossaryError, Term, check_lang
from glossary.morphology import lemmatizer, phrase_lemma, russian_analyzer, tokenize
from glossary.stopwords import LINKS, STOPWORDS
from translator.core.i18n import _
from translator.core.inline_codes import literal_spans

#: Finds the names in lines of one language: per line, the (start, end) of each name.
#: ``triglot glossary extract`` passes the entity extractor's; glossary/ cannot import it.
NameFinder = Callable[[list[str], str], list[list[tuple[int, int]]]]
#: Words of one term stand apart by spaces or one hyphen: not a spaced dash ("CoinDesk -
#: Unknown"), a line break or punctuation.
_TERM_GAP = re.compile(r"[ \t\u00a0]+|[-‐‑]")

_BAD_RU_POS = {"VERB", "INFN", "GRND", "PRTS", "ADVB", "PREP", "CONJ", "PRCL", "INTJ", "NPRO",
               "PRED", "COMP", "NUMR"}


@dataclass
class Candidate:
    """A proposed term with the evidence a reviewer needs."""

    text: str  # as people write it: the commonest surface form (ru: the dictionary form)
    lemma: tuple[str, ...]
    count: int
    termhood: float
    example: str
    lines: set[int] = field(default_factory=set, repr=False)
    target: str = ""
    target_score: float = 0.0

    def to_dict(self) -> dict:
        return {"term": self.text, "count": self.count, "termhood": round(self.termhood, 3),
                "example": self.example, "target": self.target,
                "target_score": round(self.target_score, 3)}


def _word_ok(word: str, lang: str) -> bool:
    return len(word) > 1 and not word.isdigit() and any(ch.isalpha() for ch in word)


def _verb_like(word: str, lang: str) -> bool:
    """Words that rarely end a noun phrase: Spanish verb forms (their lemma is an
    infinitive), English -ly adverbs and -ed/-ing forms the lemmatiser reduced."""
    lemma = lemmatizer(lang).lemma(word)
    if lang == "es":
        return lemma != word.lower() and lemma.endswith(("ar", "er", "ir", "ír"))
    if lang == "en":
        low = word.lower()
        return low.endswith("ly") or (lemma != low and low.endswith(("ed", "ing")))
    return False


class _RuTagger:
    def __init__(self) -> None:
        self._parse = russian_analyzer().parse
        self._cache: dict[str, str | None] = {}

    def pos(self, word: str) -> str | None:
        low = word.lower()
        if low not in self._cache:
            self._cache[low] = self._parse(low)[0].tag.POS
        return self._cache[low]


def _ngrams(line: str, lang: str, max_words: int, tagger: _RuTagger | None,
            names: list[tuple[int, int]] = ()):
    """Candidate word spans of one line: (surface text, lemma key); none touches a name,
    nor a URL, an e-mail address or a path ("…/moscow-to-expand-metro-facial-recognition")."""
    stop, links = STOPWORDS[lang], LINKS[lang]
    lem = lemmatizer(lang)
    tokens = tokenize(line)
    blocked = [*names, *literal_spans(line)]
    runs: list[list] = []
    for i, token in enumerate(tokens):
        if any(token.start < b and token.end > a for a, b in blocked):
            runs.append([])  # a name is no part of a term, and splits the run
            continue
        if i == 0 or not _TERM_GAP.fullmatch(line, tokens[i - 1].end, token.start):
            runs.append([])
        runs[-1].append(token)
    for run in runs:
        words = [t.text for t in run]
        lows = [w.lower() for w in words]
        for start in range(len(words)):
            for size in range(1, max_words + 1):
                end = start + size
                if end > len(words):
                    break
                span = lows[start:end]
                if span[0] in stop or span[-1] in stop or span[0] in links or \
                        span[-1] in links:
                    continue
                if any(w in stop and w not in links for w in span):
                    continue
                if not all(_word_ok(w, lang) for w in span if w not in links):
                    continue
                if _cuts_a_word(line, run, start, end):
                    continue
                if tagger is not None:
                    tags = [tagger.pos(w) for w in words[start:end]]
                    if any(t in _BAD_RU_POS for t in tags) or "NOUN" not in tags or \
                            tags[-1] not in ("NOUN", "ADJF", "PRTF") or \
                            (size == 1 and tags[0] != "NOUN"):
                        continue
                    if tags[-1] != "NOUN" and end < len(words) \
                            and tagger.pos(words[end]) == "NOUN":
                        continue  # its noun is the next word: "День Военно-морского | флота"
                elif (size == 1 and len(span[0]) < 4) or _verb_like(words[end - 1], lang) or \
                        _verb_like(words[start], lang):
                    continue
                key = tuple(lem.lemma(w) for w in words[start:end])
                if any(k in stop and k not in links for k in key):
                    continue  # an inflected stopword: "таким образом", "своё поле"
                surface = line[run[start].start:run[end - 1].end]  # hyphens kept
                # the term its owner's: "White House's" counts as, and is written, "White House"
                yield (_POSSESSIVE.sub("", surface) if lang == "en" else surface), key


def _cuts_a_word(line: str, run: list, start: int, end: int) -> bool:
    """Whether the run's words ``start:end`` cut a hyphenated word: "морской флот" of
    "Военно-морской флот"."""
    return (start > 0 and line[run[start - 1].end:run[start].start] in "-‐‑") or (
        end < len(run) and line[run[end - 1].end:run[end].start] in "-‐‑")


def extract_candidates(lines: list[str], lang: str, *, min_count: int = 2,
                       max_words: int = 4, min_words: int = 2,
                       find_names: NameFinder | None = None) -> list[Candidate]:
    """Candidates from ``lines`` (one segment each), best first; single words only
    with ``min_words=1``. With ``find_names``, no candidate holds a name it finds."""
    lang = check_lang(lang)
    tagger = _RuTagger() if lang == "ru" else None
    names = find_names(lines, lang) if find_names else [[] for _ in lines]
    counts: Counter[tuple[str, ...]] = Counter()
    forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, ...], str] = {}
    where: dict[tuple[str, ...], set[int]] = defaultdict(set)
    headline_forms: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for number, line in enumerate(lines):
        # a title-case headline capitalises every word: its forms say nothing of the term's
        written = headline_forms if _title_case(line) else forms
        for surface, key in _ngrams(line, lang, max_words, tagger, names[number]):
            counts[key] += 1
            written[key][surface] += 1
            examples.setdefault(key, line.strip())
            where[key].add(number)
    kept = {k: n for k, n in counts.items() if n >= min_count}
    nested: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for key, n in kept.items():
        for size in range(1, len(key)):
            for start in range(len(key) - size + 1):
                sub = key[start:start + size]
                if sub in kept:
                    nested[sub].append(n)
    candidates = []
    for key, n in kept.items():
        if len(key) < min_words:
            continue
        longer = nested.get(key, [])
        score = n - (sum(longer) / len(longer) if longer else 0)
        termhood = math.log2(len(key) + 1) * score
        if termhood <= 0:
            continue
        text = _written_form(forms[key] or headline_forms[key], lang)
        candidates.append(Candidate(text, key, n, termhood, _short(examples[key]),
                                    where[key]))
    candidates.sort(key=lambda c: (-c.termhood, -c.count, c.text))
    return candidates


_POSSESSIVE = re.compile(r"['’]s$")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(line: str) -> bool:
    """A headline in title case ("Moscow To Expand Metro Facial Recognition Network"):
    three or more long words, four in five of them capitalised."""
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) * 5 >= len(words) * 4


def _written_form(forms: Counter[str], lang: str) -> str:
    """What to propose: the commonest surface form ("human rights", "social media"), not
    its lemma ("human right"); the lemma only matches. A capital that merely opens a
    sentence is dropped. Russian proposes the phrase's dictionary form (nominative), as
    Russian glossaries list terms."""
    surface = _commonest(forms)
    capitalised = _mostly_capitalised(forms)
    if lang == "ru":
        lemma = phrase_lemma(surface.split(), lang)
        return _shaped(surface.split(), lemma, capitalised) or (surface if capitalised
                                                                 else lemma)
    if capitalised:
        return surface
    inside: Counter[str] = Counter({f: n for f, n in forms.items() if not f[:1].isupper()})
    if inside:
        return _commonest(inside)
    first, _, rest = surface.partition(" ")
    first = first if first.isupper() and len(first) > 1 else first[:1].lower() + first[1:]
    return f"{first} {rest}".strip()


def _shaped(words: list[str], lemma: str, capital_first: bool) -> str | None:
    """The dictionary form with each word written as the text writes it: capitals kept on
    names and abbreviations inside the phrase ("президент России", "биржа США", "ГУ МВД",
    "Сан-Себастьян"), the first word's only when it is not merely opening sentences."""
    lemmas = lemma.split()
    if len(lemmas) != len(words):
        return None
    shaped = []
    for number, (word, base) in enumerate(zip(words, lemmas, strict=True)):
        if word.isupper() and len(word) > 1:
            shaped.append(base.upper())
        elif word[:1].isupper() and (number or capital_first):
            parts = zip_longest(base.split("-"), word.split("-"), fillvalue="")
            shaped.append("-".join(part[:1].upper() + part[1:] if written[:1].isupper()
                                   else part for part, written in parts))
        else:
            shaped.append(base)
    return " ".join(shaped)


def _commonest(forms: Counter[str]) -> str:
    """The most frequent form; on a tie one not in capitals (a dateline's "JURUPA VALLEY"),
    then the one with fewer hyphens, which an attributive use adds ("facial-recognition
    cameras")."""
    return max(forms, key=lambda form: (forms[form], not form.isupper(), -form.count("-")))


def _mostly_capitalised(forms: Counter[str]) -> bool:
    upper = sum(n for form, n in forms.items() if all(w[:1].isupper() for w in form.split()))
    return upper * 2 > sum(forms.values())


def _short(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def propose_equivalents(candidates: list[Candidate], source_lines: list[str],
                        target_lines: list[str], source: str, target: str, *,
                        max_words: int = 4) -> None:
    """Fill ``target``/``target_score`` of each candidate from line-aligned target text.

    The score is the Dice coefficient of the lines holding the source candidate
    and those holding the target phrase; longer phrases win ties.
    """
    del source  # the candidates already carry their source lines
    targets = extract_candidates(target_lines, target, min_count=1, max_words=max_words,
                                 min_words=1)
    by_line: dict[int, list[Candidate]] = defaultdict(list)
    for cand in targets:
        for line in cand.lines:
            by_line[line].append(cand)
    for cand in candidates:
        src_lines = {n for n in cand.lines if n < len(source_lines)}
        if not src_lines:
            continue
        shared: Counter[int] = Counter()
        pool: dict[int, Candidate] = {}
        for line in src_lines:
            for other in by_line.get(line, []):
                shared[id(other)] += 1
                pool[id(other)] = other
        best, best_score = None, 0.0
        for key, common in shared.items():
            other = pool[key]
            if common < 2 and len(src_lines) > 1:
                continue
            score = 2 * common / (len(src_lines) + len(other.lines))
            if (score, len(other.lemma), other.count) > (best_score,
                                                          len(best.lemma) if best else 0,
                                                          best.count if best else 0):
                best, best_score = other, score
        if best is not None:
            cand.target, cand.target_score = best.text, best_score


def candidates_csv(candidates: list[Candidate], lang: str, target: str | None) -> str:
    """CSV for review: delete the rows you do not want, fix terms, then ``extract --add``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = [lang, "count", "termhood", "example"]
    if target:
        header += [target, f"{target}_score"]
    writer.writerow(header)
    for c in candidates:  # the example quotes an article: never a live spreadsheet formula
        row = [c.text, c.count, f"{c.termhood:.2f}", c.example]
        if target:
            row += [c.target, f"{c.target_score:.2f}"]
        writer.writerow(neutralise_row(row))
    return buffer.getvalue()


def read_reviewed(path: Path) -> list[Concept]:
    """Concepts from a reviewed extract CSV: each kept row's language columns become
    preferred terms (source 'extract'); count/termhood/example/score columns are ignored."""
    from glossary.formats.files import data_rows, read_text

    text = read_text(path)
    rows = [[restore(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    if not rows:
        raise GlossaryError(_("no rows"), path)
    header = [h.strip().lower() for h in rows[0]]
    langs = [h for h in header if h in ("en", "ru", "es")]
    allowed = {"count", "termhood", "example"} | {f"{lang}_score" for lang in ("en", "ru", "es")}
    unknown = [h for h in header if h not in allowed and h not in langs]
    if not langs or unknown:
        message = (_("line 1: not an extract CSV: expected a language column (en, ru, es) "
                     "plus count, termhood, example; unknown {columns}") if unknown
                   else _("line 1: not an extract CSV: expected a language column (en, ru, es) "
                          "plus count, termhood, example"))
        raise GlossaryError(message.format(columns=", ".join(unknown)), path)
    concepts = []
    for number, cells in data_rows(rows, header, path):
        terms = [Term(lang, cells[lang], "preferred", source="extract")
                 for lang in langs if cells[lang].strip()]
        if not terms:
            raise GlossaryError(_("line {number}: empty term").format(number=number), path)
        concepts.append(Concept(terms=terms, origin=f"line {number}"))
    if not concepts:
        raise GlossaryError(_("no rows kept"), path)
    from glossary.formats import validate

    validate(concepts, path)
    return concepts


def extract_from_files(files: list[Path], lang: str, *,
                       parallel: tuple[Path, Path] | None = None, target: str | None = None,
                       min_count: int = 2, top: int = 200, max_words: int = 4,
                       min_words: int = 2, find_names: NameFinder | None = None
                       ) -> list[Candidate]:
    """``glossary extract``: the best ``top`` candidates of ``files`` (and of the source
    side of ``parallel``), with ``target`` equivalents from its line-aligned target file;
    names ``find_names`` finds are left out."""
    from glossary.formats.files import read_text

    lang = check_lang(lang)
    lines = [line for f in files for line in read_text(f).splitlines()]
    if parallel is None:
        if not files:
            raise GlossaryError(_("give FILES to extract from, or --parallel SRC TGT"))
        return extract_candidates(lines, lang, min_count=min_count, max_words=max_words,
                                  min_words=min_words, find_names=find_names)[:top]
    if not target:
        raise GlossaryError(_("--parallel needs --to (the target file's language)"))
    target = check_lang(target)
    src_lines = read_text(parallel[0]).splitlines()
    tgt_lines = read_text(parallel[1]).splitlines()
    if len(src_lines) != len(tgt_lines):
        raise GlossaryError(
            _(
                "{count} lines but {target_file} has {target_count}: --parallel "
                "needs line-aligned files"
            ).format(count=len(src_lines), target_file=parallel[1], target_count=len(tgt_lines)),
            parallel[0],
        )
    candidates = extract_candidates(src_lines + lines, lang, min_count=min_count,
                                    max_words=max_words, min_words=min_words,
                                    find_names=find_names)[:top]
    propose_equivalents(candidates, src_lines, tgt_lines, lang, target, max_words=max_words)
    return candidates
