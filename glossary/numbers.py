"""Numbers as QA compares them across ru, en and es: the value a text states, not its digits.

A translation that is right writes its numbers otherwise than its source does. Measured on
Google's, Microsoft's and Bergamot's translations of FLORES dev, the digit-by-digit check
reported every such number as missing:
- thousands grouped by a space, a comma or a point ("20 000", "20,000", "20.000"), and
  decimals by a point or a comma ("3.5", "3,5"); a group of four digits starts no
  grouping ("the 2008 400 Richest Americans" holds 2008 and 400);
- a scale word ("10 billion euros" is "10.000 millones de euros", "10 млрд евро"): the
  number counts with its scale, so a scale MT dropped ("2.3 billion" as "2,3 millones")
  is reported too;
- ordinals and decades, which a translation writes as words or Roman numerals ("the 1st
  day", "el primer día"; "the 17th century", "el siglo XVII", "XVII век"; "the 1960s",
  "los años sesenta"), and numbers up to a hundred written as words ("Eighteen percent",
  "18 por ciento"): optional, a translation may state them or not, but one that states
  another number is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

_SEPARATOR = "[.,\u00a0\u202f ]"
#: A number: grouped thousands (a first group of one to three digits), or digits with an
#: optional decimal part.
_NUMBER = re.compile(
    rf"(?<![\w.,])(?:\d{{1,3}}(?:{_SEPARATOR}\d{{3}})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?)")
#: What makes the number before it an ordinal: "15th", "1.º", "2ª", "1.er", "3ro", "15-й",
#: "5-го"; or a decade: "1960s", "the 90s", "1990-х" (written out as often: "los años
#: sesenta"), while "Il-76s" are aircraft.
_OPTIONAL_AFTER = re.compile(
    r"(?:st|nd|rd|th|(?<=0)s)\b|\.?(?:º|ª|er|ero|ra|ro|do|da|to|ta|vo|va|mo|ma|no|na)\b"
    r"|-(?:й|я|е|го|му|м|ом|ая|ое|ой|ую|х|ых)\b", re.IGNORECASE)
#: What joins two numbers that share the scale after the second: "340 y 500 millones".
_RANGE = re.compile(r"\s*(?:-|–|—|to|and|or|y|o|a|e|и|или|до)\s*", re.IGNORECASE)
#: Scale words after a number, the longer first ("mil millones" before "mil"), with the
#: power of ten each stands for (short scale in English, long in Spanish: "billón" is
#: 10^12); Russian ones in any case ("2,2 миллионах", "50 миллионами").
_SCALES: tuple[tuple[str, int], ...] = (
    (r"mil\s+millones", 9), (r"thousands?", 3), (r"millions?", 6), (r"billions?", 9),
    (r"trillions?", 12), (r"bn", 9), (r"mil", 3), (r"mill[oó]n(?:es)?", 6),
    (r"bill[oó]n(?:es)?", 12), (r"тыс\.", 3), (r"тыс", 3), (r"тысяч\w*", 3), (r"млн", 6),
    (r"миллион\w*", 6), (r"млрд", 9), (r"миллиард\w*", 9), (r"трлн", 12),
    (r"триллион\w*", 12))
_SCALE_AFTER = re.compile(r"\s?(?:" + "|".join(f"(?P<p{n}>{pattern})"
                                                 for n, (pattern, _) in enumerate(_SCALES))
                          + r")(?![\w])", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")


def normalise_number(raw: str) -> str:
    """'1,000' = '1 000' = '1.000' = '1000'; '3.5' = '3,5'. A separator followed by
    exactly three digits groups thousands; any other is a decimal point."""
    parts = re.split(_SEPARATOR, raw)
    out = parts[0]
    for part in parts[1:]:
        out += part if len(part) == 3 else "." + part
    return out.lstrip("0") or "0"


def _power(scale: re.Match[str]) -> int:
    """The power of ten of the scale word ``_SCALE_AFTER`` found."""
    group = next(name for name, text in scale.groupdict().items() if text is not None)
    return _SCALES[int(group[1:])][1]


def _scaled(number: str, power: int) -> str:
    try:
        value = Decimal(number).scaleb(power)
    except InvalidOperation:
        return number
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class Stated(NamedTuple):
    """The numbers a text states: ``firm`` ones a translation must keep, ``optional`` ones
    (ordinals, decades) it may write as words or Roman numerals instead."""

    firm: Counter[str]
    optional: Counter[str]


def stated(text: str) -> Stated:
    """The numbers ``text`` states in digits, normalised (``normalise_number``), each with
    its scale word applied (or the scale of the number it makes a range with); HTML
    character references are left out."""
    text = _ENTITY.sub(" ", text)
    found = [(match, _SCALE_AFTER.match(text, match.end()))
             for match in _NUMBER.finditer(text)]
    result = Stated(Counter(), Counter())
    for index, (match, scale) in enumerate(found):
        if scale is None and index + 1 < len(found):
            after, its_scale = found[index + 1]
            if its_scale is not None and _RANGE.fullmatch(text, match.end(), after.start()):
                scale = its_scale
        number = normalise_number(match.group())
        if scale is not None:
            number = _scaled(number, _power(scale))
        optional = scale is None and _OPTIONAL_AFTER.match(text, match.end())
        (result.optional if optional else result.firm)[number] += 1
    return result


def differences(source: str, translation: str, source_lang: str | None = None,
                target_lang: str | None = None) -> tuple[list[str], list[str]]:
    """(missing, extra): the firm numbers of each text the other does not state at all,
    as digits or (given the languages) as words, which are read only where the digits
    differ (most sentences' do not)."""
    src, tgt = stated(source), stated(translation)
    missing, extra = src.firm - (tgt.firm + tgt.optional), tgt.firm - (src.firm + src.optional)
    if (missing or extra) and (source_lang or target_lang):
        src.optional.update(number_words(source, source_lang or ""))
        tgt.optional.update(number_words(translation, target_lang or ""))
        missing = src.firm - (tgt.firm + tgt.optional)
        extra = tgt.firm - (src.firm + src.optional)
    return sorted(missing.elements()), sorted(extra.elements())


#: Number words: a translation writes "18" for "Eighteen", "six" for "6". One to twenty,
#: the tens and a hundred (English and Spanish compounds of twenty to ninety-nine too);
#: Russian ones in any case, from pymorphy3's lexemes ("двадцати", "пятью").
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
_HUNDRED = {"en": "hundred", "es": "cien", "ru": "сто"}
_SPANISH_TWENTIES = _listed("veintiuno veintidós veintitrés veinticuatro veinticinco "
                            "veintiséis veintisiete veintiocho veintinueve")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


@lru_cache(maxsize=3)
def _values(lang: str) -> dict[str, int]:
    """Every written form of a number word of ``lang`` and its value."""
    values = {word: n for n, word in enumerate(_WORDS[lang], start=1)}
    values.update({word: 20 + 10 * n for n, word in enumerate(_TENS[lang])})
    values[_HUNDRED[lang]] = 100
    if lang == "es":
        values.update({word: 21 + n for n, word in enumerate(_SPANISH_TWENTIES)})
    if lang == "en":
        units = _WORDS["en"][:9]
        values.update({f"{ten}-{unit}": 20 + 10 * t + u
                       for t, ten in enumerate(_TENS["en"]) for u, unit in enumerate(units, 1)})
    if lang == "ru":
        from glossary.morphology import russian_analyzer

        analyzer = russian_analyzer()
        for word, value in list(values.items()):
            parse = next((p for p in analyzer.parse(word) if "NUMR" in p.tag), None)
            for form in parse.lexeme if parse is not None else ():
                values.setdefault(form.word, value)
    return values


#: What may stand between the tens and the units of one number: "twenty four",
#: "treinta y dos", "двадцати пяти" ("twenty-four" is one word).
_COMPOUND_GAP = re.compile(r"\s+|\s+y\s+")


def number_words(text: str, lang: str) -> Counter[str]:
    """The values of the number words of ``text`` in ``lang`` (ru, en or es)."""
    if lang not in _WORDS:
        return Counter()
    values = _values(lang)
    lowered = text.lower()
    found: list[tuple[int, int]] = []  # (value, end)
    for match in _WORD.finditer(lowered):
        value = values.get(match.group())
        if value is None:
            continue
        if found and 20 <= found[-1][0] <= 90 and found[-1][0] % 10 == 0 and value < 10 \
                and _COMPOUND_GAP.fullmatch(lowered, found[-1][1], match.start()):
            found[-1] = (found[-1][0] + value, match.end())
        else:
            found.append((value, match.end()))
    return Counter(str(value) for value, _ in found)
