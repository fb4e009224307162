"""The work behind ``triglot entities``: each command as a function that returns plain rows.

The CLI (``translator/cli/entities.py``) only reads its options, calls one of
these and prints the rows as CSV or JSON; tests call them directly. Heavy
libraries (natasha, pymorphy3, babel) load inside the functions they serve.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from translator.core.i18n import _, ngettext
from translator.entities.clusters import Cluster, document_types
from translator.entities.evaluate import Report
from translator.entities.io import InputText
from translator.entities.model import AlignedPair

MENTION_COLUMNS = ["file", "segment", "start", "end", "lang", "type", "text", "normal", "expands"]
ALIGNMENT_COLUMNS = ["segment", "type", "source", "source_normal", "target", "score", "method"]
CLUSTER_COLUMNS = ["cluster", "type", "lang", "form", "count", "canonical"]
EVALUATION_COLUMNS = ["task", "lang", "precision", "recall", "f1", "predicted", "correct",
                      "gold", "found"]


def mention_rows(texts: list[InputText], gazetteer: Path | None = None,
                 done: Callable[[int], None] = lambda lines: None) -> list[dict]:
    """Every mention in ``texts``, one dict per mention, tagged with its file.

    ``gazetteer`` is a glossary whose accepted terms count as known names; ``done`` hears
    each text's number of lines once its names are found (a progress bar).
    """
    from translator.entities.extract import extract_by_passage

    rows = []
    for text in texts:
        found = [m for segment in extract_by_passage(
            text.segments, text.lang, lambda lang: _glossary_names(gazetteer, lang))
            for m in segment]
        types = document_types(found)
        rows.extend({"file": str(text.path), **mention.as_dict(), "type": types[id(mention)]}
                    for mention in found)
        done(len(text.segments))
    return rows


def _glossary_names(path: Path | None, lang: str) -> list[str]:
    if path is None:
        return []
    from translator.entities.to_glossary import glossary_names

    return glossary_names(path, lang)


def align_files(source: Path, translation: Path, source_lang: str | None,
                target_lang: str | None,
                warn: Callable[[str], None] | None = None) -> list[AlignedPair]:
    """Pair the names of ``source`` with their renderings in ``translation``, line by line;
    a language not given is detected from the file's text. Each source name has one type
    in the document, as ``entities extract`` gives it: "Malets" is the person "George
    Malets" is."""
    from dataclasses import replace

    from translator.entities.align import align_documents
    from translator.entities.io import file_language, read_input, segments_of

    source_text, translation_text = read_input(source), read_input(translation)
    source_lang = file_language(source, source_text, source_lang, warn, "--from")
    target_lang = file_language(translation, translation_text, target_lang, warn, "--to")
    pairs = align_documents(segments_of(source_text), segments_of(translation_text),
                            source_lang, target_lang)
    types = document_types([pair.source for pair in pairs])
    return [replace(pair, source=replace(pair.source, type=types[id(pair.source)]))
            for pair in pairs]


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
    return clusters_in_context(texts, min_count)[0]


def clusters_in_context(texts: list[InputText], min_count: int = 1,
                        done: Callable[[int], None] = lambda lines: None
                        ) -> tuple[list[Cluster], dict[int, str]]:
    """``cluster_texts``, plus one line of text per cluster id where it is mentioned first
    (what ``glossary review`` shows a person deciding on a proposed name); ``done`` as in
    ``mention_rows``."""
    from translator.entities.clusters import build_clusters
    from translator.entities.extract import extract_by_passage

    mentions, lines = [], {}
    for text in texts:
        segments = text.segments
        for mention in (m for found in extract_by_passage(segments, text.lang) for m in found):
            mentions.append(mention)
            lines[id(mention)] = segments[mention.segment]
        done(len(segments))
    clusters = [c for c in build_clusters(mentions) if c.size >= min_count]
    contexts = {c.id: _context(lines.get(id(c.mentions[0]), ""), c.mentions[0].start)
                for c in clusters if c.mentions}
    return clusters, contexts


def _context(line: str, start: int, width: int = 160) -> str:
    """The line around ``start``, at most ``width`` characters, on one line."""
    line = " ".join(line.split()) if len(line) <= width else " ".join(
        line[max(0, start - width // 2):start + width // 2].split())
    return line


def cluster_rows(clusters: list[Cluster]) -> list[list[object]]:
    """One row per variant, in ``CLUSTER_COLUMNS`` order; "yes" marks the canonical form."""
    return [[c.id, c.type, lang, form, count, "yes" if c.canonical[lang] == form else ""]
            for c in clusters for lang, form, count in c.variants]


def add_clusters_to_glossary(clusters: list[Cluster], glossary: Path,
                             contexts: dict[int, str] | None = None) -> str:
    """Merge the clusters into ``glossary`` as proposed concepts, each with its count and
    context line; a one-line summary of what happened."""
    from translator.entities.to_glossary import add_to_glossary

    outcomes = add_to_glossary(clusters, glossary, contexts)
    summary = ", ".join(_outcome(action, n) for action, n in sorted(outcomes.items()))
    return ngettext("{glossary}: {count} cluster: {summary}; proposed, not enforced until "
                    "approved with 'triglot glossary review'",
                    "{glossary}: {count} clusters: {summary}; proposed, not enforced until "
                    "approved with 'triglot glossary review'", len(clusters)).format(
        glossary=glossary, count=len(clusters), summary=summary or _("nothing to add"))


def _outcome(action: str, count: int) -> str:
    """How many clusters one merge action met, in words ("3 added")."""
    forms = {
        "added": ngettext("{count} added", "{count} added", count),
        "merged": ngettext("{count} merged", "{count} merged", count),
        "unchanged": ngettext("{count} unchanged", "{count} unchanged", count),
        "conflict": ngettext("{count} conflict", "{count} conflict", count),
    }
    return forms.get(action, "{count} " + action).format(count=count)


def evaluation_rows(report: Report) -> list[list[object]]:
    """Scores per task and language (pair), in ``EVALUATION_COLUMNS`` order."""
    rows: list[list[object]] = []
    for task, scores in (("extraction", report.extraction), ("alignment", report.alignment)):
        for name, s in scores.items():
            rows.append([task, name, f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}",
                         s.predicted, s.tp_pred, s.gold, s.tp_gold])
    return rows
