"""What is not a name in English and Spanish news text, whichever extractor found it.

Scraped articles carry lines that hold no entities (headlines in title case,
bylines, datelines, "Read more", "Leave a Reply") and spans that hold a name
plus something else ("the", a possessive, "Lawyer", "Sr."). These rules apply
to the spaCy mentions (English) and to the rule-based ones (Spanish) alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = {
    "en": _wordset("""
        a an the this that these those there then thus this it its he she they we i you
        his her their our my your in on at by for from with without of to into onto over
        under after before during since until while when where why how what who whom
        which whose if but and or nor so yet also although though because as however
        meanwhile moreover nevertheless instead still today yesterday tomorrow tonight
        now here some many most several each every all both either neither no not none
        one two three other another such according despite unlike like about around
        among between through throughout within once later earlier last next first
        second third new old is are was were be been has have had do does did will would
        can could should may might must let please yes former late thanks zero ten
        eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
        twenty thirty forty fifty hundred thousand million four five six seven eight
        nine against across along amid amongst behind beyond toward towards upon via
        versus above below beside near off onto up down out
    """),
    "es": _wordset("""
        el la los las un una unos unas lo al del este esta estos estas ese esa esos esas
        aquel aquella eso esto ello él ella ellos ellas yo tú usted ustedes nosotros su
        sus mi mis tu tus nuestro nuestra en con sin por para de desde hasta hacia sobre
        bajo entre tras ante según durante mediante y e o u ni pero sino aunque porque
        pues como cuando donde mientras si que quien quienes cual cuales cuyo qué quién
        cómo dónde cuándo también tampoco además sin embargo hoy ayer mañana ahora aquí
        allí allá luego después antes entonces así ya no sí muy más menos algunos
        algunas muchos muchas varios varias cada todo todos todas otro otra otros otras
        tal tales uno dos tres primero primera segundo último última nuevo nueva es son
        era fue fueron ha han había ser estar hay se le les ud uds vd vds nunca jamás
    """),
}

# Honorifics and job titles: before a name they are not part of it.
TITLES = {
    "en": _wordset("""
        mr mrs ms miss dr prof professor president king queen prince princess pope sir
        lord lady senator general gen captain capt colonel col lieutenant lt minister
        premier chancellor governor mayor judge justice father saint sheikh emperor
        empress archbishop bishop rev reverend chairman ceo secretary ambassador speaker
        lawyer attorney advocate activist rapper singer journalist reporter blogger
        politician opposition leader spokesman spokeswoman spokesperson deputy director
        founder cofounder co-founder analyst economist researcher editor
        commissioner inspector detective sergeant admiral commander
        investigator photographer artist musician poet writer author actor actress
        businessman businesswoman billionaire entrepreneur student professor teacher
        doctor dissident lawmaker mp candidate chairwoman presenter coach
    """),
    "es": _wordset("""
        sr sra srta dr dra d dª dña don doña señor señora presidente presidenta rey reina
        príncipe princesa papa ministro ministra senador senadora general capitán
        coronel gobernador gobernadora alcalde alcaldesa juez jueza padre emperador
        abogado abogada activista rapero rapera cantante periodista bloguero bloguera
        político política opositor opositora líder portavoz vocero vocera diputado
        diputada director directora fundador fundadora analista economista
        investigador investigadora editor editora comisionado comisionada
        fotógrafo fotógrafa artista músico poeta escritor escritora actor actriz
        empresario empresaria disidente legislador legisladora candidato candidata
        entrenador jugador delantero secretario secretaria embajador
        embajadora profesor profesora doctor doctora estudiante
    """),
}
MONTHS = _wordset("""
    january february march april may june july august september october november december
    jan feb apr jun jul aug sep sept oct nov dec
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
    noviembre diciembre ene abr ago set dic
""")
WEEKDAYS = _wordset("""
    monday tuesday wednesday thursday friday saturday sunday tues thurs
    lunes martes miércoles jueves viernes sábado domingo
""")
TIME_WORDS = _wordset("""
    utc gmt est edt pst pdt cet cest msk am pm a.m p.m updated published posted
    actualizado publicado today yesterday hoy ayer
""")
# Page furniture: a short line made of these words is navigation, not prose.
BOILERPLATE = _wordset("""
    read more leave reply comment comments share save print email subscribe sign up log
    login in out follow us advertising advertisement notice cookie cookies policy privacy
    terms of use all rights reserved copyright learn picture photo image credit source
    related newsletter click here see also continue reading press release menu search
    home back to top next previous skip content tweet facebook twitter telegram whatsapp
    linkedin reddit donate support our journalism a the your this and or by with for on
    leer más comentar comentarios compartir guardar imprimir suscríbete suscribirse
    publicidad aviso política de privacidad todos los derechos reservados foto imagen
    fuente relacionado noticias siguiente anterior inicio buscar volver arriba ver también
    deja un comentario responder
""")
#: Abbreviations news writes for common nouns, never for a name: "the NGO's Russia
#: specialist", "160,000 CCTV cameras", "Covid cases". The models take them for
#: organisations or people; alone, they name no one (the gazetteer still rescues one).
COMMON_ABBREVIATIONS = _wordset("""
    NGO NGOs CCTV CEO CEOs CFO CTO GDP VPN VPNs SMS DNA HIV AIDS ID IDs PC LGBT LGBTQ
    ATM ATMs GPS PDF URL USB SUV SUVs IPO IPOs ETF ETFs NFT NFTs VAT MP MPs MEP MEPs PhD
    CV FAQ Covid COVID Covid-19 COVID-19 SARS-CoV-2
    ONG ONGs PIB IVA ADN VIH SIDA DNI
    НКО СМИ ВВП ДНК ВИЧ СПИД ДТП ЖКХ НДС
""")
_BYLINE = re.compile(
    r"^\s*(?:by|por|updated|published|posted|actualizado|publicado|photo|foto|credit|"
    r"image|imagen|source|fuente|picture|related|see also|read more|lea también|"
    r"ver también)\b", re.IGNORECASE)
_DATE_LINE = re.compile(r"^[\W\d]*(?:[^\W\d_]+[\W\d]*){0,6}$")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def is_calendar(words: list[str]) -> bool:
    """"Feb 1", "Updated Sep 14", "Jan", "UTC": dates and times, never entities."""
    letters = [w.lower().rstrip(".") for w in words]
    return bool(letters) and all(w in MONTHS or w in WEEKDAYS or w in TIME_WORDS
                                 for w in letters)


def _function_words(lang: str) -> frozenset[str]:
    return FUNCTION_WORDS[lang]


def is_headline(line: str, lang: str) -> bool:
    """A title-case line ("Moscow To Expand Metro Facial Recognition Network").

    Prose capitalises names only; a line whose every content word, four or more
    of them, starts upper case, and which does not end like a sentence, is a headline.
    """
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?:;,»\"”" or len(stripped) > 160:
        return False
    function = _function_words(lang)
    content = [w for w in words_of(stripped) if w.lower() not in function or w[:1].isupper()]
    content = [w for w in content if len(w) > 2 or w[:1].isupper()]
    if len(content) < 4:
        return False
    upper = sum(1 for w in content if w[:1].isupper())
    return upper == len(content)


def is_boilerplate_line(line: str, lang: str) -> bool:
    """Bylines, datelines, page furniture and title-case headlines: lines with no entities."""
    stripped = line.strip()
    if not stripped:
        return True
    words = words_of(stripped)
    if _BYLINE.match(stripped) and len(words) <= 12:
        return True
    lowered = [w.lower() for w in words]
    if lowered and len(lowered) <= 8 and all(w in BOILERPLATE for w in lowered):
        return True
    if lowered and len(lowered) <= 8 and _DATE_LINE.match(stripped) and any(
            w.rstrip(".") in MONTHS or w in WEEKDAYS for w in lowered) and all(
            w.rstrip(".") in MONTHS | WEEKDAYS | TIME_WORDS or w in _function_words(lang)
            or w in ("de", "of", "the") for w in lowered):
        return True
    # "Related article: Coronavirus Outbreak Is Major Test for ...": a label, then a headline
    label, colon, rest = stripped.partition(": ")
    if colon and len(words_of(label)) <= 3 and is_headline(rest, lang):
        return True
    return is_headline(stripped, lang)


def _lemmas(lang: str):
    from glossary.morphology import simplemma_dictionary

    return simplemma_dictionary(lang)


@lru_cache(maxsize=2)
def _stoplist(lang: str) -> frozenset[str]:
    """jusText's list of the few hundred most frequent words (BSD, shipped with trafilatura)."""
    import justext

    return frozenset(justext.get_stoplist({"en": "English", "es": "Spanish"}[lang]))


def warm(lang: str) -> None:
    """Load the lemma dictionary and stop list of ``lang`` now rather than mid-article."""
    _lemmas(lang)
    _stoplist(lang)
    _function_words(lang)


def is_common_word(word: str, lang: str) -> bool:
    """True if capitalised ``word`` is an ordinary word of ``lang`` written at a sentence start.

    The lemma dictionary writes proper nouns' lemmas capitalised ("Texas", "John")
    and common words' in lower case ("save", "picture", "policía").
    """
    if any(ch.isupper() for ch in word[1:]) and not word.isupper():
        return False  # "MySpace", "YouTube": a brand's inner capital
    low = word.lower().rstrip("!.")
    if low in _function_words(lang) or low in _stoplist(lang) or low in BOILERPLATE:
        return True
    if lang == "en" and low.endswith("ly"):
        return True
    lemma = _lemmas(lang).get(low)
    if lemma is None:  # "Hacerse", "Imagínese": a verb with its pronouns attached
        from glossary.morphology import dictionary_lemma

        guess = dictionary_lemma(low, lang)
        lemma = guess if guess != low and _lemmas(lang).get(guess) == guess else None
    return lemma is not None and lemma[:1].islower()


def is_title(word: str, lang: str) -> bool:
    return word.lower().rstrip(".") in TITLES[lang]


# --- trimming a span to the name it holds ------------------------------------

_LEADING = {"en": ("the ", "The ", "THE "), "es": ("el ", "El ", "la ", "La ", "los ", "Los ",
                                                  "las ", "Las ")}
_POSSESSIVE = re.compile(r"['’]s?\b|['’]$")
#: Prefixes a hyphen joins to a name ("pro-Navalny", "anti-Putin"): the name is what follows.
NAME_PREFIXES = r"(?:pro|anti|ex|non|post|pre|neo)"
#: A lower-case prefix and its hyphen before a capital: a tokenizer stops the word there.
PREFIX_BEFORE_NAME = NAME_PREFIXES + r"(?=[-‐][A-ZÀ-ÖØ-ÞА-ЯЁ])"
_PREFIX = re.compile(rf"^{NAME_PREFIXES}[-‐]", re.IGNORECASE)
_EDGE = " \t\n/|·•,;:-–—()[]\"'“”‘’«»*"


def trim(text: str, start: int, end: int, lang: str, titles: bool = True,
         owner: Callable[[str], bool] = lambda _: True) -> list[tuple[int, int]]:
    """The name spans inside ``text[start:end]``: no leading article, title, "pro-",
    possessive or stray punctuation; a possessive inside ends one name and the part
    after it is another ("Moscow’s Department of Technology"). ``titles``: cut a leading
    honorific or job title too (for people; "General Motors" keeps its first word).
    ``owner`` says whether the words before an inner possessive name something on their
    own ("Moscow" yes, "Prosecutor General" in "Prosecutor General's Office" no)."""
    pieces: list[tuple[int, int]] = []
    for match in _POSSESSIVE.finditer(text, start, end):
        if match.start() > start and text[match.start() - 1].isalpha():
            after = match.end()
            if after < end and not text[after:after + 1].isspace():
                continue  # O'Brien, D'Artagnan
            if after < end and not owner(text[start:match.start()]):
                continue
            pieces.append((start, match.start()))
            start = after
    pieces.append((start, end))
    result = []
    for a, b in pieces:
        a, b = _strip(text, a, b, lang, titles)
        if b > a:
            result.append((a, b))
    return result


def _strip(text: str, a: int, b: int, lang: str, titles: bool) -> tuple[int, int]:
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and (text[b - 1] in _EDGE or (text[b - 1] == "."
                     and not re.search(r"\b[A-Z]\.$|\b[A-Z]\.[A-Z]\.$", text[a:b]))):
        b -= 1
    changed = True
    while changed and a < b:
        changed = False
        span = text[a:b]
        for article in _LEADING[lang]:
            if span.startswith(article) and len(span) > len(article):
                a += len(article)
                changed = True
                break
        prefix = _PREFIX.match(text[a:b])
        if prefix:
            a += prefix.end()
            changed = True
        first = re.match(r"[^\W_]+(?:\.[ª]?)?\s+(?=[^\W\d_])", text[a:b])
        if (titles and first and is_title(first.group().strip(), lang)
                and _rest_is_name(text[a + first.end():b])):
            a += first.end()
            changed = True
    return a, b


def _rest_is_name(rest: str) -> bool:
    """A title is cut off only before a capitalised name ("Lawyer Mikhail Biryukov"),
    never from a name that is the title itself ("Chief Executive")."""
    return bool(rest) and rest[:1].isupper()
