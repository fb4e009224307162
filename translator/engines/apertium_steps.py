"""What triglot does between Apertium's programs and after them, in order, and the
cache key those steps make.

Before its tagger (a kept pipeline only, ``apertium_pipeline``): English possessives
(``apertium_possessives``) and people's surnames (``apertium_names``) marked in the
analyser's output. After it, each sentence's output mended for its pair. Into Spanish:
words glued around a number compound (``apertium_compounds``), billions
(``apertium_amounts``), dates and "on" (``apertium_phrases``), past passives
(``apertium_passives``), "when" and "who" (``apertium_relatives``), "that", "to",
"said", "authorities", "party" and "told" (``apertium_words``). Into English: digits,
ages and titles beside a name, Spanish idioms (``apertium_amounts``,
``apertium_phrases``, ``apertium_idioms``). The marks transfer leaves on any pair's
output (``apertium_mends``) come first, in ``ApertiumPairTranslator``: they need its
target-language analyser.

Every rule's number is part of the cache key, so a changed rule translates again.
"""

from __future__ import annotations

from translator.engines.apertium_amounts import AMOUNT_RULE, english_digits, spanish_billions
from translator.engines.apertium_compounds import COMPOUND_RULE, unglued
from translator.engines.apertium_headlines import HEADLINE_RULE
from translator.engines.apertium_idioms import IDIOM_RULE, english_idioms
from translator.engines.apertium_mends import MEND_RULE
from translator.engines.apertium_names import NAME_RULE, SURNAME, names_marked
from translator.engines.apertium_passives import PASSIVE_RULE, event_passives
from translator.engines.apertium_phrases import (
    PHRASE_RULE,
    english_beside_names,
    spanish_phrases,
)
from translator.engines.apertium_possessives import POSSESSIVE_RULE, possessives_marked
from translator.engines.apertium_relatives import RELATIVE_RULE, spanish_relatives
from translator.engines.apertium_stream import STREAM_RULE
from translator.engines.apertium_words import (
    WORD_RULE,
    spanish_said,
    spanish_senses,
    spanish_words,
)

#: The source languages whose analyses are marked before the tagger.
MARKED_LANGUAGES = frozenset(SURNAME)


def marked(lang: str, analyses: str) -> str:
    """The analyser's output (of ``lang``) as its tagger is to read it."""
    if lang == "en":
        analyses = possessives_marked(analyses)
    return names_marked(analyses, lang)


def pair_mended(pair: tuple[str, str], source: str, output: str) -> str:
    """Apertium's output for ``source`` with the mends of its language pair."""
    if pair == ("en", "es"):
        output = spanish_phrases(spanish_billions(source, unglued(source, output)))
        output = spanish_relatives(source, event_passives(source, output))
        return spanish_senses(source, spanish_said(source, spanish_words(output)))
    if pair == ("es", "en"):
        return english_idioms(source, english_beside_names(english_digits(source, output)))
    return output


def rules_key(kept_pipeline: bool) -> str:
    """The rules of every step, as the engine's cache key has them; the marks before the
    tagger only where a kept pipeline makes them."""
    marks = f"{POSSESSIVE_RULE}:names={NAME_RULE}" if kept_pipeline else 0
    return (f"apertium:compounds={COMPOUND_RULE}:headlines={HEADLINE_RULE}:"
            f"mends={MEND_RULE}:possessives={marks}:stream={STREAM_RULE}:"
            f"amounts={AMOUNT_RULE}:phrases={PHRASE_RULE}:passives={PASSIVE_RULE}:"
            f"relatives={RELATIVE_RULE}:words={WORD_RULE}:idioms={IDIOM_RULE}")
