"""Which language an article (and each of its units) is written in.

py3langid's full model is used, so a German article is reported as "de"
rather than forced into ru/en/es, and the caller can refuse it clearly.
Two principled adjustments sit on top:

* Cyrillic shortcut: text written mostly in Cyrillic that uses letters only
  Russian has among the major Cyrillic languages (ы, э, ё) and none of the
  letters of Ukrainian, Belarusian, Serbian or Macedonian is Russian. This is
  faster and steadier than n-gram scores, which often say "bg" for short
  Russian sentences.
* Prior for our three languages: triglot's inputs are ru/en/es articles, so
  when the winner is another language (e.g. Extremaduran "ext" for Spanish)
  and one of ru/en/es scores at least ``PRIOR_RATIO`` of the winner, ru/en/es
  wins.

Text shorter than ``MIN_LETTERS`` letters is not classified (None).

A paragraph in a language triglot does not translate (Ukrainian or German in
a Russian article) is marked with that language and left as it is, with a
note on the document: MT from the wrong source language invents text. Only a
paragraph of ``FOREIGN_MIN_LETTERS`` letters or more that ``classify`` puts in
another language with ``FOREIGN_MIN_CONFIDENCE`` is foreign, and Russian
with Ukrainian names or a short quote stays Russian (``_foreign``).
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections import Counter
from collections.abc import Callable

from translator.core.i18n import ngettext
from translator.core.languages import LANGUAGES
from translator.document import CODE_RE, Document, Unit

MIN_LETTERS = 20  # below this a guess is noise
UNIT_MIN_LETTERS = 60  # a unit must be this long to override the document's language
UNIT_MIN_CONFIDENCE = 0.9
PRIOR_RATIO = 0.4
FOREIGN_MIN_LETTERS = 40  # a shorter paragraph (a slogan, a name) is never called foreign
FOREIGN_MIN_CONFIDENCE = 0.9
DOCUMENT_SAMPLE_CHARS = 20000

_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_RUSSIAN_ONLY = re.compile(r"[ыэёЫЭЁ]")
_OTHER_CYRILLIC = re.compile(r"[іїєґўђјљњћџѓќѕІЇЄҐЎЂЈЉЊЋЏЃЌЅ]")
_OTHER_CYRILLIC_WORD = re.compile(rf"[\w'’]*{_OTHER_CYRILLIC.pattern}[\w'’]*")


_MODEL_LOCK = threading.Lock()
_MODEL: list = []  # the identifier, once loaded


def _identifier():
    """py3langid's full model, loaded once, on first use or by ``preload`` (half a second
    the first time, mostly LZMA decompression; then unpacked from the cache,
    ``translator.langid_model``)."""
    with _MODEL_LOCK:
        if not _MODEL:
            from translator.langid_model import load_identifier

            _MODEL.append(load_identifier())
        return _MODEL[0]


def preload() -> None:
    """Start loading the model in a thread of its own: decompressing leaves the
    interpreter free, so the load overlaps what a run does before it first detects
    (starting the engine, reading the files). A failure is left for that first use."""
    if not _MODEL:
        threading.Thread(target=_load_quietly, daemon=True).start()


def _load_quietly() -> None:
    with contextlib.suppress(Exception):
        _identifier()


def _clean(text: str) -> str:
    return _URL.sub(" ", CODE_RE.sub(" ", text))


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _cyrillic_russian(text: str) -> bool:
    cyrillic = _CYRILLIC.findall(text)
    if not cyrillic or sum(map(str.isalpha, cyrillic)) < 0.6 * _letters(text):
        return False
    return bool(_RUSSIAN_ONLY.search(text)) and not _OTHER_CYRILLIC.search(text)


def classify(text: str) -> tuple[str, float] | None:
    """(language, confidence) for ``text``, or None when it is too short to tell."""
    text = _clean(text)
    if _letters(text) < MIN_LETTERS:
        return None
    if _cyrillic_russian(text):
        return "ru", 1.0
    best, best_score = _identifier().classify(text)  # rank()'s first, without the ranking
    if best not in LANGUAGES:
        ranking = _identifier().rank(text)
        ours = next(((lang, score) for lang, score in ranking if lang in LANGUAGES), None)
        if ours is not None and ours[1] >= PRIOR_RATIO * best_score:
            return ours
    return best, best_score


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("ru", "en", "es", "de"...), or None if too short."""
    result = classify(text)
    return result[0] if result else None


def detect_document(doc: Document) -> str | None:
    """Set ``doc.lang`` and every ``unit.lang``; return the document's language.

    A unit keeps the document's language unless it is long enough and
    confidently in another of ru/en/es (an English quote in a Russian
    article), so short headings or names never flip language on their own.
    A unit in a language triglot does not translate gets that language (no
    sentences are cut from it) and a note in ``doc.notes`` names it.
    """
    units = doc.units
    sample: list[str] = []
    size = 0
    for unit in units:
        plain = unit.plain_text()
        sample.append(plain)
        size += len(plain)
        if size >= DOCUMENT_SAMPLE_CHARS:
            break
    doc.lang = detect_language("\n".join(sample))
    found = [_unit_language(unit) for unit in units]
    if doc.lang not in LANGUAGES:  # a Russian article with a long Ukrainian quote reads "uk"
        doc.lang = _most_letters(found) or doc.lang
    foreign: dict[str, list[str]] = {}
    for unit, letters, result in found:
        unit.lang = doc.lang
        if result is None:
            continue
        lang, confidence = result
        if lang in LANGUAGES:
            unit.lang = _own_language(result, letters, doc.lang, unit.plain_text)
        elif doc.lang in LANGUAGES and _foreign(unit.plain_text(), confidence):
            unit.lang = lang
            foreign.setdefault(lang, []).append(unit.ref)
    for lang, refs in foreign.items():
        doc.notes.append(ngettext(
            "paragraph {refs} is in {language} ({code}), not Russian, English or Spanish: "
            "left untranslated",
            "paragraphs {refs} are in {language} ({code}), not Russian, English or Spanish: "
            "left untranslated", len(refs)).format(refs=", ".join(refs),
                                                  language=language_name(lang), code=lang))
    return doc.lang


def passage_language(text: str, document: str) -> str:
    """The language of one paragraph or line of a document in ``document``, as
    ``detect_document`` decides it for a unit (``entities extract`` reads lines)."""
    plain = _clean(text)
    letters = _letters(plain)
    result = classify(plain) if letters >= UNIT_MIN_LETTERS else None
    return _own_language(result, letters, document, lambda: plain) if result else document


def _own_language(result: tuple[str, float], letters: int, document: str,
                  text: Callable[[], str]) -> str:
    """A passage's own ru/en/es when it is long and sure enough, else the document's. A
    passage in Latin letters only is never Russian, however unsure the guess between
    English and Spanish ("English version: How Authorities Use Cameras ..."); ``text``
    is read only for that."""
    lang, confidence = result
    if lang not in LANGUAGES or letters < UNIT_MIN_LETTERS:
        return document
    if confidence >= UNIT_MIN_CONFIDENCE or (document == "ru" and lang != "ru"
                                             and not _CYRILLIC.search(text())):
        return lang
    return document


def _foreign(text: str, confidence: float) -> bool:
    """Whether text ``classify`` put in another language with ``confidence`` really is in it.

    Russian quoting a Ukrainian name or slogan ("(Київ, Україна)") is still
    Russian: without its words in other Cyrillic letters it must not read as
    ru, en or es.
    """
    if confidence < FOREIGN_MIN_CONFIDENCE:
        return False
    text = _clean(text)
    rest = _OTHER_CYRILLIC_WORD.sub(" ", text)
    if rest == text or _letters(rest) < MIN_LETTERS:
        return True
    return not _cyrillic_russian(rest) and _identifier().classify(rest)[0] not in LANGUAGES


def _unit_language(unit: Unit) -> tuple[Unit, int, tuple[str, float] | None]:
    """The unit, its letters, and its language if it is long enough to be called foreign."""
    plain = _clean(unit.plain_text())
    letters = _letters(plain)
    return unit, letters, classify(plain) if letters >= FOREIGN_MIN_LETTERS else None


def _most_letters(found: list[tuple[Unit, int, tuple[str, float] | None]]) -> str | None:
    """The language most of the article's letters are in, if it is ru, en or es."""
    letters: Counter[str] = Counter()
    for _, count, result in found:
        if result is not None:
            letters[result[0]] += count
    best = letters.most_common(1)
    return best[0][0] if best and best[0][0] in LANGUAGES else None


def language_name(code: str) -> str:
    """The name of a language code in the language of triglot's messages ("uk" ->
    "Ukrainian", "украинский", "ucraniano"), or the code itself."""
    from babel import Locale

    from translator.core.i18n import language

    return Locale(language()).languages.get(code, code)
