"""Put entity clusters into the termbase: one concept per cluster, existing entries win.

Each language's canonical form becomes the preferred term, the other variants
admitted terms. ``Termbase.merge_concept`` joins a cluster to the concept that
already holds one of its forms and never overwrites what a person entered.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from translator.entities.clusters import Cluster

SOURCE = "triglot entities clusters"


def cluster_concept(cluster: Cluster):
    """The glossary concept for one cluster (terms ordered preferred first)."""
    from glossary.model import Concept, Term

    terms = []
    seen: set[tuple[str, str]] = set()
    for lang, form in cluster.canonical.items():
        terms.append(Term(lang, form, "preferred", pos="noun", source=SOURCE))
        seen.add((lang, form.casefold()))
    for lang, form, _count in cluster.variants:
        if (lang, form.casefold()) not in seen:
            seen.add((lang, form.casefold()))
            terms.append(Term(lang, form, "admitted", pos="noun", source=SOURCE))
    return Concept(subject=f"named entity ({cluster.type})",
                   note=f"{cluster.size} mentions in the clustered corpus", terms=terms)


def add_to_glossary(clusters: list[Cluster], path: Path) -> Counter[str]:
    """Merge every cluster into the glossary at ``path`` in one transaction; count the outcomes."""
    from glossary.store import Termbase

    outcomes: Counter[str] = Counter()
    with Termbase.open(path, create=True) as termbase, termbase.transaction():
        for cluster in clusters:
            result = termbase.merge_concept(cluster_concept(cluster))
            outcomes[result.action] += 1
    return outcomes


def glossary_names(path: Path, lang: str) -> list[str]:
    """Every accepted term of ``lang`` in the glossary: a gazetteer for the extractor."""
    from glossary.store import Termbase

    with Termbase.open(path) as termbase:
        return [t.text for c in termbase.concepts() for t in c.terms_in(lang) if t.accepted]
