"""``triglot entities``: find names in ru/en/es texts, pair them across a translation, group them.

Only click is imported here; natasha, pymorphy3 and babel load inside the
commands, so ``triglot --help`` stays fast. Output is CSV, or JSON with --json.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
lang_option = click.option("--lang", help="Language of every FILE (ru, en, es); "
                           "default: from the file name (x.ru.txt) or the text.")
files_argument = click.argument("files", nargs=-1, required=True,
                                type=click.Path(path_type=Path))


def _write_csv(headers: list[str], rows: list[list[object]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _load(files: tuple[Path, ...], lang: str | None) -> tuple[list[tuple[Path, str, str]], int]:
    """Read every file (text, language); a bad file is reported and skipped.

    Returns the usable documents and how many failed; if none is usable the
    first error is raised (exit 2).
    """
    from translator.core.errors import TriglotError
    from translator.core.languages import check_language
    from translator.entities.io import language_of, read_input

    if lang:
        check_language(lang)
    docs: list[tuple[Path, str, str]] = []
    errors: list[TriglotError] = []
    for path in files:
        try:
            text = read_input(path)
            docs.append((path, text, language_of(path, text, lang)))
        except TriglotError as exc:
            errors.append(exc)
            if len(files) > 1:
                click.echo(f"triglot: error: {exc}", err=True)
    if not docs:
        raise errors[0]
    return docs, len(errors)


def _gazetteer(path: Path | None, lang: str) -> list[str]:
    if path is None:
        return []
    from translator.entities.to_glossary import glossary_names

    return glossary_names(path, lang)


@click.group("entities")
def entities() -> None:
    """Named entities in ru/en/es: extract, align across a translation, cluster, evaluate."""


@entities.command("extract")
@files_argument
@lang_option
@click.option("--gazetteer", "gazetteer_path", type=click.Path(path_type=Path, dir_okay=False),
              help="A glossary whose terms count as known names.")
@json_option
def extract_command(files: tuple[Path, ...], lang: str | None, gazetteer_path: Path | None,
                    as_json: bool) -> None:
    """List the names (PER, ORG, LOC, MISC) in FILES, one line per mention.

    Segments are the files' lines; Russian names also get their dictionary form.
    """
    from translator.entities.extract import extract_many
    from translator.entities.io import segments_of

    docs, failed = _load(files, lang)
    rows = []
    for path, text, doc_lang in docs:
        found = extract_many(segments_of(text), doc_lang, _gazetteer(gazetteer_path, doc_lang))
        for mention in (m for segment in found for m in segment):
            rows.append({"file": str(path), **mention.as_dict()})
    if as_json:
        _echo_json(rows)
    else:
        headers = ["file", "segment", "start", "end", "lang", "type", "text", "normal"]
        _write_csv(headers, [[r[h] for h in headers] for r in rows])
    sys.exit(1 if failed else 0)


@entities.command("align")
@click.option("--source", "source_path", required=True, type=click.Path(path_type=Path),
              help="The original text, one segment a line.")
@click.option("--translation", "translation_path", required=True,
              type=click.Path(path_type=Path), help="Its translation, line for line.")
@click.option("--from", "source_lang", required=True, help="Source language (ru, en, es).")
@click.option("--to", "target_lang", required=True, help="Translation language (ru, en, es).")
@json_option
def align_command(source_path: Path, translation_path: Path, source_lang: str,
                  target_lang: str, as_json: bool) -> None:
    """Pair each name in the source with its rendering in the translation, or mark it missing.

    Exits 1 when some names are missing from the translation.
    """
    from translator.core.languages import check_language
    from translator.entities.align import align_documents
    from translator.entities.io import read_input, segments_of

    source_lang, target_lang = check_language(source_lang), check_language(target_lang)
    source = segments_of(read_input(source_path))
    translation = segments_of(read_input(translation_path))
    pairs = align_documents(source, translation, source_lang, target_lang)
    rows = [{
        "segment": p.source.segment, "type": p.source.type,
        "source": p.source.text, "source_normal": p.source.normal,
        "source_start": p.source.start, "source_end": p.source.end,
        "target": p.target.text if p.target else None,
        "target_start": p.target.start if p.target else None,
        "target_end": p.target.end if p.target else None,
        "score": p.score, "method": p.method,
    } for p in pairs]
    if as_json:
        _echo_json(rows)
    else:
        headers = ["segment", "type", "source", "source_normal", "target", "score", "method"]
        _write_csv(headers, [["" if r[h] is None else r[h] for h in headers] for r in rows])
    sys.exit(1 if any(p.missing for p in pairs) else 0)


@entities.command("clusters")
@files_argument
@lang_option
@click.option("--to-glossary", "glossary_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Add each cluster to this glossary as a concept (existing entries win).")
@click.option("--min-count", default=1, show_default=True, type=click.IntRange(1),
              help="Leave out clusters with fewer mentions.")
@json_option
def clusters_command(files: tuple[Path, ...], lang: str | None, glossary_path: Path | None,
                     min_count: int, as_json: bool) -> None:
    """Group the mentions of one entity across FILES (any mix of ru, en, es).

    Each cluster has a canonical form per language and its variants with counts.
    """
    from translator.entities.clusters import build_clusters
    from translator.entities.extract import extract_many
    from translator.entities.io import segments_of

    docs, failed = _load(files, lang)
    mentions = []
    for _path, text, doc_lang in docs:
        mentions.extend(m for segment in extract_many(segments_of(text), doc_lang)
                        for m in segment)
    clusters = [c for c in build_clusters(mentions) if c.size >= min_count]
    if glossary_path is not None:
        from translator.entities.to_glossary import add_to_glossary

        outcomes = add_to_glossary(clusters, glossary_path)
        summary = ", ".join(f"{n} {action}" for action, n in sorted(outcomes.items()))
        click.echo(f"{glossary_path}: {len(clusters)} clusters: {summary or 'nothing to add'}",
                   err=True)
    if as_json:
        _echo_json([c.as_dict() for c in clusters])
    else:
        rows = [[c.id, c.type, lang_, form, count, "yes" if c.canonical[lang_] == form else ""]
                for c in clusters for lang_, form, count in c.variants]
        _write_csv(["cluster", "type", "lang", "form", "count", "canonical"], rows)
    sys.exit(1 if failed else 0)


@entities.command("eval")
@click.option("--sentences", "sentences_path", required=True, type=click.Path(path_type=Path),
              help='JSONL of {"id", "en", "ru", "es"} sentence triples.')
@click.option("--gold", "gold_path", required=True, type=click.Path(path_type=Path),
              help='JSONL of {"id", "entities": [{"type", "en", "ru", "es"}]}.')
@json_option
def eval_command(sentences_path: Path, gold_path: Path, as_json: bool) -> None:
    """Precision, recall and F1 of extraction per language and alignment per language pair."""
    from translator.entities.evaluate import evaluate

    report = evaluate(sentences_path, gold_path)
    if as_json:
        _echo_json(report.as_dict())
        return
    rows = []
    for task, scores in (("extraction", report.extraction), ("alignment", report.alignment)):
        for name, s in scores.items():
            rows.append([task, name, f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}",
                         s.predicted, s.tp_pred, s.gold, s.tp_gold])
    _write_csv(["task", "lang", "precision", "recall", "f1", "predicted", "correct", "gold",
                "found"], rows)
    if report.unlocated:
        click.echo(f"triglot: warning: {len(report.unlocated)} gold forms not found in their "
                   f"sentence (first: {report.unlocated[0]})", err=True)
