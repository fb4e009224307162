"""The run record finds each source where it now lies, or says in one line why it cannot."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from translator.core.errors import InputError
from translator.run_record import DocumentRecord, RunRecord, SegmentRecord, file_sha256, load

TEXT = "Суд оштрафовал редакцию.\n"


def make_run(root: Path) -> Path:
    """root/articles/a.txt translated into root/out, as the pipeline records it."""
    from translator.run_record import relative_source

    article = root / "articles" / "a.txt"
    article.parent.mkdir(parents=True)
    article.write_text(TEXT, encoding="utf-8")
    out = root / "out"
    out.mkdir()
    record = RunRecord(out, "fake")
    doc = DocumentRecord(relative_source(article, out), "a.txt", "txt", "ru",
                         file_sha256(article))
    doc.targets["en"] = [SegmentRecord("p1", 0, "ru", TEXT.strip(), "The court fined the paper.")]
    record.documents.append(doc)
    record.save()
    return out


def test_the_record_keeps_both_places_of_the_source(tmp_path):
    out = make_run(tmp_path)
    entry = json.loads((out / "triglot-run.json").read_text(encoding="utf-8"))["documents"][0]
    assert entry["source"] == "../articles/a.txt"
    assert entry["abspath"] == str((tmp_path / "articles" / "a.txt").resolve())


def test_a_run_folder_moved_alone_finds_the_source_by_its_absolute_place(tmp_path):
    out = make_run(tmp_path)
    moved = tmp_path / "deep" / "er" / "run"
    moved.parent.mkdir(parents=True)
    shutil.move(out, moved)
    record = load(moved)
    assert record.source_path(record.documents[0]) == (tmp_path / "articles" / "a.txt").resolve()


def test_a_changed_copy_at_the_relative_place_does_not_hide_the_original(tmp_path):
    """The run folder went into another project whose articles folder holds an edited copy:
    the original, still at its absolute place, is the one that was translated."""
    out = make_run(tmp_path / "first")
    other = tmp_path / "second"
    (other / "articles").mkdir(parents=True)
    (other / "articles" / "a.txt").write_text(TEXT + "Новый абзац.\n", encoding="utf-8")
    shutil.move(out, other / "out")
    record = load(other / "out")
    assert record.source_path(record.documents[0]) == \
        (tmp_path / "first" / "articles" / "a.txt").resolve()


def test_a_source_gone_from_both_places_is_one_line_naming_both(tmp_path):
    out = make_run(tmp_path / "first")
    shutil.move(out, tmp_path / "run")
    (tmp_path / "first" / "articles").rename(tmp_path / "first" / "renamed")
    record = load(tmp_path / "run")
    with pytest.raises(InputError) as caught:
        record.source_path(record.documents[0])
    message = str(caught.value)
    assert "\n" not in message and "renamed or moved" in message
    assert str(tmp_path / "first" / "articles" / "a.txt") in message
    assert str(tmp_path / "articles" / "a.txt") in message


def test_an_old_record_with_absolute_sources_still_works_after_a_move(tmp_path):
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text(TEXT, encoding="utf-8")
    old = tmp_path / "old-run"
    old.mkdir()
    (old / "triglot-run.json").write_text(json.dumps({"engine": "argos", "documents": [{
        "source": "in/a.txt", "abspath": str(article), "relpath": "a.txt", "format": "txt",
        "lang": "ru", "targets": {"en": [{"ref": "p1", "unit": 0, "lang": "ru",
                                          "source": TEXT.strip(), "mt": "x"}]}}]}),
        encoding="utf-8")
    shutil.move(old, tmp_path / "archive")
    record = load(tmp_path / "archive")
    assert record.source_path(record.documents[0]) == article.resolve()


def test_annotations_survive_a_save_and_a_load(tmp_path):
    out = make_run(tmp_path)
    record = load(out)
    doc = record.documents[0]
    doc.targets["en"] = [replace(s, annotations={"terms": []}) for s in doc.targets["en"]]
    doc.annotated_with = "v1:abc:names"
    record.save()
    again = load(out).documents[0]
    assert again.annotated_with == "v1:abc:names"
    assert again.targets["en"][0].annotations == {"terms": []}


def record_of(out: Path, relpath: str, mt: str) -> RunRecord:
    record = RunRecord(out, "fake")
    doc = DocumentRecord(f"../articles/{relpath}", relpath, "txt", "ru")
    doc.targets["en"] = [SegmentRecord("p1", 0, "ru", TEXT.strip(), mt)]
    record.documents.append(doc)
    return record


def translations(out: Path) -> dict[str, str]:
    return {d.relpath: d.targets["en"][0].mt for d in load(out).documents}


def test_runs_into_one_folder_keep_the_other_articles_and_replace_their_own(tmp_path):
    odd = 'статья "1"\\x.txt'  # quotes, a backslash and Cyrillic, escaped in the JSON line
    record_of(tmp_path, odd, "first").save()
    record_of(tmp_path, "b.txt", "other").save()
    record_of(tmp_path, odd, "second").save()
    assert translations(tmp_path) == {"b.txt": "other", odd: "second"}


def test_a_record_written_otherwise_keeps_its_documents_when_a_run_adds_one(tmp_path):
    record_of(tmp_path, "a.txt", "kept").save()
    path = tmp_path / "triglot-run.json"
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), indent=2),
                    encoding="utf-8")  # as an editor or an older triglot may leave it
    record_of(tmp_path, "b.txt", "new").save()
    assert translations(tmp_path) == {"a.txt": "kept", "b.txt": "new"}


def test_an_unreadable_earlier_record_is_replaced(tmp_path):
    (tmp_path / "triglot-run.json").write_bytes(b'{"version": 2, "documents": [\n{"source": "\xff')
    record_of(tmp_path, "b.txt", "new").save()
    assert translations(tmp_path) == {"b.txt": "new"}
