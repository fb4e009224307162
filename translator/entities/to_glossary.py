"""Put entity clusters into the termbase: one proposed concept per cluster, existing
entries win.

Each language's canonical form becomes the preferred term, the other variants
admitted terms. Every concept comes in as *proposed*, with its mention count and
one context line: translation ignores it until a person approves it with
``triglot glossary review``. ``Termbase.merge_concept`` joins a cluster to the
proposed concept that already holds one of its forms, leaves an approved one as
it is, and never overwrites what a person entered.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from translator.core.i18n import ngettext
from translator.entities.clusters import Cluster

SOURCE = "triglot entities clusters"


def cluster_concept(cluster: Cluster, context: str = ""):
    """The proposed glossary concept for one cluster (terms ordered preferred first)."""
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
                   note=ngettext("{count} mention in the clustered corpus",
                                 "{count} mentions in the clustered corpus",
                                 cluster.size).format(count=cluster.size), terms=terms,
                   review="proposed", occurrences=cluster.size, context=context)


def add_to_glossary(clusters: list[Cluster], path: Path,
                    contexts: dict[int, str] | None = None) -> Counter[str]:
    """Merge every cluster into the glossary at ``path`` as a proposed concept, in one
    transaction; count the outcomes. ``contexts`` maps a cluster id to its context line."""
    from glossary.store import Termbase

    outcomes: Counter[str] = Counter()
    with Termbase.open(path, create=True) as termbase, termbase.transaction():
        for cluster in clusters:
            concept = cluster_concept(cluster, (contexts or {}).get(cluster.id, ""))
            result = termbase.merge_concept(concept)
            outcomes[result.action] += 1
    return outcomes


def glossary_names(path: Path, lang: str) -> list[str]:
    """Every accepted term of ``lang`` in the approved concepts: a gazetteer for the extractor."""
    from glossary.store import Termbase

    with Termbase.open(path) as termbase:
        return [t.text for c in termbase.concepts() if c.approved
                for t in c.terms_in(lang) if t.accepted]
