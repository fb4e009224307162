"""Russian entity mentions: natasha's NER, plus capitalised words and Latin-script names it misses.

natasha (MIT, model bundled in the pip package) finds PER/ORG/LOC. News text
also carries names it skips: Latin-script brands and media ("The Guardian"),
abbreviations (США, НБА) and capitalised words that pymorphy3 knows as names or
places. Those are added by rule, never overlapping a natasha span.
"""

from __future__ import annotations

import re
from functools import lru_cache

from translator.entities.gazetteer import territory_code
from translator.entities.institutions import LOC_CONCEPTS, ORG_CONCEPTS, concept_of
from translator.entities.model import Mention
from translator.entities.russian_morph import (
    Word,
    lemma,
    normalise_name,
    normalise_person,
    proper_tags,
)

_LATIN_RUN = re.compile(
    r"(?:[A-Z0-9][\w'’!&.-]*)(?:[ \t]+(?:(?:of|the|and|for|in|de|du|&)[ \t]+)*"
    r"(?:[A-Z0-9(][\w'’!&.)-]*))*"
)
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
    words = _words(tokens)
    forms = normalise_person(words) if etype == "PER" else normalise_name(words)
    return _stitch(text, tokens, forms, offset)


def _type_of_rule_span(tokens) -> str:
    """Type a span found by rule: institution head word, gazetteer, then pymorphy3 tags."""
    for token in reversed(tokens):
        concept = concept_of(lemma(token.text), "ru")
        if concept in ORG_CONCEPTS:
            return "ORG"
        if concept in LOC_CONCEPTS:
            return "LOC"
    joined = " ".join(t.text for t in tokens)
    if territory_code(joined, "ru") or territory_code(lemma(joined), "ru"):
        return "LOC"
    for token in tokens:
        for tag in proper_tags(token.text):
            return _TYPE_BY_TAG[tag]
    return "MISC"


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _is_name_like(token, first_in_sentence: bool) -> bool:
    """A capitalised Cyrillic word counts as a name unless it is merely sentence-initial."""
    text = token.text
    if not _capitalised(token) or not re.search(r"[А-Яа-яЁё]", text):
        return False
    if len(text) == 1:
        return False
    if text.isupper():
        return True  # abbreviation
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
    markups = list(ner_tagger.map(texts)) if texts else []
    joined = _JOINER.join(texts)
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(_JOINER)
    spans = [(starts[i] + span.start, starts[i] + span.stop, span.type)
             for i, markup in enumerate(markups) for span in markup.spans]
    result: list[list[Mention]] = [[] for _ in texts]
    import bisect

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
    doc.tag_morph(morph_tagger)
    if ner_spans is None:
        doc.tag_ner(ner_tagger)
    else:
        doc.spans = [DocSpan(a, b, t, text[a:b]) for a, b, t in ner_spans]
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()

    mentions: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for span in doc.spans:
        tokens = span.tokens
        normal = _normal(text[span.start:span.stop], tokens, span.type, span.start)
        mentions.append(Mention(span.text, span.type, span.start, span.stop, "ru", normal,
                                segment, "ner"))
        covered.append((span.start, span.stop))

    def free(start: int, stop: int) -> bool:
        return all(stop <= a or start >= b for a, b in covered)

    # Latin-script names inside Russian text (brands, media, English titles).
    for match in _LATIN_RUN.finditer(text):
        start, stop = match.start(), match.end()
        value = match.group().rstrip(".-")
        stop = start + len(value)
        if not re.search(r"[A-Za-z]{2}", value) or not free(start, stop):
            continue
        mentions.append(Mention(value, "ORG", start, stop, "ru", value, segment, "rule"))
        covered.append((start, stop))

    # Capitalised Cyrillic words natasha left out, grown into runs and adjective+noun phrases.
    for sent in doc.sents:
        tokens = sent.tokens
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if not (_is_name_like(token, i == 0) and free(token.start, token.stop)):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and _is_name_like(tokens[j], False) and free(
                    tokens[j].start, tokens[j].stop) and tokens[j].start - tokens[j - 1].stop <= 1:
                j += 1
            # "Средиземное море", "Римской империи": a capitalised adjective names its noun.
            if tokens[j - 1].pos == "ADJ" and j < len(tokens) and tokens[j].pos == "NOUN":
                j += 1
            run = tokens[i:j]
            start, stop = run[0].start, run[-1].stop
            etype = _type_of_rule_span(run)
            normal = _normal(text[start:stop], run, etype, start)
            mentions.append(Mention(text[start:stop], etype, start, stop, "ru", normal,
                                    segment, "rule"))
            covered.append((start, stop))
            i = j
    return sorted(mentions, key=lambda m: m.start)
