"""Country, region and city names in ru/en/es from CLDR (via babel): a multilingual gazetteer.

"Китае", "China" and "China" name one place with no letters in common between
scripts; CLDR's territory names give them one code without a hand-made list.
Cities come from CLDR's time-zone exemplar cities ("Москва", "Moscow", "Moscú").
"""

from __future__ import annotations

from functools import lru_cache

from translator.entities.transliterate import strip_accents


def fold(text: str) -> str:
    return " ".join(strip_accents(text.lower().replace("ё", "е")).replace("-", " ").split())


@lru_cache(maxsize=3)
def territories(lang: str) -> dict[str, str]:
    """Folded territory name -> CLDR code for ``lang`` (ru, en or es)."""
    from babel import Locale

    names: dict[str, str] = {}
    for code, name in Locale(lang).territories.items():
        if "-alt-" in code:
            continue
        names.setdefault(fold(name), code)
        if name.endswith(" SAR China"):  # "Hong Kong SAR China"
            names.setdefault(fold(name.removesuffix(" SAR China")), code)
        # "Гонконг (САР)", "RAE de Hong Kong (China)", "Myanmar (Burma)": the bare names too
        if "(" in name:
            bare, _, inner = name.partition("(")
            bare = bare.removeprefix("RAE de ").strip()
            names.setdefault(fold(bare), code)
            if code == "MM":
                names.setdefault(fold(inner.rstrip(")")), code)
    for code, extra in _SHORT_FORMS.get(lang, {}).items():
        for name in extra:
            names.setdefault(fold(name), code)
    for zone, city in _cities(lang).items():
        names.setdefault(fold(city), zone)
    return names


_REGIONS = ("Europe", "Asia", "America", "Africa", "Australia", "Pacific", "Atlantic", "Indian")


@lru_cache(maxsize=3)
def _cities(lang: str) -> dict[str, str]:
    """Time-zone id -> exemplar city name in ``lang`` (about 450 cities)."""
    import zoneinfo

    from babel.dates import get_timezone_location

    cities: dict[str, str] = {}
    for zone in sorted(zoneinfo.available_timezones()):
        parts = zone.split("/")
        if len(parts) != 2 or parts[0] not in _REGIONS:
            continue
        cities[zone] = get_timezone_location(zone, locale=lang, return_city=True)
    return cities


# Short forms that CLDR's default names lack but the press uses constantly.
_SHORT_FORMS = {
    "ru": {"US": ("США", "Штаты", "Америка", "Соединённые Штаты Америки"),
           "GB": ("Британия",), "RU": ("РФ",), "EU": ("ЕС", "Евросоюз", "Европейский союз"),
           "AE": ("Объединённые Арабские Эмираты",),
           "KP": ("Корейская Народно-Демократическая Республика", "Северная Корея")},
    "en": {"US": ("US", "USA", "U.S.", "U.S.A.", "America", "the United States"),
           "GB": ("UK", "U.K.", "Britain"), "EU": ("EU", "European Union"), "TR": ("Turkey",),
           "CZ": ("Czech Republic",), "CI": ("Ivory Coast",), "MK": ("Macedonia",)},
    "es": {"US": ("EE. UU.", "EE.UU.", "EEUU", "EUA"), "GB": ("Gran Bretaña",),
           "EU": ("UE", "Unión Europea")},
}


def territory_code(name: str, lang: str) -> str | None:
    """The CLDR code of a country/region name as written, or None."""
    return territories(lang).get(fold(name))


#: CLDR codes that name an organisation of states, not a place: they keep their code, so
#: "ЕС", "EU" and "UE" still align, but a name with one is no place (news NER, CoNLL
#: and OntoNotes alike, types "the United Nations" and "the EU" ORG).
ORGANISATIONS = frozenset({"UN", "EU"})


def is_place(name: str, lang: str) -> bool:
    """Whether CLDR names ``name`` as a country, region or city (not the UN or the EU)."""
    return territory_code(name, lang) not in ORGANISATIONS | {None}
