"""Group the mentions of one entity across a corpus in ru/en/es.

Each cluster gets a canonical form per language (its most frequent dictionary
form) and its variants with counts: "Alyona Popova" 3, "Alena Popova" 1,
"Алёна Попова" 2. Forms are compared only within blocks that share a word key
or a country code, so a corpus of thousands of forms stays quick. An abbreviation a
text defines joins its name ("FEC", "Federal Election Commission": ``abbreviations``),
and the name is the canonical form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from translator.entities.model import Mention
from translator.entities.similarity import features, similarity

THRESHOLD = 0.88  # stricter than alignment: no sentence pairs the forms for us
SINGLE_WORD_THRESHOLD = 0.94


@dataclass
class Cluster:
    """One entity: its type, canonical form per language and every variant with its count."""

    id: int
    type: str
    canonical: dict[str, str]
    variants: list[tuple[str, str, int]]  # (lang, form, count), most frequent first
    mentions: list[Mention] = field(default_factory=list, repr=False)

    @property
    def size(self) -> int:
        return sum(count for _, _, count in self.variants)

    def as_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "canonical": self.canonical,
                "variants": [{"lang": lang, "form": form, "count": count}
                             for lang, form, count in self.variants]}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _blocks(form: Mention) -> set[str]:
    f = features(form)
    keys = {f"T:{f.territory}"} if f.territory else set()
    for word in f.words:
        keys |= {k[:3] for k in word if not k.startswith("C:") and len(k) >= 3}
    return keys


def cluster_type(mentions: list[Mention]) -> str:
    """The type its members' evidence supports, not the first mention's.

    A model's vote, and one from the words before a name ("la corporación Walmart"),
    counts three times a rule's; beside either, a type by shape alone (the rules' default
    for a capitalised word: a Spanish person, an English lone word's MISC) does not count
    ("Walmart" twelve times and "la corporación Walmart" once is an organisation). A
    person wins over an organisation when a member is a first name and surname (the
    model's "Popova" ORG is the "Alyona Popova" of another article)."""
    from translator.entities.names import is_first_name

    strong = any(m.origin in _STRONG for m in mentions)
    votes: Counter[str] = Counter()
    for m in mentions:
        if not (strong and _shape_only(m)):
            votes[m.type] += 3 if m.origin in _STRONG else 1
    etype = votes.most_common(1)[0][0]
    if etype != "PER" and any(m.type == "PER" for m in mentions) and any(
            m.lang != "ru" and len(m.normal.split()) >= 2 and is_first_name(m.normal.split()[0])
            for m in mentions):
        return "PER"
    return etype


def _standing_for(words: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """The words of a name a lone word may stand for: any of a person's ("Popova" of
    "Alyona Popova"), only the first or last of an institution's, whose inner words are
    not its name ("Libertad" of "Oficina ... para Libertad de Expresión")."""
    if len(words) > 2 and any(x.startswith("C:") for word in words for x in word):
        return (words[0], words[-1])
    return words


def _named_after(lone: list[Mention], full: list[Mention]) -> bool:
    """A Russian organisation named after a person, beside that person: the model types the
    one word an organisation everywhere and the full name a person ("группы «Тинькофф»
    Олег Тиньков"), so they are two entities, however alike the words. English and Spanish
    models type a lone surname ORG too often for this ("Popova"): left to ``cluster_type``."""
    return (all(m.lang == "ru" and m.type == "ORG" and m.origin in _STRONG for m in lone)
            and any(m.lang == "ru" and m.type == "PER" and m.origin in _STRONG for m in full))


#: Origins whose type is evidence, not a default (``Mention.origin``).
_STRONG = ("ner", "rule-context")


def _shape_only(mention: Mention) -> bool:
    """A type the rules give a word by its shape alone, for want of evidence: a Spanish
    capitalised word's person, an English lone word's MISC ("CoinDesk" beside the model's
    "CoinDesk" ORG)."""
    if mention.origin not in ("rule", "rule-initial"):
        return False
    return (mention.lang == "es" and mention.type == "PER") or (
        mention.lang == "en" and mention.type == "MISC" and len(mention.text.split()) == 1)


def abbreviation_links(by_form: dict[tuple[str, str], list[Mention]]
                       ) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(abbreviation, name) forms for each abbreviation a text defined (``Mention.expands``)
    and whose name is among the forms, when the corpus defines it one way only: a "CPS"
    given for two services joins neither."""
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, mentions in by_form.items():
        names[key].update(m.expands for m in mentions if m.expands)
    return [(key, (key[0], name)) for key, defined in names.items() if len(defined) == 1
            for name in defined if (key[0], name) in by_form]


def build_clusters(mentions: Iterable[Mention], threshold: float = THRESHOLD) -> list[Cluster]:
    """Clusters of ``mentions``, largest first."""
    by_form: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_form[(mention.lang, mention.normal)].append(mention)
    forms = list(by_form)
    reps = [by_form[key][0] for key in forms]
    single = [features(rep).single for rep in reps]
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, rep in enumerate(reps):
        for key in _blocks(rep):
            blocks[key].append(index)
    candidates: set[tuple[int, int]] = set()
    for members in blocks.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                candidates.add((members[x], members[y]))

    union = _UnionFind(len(forms))
    best_long: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for a, b in sorted(candidates):
        fa, fb = features(reps[a]), features(reps[b])
        if bool(fa.territory) != bool(fb.territory):
            continue  # "Moscow" is not "Moscow State University", though one holds the other
        score, _ = similarity(reps[a], reps[b], strict=True)
        if score < threshold:
            continue
        # English and Spanish do not decline names: within one of them a lone word is the
        # same name written alike, or a word of the longer one, or its concept ("Ocean",
        # "Océano Pacífico"); "Putin" ~ "Putina" is Russian, "Marte" is not "Martel"
        undeclined = reps[a].lang == reps[b].lang != "ru"
        if single[a] and single[b]:
            # one-word forms chain easily (Stark ~ Stardust ~ ...): they must be near-identical
            if score >= SINGLE_WORD_THRESHOLD and (score >= 0.999 or not undeclined):
                union.union(a, b)
        elif single[a] == single[b]:
            union.union(a, b)
        else:  # a lone surname joins a full name only if that full name is its one best match
            short, full = (a, b) if single[a] else (b, a)
            if _named_after(by_form[forms[short]], by_form[forms[full]]):
                continue
            if not undeclined or any(features(reps[short]).words[0] & word
                                     for word in _standing_for(features(reps[full]).words)):
                best_long[short].append((score, full))
    for short, options in best_long.items():
        options.sort(reverse=True)
        roots = {union.find(full) for score, full in options if score >= options[0][0] - 0.01}
        if len(roots) == 1:
            union.union(short, options[0][1])
    position = {key: index for index, key in enumerate(forms)}
    links = abbreviation_links(by_form)
    for abbreviation, name in links:
        union.union(position[abbreviation], position[name])
    abbreviations = {abbreviation for abbreviation, _ in links}

    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(forms)):
        groups[union.find(index)].append(index)
    clusters: list[Cluster] = []
    for members in groups.values():
        all_mentions = [m for i in members for m in by_form[forms[i]]]
        counts = Counter((m.lang, m.normal) for m in all_mentions)
        variants = sorted(((lang, form, n) for (lang, form), n in counts.items()),
                          key=lambda v: (-v[2], v[0], v[1]))
        etype = cluster_type(all_mentions)
        canonical: dict[str, str] = {}
        # the most frequent form; for a person, the full name before a lone surname, and
        # a name before the abbreviation a text defined for it
        def rank(v: tuple[str, str, int], person: bool = etype == "PER") -> tuple:
            return ((v[0], v[1]) in abbreviations, person and len(v[1].split()) == 1, -v[2])
        for lang, form, _ in sorted(variants, key=rank):
            canonical.setdefault(lang, form)
        clusters.append(Cluster(0, etype, canonical, variants, all_mentions))
    clusters.sort(key=lambda c: (-c.size, min(c.canonical.values())))
    for number, cluster in enumerate(clusters, start=1):
        cluster.id = number
    return clusters


def document_types(mentions: list[Mention]) -> dict[int, str]:
    """One type per entity within a document: each mention takes its cluster's type, so
    "Malets" is a person where "George Malets" is, and a paper is not a person on one
    line and an organisation on the next."""
    return {id(m): cluster.type for cluster in build_clusters(mentions)
            for m in cluster.mentions}
