"""English percentages, dates and "on" that Apertium's English-Spanish transfer mangles
(its past passives: ``apertium_passives``), and the ages and titles beside a name in its
Spanish-English output.

**Percentages.** "per cent" gave "por céntimo" (a cent coin); "percent" gives "por
ciento". Before a noun "a 40 percent stake" gave "una 40 apuesta de porcentaje", while
"a 40-percent stake" is a compound its rules know ("una apuesta de 40 por ciento", once
unglued: ``apertium_compounds``). So a number's "percent" gets the hyphen where
Apertium's own analyser reads the next word as a noun (not a name).

**Dates.** An American "December 6, 2019" or "Dec. 6" reaches Apertium as "6 December
2019", the order its rules know; not a range ("October 11-13") nor a date after an
article or a possessive, which is an adjective ("the May 25 death": Apertium moves the
month after the noun). Its Spanish is then mended: it writes a date without its "de"
("6 diciembre 2019" for "6 de diciembre de 2019") and reads a capitalised March beside a
number as the verb ("12 Marcha"), and "the 1990s", which it gives as "el 1990s", is "los
años 1990". "on Tuesday", alone of the days, gives "encima martes": it becomes "el
martes" ("el martes por la noche" for "on Tuesday night"). "earlier this year", "early
next week" (Apertium: "más temprano este año") are "a principios de este año", "a
principios de la semana que viene". "Mr. Smith" ("Señor Smith", with no article) is "el
señor Smith", "del señor Smith" after "de".

**"on".** Apertium renders "on" before a noun phrase as "encima" (on top): "votan
encima si", "el informe encima la obstrucción". Before an article, a possessive or a
question word it becomes "sobre"; "encima sospecha de" "bajo sospecha de".

**Into English** (``english_beside_names``). Spanish news gives an age and a title beside
a name, "Juan Pérez, de 45 años," and "el Sr. Pérez", "el presidente Obama"; Apertium
wrote ", of 45 years," and "the Mr. Pérez", "the president Obama". They become ", 45,"
and "Mr. Pérez", "President Obama".

Measured on WMT19-21 English news (5,001 lines), WMT13 Spanish (3,000) and FLORES dev:
see the README.
"""

from __future__ import annotations

import re

from translator.engines.apertium_amounts import spelled_out
from translator.engines.apertium_analyser import UNIT, Analyser, AskedOnce

#: Bump when what is changed changes: it is part of the Apertium cache key.
PHRASE_RULE = 4

_DIGIT = re.compile(r"\d")
#: "40 percent" (after "per cent" is written so): "40-percent" before a noun.
_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?) percent\b")
_PER_CENT = re.compile(r"\b(p)er cent\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’]*)")

#: The months and days, in English and in Spanish: the dates here, and the calendar words
#: no surname is (``apertium_names``) nor plural subject (``apertium_words``).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "setiembre", "octubre", "noviembre", "diciembre")
SPANISH_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_SHORT = {"Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April",
          "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September",
          "Sept": "September", "Oct": "October", "Nov": "November", "Dec": "December"}
#: "December 6", "Dec. 6th", "December 6, 2019": a month, then its day (and year); not a
#: range ("October 11-13"), and not after a word that makes it an adjective ("the May 25
#: death", "a July 6 briefing": Apertium puts the month after the noun).
_US_DATE = re.compile(
    r"(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\bA )(?<!\ban )(?<!\bhis )(?<!\bher )"
    r"(?<!\bits )(?<!\btheir )\b("
    + "|".join(MONTHS) + r"|(?:" + "|".join(_SHORT) + r")\.)[ \t]+(\d{1,2})(?!\d)"
    r"(?:st|nd|rd|th)?(?![:.,\-–]\d)(?:,[ \t]+(\d{4})\b)?")

#: What a date needs, found at C speed first: most sentences have none.
_MONTH_THEN_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                             r"[ \t]+\d")

_SPANISH_MONTHS = "|".join(SPANISH_MONTHS)
#: Looked for in a lower-cased output first, at C speed: few sentences have a date.
_SPANISH_MONTH_NAMES = (*SPANISH_MONTHS, "archa")
_DAY_MONTH = re.compile(r"\b(\d{1,2}) (" + _SPANISH_MONTHS + r")\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b(" + _SPANISH_MONTHS + r") (\d{4})\b", re.IGNORECASE)
#: "on Tuesday" gives "encima martes" ("on Monday" gives "el lunes"): "martes", one form
#: for both numbers, misses the rule the other days take. "on Tuesday night": "encima
#: noche de martes".
_ON_TUESDAY = re.compile(r"\b([Ee])ncima (?:(mañana|tarde|noche) de )?martes\b")
#: English "on" is "encima" (on top) to Apertium, before a noun phrase too: "encima el
#: nombramiento", "una fila encima cómo", "arrestado encima sospecha de". Before an article,
#: a possessive or a question word Spanish has "sobre" ("about", and "on" a surface);
#: "on suspicion of" is "bajo sospecha de". "encima de" is Spanish, and a name is left:
#: "encima Twitter" is "en Twitter", not "sobre Twitter" (about it).
_ON_ARTICLE = re.compile(r"\b([Ee])ncima (el|la|los|las|un|una|unos|unas|su|sus|si|cómo|qué"
                         r"|cuál|quién|sospecha)\b")
#: English "last year" (no article: the one before this) gives "último año", which is
#: "el año pasado" ("del año pasado" after "de" or a month, "al" after "a"); with a word
#: before it that is an article, a possessive or a demonstrative it is left: "su último
#: año" is "his last year", the final one; and Spanish's own "por último" (lastly).
_LAST = re.compile(r"(?:\b(\w+) )?\b([ÚúUu]ltim([oa])) (fin de semana|año|mes|semana|"
                   r"temporada|trimestre|invierno|primavera|verano|otoño|"
                   + "|".join(SPANISH_DAYS) + r")\b")
#: Articles, possessives and demonstratives: "su último año" (the final one), "el señor".
_DETERMINER_WORDS = ("el la los las lo un una su sus mi mis tu tus nuestro nuestra vuestro "
                     "vuestra este esta ese esa aquel aquella dicho dicha del al cada")
_DETERMINERS = frozenset(_DETERMINER_WORDS.split())
#: "earlier this year", "early next week" give "más temprano este año", "temprano la
#: semana que viene": news says "a principios de este año", "de la semana que viene".
_EARLY = re.compile(r"\b(?:([Mm])ás t|([Tt]))emprano (este año|este mes|esta semana|"
                    r"(?:la|el) (?:semana|mes|año) (?:que viene|pasad[oa]))\b")
#: English "Mr. Smith" gives "Señor Smith", capitalised and with no article, which Spanish
#: news writes "el señor Smith" ("del señor" after "de", "al" after "a"). The word before
#: it, if any, and the blank or mark between.
_TITLE = re.compile(r"(?:\b([^\W\d_]+)( )|(^|[^\w\s]\s*))\b(Señor|Señora|Señorita)(?= [A-Z])")
_ARTICLE_OF = {"Señor": "el", "Señora": "la", "Señorita": "la"}
#: "the 1990s" gives "el 1990s": "los años 1990".
_DECADE = re.compile(r"\b([Ee]l|[Dd]el|[Aa]l) (\d{3}0)s\b")
_MARCH_BY_NUMBER = re.compile(r"\b(?<=\d )[Mm]archa\b|\b[Mm]archa(?= \d)")


def _readings(analysis: str) -> list[str]:
    units = UNIT.findall(analysis)
    return units[0][1].split("/") if len(units) == 1 else []


def is_noun(analysis: str) -> bool:
    """A noun ("man", "student"), perhaps also an adjective, not a name nor unknown."""
    readings = _readings(analysis)
    return any("<n>" in r for r in readings) and not any(
        r.startswith("*") or "<np>" in r for r in readings)


class EnglishPhrases:
    """Percentages and dates of a pair's English sources, as Apertium translates them;
    whether a noun follows a percentage is asked of the pair's analyser (shared with
    ``apertium_compounds``)."""

    def __init__(self, analyser: list[str] | Analyser | None) -> None:
        self._noun = AskedOnce(analyser, is_noun)

    def reworded(self, chunks: list[list[str]]) -> list[list[str]]:
        """``chunks`` with their sentences' amounts (``apertium_amounts``), percentages and
        dates reworded: each needs a digit."""
        chunks = [[_dates(spelled_out(sentence)) if _DIGIT.search(sentence) else sentence
                   for sentence in chunk] for chunk in chunks]
        sites = {(c, i): found for c, chunk in enumerate(chunks)
                 for i, sentence in enumerate(chunk)
                 if "percent" in sentence and (found := _percentages(sentence))}
        if not sites:
            return chunks
        noun = self._noun.answers(word for found in sites.values() for _, word in found)
        for (c, i), found in sites.items():
            sentence, pieces, position = chunks[c][i], [], 0
            for match, word in found:
                wording = f"{match[1]}-percent" if noun[word] else match[0]
                pieces += [sentence[position:match.start()], wording]
                position = match.end()
            chunks[c][i] = "".join(pieces) + sentence[position:]
        return chunks


def _percentages(sentence: str) -> list[tuple[re.Match[str], str]]:
    """Each number's "percent" in ``sentence`` that a word follows, with that word."""
    found = []
    for match in _PERCENT.finditer(sentence):
        after = _WORD_AFTER.match(sentence, match.end())
        if after:
            found.append((match, after[1]))
    return found


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


def spanish_phrases(output: str) -> str:
    """Apertium's Spanish: "on" before an article "sobre", dates with their "de" ("6 de
    diciembre de 2019") and March, and its Tuesday with its article."""
    if "ltim" in output:
        output = _LAST.sub(_last, output)
    if "emprano " in output:
        output = _EARLY.sub(_early, output)
    if "Señor" in output:
        output = _TITLE.sub(_title_with_article, output)
    if "ncima " in output:
        if "martes" in output:
            output = _ON_TUESDAY.sub(_tuesday, output)
        output = _ON_ARTICLE.sub(_on, output)
    if not _DIGIT.search(output):
        return output
    if "0s" in output:
        output = _DECADE.sub(_decade, output)
    lowered = output.lower()
    if not any(name in lowered for name in _SPANISH_MONTH_NAMES):
        return output
    output = _MARCH_BY_NUMBER.sub("marzo", output)
    output = _DAY_MONTH.sub(lambda m: f"{m[1]} de {m[2].lower()}", output)
    return _MONTH_YEAR.sub(lambda m: f"{m[1]} de {m[2]}", output)


def _last(found: re.Match[str]) -> str:
    before, feminine, period = found[1] or "", found[3] == "a", found[4]
    if before.lower() in _DETERMINERS or before.lower() == "por":  # "por último": lastly
        return found[0]
    passed = f"{period} {'pasada' if feminine else 'pasado'}"
    if before.lower() in ("de", "a"):  # "del año pasado", "a la semana pasada"
        return f"{before} la {passed}" if feminine else f"{before}l {passed}"
    if period == "año" and before.lower() in _SPANISH_MONTH_NAMES:  # "en mayo del año pasado"
        return f"{before} del {passed}"
    article = "la" if feminine else "el"
    if not before:
        return (article.capitalize() if found[2][0] in "ÚU" else article) + f" {passed}"
    return f"{before} {article} {passed}"


def _title_with_article(found: re.Match[str]) -> str:
    title, article = found[4].lower(), _ARTICLE_OF[found[4]]
    if found[1] is None:  # at a sentence's start or after a mark: "El señor Smith dijo"
        opening, mark = found[3] or "", (found[3] or "").strip()
        before_mark = found.string[found.start(3) - 1] if found.start(3) > 0 else " "
        starts = not mark or mark in ".!?¿¡:—" or (  # an opening quote, not a closing one
            mark in "\"“«'" and before_mark.isspace())
        return opening + (article.capitalize() if starts else article) + " " + title
    before = found[1]
    if before.lower() in _DETERMINERS:
        return f"{before} {title}"
    if before.lower() in ("de", "a") and article == "el":  # "del señor", "al señor"
        return f"{before}l {title}"
    return f"{before} {article} {title}"


def _early(found: re.Match[str]) -> str:
    capital = (found[1] or found[2]).isupper()
    period = "del " + found[3][3:] if found[3].startswith("el ") else "de " + found[3]
    return ("A" if capital else "a") + " principios " + period


def _tuesday(found: re.Match[str]) -> str:
    article = "El" if found[1] == "E" else "el"
    return f"{article} martes por la {found[2]}" if found[2] else f"{article} martes"


def _on(found: re.Match[str]) -> str:
    if found[2] == "sospecha":
        return ("B" if found[1] == "E" else "b") + "ajo sospecha"
    return ("S" if found[1] == "E" else "s") + "obre " + found[2]


def _decade(found: re.Match[str]) -> str:
    article = {"el": "", "del": "de ", "al": "a "}[found[1].lower()]
    words = f"{article}los años {found[2]}"
    return words[0].upper() + words[1:] if found[1][0].isupper() else words


#: Spanish news gives an age beside a name: "Juan Pérez, de 45 años, fue detenido", which
#: Apertium writes "Juan Pérez, of 45 years, was detained"; English news writes "Juan
#: Pérez, 45, was detained" ("aged 21 and a student" before "and").
_COMMA_AGE = re.compile(r", of (\d{1,3}) years(?: old)?(,| and\b)")


#: Spanish writes an article before a title and a name ("el Sr. Pérez", "el presidente
#: Obama"), and Apertium keeps it: "the Mr. Pérez", "the president Obama". English has
#: neither the article nor a lower-case title there: "Mr. Pérez", "President Obama".
_TITLE_BEFORE_NAME = re.compile(
    r"\b([Tt])he (Mr\.|Mrs\.|Ms\.|Dr\.|president|pope|king|queen|prince|princess|"
    r"prime minister|minister|senator|governor|mayor|judge|general|cardinal|bishop) "
    r"(?=[A-Z][\w.]*)")


def english_beside_names(output: str) -> str:
    """Apertium's English for Spanish, its ages beside a name and the titles before a name
    as English writes them."""
    if ", of " in output:
        output = _COMMA_AGE.sub(
            lambda found: f", {found[1]}," if found[2] == "," else f", aged {found[1]} and",
            output)
    if "he " in output:
        output = _TITLE_BEFORE_NAME.sub(lambda found: _title(found[2]) + " ", output)
    return output


def _title(title: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in title.split())
