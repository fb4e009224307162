"""Romanise Russian names under several conventions, and fold Latin spellings to one key.

The same person is "Алёна Попова", "Alyona Popova" (English press), "Alena
Popova" (ICAO passport) and "Aliona Popova" (Spanish press). Comparison works
on *keys*: every romanisation of the Cyrillic form, folded by ``latin_key`` so
that Yo/E, -y/-i/-iy, Dzh/J, Kh/H, accents and double letters stop mattering.
iuliia supplies the standard schemes; only the Spanish press convention (UN
Geneva / Fundéu), which no library has, is written out here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SCHEMES = ("bgn_pcgn", "icao", "press_en", "press_es", "english_origin")

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_VOWELS = "аеёиоуыэюяАЕЁИОУЫЭЮЯ"


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def _iuliia_schema(name: str):
    import iuliia

    return {"bgn_pcgn": iuliia.BGN_PCGN, "icao": iuliia.ICAO_DOC_9303,
            "press_en": iuliia.WIKIPEDIA}[name]


def romanise(text: str, scheme: str = "press_en") -> str:
    """Romanise Cyrillic ``text`` under ``scheme`` (one of ``SCHEMES``); Latin passes through."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown romanisation scheme '{scheme}': use one of {', '.join(SCHEMES)}")
    if not has_cyrillic(text):
        return text
    if scheme == "press_es":
        return _press_es(text)
    if scheme == "english_origin":
        return _english_origin(text)
    if scheme == "bgn_pcgn":
        # iuliia's BGN/PCGN leaves ё untouched; the usual practice writes "e" (Fedor).
        text = text.replace("ё", "е").replace("Ё", "Е")
    return _iuliia_schema(scheme).translate(text).replace("’", "").replace("ʹ", "")


def romanisations(text: str) -> dict[str, str]:
    """Every scheme's romanisation of ``text``, by scheme name."""
    return {scheme: romanise(text, scheme) for scheme in SCHEMES}


# --- Spanish press convention -------------------------------------------------

_ES_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "j", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "sch", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}


def _press_es_word(word: str) -> str:
    low = word.lower()
    out: list[str] = []
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if ch == "е" and (i == 0 or prev in _VOWELS.lower() + "ъь"):
            out.append("ye" if i == 0 else "e")
        elif ch == "ё":
            out.append("o" if prev in "жчшщ" else ("yo" if i == 0 else "io"))
        elif ch == "г" and nxt in "еиэё":
            out.append("gu")
        elif ch in "иы" and low[i:] in ("ий", "ый"):
            out.append("i")
        elif ch == "й" and prev in "иы" and i == len(low) - 1:
            continue  # -ий / -ый -> -i (Dmitri, Navalni)
        elif ch == "ь" and nxt in "еёиюя":
            out.append("")
        else:
            out.append(_ES_TABLE.get(ch, ch))
    result = "".join(out)
    if low.endswith("ей"):
        result = result[:-2] + "éi"  # Serguéi, Alekséi, Andréi: the usual written stress
    if word[:1].isupper():
        result = result[:1].upper() + result[1:]
    return result


def _press_es(text: str) -> str:
    return re.sub(r"[\u0400-\u04FF]+", lambda m: _press_es_word(m.group()), text)


# --- names of English origin written in Cyrillic (Уилсон -> Wilson) -----------

_EN_ORIGIN = [("дж", "j"), ("уи", "wi"), ("уо", "wo"), ("уэ", "we"), ("уа", "wa"),
              ("кс", "x"), ("х", "h"), ("э", "e"), ("ё", "o"), ("й", "y"), ("ю", "u")]


def _english_origin(text: str) -> str:
    low = text.lower()
    for cyr, lat in _EN_ORIGIN:
        low = low.replace(cyr, lat)
    import iuliia

    roman = iuliia.WIKIPEDIA.translate(low)
    return " ".join(w[:1].upper() + w[1:] for w in roman.split(" "))


# --- Latin normalisation ------------------------------------------------------

_FOLDS = [
    (r"[’'`ʹ·]", ""), (r"[-‐–—]", " "), (r"\.", ""),
    (r"shch|sch", "sh"), (r"dzh|dj", "j"), (r"kh", "h"), (r"ph", "f"), (r"th", "t"),
    (r"ch", "C"),  # protect "ch" from the c -> k/s folds below
    (r"x", "ks"), (r"w", "v"), (r"ck", "k"), (r"c(?=[eiy])", "s"), (r"c", "k"), (r"q", "k"),
    (r"C", "ch"),
    (r"gu(?=[ei])", "g"), (r"ee", "i"), (r"oo|ou", "u"), (r"zh", "j"),
    (r"y", "i"),
    (r"ii+", "i"),  # -iy / -ii / -yy endings, Iuliia / Yuliya
    (r"io", "e"),  # Alyona / Aliona / Alena, Fyodor / Fiodor / Fedor
    (r"\bie|(?<=[aeiou])ie", "e"),  # Yevgeny / Evgeny, Andreyev / Andreev
    (r"([a-z])\1+", r"\1"),  # double letters: Tallinn / Tallin
]
_FOLDS_COMPILED = [(re.compile(p), r) for p, r in _FOLDS]


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def latin_key(text: str) -> str:
    """Fold a Latin spelling so that common romanisation variants become equal.

    ``latin_key("Alyona Popova") == latin_key("Aliona Popova") == latin_key("Alena Popova")``.
    """
    key = strip_accents(text).lower()
    for pattern, repl in _FOLDS_COMPILED:
        key = pattern.sub(repl, key)
    return " ".join(key.split())


@lru_cache(maxsize=65536)
def name_keys(text: str, lang: str) -> frozenset[str]:
    """All folded Latin keys a name may take: romanisations for Russian, spellings for Latin."""
    if has_cyrillic(text):
        variants = set(romanisations(text).values())
        # Russian writes a foreign H as Г (Гарвард = Harvard, Гамбург = Hamburg).
        if re.search("[Гг]", text):
            variants.add(romanise(re.sub("[Гг]", lambda m: "Х" if m.group() == "Г" else "х", text),
                                  "english_origin"))
    else:
        variants = {text}
        if lang == "es":
            # Spanish J often stands for Russian Х (Jodorkovski = Khodorkovsky).
            variants.add(re.sub(r"[Jj]", lambda m: "Kh" if m.group() == "J" else "kh", text))
    keys = {k for k in (latin_key(v) for v in variants) if k}
    keys |= {k.replace(" ", "") for k in keys if " " in k}  # Hong Kong / Гонконг
    return frozenset(keys)
