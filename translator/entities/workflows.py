"""The work behind ``triglot entities``: each command as a function that returns plain rows.

The CLI (``translator/cli/entities.py``) only reads its options, calls one of
these and prints the rows as CSV or JSON; tests call them directly. Heavy
libraries (natasha, pymorphy3, babel) load inside the functions they serve.
"""

from __future__ import annotations

from pathlib import Path

from translator.entities.clusters import Cluster
from translator.entities.evaluate import Report
from translator.entities.io import InputText
from translator.entities.model import AlignedPair

MENTION_COLUMNS = ["file", "segment", "start", "end", "lang", "type", "text", "normal"]
ALIGNMENT_COLUMNS = ["segment", "type", "source", "source_normal", "target", "score", "method"]
CLUSTER_COLUMNS = ["cluster", "type", "lang", "form", "count", "canonical"]
EVALUATION_COLUMNS = ["task", "lang", "precision", "recall", "f1", "predicted", "correct",
                      "gold", "found"]


def mention_rows(texts: list[InputText], gazetteer: Path | None = None) -> list[dict]:
    """Every mention in ``texts``, one dict per mention, tagged with its file.

    ``gazetteer`` is a glossary whose accepted terms count as known names.
    """
    from translator.entities.extract import extract_many

    rows = []
    for text in texts:
        names = _glossary_names(gazetteer, text.lang)
        for segment in extract_many(text.segments, text.lang, names):
            rows.extend({"file": str(text.path), **mention.as_dict()} for mention in segment)
    return rows


def _glossary_names(path: Path | None, lang: str) -> list[str]:
    if path is None:
        return []
    from translator.entities.to_glossary import glossary_names

    return glossary_names(path, lang)


def align_files(source: Path, translation: Path, source_lang: str,
                target_lang: str) -> list[AlignedPair]:
    """Pair the names of ``source`` with their renderings in ``translation``, line by line."""
    from translator.core.languages import check_language
    from translator.entities.align import align_documents
    from translator.entities.io import read_input, segments_of

    source_lang, target_lang = check_language(source_lang), check_language(target_lang)
    return align_documents(segments_of(read_input(source)), segments_of(read_input(translation)),
                           source_lang, target_lang)


def alignment_row(pair: AlignedPair) -> dict:
    """One aligned pair as plain data (target fields None when the name is missing)."""
    source, target = pair.source, pair.target
    return {
        "segment": source.segment, "type": source.type,
        "source": source.text, "source_normal": source.normal,
        "source_start": source.start, "source_end": source.end,
        "target": target.text if target else None,
        "target_start": target.start if target else None,
        "target_end": target.end if target else None,
        "score": pair.score, "method": pair.method,
    }


def cluster_texts(texts: list[InputText], min_count: int = 1) -> list[Cluster]:
    """Clusters of the mentions in ``texts`` (any mix of languages) with at least ``min_count``."""
    from translator.entities.clusters import build_clusters
    from translator.entities.extract import extract_segments

    mentions = [m for text in texts for m in extract_segments(text.segments, text.lang)]
    return [c for c in build_clusters(mentions) if c.size >= min_count]


def cluster_rows(clusters: list[Cluster]) -> list[list[object]]:
    """One row per variant, in ``CLUSTER_COLUMNS`` order; "yes" marks the canonical form."""
    return [[c.id, c.type, lang, form, count, "yes" if c.canonical[lang] == form else ""]
            for c in clusters for lang, form, count in c.variants]


def add_clusters_to_glossary(clusters: list[Cluster], glossary: Path) -> str:
    """Merge the clusters into ``glossary``; a one-line summary of what happened."""
    from translator.entities.to_glossary import add_to_glossary

    outcomes = add_to_glossary(clusters, glossary)
    summary = ", ".join(f"{n} {action}" for action, n in sorted(outcomes.items()))
    return f"{glossary}: {len(clusters)} clusters: {summary or 'nothing to add'}"


def evaluation_rows(report: Report) -> list[list[object]]:
    """Scores per task and language (pair), in ``EVALUATION_COLUMNS`` order."""
    rows: list[list[object]] = []
    for task, scores in (("extraction", report.extraction), ("alignment", report.alignment)):
        for name, s in scores.items():
            rows.append([task, name, f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}",
                         s.predicted, s.tp_pred, s.gold, s.tp_gold])
    return rows
