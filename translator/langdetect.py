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
"""

from __future__ import annotations

import re
from functools import lru_cache

from translator.core.languages import LANGUAGES
from translator.document import CODE_RE, Document

MIN_LETTERS = 20  # below this a guess is noise
UNIT_MIN_LETTERS = 60  # a unit must be this long to override the document's language
UNIT_MIN_CONFIDENCE = 0.9
PRIOR_RATIO = 0.4
DOCUMENT_SAMPLE_CHARS = 20000

_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
_RUSSIAN_ONLY = re.compile(r"[ыэёЫЭЁ]")
_OTHER_CYRILLIC = re.compile(r"[іїєґўђјљњћџѓќѕІЇЄҐЎЂЈЉЊЋЏЃЌЅ]")


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's full model, loaded once, on first use (it takes about half a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _clean(text: str) -> str:
    return _URL.sub(" ", CODE_RE.sub(" ", text))


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _cyrillic_russian(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
    if cyrillic < 0.6 * len(letters):
        return False
    return bool(_RUSSIAN_ONLY.search(text)) and not _OTHER_CYRILLIC.search(text)


def classify(text: str) -> tuple[str, float] | None:
    """(language, confidence) for ``text``, or None when it is too short to tell."""
    text = _clean(text)
    if _letters(text) < MIN_LETTERS:
        return None
    if _cyrillic_russian(text):
        return "ru", 1.0
    ranking = _identifier().rank(text)
    best, best_score = ranking[0]
    if best not in LANGUAGES:
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
    for unit in units:
        unit.lang = doc.lang
        plain = _clean(unit.plain_text())
        if _letters(plain) < UNIT_MIN_LETTERS:
            continue
        result = classify(plain)
        if result is None:
            continue
        lang, confidence = result
        if lang != doc.lang and lang in LANGUAGES and confidence >= UNIT_MIN_CONFIDENCE:
            unit.lang = lang
    return doc.lang
