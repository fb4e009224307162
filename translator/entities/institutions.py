"""A small ru/en/es lexicon of the common words inside organisation and place names.

"Тверской районный суд" and "Tverskoy District Court" share no letters in
"районный"/"District" or "суд"/"Court"; mapping both to one concept lets the
aligner compare the name as a bag of concepts plus romanised proper words.
Entries are dictionary forms (lemmas), accents and ё folded away.
"""

from __future__ import annotations

from functools import lru_cache

# concept: (Russian lemmas, English lemmas, Spanish lemmas)
LEXICON: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # courts, justice, law
    "court": (("суд",), ("court", "tribunal"), ("tribunal", "corte", "juzgado")),
    "supreme": (("верховный",), ("supreme",), ("supremo",)),
    "district": (("районный", "район", "округ", "окружной"), ("district",), ("distrito",)),
    "city": (("городской", "город"), ("city", "municipal"), ("ciudad", "municipal")),
    "regional": (("областной", "региональный", "область", "регион"),
                 ("regional", "region", "oblast"), ("regional", "region", "provincial")),
    "prosecutor": (("прокуратура", "прокурор"), ("prosecutor", "prosecution"),
                   ("fiscalia", "fiscal")),
    "police": (("полиция", "милиция"), ("police",), ("policia",)),
    "prison": (("тюрьма", "колония"), ("prison", "jail"), ("prision", "carcel")),
    "constitution": (("конституция",), ("constitution",), ("constitucion",)),
    "law": (("право", "закон", "юридический"), ("law", "legal"), ("ley", "derecho", "juridico")),
    # government and politics
    "ministry": (("министерство", "министр", "департамент"), ("ministry", "minister", "department"),
                 ("ministerio", "ministro", "departamento")),
    "government": (("правительство",), ("government",), ("gobierno",)),
    "parliament": (("парламент", "дума"), ("parliament",), ("parlamento",)),
    "congress": (("конгресс",), ("congress",), ("congreso",)),
    "senate": (("сенат",), ("senate",), ("senado",)),
    "chamber": (("палата",), ("house", "chamber"), ("camara",)),
    "representative": (("представитель",), ("representative",), ("representante",)),
    "committee": (("комитет", "комиссия", "подкомиссия", "подкомитет"),
                  ("committee", "commission", "subcommittee"),
                  ("comite", "comision", "subcomite")),
    "council": (("совет",), ("council",), ("consejo",)),
    "party": (("партия",), ("party",), ("partido",)),
    "president": (("президент",), ("president", "presidential"), ("presidente", "presidencial")),
    "cityhall": (("мэрия",), ("city hall", "mayor", "mayoralty"), ("ayuntamiento", "alcaldia")),
    "administration": (("администрация", "управление"), ("administration", "authority", "office"),
                       ("administracion", "autoridad", "oficina")),
    "agency": (("агентство",), ("agency",), ("agencia",)),
    "service": (("служба",), ("service", "survey"), ("servicio",)),
    "union": (("союз", "евросоюз", "гильдия"), ("union", "guild"), ("union", "gremio")),
    "organisation": (("организация",), ("organization", "organisation"), ("organizacion",)),
    "association": (("ассоциация",), ("association",), ("asociacion",)),
    "foundation": (("фонд",), ("foundation", "fund"), ("fundacion", "fondo")),
    "society": (("общество",), ("society",), ("sociedad",)),
    "movement": (("движение",), ("movement",), ("movimiento",)),
    "bank": (("банк",), ("bank",), ("banco",)),
    "company": (("компания",), ("company", "corporation", "group", "holdings", "limited"),
                ("compania", "empresa", "corporacion", "grupo")),
    "republic": (("республика",), ("republic",), ("republica",)),
    "federation": (("федерация", "федеральный"), ("federation", "federal"),
                   ("federacion", "federal")),
    "state": (("штат", "государство", "государственный"), ("state",), ("estado", "estatal")),
    "kingdom": (("королевство",), ("kingdom",), ("reino",)),
    "royal": (("королевский",), ("royal",), ("real",)),
    "king": (("король",), ("king",), ("rey",)),
    "queen": (("королева",), ("queen",), ("reina",)),
    "empire": (("империя",), ("empire",), ("imperio",)),
    "national": (("национальный", "народный"), ("national",), ("nacional",)),
    "international": (("международный",), ("international",), ("internacional",)),
    "united": (("объединённый", "объединенный", "соединённый", "соединенный"),
               ("united",), ("unido",)),
    # military
    "army": (("армия",), ("army",), ("ejercito",)),
    "navy": (("вмс", "флот"), ("navy", "fleet"), ("marina", "armada", "flota")),
    "forces": (("войска", "сила"), ("force", "forces"), ("fuerza",)),
    # education, science, culture
    "university": (("университет",), ("university",), ("universidad",)),
    "school": (("школа", "факультет"), ("school", "faculty"), ("escuela", "facultad")),
    "college": (("колледж", "коллегия"), ("college",), ("colegio",)),
    "academy": (("академия",), ("academy",), ("academia",)),
    "institute": (("институт",), ("institute",), ("instituto",)),
    "medical": (("медицинский", "медицина"), ("medical", "medicine"), ("medico", "medicina")),
    "research": (("исследование", "исследовательский"), ("research", "investigation"),
                 ("investigacion",)),
    "museum": (("музей",), ("museum",), ("museo",)),
    "theatre": (("театр",), ("theatre", "theater"), ("teatro",)),
    "library": (("библиотека",), ("library",), ("biblioteca",)),
    "hospital": (("больница", "госпиталь"), ("hospital",), ("hospital",)),
    "centre": (("центр",), ("center", "centre"), ("centro",)),
    "news": (("новость",), ("news",), ("noticia",)),
    "stadium": (("стадион",), ("stadium",), ("estadio",)),
    "post": (("почтовый", "почта"), ("post", "postal"), ("correo", "postal")),
    "games": (("игра",), ("game", "games"), ("juego",)),
    "championship": (("чемпионат",), ("championship",), ("campeonato",)),
    "war": (("война",), ("war",), ("guerra",)),
    "revolution": (("революция",), ("revolution",), ("revolucion",)),
    "operation": (("операция",), ("operation",), ("operacion",)),
    # geography
    "river": (("река",), ("river",), ("rio",)),
    "sea": (("море",), ("sea",), ("mar",)),
    "ocean": (("океан",), ("ocean",), ("oceano",)),
    "lake": (("озеро",), ("lake",), ("lago",)),
    "island": (("остров", "архипелаг"), ("island", "islands", "isle"), ("isla",)),
    "mountain": (("гора",), ("mount", "mountain"), ("monte", "montana")),
    "valley": (("долина",), ("valley",), ("valle",)),
    "bay": (("залив",), ("bay", "gulf"), ("bahia", "golfo")),
    "square": (("площадь",), ("square",), ("plaza",)),
    "street": (("улица",), ("street",), ("calle",)),
    "station": (("станция",), ("station",), ("estacion",)),
    "province": (("провинция",), ("province",), ("provincia",)),
    "north": (("северный", "север"), ("north", "northern"), ("norte",)),
    "south": (("южный", "юг"), ("south", "southern"), ("sur",)),
    "east": (("восточный", "восток"), ("east", "eastern"), ("este", "oriental")),
    "west": (("западный", "запад"), ("west", "western"), ("oeste", "occidental")),
    "central": (("центральный",), ("central",), ("central",)),
    "new": (("новый",), ("new",), ("nuevo",)),
    "great": (("великий",), ("great",), ("gran", "grande")),
    "saint": (("святой",), ("saint", "st"), ("san", "santo", "santa")),
}

LANG_INDEX = {"ru": 0, "en": 1, "es": 2}


def _fold(word: str) -> str:
    from translator.entities.transliterate import strip_accents

    return strip_accents(word.lower().replace("ё", "е")) if word else word


@lru_cache(maxsize=3)
def _index(lang: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for concept, forms in LEXICON.items():
        for lemma in forms[LANG_INDEX[lang]]:
            table[_fold(lemma)] = concept
    return table


def concept_of(lemma: str, lang: str) -> str | None:
    """The concept a dictionary-form word stands for in ``lang``, or None."""
    return _index(lang).get(_fold(lemma))


def word_concept(word: str, lang: str) -> str | None:
    """The concept ``word`` stands for in ``lang`` as written in a text: its dictionary
    lemma's ("tribunales"), else its own ("Tribunal", a form the lemmatiser leaves)."""
    from glossary.morphology import dictionary_lemma

    return concept_of(dictionary_lemma(word, lang), lang) or concept_of(word, lang)


def institution_words(lang: str) -> frozenset[str]:
    """Folded lemmas that mark a name as an organisation or place (for typing mentions)."""
    return frozenset(_index(lang))


ORG_CONCEPTS = frozenset({
    "court", "prosecutor", "police", "ministry", "government", "parliament", "congress",
    "senate", "chamber", "committee", "council", "party", "cityhall", "administration", "agency",
    "service", "union", "organisation", "association", "foundation", "society", "movement",
    "bank", "company", "army", "navy", "forces", "university", "school", "college", "academy",
    "institute", "museum", "theatre", "library", "hospital", "news",
})
LOC_CONCEPTS = frozenset({
    "prison", "republic", "federation", "state", "kingdom", "empire", "river", "sea", "ocean",
    "lake", "island", "mountain", "valley", "bay", "square", "street", "province", "stadium",
    "city", "district", "regional", "station",
})
