"""Is a Latin-script word a Russian first name or surname? (Popova, Navalny, Georgy.)

English NER models type Russian names by their look ("Popova" ORG, "Navalny"
GPE). pymorphy3's dictionary knows Russian first names (Name) and surnames
(Surn); a Latin word is spelled back into the Cyrillic forms it could
romanise ("Navalny" -> Навальный, Навалный, ...) and each candidate is
accepted only if the dictionary knows it as a name and one of the project's
romanisation schemes gives the Latin word back (compared by ``latin_key``).
"""

from __future__ import annotations

from functools import lru_cache

# Latin letters -> Cyrillic spellings they may stand for; longest first.
_BACK: list[tuple[str, tuple[str, ...]]] = sorted([
    ("shch", ("щ",)), ("sch", ("щ", "ш")), ("dzh", ("дж",)), ("zh", ("ж",)), ("kh", ("х",)),
    ("ts", ("ц", "тс")), ("tz", ("ц",)), ("ch", ("ч",)), ("sh", ("ш",)),
    ("yu", ("ю",)), ("iu", ("ю", "иу")), ("ya", ("я", "ья")), ("ia", ("ия", "я", "ья")),
    ("yo", ("ё", "е", "йо")), ("io", ("ё", "ио")), ("ye", ("е", "ье")), ("ie", ("ие", "ье")),
    ("iy", ("ий",)), ("yy", ("ый", "ий")), ("ei", ("ей",)), ("ey", ("ей",)), ("ai", ("ай",)),
    ("oi", ("ой",)), ("oy", ("ой",)),
    ("a", ("а",)), ("b", ("б",)), ("v", ("в",)), ("w", ("в",)), ("g", ("г",)), ("d", ("д",)),
    ("e", ("е", "э")), ("z", ("з",)), ("i", ("и", "ий", "й", "ы")), ("j", ("дж", "х", "й")),
    ("k", ("к",)), ("l", ("л", "ль")), ("m", ("м",)), ("n", ("н", "нь")), ("o", ("о",)),
    ("p", ("п",)), ("r", ("р",)), ("s", ("с",)), ("t", ("т", "ть")), ("u", ("у",)),
    ("f", ("ф",)), ("h", ("х", "г")), ("c", ("к", "ц")), ("x", ("кс",)), ("q", ("к",)),
    ("y", ("ы", "ый", "ий", "й", "ь")),
], key=lambda item: -len(item[0]))
_BY_LETTER: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _latin, _options in _BACK:
    _BY_LETTER.setdefault(_latin[0], []).append((_latin, _options))
_LIMIT = 400  # candidate spellings tried per word


def cyrillic_candidates(word: str) -> list[str]:
    """Cyrillic spellings that ``word`` may romanise, at most a few hundred."""
    low = word.lower()
    if not low.isalpha() or not low.isascii():
        return []
    results: list[str] = []

    def walk(pos: int, built: str) -> None:
        if len(results) >= _LIMIT:
            return
        if pos == len(low):
            results.append(built)
            return
        for latin, options in _BY_LETTER.get(low[pos], ()):
            if low.startswith(latin, pos):
                for option in options:
                    walk(pos + len(latin), built + option)

    walk(0, "")
    return results


@lru_cache(maxsize=8192)
def russian_name_kinds(word: str) -> frozenset[str]:
    """{"first"}, {"surname"}, both or neither, for a capitalised Latin word."""
    if len(word) < 3 or not word[:1].isupper() or word.isupper():
        return frozenset()
    from translator.entities.russian_morph import analyzer
    from translator.entities.transliterate import latin_key, name_keys

    morph = analyzer()
    key = latin_key(word)
    kinds: set[str] = set()
    for candidate in cyrillic_candidates(word):
        if not morph.word_is_known(candidate):  # a dictionary lookup, before the slow parse
            continue
        tags = {tag for parse in morph.parse(candidate) if parse.is_known
                for tag in ("Name", "Surn") if tag in parse.tag and "nomn" in parse.tag}
        if tags and key in name_keys(candidate.capitalize(), "ru"):
            kinds |= {"first" if tag == "Name" else "surname" for tag in tags}
    return frozenset(kinds)


def is_first_name(word: str) -> bool:
    return "first" in russian_name_kinds(word)


def is_russian_name(word: str) -> bool:
    return bool(russian_name_kinds(word))
