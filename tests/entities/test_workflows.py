"""The library side of ``triglot entities``: what each command computes, without the CLI."""

from __future__ import annotations

import pytest

from translator.core.errors import TriglotError
from translator.entities.evaluate import Report, Score
from translator.entities.io import read_inputs
from translator.entities.workflows import (
    CLUSTER_COLUMNS,
    EVALUATION_COLUMNS,
    add_clusters_to_glossary,
    align_files,
    alignment_row,
    cluster_rows,
    cluster_texts,
    evaluation_rows,
    mention_rows,
)


def test_read_inputs_keeps_good_files_and_hands_back_bad_ones(data_dir, tmp_path):
    empty = tmp_path / "empty.en.txt"
    empty.write_bytes(b"")
    seen: list[TriglotError] = []
    texts, errors = read_inputs([data_dir / "court.es.txt", empty], on_error=seen.append)
    assert [(t.path.name, t.lang) for t in texts] == [("court.es.txt", "es")]
    assert texts[0].segments[0].startswith("El Tribunal")
    assert len(errors) == 1 and "empty.en.txt" in str(errors[0])
    assert seen == errors


def test_read_inputs_raises_when_no_file_is_usable(tmp_path):
    empty = tmp_path / "empty.en.txt"
    empty.write_bytes(b"")
    with pytest.raises(TriglotError, match=r"empty\.en\.txt"):
        read_inputs([empty])
    with pytest.raises(TriglotError, match="unsupported language"):
        read_inputs([empty], lang="de")


def test_read_inputs_forced_language_beats_the_file_name(data_dir):
    texts, _ = read_inputs([data_dir / "court.en.txt"], lang="es")
    assert texts[0].lang == "es"


def test_mention_rows_name_their_file(data_dir):
    texts, _ = read_inputs([data_dir / "court.en.txt", data_dir / "court.es.txt"])
    rows = mention_rows(texts)
    by_file = {(r["file"].rsplit("/", 1)[-1], r["text"]) for r in rows}
    assert ("court.en.txt", "Tverskoy District Court") in by_file
    assert ("court.es.txt", "Aliona Popova") in by_file
    assert all(r["lang"] == r["file"].split(".")[-2] for r in rows)


def test_a_glossary_works_as_gazetteer(data_dir, tmp_path):
    from glossary.model import Concept, Term
    from glossary.store import Termbase

    db = tmp_path / "g.db"
    with Termbase.open(db, create=True) as tb:
        tb.add_concept(Concept(terms=[Term("en", "Popova", "preferred")]))
    texts, _ = read_inputs([data_dir / "court.en.txt"])
    plain = {r["text"]: r["origin"] for r in mention_rows(texts) if r["segment"] == 1}
    known = {r["text"]: r["origin"] for r in mention_rows(texts, db) if r["segment"] == 1}
    assert plain["Popova"] != "gazetteer"
    assert known["Popova"] == "gazetteer"


def test_align_files_marks_names_missing_from_the_translation(tmp_path):
    source = tmp_path / "a.en.txt"
    target = tmp_path / "a.es.txt"
    source.write_text("Alyona Popova met Mikhail Belyaev in Moscow.\n", encoding="utf-8")
    target.write_text("Aliona Popova llegó a Moscú.\n", encoding="utf-8")
    rows = {r["source"]: r for r in map(alignment_row, align_files(source, target, "en", "es"))}
    assert rows["Alyona Popova"]["target"] == "Aliona Popova"
    assert rows["Mikhail Belyaev"]["method"] == "missing"
    assert rows["Mikhail Belyaev"]["target"] is None


def test_align_files_needs_one_translated_line_per_source_line(tmp_path):
    source = tmp_path / "a.en.txt"
    target = tmp_path / "a.es.txt"
    source.write_text("Alyona Popova spoke.\nMikhail Belyaev agreed.\n", encoding="utf-8")
    target.write_text("Aliona Popova habló.\n", encoding="utf-8")
    with pytest.raises(TriglotError, match="segments"):
        align_files(source, target, "en", "es")


def test_cluster_texts_groups_across_languages_and_drops_rare_ones(data_dir):
    texts, _ = read_inputs([data_dir / "court.en.txt", data_dir / "court.es.txt"])
    clusters = cluster_texts(texts)
    popova = next(c for c in clusters if c.canonical.get("en") == "Alyona Popova")
    assert popova.canonical["es"] == "Aliona Popova"
    frequent = cluster_texts(texts, min_count=3)
    assert frequent and all(c.size >= 3 for c in frequent)
    assert len(frequent) < len(clusters)
    rows = cluster_rows(clusters)
    assert all(len(row) == len(CLUSTER_COLUMNS) for row in rows)
    canonical = [(row[0], row[2]) for row in rows if row[5] == "yes"]
    assert len(canonical) == len(set(canonical))  # one canonical form per cluster and language


def test_add_clusters_to_glossary_summarises_what_happened(data_dir, tmp_path):
    texts, _ = read_inputs([data_dir / "court.en.txt"])
    clusters = cluster_texts(texts)
    summary = add_clusters_to_glossary(clusters, tmp_path / "g.db")
    assert summary.startswith(f"{tmp_path / 'g.db'}: {len(clusters)} clusters: ")
    assert "nothing to add" not in summary


def test_evaluation_rows_give_scores_per_task_and_language():
    report = Report(extraction={"en": Score(tp_pred=3, predicted=4, tp_gold=3, gold=6)},
                    alignment={"en-es": Score(tp_pred=2, predicted=2, tp_gold=2, gold=2)},
                    unlocated=[])
    rows = {(row[0], row[1]): dict(zip(EVALUATION_COLUMNS, row, strict=True))
            for row in evaluation_rows(report)}
    assert rows[("extraction", "en")]["precision"] == "0.7500"
    assert rows[("extraction", "en")]["recall"] == "0.5000"
    assert rows[("alignment", "en-es")]["f1"] == "1.0000"


def test_a_document_gives_one_entity_one_type():
    from translator.entities.clusters import document_types
    from translator.entities.model import Mention

    full = Mention("George Malets", "PER", 0, 13, "en", "George Malets", 0, "ner")
    alone = Mention("Malets", "MISC", 0, 6, "en", "Malets", 3, "ner")
    paper = [Mention("Kommersant", kind, 0, 10, "en", "Kommersant", n, "ner")
             for n, kind in enumerate(["ORG", "ORG", "MISC"], start=5)]
    types = document_types([full, alone, *paper])
    assert types[id(alone)] == "PER" and types[id(full)] == "PER"
    assert {types[id(m)] for m in paper} == {"ORG"}


def test_long_work_reports_its_lines_file_by_file(data_dir):
    from translator.entities.workflows import clusters_in_context

    texts, _ = read_inputs([data_dir / "court.en.txt", data_dir / "court.es.txt"])
    for work in (lambda done: mention_rows(texts, None, done),
                 lambda done: clusters_in_context(texts, 1, done)):
        heard: list[int] = []
        work(heard.append)
        assert heard == [len(text.segments) for text in texts]


def test_aligned_names_have_one_type_per_document(tmp_path):
    """As ``entities extract`` gives them: the surname alone is the person the full name
    is, not MISC because the rules saw it alone."""
    source, target = tmp_path / "s.en.txt", tmp_path / "t.es.txt"
    source.write_text("Photographer George Malets was detained in the metro.\n\n"
                      "Malets said the police used cameras.\n", encoding="utf-8")
    target.write_text("El fotógrafo George Malets fue detenido en el metro.\n\n"
                      "Malets dijo que la policía usó cámaras.\n", encoding="utf-8")
    rows = [alignment_row(pair) for pair in align_files(source, target, "en", "es")]
    assert {(row["source"], row["type"]) for row in rows} == {
        ("George Malets", "PER"), ("Malets", "PER")}
