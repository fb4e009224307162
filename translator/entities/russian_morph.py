"""Russian dictionary forms for entity mentions, with the gender and ё kept right.

natasha's own ``span.normalize`` folds ё to е and, when its tagger guesses the
wrong gender, turns "Алёну Попову" into "Алену Попов". Here every word is
re-parsed with pymorphy3, the parse is chosen to agree with the person's
gender (taken from the first name) and with the tagger's case, and ё is copied
back from the surface form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_PROPER_ORDER = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")
_PROPER = frozenset(_PROPER_ORDER)
_NEVER_NAMES = {"VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB", "NPRO", "PREP", "CONJ", "PRCL"}
#: Job titles and honorifics (lemmas): they stand before a name, never inside it.
TITLES = frozenset({
    "президент", "премьер", "премьер-министр", "министр", "замминистра", "глава", "губернатор",
    "мэр", "депутат", "сенатор", "спикер", "председатель", "директор", "гендиректор", "генсек",
    "генерал", "адмирал", "полковник", "майор", "посол", "канцлер", "король", "королева",
    "принц", "принцесса", "патриарх", "митрополит", "архиепископ", "епископ", "папа",
    "господин", "госпожа", "мистер", "миссис", "доктор", "профессор", "судья", "прокурор",
    "тренер", "главный", "бывший", "официальный", "представитель", "пресс-секретарь",
})


@dataclass(frozen=True)
class Word:
    """A token with the tagger's part of speech and features (Universal Dependencies names)."""

    text: str
    pos: str = ""
    feats: tuple[tuple[str, str], ...] = ()

    def feat(self, name: str) -> str | None:
        return dict(self.feats).get(name)


@lru_cache(maxsize=1)
def analyzer():
    from glossary.morphology import russian_analyzer  # the process's one pymorphy3 analyzer

    return russian_analyzer()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple:
    """pymorphy3's parses of ``word``, cached: news repeats its names and the lookup is slow."""
    return tuple(analyzer().parse(word))


def proper_tags(word: str) -> tuple[str, ...]:
    """pymorphy3 proper-noun grammemes (Name, Surn, Geox...) among the likely parses of
    ``word``, the likeliest parse's first: a set's order changes from run to run, and with
    it the type of "Горцаранаин" (Surn or Geox) and its dictionary form."""
    found: dict[str, None] = {}
    for parse in parses(word)[:3]:
        if parse.score >= 0.1:
            found.update(dict.fromkeys(g for g in _PROPER_ORDER if g in parse.tag.grammemes))
    return tuple(found)


def common_abbreviation(word: str) -> bool:
    """An abbreviation pymorphy3 knows as a common noun (ЧП, ДТП, СМИ), not a name."""
    found = parses(word)
    return bool(found) and all(
        p.is_known and "Abbr" in p.tag.grammemes and not set(p.tag.grammemes) & _PROPER
        for p in found)


def common_word(word: str) -> bool:
    """A word pymorphy3 knows only as a verb form, participle or function word, never a name."""
    found = [p for p in parses(word) if p.score >= 0.05]
    return bool(found) and all(p.is_known and p.tag.POS in _NEVER_NAMES for p in found)


def lemma(word: str) -> str:
    """Most likely dictionary form, lower case, ё kept as pymorphy3 writes it."""
    return parses(word)[0].normal_form


def restore_shape(result: str, surface: str) -> str:
    """Copy capitalisation and ё from the surface word onto its dictionary form; a word
    written with е keeps е ("Алены" -> "Алена", as the text spells "Алена" itself)."""
    if "ё" not in surface.lower():
        result = result.replace("ё", "е")
    chars = list(result)
    for i, ch in enumerate(surface.lower()):
        if i < len(chars) and ch == "ё" and chars[i] == "е":
            chars[i] = "ё"
    result = "".join(chars)
    if surface.isupper() and len(surface) > 1:
        return result.upper()
    if surface[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] for p in result.split("-"))
    return result


def _pick(word: Word, gender: str | None, want_proper: bool):
    case = _CASES.get(word.feat("Case") or "")
    pos_adj = word.pos == "ADJ"

    def rank(parse) -> tuple:
        tag = parse.tag
        return (
            (tag.POS in ("ADJF",)) == pos_adj,
            gender is None or tag.gender is None or tag.gender == gender,
            case is None or tag.case == case,
            want_proper and bool(set(tag.grammemes) & _PROPER),
            parse.score,
        )

    return max(parses(word.text), key=rank)


@lru_cache(maxsize=65536)
def to_nominative(word: Word, gender: str | None = None, want_proper: bool = False) -> str:
    """The nominative of one word, agreeing with ``gender`` (pymorphy3 grammeme) if given."""
    if word.feat("Case") == "Nom" or not any(ch.isalpha() for ch in word.text):
        return word.text
    if word.text.isupper() and len(word.text) > 1:
        return word.text  # abbreviations (США, ВМС) do not decline
    parse = _pick(word, gender, want_proper)
    wanted = {"nomn"}
    if parse.tag.number == "sing" or (gender and parse.tag.POS in ("NOUN", "ADJF")):
        wanted.add("sing")
    if gender and parse.tag.POS == "ADJF" and parse.tag.number != "plur":
        wanted.add(gender)
    form = parse.inflect(wanted) or parse.inflect({"nomn"})
    if form is None:
        return word.text
    return restore_shape(form.word, word.text)


def person_gender(words: list[Word]) -> str | None:
    """Gender of a person's name: the first name decides (Алёну -> femn), then the tagger."""
    for word in words:
        for parse in parses(word.text)[:3]:
            if "Name" in parse.tag.grammemes and parse.score >= 0.2 and parse.tag.gender:
                return parse.tag.gender
    for word in words:
        tagged = _GENDERS.get(word.feat("Gender") or "")
        if tagged:
            return tagged
    return None


def normalise_person(words: list[Word]) -> list[str]:
    """Each word of a person's name in the nominative, all in the person's gender."""
    gender = person_gender(words)
    return [to_nominative(w, gender, want_proper=True) for w in words]


def normalise_name(words: list[Word]) -> list[str]:
    """Organisation/place: decline the leading adjectives and head noun, keep genitive modifiers."""
    out: list[str] = []
    head_done = False
    for w in words:
        if head_done or not w.text[:1].isalpha():
            out.append(w.text)
            continue
        if w.pos == "ADJ":
            out.append(w.text)  # declined below once the head's gender is known
            continue
        out.append(to_nominative(w, want_proper=True))
        head_done = True
        head_parse = _pick(w, None, True)
        gender = head_parse.tag.gender
        for i in range(len(out) - 1):
            if words[i].pos == "ADJ":
                agree = gender if head_parse.tag.number != "plur" else None
                out[i] = to_nominative(words[i], agree)
    if not head_done:  # only adjectives ("Бразильский"): decline each on its own
        out = [to_nominative(w) for w in words]
    return out
