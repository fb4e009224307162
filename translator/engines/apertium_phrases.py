"""English phrases with numbers that Apertium's English-Spanish transfer mangles.

**Ages.** "a 28-year-old man" gave "un hombrede28años": the compound joined to a
number is read as one unknown word, and transfer glues the words it adds around it.
Before a noun, "28 years old" gives "un hombre de 28 años"; standing for a person ("the
28-year-old was arrested"), "28 years old person" gives "la persona de 28 años". Which
of the two Apertium's own analyser says from the words after it: a noun followed by
a word that is neither a noun, an adjective nor a name (a verb, "of", "who") or by
nothing, or such a word right after the age. Before two words that may each be nouns or
adjectives ("a 28-year-old British man", "a 17-year-old basketball player") or a name,
no rewording reads better ("un baloncesto de 17 años el jugador"), and the age is left
as written.

After a number, Apertium's analyser reads the age as the noun's ("Two 23-year-old men"
gives "Dos 23 años los hombres viejos" once reworded): left as written too.

**Percentages.** "per cent" gave "por céntimo" (a cent coin); "percent" gives "por
ciento". Before a noun ("a 40 percent stake") "percent" gives "una 40 apuesta de
porcentaje", and "40%", which it copies, "una 40% apuesta".

**Dates.** An American "December 6, 2019" or "Dec. 6" reaches Apertium as "6 December
2019", the order its rules know; not a range ("October 11-13") nor a date after an
article or a possessive, which is an adjective ("the May 25 death": Apertium moves the
month after the noun). Its Spanish is then mended: it writes a date without its "de"
("6 diciembre 2019" for "6 de diciembre de 2019") and reads a capitalised March beside a
number as the verb ("12 Marcha").

Measured on WMT19-21 English news (5,001 lines) and FLORES dev: see the README.
"""

from __future__ import annotations

import re

from translator.engines.apertium_analyser import UNIT, Analyser, AskedOnce

#: Bump when what is changed changes: it is part of the Apertium cache key.
PHRASE_RULE = 1

_DIGIT = re.compile(r"\d")
_AGE = re.compile(r"(?<![\w-])(\d{1,3})-(year|month|week|day)s?-old(?![\w-])")
#: "40 percent" (after "per cent" is written so): "%" before a noun.
_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?) percent\b")
_PER_CENT = re.compile(r"\b(p)er cent\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’]*)")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([^\W\d_][\w'’]*|\d+)[ \t]+$")

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_SHORT = {"Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April",
          "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September",
          "Sept": "September", "Oct": "October", "Nov": "November", "Dec": "December"}
#: "December 6", "Dec. 6th", "December 6, 2019": a month, then its day (and year); not a
#: range ("October 11-13"), and not after a word that makes it an adjective ("the May 25
#: death", "a July 6 briefing": Apertium puts the month after the noun).
_US_DATE = re.compile(
    r"(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\bA )(?<!\ban )(?<!\bhis )(?<!\bher )"
    r"(?<!\bits )(?<!\btheir )\b("
    + "|".join(_MONTHS) + r"|(?:" + "|".join(_SHORT) + r")\.)[ \t]+(\d{1,2})(?!\d)"
    r"(?:st|nd|rd|th)?(?![:.,\-–]\d)(?:,[ \t]+(\d{4})\b)?")

#: What a date needs, found at C speed first: most sentences have none.
_MONTH_THEN_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                             r"[ \t]+\d")

_SPANISH_MONTHS = ("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
                   "setiembre|octubre|noviembre|diciembre")
_SPANISH_MONTH = re.compile(_SPANISH_MONTHS + "|archa", re.IGNORECASE)
_DAY_MONTH = re.compile(r"\b(\d{1,2}) (" + _SPANISH_MONTHS + r")\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b(" + _SPANISH_MONTHS + r") (\d{4})\b", re.IGNORECASE)
_MARCH_BY_NUMBER = re.compile(r"\b(?<=\d )[Mm]archa\b|\b[Mm]archa(?= \d)")


def _readings(analysis: str) -> list[str]:
    units = UNIT.findall(analysis)
    return units[0][1].split("/") if len(units) == 1 else []


def is_noun(analysis: str) -> bool:
    """A noun ("man", "student"), perhaps also an adjective, not a name nor unknown."""
    readings = _readings(analysis)
    return any("<n>" in r for r in readings) and not any(
        r.startswith("*") or "<np>" in r for r in readings)


def is_no_noun(analysis: str) -> bool:
    """A known word that is neither a noun, an adjective nor a name ("was", "who")."""
    readings = _readings(analysis)
    return bool(readings) and not any(
        r.startswith("*") or "<n>" in r or "<adj>" in r or "<np>" in r for r in readings)


def is_number(analysis: str) -> bool:
    """A number ("two", "23"): "two 23-year-old men" is left as written."""
    return any("<num>" in r for r in _readings(analysis))


class EnglishNumberPhrases:
    """Ages, percentages and dates of a pair's English sources, as Apertium translates
    them; the questions about the words around them go to the pair's analyser (shared
    with ``apertium_compounds``)."""

    def __init__(self, analyser: list[str] | Analyser | None) -> None:
        self._noun = AskedOnce(analyser, is_noun)
        self._no_noun = AskedOnce(analyser, is_no_noun)
        self._number = AskedOnce(analyser, is_number)

    def reworded(self, chunks: list[list[str]]) -> list[list[str]]:
        """``chunks`` with their sentences' ages, percentages and dates reworded."""
        chunks = [[_dates(sentence) if _DIGIT.search(sentence) else sentence
                   for sentence in chunk] for chunk in chunks]
        sites = {(c, i): found for c, chunk in enumerate(chunks)
                 for i, sentence in enumerate(chunk) if (found := _sites(sentence))}
        if not sites:
            return chunks
        words = {word for found in sites.values() for _, _, around in found
                 for word in around if word}
        noun, no_noun = self._noun.answers(words), self._no_noun.answers(words)
        number = self._number.answers(words)

        def other(word: str | None) -> bool:  # neither noun, adjective nor name; nothing
            return word is None or no_noun[word]

        for (c, i), found in sites.items():
            sentence, pieces, position = chunks[c][i], [], 0
            for match, kind, (before, first, second) in found:
                if kind == "percent":
                    wording = f"{match[1]}%" if first and noun[first] else match[0]
                elif before and number[before]:
                    wording = match[0]
                elif other(first):
                    wording = _age(match) + " person"
                elif first and noun[first] and other(second):
                    wording = _age(match)
                else:
                    wording = match[0]
                pieces += [sentence[position:match.start()], wording]
                position = match.end()
            chunks[c][i] = "".join(pieces) + sentence[position:]
        return chunks


Around = tuple[str | None, str | None, str | None]


def _sites(sentence: str) -> list[tuple[re.Match[str], str, Around]]:
    """Each age and percentage in ``sentence``, in order, with the word before it and the
    two after it (None at a mark or an end)."""
    found = []
    if "-old" in sentence:
        found += [(m, "age", _around(sentence, m)) for m in _AGE.finditer(sentence)]
    if "percent" in sentence:
        found += [(m, "percent", _around(sentence, m)) for m in _PERCENT.finditer(sentence)]
    return sorted(found, key=lambda site: site[0].start())


def _around(sentence: str, match: re.Match[str]) -> Around:
    before = _WORD_BEFORE.search(sentence, 0, match.start())
    first = _WORD_AFTER.match(sentence, match.end())
    second = _WORD_AFTER.match(sentence, first.end()) if first else None
    return (before[1] if before else None, first[1] if first else None,
            second[1] if second else None)


def _age(match: re.Match[str]) -> str:
    number, unit = match[1], match[2]
    return f"{number} {unit if number == '1' else unit + 's'} old"


def _dates(sentence: str) -> str:
    """A sentence with digits: its "per cent" and American dates reworded."""
    if "cent" in sentence:
        sentence = _PER_CENT.sub(r"\1ercent", sentence)
    if _MONTH_THEN_DAY.search(sentence):
        sentence = _US_DATE.sub(_british_date, sentence)
    return sentence


def _british_date(found: re.Match[str]) -> str:
    month = _SHORT.get(found[1].rstrip("."), found[1])
    return f"{found[2]} {month}" + (f" {found[3]}" if found[3] else "")


def spanish_dates(output: str) -> str:
    """Apertium's Spanish dates with their "de" ("6 de diciembre de 2019") and March."""
    if not _DIGIT.search(output) or not _SPANISH_MONTH.search(output):
        return output
    output = _MARCH_BY_NUMBER.sub("marzo", output)
    output = _DAY_MONTH.sub(lambda m: f"{m[1]} de {m[2].lower()}", output)
    return _MONTH_YEAR.sub(lambda m: f"{m[1]} de {m[2]}", output)
