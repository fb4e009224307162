"""The glossary learns only what a person approved, end to end with the real CLI and Apertium:
clusters proposed, a translation unchanged by them, then one spelling once approved."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from tests.conftest import run_cli

pytestmark = [
    pytest.mark.slow,  # the CLI several times, with Apertium
    pytest.mark.skipif(shutil.which("apertium") is None,
                       reason="apertium is not installed (apt-get install apertium "
                       "apertium-eng-spa)"),
]

ARTICLES = {
    "monday.txt": "The journalist Yulia Volkova said the police had detained her in the metro.\n"
                  "Volkova said she would appeal to the court.\n",
    "tuesday.txt": "Yuliya Volkova, a journalist from Kazan, filed a complaint on Tuesday.\n"
                   "The city did not answer the complaint of Yuliya Volkova.\n",
    "friday.txt": "The court heard the complaint of Yulia Volkova on Friday and rejected it.\n",
}


def translate(articles, out, *extra: str) -> dict[str, str]:
    done = run_cli("translate", str(articles), "--to", "es", "--engine", "apertium",
                   "--out", str(out), "--json", *extra)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    texts = {p.name: p.read_text(encoding="utf-8") for p in (out / "es").glob("*.txt")}
    return {"summary": summary, **texts}


def test_proposed_names_change_nothing_until_a_person_approves_one_spelling(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    db = tmp_path / "story.db"
    clustered = run_cli("entities", "clusters", *map(str, sorted(articles.iterdir())),
                        "--to-glossary", str(db))
    assert clustered.returncode == 0, clustered.stderr

    plain = translate(articles, tmp_path / "plain", "--no-cache")
    proposed = translate(articles, tmp_path / "proposed", "--no-cache", "--glossary", str(db))
    assert {k: v for k, v in proposed.items() if k != "summary"} == \
        {k: v for k, v in plain.items() if k != "summary"}
    assert proposed["summary"]["terms"]["proposed_skipped"] >= 4
    assert proposed["summary"]["terms"]["enforced"] == 0

    review = tmp_path / "review.csv"
    assert run_cli("glossary", "review", "-g", str(db), "--export", str(review)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8"))))
    (person,) = [r for r in rows if "Yuliya Volkova" in r["en"] + r["variants"]]
    person.update(decision="edit", en="Yulia Volkova", es="Yulia Volkova")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    review.write_text(buffer.getvalue(), encoding="utf-8")
    applied = run_cli("glossary", "review", "-g", str(db), "--import", str(review))
    assert applied.returncode == 0 and "edited and approved 1" in applied.stdout, applied.stderr

    approved = translate(articles, tmp_path / "approved", "--no-cache", "--glossary", str(db))
    outputs = "".join(v for k, v in approved.items() if k != "summary")
    assert "Yuliya Volkova" in "".join(v for k, v in plain.items() if k != "summary")
    assert "Yuliya" not in outputs and outputs.count("Yulia Volkova") >= 4
    assert approved["summary"]["terms"]["enforced"] >= 4
