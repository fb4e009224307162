"""Numbers written as words in ru, en and es, for QA's number check (``glossary.numbers``).

A translation writes "18" for "Eighteen", "six" for "6", "двухчасового" for "2 hour",
"two-hour" for "2-hour". The words counted: one to twenty, the tens, a hundred, a
thousand and a million (English and Spanish compounds of twenty to ninety-nine too, and
a number word times the scale word after it: "two million", "veinticinco mil"); Russian
ones in any case, from pymorphy3's lexemes ("двадцати", "пятью"). Russian also
writes a number as the first part of an adjective of measure ("двухчасовой",
"стометровый", "пятиэтажный"); English as the first part of a hyphenated one
("two-hour"). Such a word counts only where its second part is a measure: "столица" and
"семинар" start like "сто" and "семи" but state no number.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache


def _listed(words: str) -> list[str]:
    return words.split()


_WORDS = {
    "en": _listed("one two three four five six seven eight nine ten eleven twelve thirteen "
                  "fourteen fifteen sixteen seventeen eighteen nineteen twenty"),
    "es": _listed("uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece "
                  "catorce quince dieciséis diecisiete dieciocho diecinueve veinte"),
    "ru": _listed("один два три четыре пять шесть семь восемь девять десять одиннадцать "
                  "двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать "
                  "восемнадцать девятнадцать двадцать"),
}
_TENS = {
    "en": _listed("twenty thirty forty fifty sixty seventy eighty ninety"),
    "es": _listed("veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa"),
    "ru": _listed("двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят "
                  "девяносто"),
}
#: A hundred, a thousand and a million: alone they are one ("a thousand people", "mil
#: personas", "тысяча человек"); after a number word they multiply it ("two million",
#: "dos millones", "пяти тысяч"). A plural alone ("millones de personas") is no number.
_LARGE = {
    "en": {"hundred": 100, "thousand": 1000, "million": 1000000},
    "es": {"cien": 100, "ciento": 100, "mil": 1000, "millón": 1000000},
    "ru": {"сто": 100, "тысяча": 1000, "миллион": 1000000},
}
_PLURAL_SCALES = {"en": {"hundreds": 100, "thousands": 1000, "millions": 1000000},
                  "es": {"cientos": 100, "millones": 1000000}, "ru": {}}
_SPANISH_TWENTIES = _listed("veintiuno veintidós veintitrés veinticuatro veinticinco "
                            "veintiséis veintisiete veintiocho veintinueve")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
#: What may stand between the tens and the units of one number: "twenty four",
#: "treinta y dos", "двадцати пяти" ("twenty-four" is one word).
_COMPOUND_GAP = re.compile(r"\s+|\s+y\s+")
#: The second part of a Russian adjective of measure made with a number: years, hours,
#: minutes, days, weeks, months, metres, kilometres, storeys, rooms, seats, times (-fold),
#: per cent, tonnes, litres, episodes, volumes, sides, digits.
_RUSSIAN_MEASURE = re.compile(
    r"(?:лет|годи[чш]н|час|минут|секунд|дневн|суточн|недельн|месячн|метров|километров|"
    r"этажн|комнатн|местн|кратн|процентн|тонн|литров|серийн|томн|сторонн|значн)\w*")


@lru_cache(maxsize=3)
def _values(lang: str) -> dict[str, int]:
    """Every written form of a number word of ``lang`` and its value (``_scales`` those
    of a hundred, a thousand and a million in the plural too)."""
    values = {word: n for n, word in enumerate(_WORDS[lang], start=1)}
    values.update({word: 20 + 10 * n for n, word in enumerate(_TENS[lang])})
    values.update(_LARGE[lang])
    if lang == "es":
        values.update({word: 21 + n for n, word in enumerate(_SPANISH_TWENTIES)})
    if lang == "en":
        units = _WORDS["en"][:9]
        values.update({f"{ten}-{unit}": 20 + 10 * t + u
                       for t, ten in enumerate(_TENS["en"]) for u, unit in enumerate(units, 1)})
    if lang == "ru":
        for word, value in list(values.items()):
            for form, singular in _russian_forms(word):
                if singular or value < 100:
                    values.setdefault(form, value)
    return values


@lru_cache(maxsize=3)
def _scales(lang: str) -> dict[str, int]:
    """Every form of a hundred, a thousand and a million, singular or plural."""
    scales = {**_LARGE[lang], **_PLURAL_SCALES[lang]}
    if lang == "ru":
        for word, value in _LARGE["ru"].items():
            scales.update((form, value) for form, _ in _russian_forms(word))
    return scales


def _russian_forms(word: str) -> list[tuple[str, bool]]:
    """Each form of a Russian number word, and whether it is singular (pymorphy3)."""
    from glossary.morphology import russian_analyzer

    parses = russian_analyzer().parse(word)
    parse = next((p for p in parses if "NUMR" in p.tag), parses[0])
    return [(form.word, "plur" not in form.tag) for form in parse.lexeme]


@lru_cache(maxsize=1)
def _russian_compound() -> tuple[re.Pattern[str], dict[str, int]]:
    """A whole word made of a number's first part ("двух", "пяти", "сто", "дву") and a
    measure, and the value of each first part; the longer parts are tried first, so
    "двадцати" is not read as "два"."""
    stems = {word: value for word, value in _values("ru").items()
             if value <= 100 and (word.endswith(("х", "и", "а")) or word == "сто")}
    stems.update({"дву": 2, "одно": 1, "трех": 3, "четырех": 4})
    ordered = sorted(stems, key=len, reverse=True)
    return re.compile(f"({'|'.join(ordered)}){_RUSSIAN_MEASURE.pattern}"), stems


def _compound_value(word: str, lang: str) -> int | None:
    """The number a compound adjective starts with, or None."""
    if lang == "en" and "-" in word:
        return _values("en").get(word.split("-", 1)[0])
    if lang == "ru":
        pattern, stems = _russian_compound()
        if found := pattern.fullmatch(word):
            return stems[found[1]]
    return None


def number_words(text: str, lang: str) -> Counter[str]:
    """The values of the number words of ``text`` in ``lang`` (ru, en or es)."""
    if lang not in _WORDS:
        return Counter()
    values, scales = _values(lang), _scales(lang)
    lowered = text.lower()
    found: list[tuple[int, int]] = []  # (value, end)
    for match in _WORD.finditer(lowered):
        word = match.group()
        joined = bool(found) and _COMPOUND_GAP.fullmatch(lowered, found[-1][1], match.start())
        scale = scales.get(word)
        if scale is not None and joined and found[-1][0] < scale:
            found[-1] = (found[-1][0] * scale, match.end())  # "two million", "пяти тысяч"
            continue
        value = values.get(word)
        if value is None:
            value = _compound_value(word, lang)
        if value is None:
            continue
        if joined and 20 <= found[-1][0] <= 90 and found[-1][0] % 10 == 0 and value < 10:
            found[-1] = (found[-1][0] + value, match.end())
        else:
            found.append((value, match.end()))
    return Counter(str(value) for value, _ in found)
