"""Inflection grammar for glossary terms: a preferred term put in the form a sentence needs.

Russian case and number come from pymorphy3 (through ``glossary.morphology``);
Spanish and English number and the Spanish article's gender are rules: the
glossary holds dictionary forms, and a post-edited sentence needs "tribunales"
where the termbase says "tribunal".
"""

from __future__ import annotations

import re

from glossary.morphology import russian_analyzer
from glossary.stopwords import FUNCTION_WORDS

#: Russian prepositions and the case of the noun after them (the commonest reading).
RU_PREPOSITION_CASE: dict[str, str] = {
    **dict.fromkeys(("в", "во", "на", "о", "об", "обо", "при"), "loct"),
    **dict.fromkeys(("из", "изо", "от", "ото", "до", "для", "без", "у", "около", "после",
                     "против", "возле", "среди", "вокруг", "кроме", "из-за", "вдоль"), "gent"),
    **dict.fromkeys(("к", "ко", "по", "благодаря", "согласно"), "datv"),
    **dict.fromkeys(("с", "со", "над", "под", "перед", "между", "за"), "ablt"),
    **dict.fromkeys(("про", "через", "сквозь"), "accs"),
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _ru_parse(word: str, tag: str | None = None):
    parses = russian_analyzer().parse(word)
    if tag:
        for parse in parses:
            if tag in parse.tag:
                return parse
        return None
    return parses[0] if parses else None


def ru_inflect_phrase(term: str, grammemes: set[str]) -> str:
    """Each nominative noun or adjective of ``term`` put into ``grammemes`` (case, number);
    other words (genitive dependents, prepositions) stay as they are."""
    words = term.split(" ")
    out = []
    for word in words:
        parse = _ru_parse(word, "nomn") if re.search("[а-яё]", word.lower()) else None
        if parse is None or not ({"NOUN", "ADJF", "PRTF"} & set(str(parse.tag).replace(
                " ", ",").split(","))) or "Fixd" in parse.tag:
            out.append(word)
            continue
        inflected = parse.inflect(grammemes) or parse.inflect(grammemes - {"plur", "sing"})
        form = inflected.word if inflected else word
        if word[:1].isupper():
            form = form[:1].upper() + form[1:]
        out.append(form)
    return " ".join(out)


def ru_form_of(rendered: str) -> set[str]:
    """Case and number of the head of a rendered Russian phrase (its first noun)."""
    for word in _WORD.findall(rendered):
        parse = _ru_parse(word.lower())
        if parse is not None and "NOUN" in parse.tag:
            return {g for g in (parse.tag.case, parse.tag.number) if g}
    return set()


def plural_es(word: str) -> str:
    low = word.lower()
    accents = str.maketrans("áéíóú", "aeiou")
    if low.endswith(("s", "x")) and not low.endswith(("ás", "és", "ís", "ós", "ús")):
        return word
    if low[-1:] in "aeiouáéó":
        return word + "s"
    if low.endswith("z"):
        return word[:-1] + "ces"
    if re.search("[áéíóú][nsl]$", low):
        return word[:-2] + word[-2].translate(accents) + word[-1] + "es"
    return word + "es"


def plural_en(word: str) -> str:
    low = word.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def is_plural(rendered: str, lang: str) -> bool:
    """Whether a rendered Spanish or English noun phrase is plural (its head ends in -s)."""
    words = [w for w in _WORD.findall(rendered)
             if w.lower() not in FUNCTION_WORDS[lang]]
    if not words:
        return False
    if lang == "es":
        return words[0].lower().endswith("s")
    head = words[-1].lower()
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def pluralise(term: str, lang: str) -> str:
    """A Spanish or English term in the plural: es every word up to the first preposition
    ("tribunal de distrito" -> "tribunales de distrito"), en the head noun."""
    words = term.split(" ")
    if lang == "es":
        out = []
        for index, word in enumerate(words):
            if word.lower() in FUNCTION_WORDS["es"]:
                return " ".join(out + words[index:])
            out.append(plural_es(word))
        return " ".join(out)
    head = next((i for i, w in enumerate(words) if w.lower() in ("of", "for")), len(words)) - 1
    words[head] = plural_en(words[head])
    return " ".join(words)


def inflect_like(term: str, rendered: str, lang: str) -> str:
    """The preferred ``term`` in the grammatical form of MT's ``rendered`` phrase."""
    try:
        if lang == "ru":
            grammemes = ru_form_of(rendered)
            return ru_inflect_phrase(term, grammemes) if grammemes else term
        if is_plural(rendered, lang) and not is_plural(term, lang):
            return pluralise(term, lang)
    except Exception:  # morphology never costs a sentence: use the term as is
        return term
    return term


def name_form(name: str, before: str, lang: str) -> str:
    """A restored name; in Russian, in the case the preposition before it asks for."""
    if lang != "ru":
        return name
    words = _WORD.findall(before[-30:])
    case = RU_PREPOSITION_CASE.get(words[-1].lower()) if words else None
    if case is None or not before.rstrip().endswith(words[-1]):
        return name
    try:
        return ru_inflect_phrase(name, {case})
    except Exception:
        return name


def es_feminine(phrase: str) -> bool:
    head = next((w.lower() for w in _WORD.findall(phrase)
                 if w.lower() not in FUNCTION_WORDS["es"]), "")
    return head.endswith(("a", "ión", "dad", "tad", "tud", "umbre", "as", "iones", "dades"))


_ES_ARTICLES = {("el", False): "el", ("el", True): "la", ("la", False): "el",
                ("la", True): "la", ("los", False): "los", ("los", True): "las",
                ("las", False): "los", ("las", True): "las", ("un", False): "un",
                ("un", True): "una", ("una", False): "un", ("una", True): "una",
                ("unos", False): "unos", ("unos", True): "unas", ("unas", False): "unos",
                ("unas", True): "unas", ("del", True): "de la", ("al", True): "a la"}
_FEMININE_ARTICLES = frozenset(["la", "las", "una", "unas", "de la", "a la"])
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\W))(el|la|los|las|un|una|unos|unas|del|al|de la|a la)"
                             r"(\s+)$", re.IGNORECASE)


def fix_article(before: str, replacement: str, lang: str) -> str:
    """In Spanish, the article before a replaced noun agrees with the new noun's gender
    (guessed from its ending: -a, -ión, -dad... feminine, anything else masculine)."""
    if lang != "es":
        return before
    found = _ARTICLE_BEFORE.search(before)
    if not found:
        return before
    article = found.group(1)
    low = article.lower()
    feminine = es_feminine(replacement)
    if (low in _FEMININE_ARTICLES) == feminine:
        return before
    if low == "de la" and not feminine:
        new = "del"
    elif low == "a la" and not feminine:
        new = "al"
    else:
        new = _ES_ARTICLES.get((low, feminine), article)
    if article[:1].isupper():
        new = new[:1].upper() + new[1:]
    return before[:found.start(1)] + new + found.group(2)


