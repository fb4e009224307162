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
  "los años sesenta"), and numbers written as words ("Eighteen percent", "18 por ciento";
  ``number_words``): optional, a translation may state them or not, but one that states
  another number is reported;
- clock times ("0230 UTC", "02:30"; "2:30 p.m.", "14:30") and money with a letter for
  its scale ("£27m" is "27 миллионов фунтов").
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from glossary.number_words import number_words

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
#: Between a number and its scale: "50 и более миллионов", "20 o más millones".
_OR_MORE = r"(?:\s+(?:or\s+more|o\s+más|и\s+более|или\s+более|с\s+лишним))?"
_SCALE_AFTER = re.compile(_OR_MORE + r"\s?(?:" + "|".join(f"(?P<p{n}>{pattern})"
                                                 for n, (pattern, _) in enumerate(_SCALES))
                          + r")(?![\w])", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
#: An amount of money with its scale as a letter: "£27m", "$1.5bn" (bn is a scale word
#: anywhere), "€50k"; after any other number "m" is metres.
_CURRENCY = "£$€¥₽"
_MONEY_SCALE = re.compile(r"(?P<m>mn?)\b|(?P<k>k)\b")
#: A clock time: "9:30", "02:30", "11:00 h", "0230 UTC", "9.30am". Its value is the hour
#: on a twelve-hour dial and the minutes, so "14:30", "2:30 p.m." and "1430 GMT" are one
#: time, and none is read as two numbers ("02:30" is not 2 and 30).
_TIME = re.compile(r"(?<![\w.,:])(?:(\d{1,2}):(\d{2})(?![\d:])"
                   r"|(\d{1,2})\.(\d{2})(?=\s?[ap]\.?m\b)|(\d{2})(\d{2})(?=\s?(?:UTC|GMT)\b))",
                   re.IGNORECASE)
#: What every time has, found at C speed (most sentences hold no time).
_TIME_HINT = re.compile(r"\d(?:[:.]\d\d|\d{3}\s?[UGug])")


def _times(text: str) -> tuple[str, Counter[str]]:
    """``text`` with its clock times blanked out, and the times (``_TIME``)."""
    times: Counter[str] = Counter()
    if not _TIME_HINT.search(text):
        return text, times

    def blanked(match: re.Match[str]) -> str:
        hour, minute = (int(group) for group in match.groups() if group is not None)
        if hour > 24 or minute > 59:
            return match.group()
        times[f"{hour % 12}:{minute:02d}"] += 1
        return " " * len(match.group())

    return _TIME.sub(blanked, text), times


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
    text, times = _times(_ENTITY.sub(" ", text))
    found = [(match, _SCALE_AFTER.match(text, match.end()))
             for match in _NUMBER.finditer(text)]
    result = Stated(times, Counter())
    for index, (match, scale) in enumerate(found):
        if scale is None and index + 1 < len(found):
            after, its_scale = found[index + 1]
            if its_scale is not None and _RANGE.fullmatch(text, match.end(), after.start()):
                scale = its_scale
        number = normalise_number(match.group())
        if scale is not None:
            number = _scaled(number, _power(scale))
        elif match.start() and text[match.start() - 1] in _CURRENCY and (
                money := _MONEY_SCALE.match(text, match.end())):
            number = _scaled(number, 6 if money["m"] else 3)
            scale = money
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
