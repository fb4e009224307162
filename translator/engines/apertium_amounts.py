"""Amounts between English and Spanish through Apertium, which copies numbers as written.

**Billions.** "Billón" is a million millions.

English news writes amounts as "$2.8bn", "£30m", "1.5 billion people". Apertium's
English-Spanish dictionary reads "bn" and "a billion" as "billón", which in Spanish is
10^12: "$2.8bn" gave "2.8 billones de dólares" and "nearly a billion dollars" "casi un
billón de dólares", a thousand times the amount. After a number it writes "billion"
before a noun as "miles de millones" with no "de": "1.5 miles de millones ciudadanos".

So, from English into Spanish, "bn" and "tn" after a number reach Apertium as
"billion" and "trillion" (which it renders "mil millones" and "billones"), a number's
"billion" written close up ("€3.1billion") with a space, and its
output is mended: "un billón" becomes "mil millones" in a sentence whose source
speaks of billions and not of trillions, and a number's "miles de millones" becomes
"mil millones", with the "de" a noun after it needs ("$1 trillion", "$1 billones", gets
its singular). Spanish into English gets these words right ("mil millones" ->
"billion", "billones" -> "trillion").

**Digits.** Spanish writes "170.000" and "3,5" for English "170,000" and "3.5", and
Apertium copies them: "170.000 cameras", "3,5 million passengers". Into English, a number
the translation copies is written the English way when its Spanish form is certain:
groups of three digits after points ("170.000", "1.234.567", with decimals "1.234,5"),
or a comma followed by other than three digits ("3,5", "0,75"). "1,500" is left as it
is: Latin American Spanish writes 1500 so, Spain's press 1.5. Into Spanish numbers are
left as English writes them, as the Spanish of Latin America does too.

Measured on WMT19-21 English news (5,001 lines): see the README.
"""

from __future__ import annotations

import re

from glossary.stopwords import FUNCTION_WORDS

#: Bump when what is changed changes: it is part of the Apertium cache key.
AMOUNT_RULE = 1
#: "$2.8bn", "£3 tn": a number's abbreviated billions and trillions; "€3.1billion",
#: written close up, which Apertium glues ("€3.1mil millones").
_ABBREVIATED = re.compile(r"(?<=\d)(?:\s?(bn|tn)|(million|billion|trillion))\b")
_SPELLED = {"bn": "billion", "tn": "trillion"}
_BILLION = re.compile(r"\bbillions?\b", re.IGNORECASE)
_TRILLION = re.compile(r"\btrillions?\b", re.IGNORECASE)
_ONE_BILLON = re.compile(r"\b([Uu])n billón\b")
#: "$1 trillion" gives "$1 billones": one is singular.
_ONE_BILLONES = re.compile(r"(?<![\d.,])1 billones\b")
#: A number's "miles de millones", and the word after it when there is one.
_NUMBER_BILLIONS = re.compile(r"(\d) miles de millones( de\b)?(?: ([^\W\d_]+))?")
#: Words that are no noun of the amount ("2 mil millones en 2020", "... cada año"): no
#: "de" goes between. Spanish's function words, and adverbs seen after an amount.
_NO_NOUN_AFTER = FUNCTION_WORDS["es"] | {"antes", "después", "más", "menos", "ya"}


#: A number Spanish writes one way only: points between groups of three digits (and a
#: comma before decimals), or a decimal comma before other than three digits.
_SPANISH_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,(?:\d{1,2}|\d{4,}))"
                             r"(?![.,]?\d)")


_SWAP = str.maketrans({".": ",", ",": "."})


def english_digits(source: str, output: str) -> str:
    """Apertium's English for a Spanish ``source``, the numbers it copied from there
    written with English points and commas."""
    copied = set(_SPANISH_NUMBER.findall(source))
    if not copied:
        return output
    return _SPANISH_NUMBER.sub(
        lambda found: found[0].translate(_SWAP) if found[0] in copied else found[0], output)


def spelled_out(sentence: str) -> str:
    """An English sentence with a number's "bn" and "tn" written as words, and its
    "million", "billion" or "trillion" set apart from the number."""
    if not ("bn" in sentence or "tn" in sentence or "illion" in sentence):
        return sentence
    return _ABBREVIATED.sub(lambda found: " " + (found[2] or _SPELLED[found[1]]), sentence)


def spanish_billions(source: str, output: str) -> str:
    """Apertium's Spanish for an English ``source``, its billions made Spanish ones."""
    if "mil" in output:
        output = _NUMBER_BILLIONS.sub(_with_de, output)
    if "1 billones" in output:
        output = _ONE_BILLONES.sub("1 billón", output)
    if "billón" in output and _BILLION.search(source) and not _TRILLION.search(source):
        output = _ONE_BILLON.sub(lambda found: "Mil millones" if found[1] == "U"
                                 else "mil millones", output)
    return output


def _with_de(found: re.Match[str]) -> str:
    number, de, word = found[1], found[2], found[3]
    if word is None:
        return f"{number} mil millones{de or ''}"
    joiner = " " if not de and (word.lower() in _NO_NOUN_AFTER or word[0].isupper()) \
        else " de "
    return f"{number} mil millones{joiner}{word}"
