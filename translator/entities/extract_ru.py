"""Russian entity mentions: natasha's NER, plus capitalised words and Latin-script names it misses.

natasha (MIT, model bundled in the pip package) finds PER/ORG/LOC. News text
also carries names it skips: Latin-script brands and media ("The Guardian"),
abbreviations (США, НБА) and capitalised words that pymorphy3 knows as names or
places. Those are added by rule, never overlapping a natasha span.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from translator.entities.gazetteer import ORGANISATIONS, is_place, territory_code
from translator.entities.institutions import LOC_CONCEPTS, ORG_CONCEPTS, concept_of
from translator.entities.model import Mention
from translator.entities.russian_cues import joined_directorates, typed_by_quotes
from translator.entities.russian_morph import (
    TITLES,
    Word,
    common_abbreviation,
    common_word,
    lemma,
    normalise_name,
    normalise_person,
    proper_tags,
)

# A run of Latin-script words starting at a word boundary; the first word may be
# lower case before a capital ("iPhone", "iOS 12").
_LATIN_WORD = r"[A-Za-z0-9'’!&.-]"
_LATIN_RUN = re.compile(
    rf"(?<![\w'’&.-])(?:[A-Z0-9]|[a-z]+[A-Z]){_LATIN_WORD}*"
    rf"(?:[ \t]+(?:(?:of|the|and|for|in|de|du|&)[ \t]+)*(?:[A-Z0-9(]{_LATIN_WORD}*\)?))*"
)
_GLUED_TO_CYRILLIC = re.compile(r"-?[А-Яа-яЁё]")  # "IP-адрес": part of a common word
_SENTENCE_END = ".!?…"
_ABBREVIATION_DOT = re.compile(r"(?:^|[\s(])[а-яё]{1,3}\.$")  # г., ул., им.
_OPENERS = "\"'«“„‘([-–— \t"
_QUOTES = {"«": "»", "\"": "\"", "“": "”", "„": "“"}
# Datelines ("МОСКВА, 12 марта. /ТАСС/.") and credits ("Фото: Reuters") are page furniture.
_BOILERPLATE = re.compile(
    r"(?m)^[А-ЯЁ][А-ЯЁ -]+, \d{1,2} [а-яё]+(?: \d{4})?\.?"
    r"(?:\s*/[^/\n]{1,30}/\.?|\s*[-–—]\s*[^.\n]{1,30}\.)?"
    r"|(?:Фото|Видео|Иллюстрация|Источник|Скриншот|Реклама)\s*:[^\n.]*"
)
_LONGEST_TITLE = 8  # words of a quoted title ("Меж двух морей") taken as one name
_TYPE_BY_TAG = {"Name": "PER", "Surn": "PER", "Patr": "PER", "Geox": "LOC", "Orgn": "ORG",
                "Trad": "ORG"}


@lru_cache(maxsize=1)
def _natasha():
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding)


def _words(tokens) -> list[Word]:
    return [Word(t.text, t.pos or "", tuple(sorted((t.feats or {}).items()))) for t in tokens]


def _stitch(text: str, tokens, forms: list[str], offset: int) -> str:
    """Put declined word forms back with the original spacing and punctuation between them."""
    parts: list[str] = []
    for i, (token, form) in enumerate(zip(tokens, forms, strict=True)):
        if i:
            parts.append(text[tokens[i - 1].stop - offset:token.start - offset])
        parts.append(form)
    return "".join(parts)


def _normal(text: str, tokens, etype: str, offset: int) -> str:
    return _stitch(text, tokens, _normal_forms(tuple(_words(tokens)), etype), offset)


@lru_cache(maxsize=16384)
def _normal_forms(words: tuple[Word, ...], etype: str) -> tuple[str, ...]:
    """Dictionary forms of a span's words; cached, as news repeats its names in the same case."""
    forms = normalise_person(list(words)) if etype == "PER" else normalise_name(list(words))
    return tuple(forms)


def _type_of_rule_span(tokens) -> str:
    """Type a span found by rule: institution head word, gazetteer, then pymorphy3 tags."""
    for token in reversed(tokens):
        concept = concept_of(lemma(token.text), "ru")
        if concept in ORG_CONCEPTS:
            return "ORG"
        if concept in LOC_CONCEPTS:
            return "LOC"
    joined = " ".join(t.text for t in tokens)
    if is_place(joined, "ru") or is_place(lemma(joined), "ru"):
        return "LOC"
    for token in tokens:
        for tag in proper_tags(token.text):
            return _TYPE_BY_TAG[tag]
    return "MISC"


_BATCH = 64  # items per tagger call: natasha's default of 8 spends its time on numpy overhead


def _mapped(tagger, items: list) -> list:
    """A natasha tagger's markups of ``items``, in order, run in batches of similar length.

    Sorting keeps the padding short; each item is tagged on its own, so the
    markups are the same as one call per item.
    """
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    tagger.batch_size = _BATCH
    markups = list(tagger.map([items[i] for i in order])) if items else []
    result: list = [None] * len(items)
    for i, markup in zip(order, markups, strict=True):
        result[i] = markup
    return result


def _tag_morph(text: str, doc, morph_tagger) -> None:
    """Tag the sentences whose words may name something; the rest keep no tags.

    The tagger reads one sentence at a time, so leaving out a sentence with no
    entity span and no capitalised word that could start a name changes nothing
    but the time (most of it, on news text).
    """
    in_spans = {id(token) for span in doc.spans for token in span.tokens}
    sents = [sent for sent in doc.sents if any(
        id(token) in in_spans or _may_be_name_like(text, token) for token in sent.tokens)]
    markups = _mapped(morph_tagger, [[token.text for token in sent.tokens] for sent in sents])
    for sent, markup in zip(sents, markups, strict=True):
        for token, tagged in zip(sent.tokens, markup.tokens, strict=True):
            token.pos, token.feats = tagged.pos, tagged.feats


def _may_be_name_like(text: str, token) -> bool:
    """Whether ``_is_name_like`` could hold for ``token`` under some part-of-speech tag."""
    if len(token.text) < 2 or not re.match(r"[А-ЯЁ]", token.text):
        return False
    if _sentence_initial(text, token.start) and not _opens_title(text, token):
        return _is_name_like(token, True)  # decided by pymorphy3 and the gazetteer
    return True


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _is_name_like(token, first_in_sentence: bool) -> bool:
    """A capitalised Cyrillic word counts as a name unless it is merely sentence-initial."""
    text = token.text
    if not _capitalised(token) or not re.match(r"[А-ЯЁ]", text):  # "IP-адрес": Latin
        return False
    if len(text) == 1:
        return False
    if text.isupper():
        return not common_abbreviation(text)  # США, ФСБ, but not ЧП
    if token.pos in ("PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "VERB", "AUX", "ADV"):
        return False
    if first_in_sentence:
        return bool(proper_tags(text)) or territory_code(lemma(text), "ru") is not None
    return True


_JOINER = "\n\n"


def extract_ru_many(texts: list[str]) -> list[list[Mention]]:
    """Mentions of many segments at once: natasha's taggers run far faster on one batch.

    The morphology tagger runs over the joined text; the NER tagger sees each
    segment on its own (as a one-segment call would), in one batched call.
    """
    _, _, ner_tagger = _natasha()
    markups = _mapped(ner_tagger, texts)
    joined = _JOINER.join(texts)
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(_JOINER)
    spans = [(starts[i] + span.start, starts[i] + span.stop, span.type)
             for i, markup in enumerate(markups) for span in markup.spans]
    result: list[list[Mention]] = [[] for _ in texts]
    for m in extract_ru(joined, ner_spans=spans):
        index = bisect.bisect_right(starts, m.start) - 1
        base = starts[index]
        if m.end - base > len(texts[index]):
            continue  # never expected: a span across two segments
        result[index].append(Mention(m.text, m.type, m.start - base, m.end - base, "ru",
                                     m.normal, index, m.origin))
    return result


def extract_ru(text: str, segment: int = 0,
               ner_spans: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """Mentions in a Russian text, with natasha's spans first and rule-found names after.

    ``ner_spans`` (start, stop, type) replaces running natasha's NER on ``text``.
    """
    from natasha import Doc
    from natasha.doc import DocSpan

    segmenter, morph_tagger, ner_tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    if ner_spans is None:
        doc.tag_ner(ner_tagger)
    else:
        doc.spans = [DocSpan(a, b, t, text[a:b]) for a, b, t in ner_spans]
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()
    _tag_morph(text, doc, morph_tagger)

    mentions: list[Mention] = []
    covered = _Covered()
    for span in doc.spans:
        for start, stop, etype in _ner_parts(text, span):
            tokens = [t for t in span.tokens if t.start >= start and t.stop <= stop]
            tokens = _without_titles(tokens) if etype == "PER" else tokens
            if not tokens or (len(tokens) == 1 and _sentence_initial(text, tokens[0].start)
                              and common_word(tokens[0].text)):
                continue  # "Получившему грибы...": a participle opening the sentence
            start, stop = tokens[0].start, tokens[-1].stop
            if etype == "LOC" and territory_code(lemma(text[start:stop]), "ru") \
                    in ORGANISATIONS:
                etype = "ORG"  # natasha's LOC "ЕС": the union, not a place
            normal = _normal(text[start:stop], tokens, etype, start)
            mentions.append(Mention(text[start:stop], etype, start, stop, "ru", normal,
                                    segment, "ner"))
            covered.add(start, stop)

    mentions = joined_directorates(text, mentions)
    free = covered.free

    # Latin-script names inside Russian text (brands, media, English titles).
    for match in _LATIN_RUN.finditer(text):
        start = match.start()
        value = match.group().rstrip(".-")
        if value.count("(") != value.count(")"):
            value = value[:value.index("(")].rstrip() if "(" in value else value.rstrip(")")
        stop = start + len(value)
        if (not re.search(r"[A-Za-z]{2}", value) or not free(start, stop)
                or _GLUED_TO_CYRILLIC.match(text, stop)):
            continue
        mentions.append(Mention(value, "ORG", start, stop, "ru", value, segment, "rule"))
        covered.add(start, stop)

    # Capitalised Cyrillic words natasha left out, grown into runs and adjective+noun phrases.
    for sent in doc.sents:
        tokens = sent.tokens
        i = 0
        while i < len(tokens):
            token = tokens[i]
            initial = _sentence_initial(text, token.start) and not _opens_title(text, token)
            if not (_is_name_like(token, initial) and free(token.start, token.stop)):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and _is_name_like(tokens[j], False) and free(
                    tokens[j].start, tokens[j].stop) and tokens[j].start - tokens[j - 1].stop <= 1:
                j += 1
            # "Средиземное море", "Римской империи": a capitalised adjective names its noun.
            if tokens[j - 1].pos == "ADJ" and j < len(tokens) and tokens[j].pos == "NOUN":
                j += 1
            j = _through_closing_quote(text, tokens, i, j, free)
            run = _without_titles(tokens[i:j])
            if run:
                start, stop = run[0].start, run[-1].stop
                etype = "MISC" if j > i + 1 and _quoted(text, start, stop) else (
                    _type_of_rule_span(run))
                normal = _normal(text[start:stop], run, etype, start)
                mentions.append(Mention(text[start:stop], etype, start, stop, "ru", normal,
                                        segment, "rule"))
                covered.add(start, stop)
            i = j
    furniture = [m.span() for m in _BOILERPLATE.finditer(text)]
    return sorted((typed_by_quotes(text, m) for m in mentions
                   if all(m.end <= a or m.start >= b for a, b in furniture)),
                  key=lambda m: m.start)


class _Covered:
    """Character ranges already taken, kept sorted: a batch joins 1,000 segments into one text."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._stops: list[int] = []
        self._longest = 0

    def add(self, start: int, stop: int) -> None:
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._stops.insert(index, stop)
        self._longest = max(self._longest, stop - start)

    def free(self, start: int, stop: int) -> bool:
        """Whether [start, stop) overlaps no range taken so far."""
        first = bisect.bisect_right(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, stop)
        return all(self._stops[i] <= start for i in range(first, last))


def _ner_parts(text: str, span) -> list[tuple[int, int, str]]:
    """natasha's span, cut before a bracketed abbreviation: "Евросоюза (ЕС)" is two names."""
    start, stop = span.start, span.stop
    inner = text[start:stop]
    bracket = inner.find(" (")
    if bracket < 0:
        return [(start, stop, span.type)]
    parts = [(start, start + bracket, span.type)]
    abbreviation = inner[bracket + 2:].rstrip(")").strip()
    if abbreviation.isupper() and " " not in abbreviation:
        first = start + bracket + 2
        parts.append((first, first + len(abbreviation), span.type))
    return parts


def _sentence_initial(text: str, start: int) -> bool:
    """Whether a word stands first in its sentence or line, opening quotes and dashes aside.

    Decided on the text, not on natasha's sentences: a headline without a full
    stop runs into the next line there.
    """
    end = start  # stepping back, not slicing: a batch is one long joined text
    while end and text[end - 1] in _OPENERS:
        end -= 1
    if not end or text[end - 1] == "\n":
        return True
    if text[end - 1] != ".":
        return text[end - 1] in _SENTENCE_END
    # "2006 г. "Легенда..."": no sentence end. Six characters hold any match.
    return not _ABBREVIATION_DOT.search(text[max(0, end - 6):end])


def _quoted(text: str, start: int, stop: int) -> bool:
    opener = text[start - 1:start]
    return opener in _QUOTES and text[stop:stop + 1] == _QUOTES[opener]


def _opens_title(text: str, token) -> bool:
    """A word opening a short quoted phrase that the sentence goes on after: a title
    ("Золотая жемчужина" за ...), not a quotation ("Все нормально", - сказал он)."""
    opener = text[token.start - 1:token.start]
    if opener not in _QUOTES:
        return False
    close = text.find(_QUOTES[opener], token.start)
    inside = text[token.start:close]
    return (close > 0 and "\n" not in inside and len(inside.split()) <= _LONGEST_TITLE
            and inside[-1:].isalnum() and text[close + 1:close + 3].startswith(" ")
            and text[close + 2:close + 3].isalpha())


def _through_closing_quote(text: str, tokens, i: int, j: int, free) -> int:
    """A run that opens a short quoted title ("Меж двух морей") ends at its closing quote."""
    opener = text[tokens[i].start - 1:tokens[i].start]
    if opener not in _QUOTES:
        return j
    closer = _QUOTES[opener]
    for k in range(j - 1, min(len(tokens), i + _LONGEST_TITLE)):
        if k > i and (not free(tokens[k].start, tokens[k].stop)
                      or "\n" in text[tokens[k - 1].stop:tokens[k].start]):
            return j
        if text[tokens[k].stop:tokens[k].stop + 1] == closer:
            return max(j, k + 1)
        if tokens[k].text in (opener, closer):
            return j
    return j


def _without_titles(tokens) -> list:
    """A person's name without the job title or honorific before it."""
    index = 0
    while index < len(tokens) - 1 and lemma(tokens[index].text) in TITLES:
        index += 1
    return list(tokens[index:])
