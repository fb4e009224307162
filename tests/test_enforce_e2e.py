"""``translate --glossary`` end to end: Apertium (where installed) and the test packages."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import run_cli
from tests.test_translate_e2e import argos_dir  # noqa: F401 - the installed test packages

GLOSSARY = """id,subject,en,en_status,ru,ru_status,es,es_status,en_pos,ru_pos,es_pos
c1,law,court,preferred,суд,preferred,tribunal | corte,preferred | forbidden,,,|
c2,places,Tverskaya Street,preferred,Тверская улица,preferred,calle Tverskaya,preferred,\
properNoun,properNoun,properNoun
c3,places,Moscow,preferred,Москва,preferred,Moscú,preferred,properNoun,properNoun,properNoun
"""
pytestmark = pytest.mark.slow  # the real CLI with Apertium and the real packages


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "glossary.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def segments(out, target):
    manifest = json.loads((out / "triglot-run.json").read_text(encoding="utf-8"))
    return manifest["documents"][0]["targets"][target]


@pytest.mark.skipif(shutil.which("apertium") is None,
                    reason="apertium is not installed (apt-get install apertium apertium-eng-spa)")
def test_apertium_rendering_the_glossary_forbids_is_replaced_and_noted_in_po(tmp_path, glossary):
    article = tmp_path / "ruling.en.txt"
    article.write_text("The courts in Moscow rejected the appeal.\n", encoding="utf-8")
    out = tmp_path / "plain"
    done = run_cli("translate", str(article), "--to", "es", "--out", str(out),
                   "--engine", "apertium", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert "cortes" in (out / "es" / article.name).read_text(encoding="utf-8")

    out = tmp_path / "enforced"
    done = run_cli("translate", str(article), "--to", "es", "--out", str(out),
                   "--engine", "apertium", "--no-cache", "--glossary", str(glossary),
                   "--po", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["engine"] == "apertium"
    assert summary["terms"]["enforced"] == 2 and summary["terms"]["not_enforced"] == 0
    text = (out / "es" / article.name).read_text(encoding="utf-8")
    assert "Los tribunales" in text and "Moscú" in text and "corte" not in text
    # Apertium renders "Moscow" right by itself: plain MT is kept for it
    assert {t["status"] for t in segments(out, "es")[0]["terms"]} == {"post-edited",
                                                                     "already correct"}
    po = next((out / "locales" / "es").rglob("*.po")).read_text(encoding="utf-8")
    notes = " ".join(line[3:] for line in po.splitlines() if line.startswith("#. "))
    assert "terms: courts -> tribunal (post-edited), Moscow -> Moscú (already correct)" in notes


def test_names_are_restored_in_their_glossary_form_with_the_test_packages(
        argos_dir, tmp_path, glossary):  # noqa: F811
    article = tmp_path / "address.en.txt"
    article.write_text("The lawyer's address is Tverskaya Street.\n", encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("translate", str(article), "--to", "ru,es", "--out", str(out),
                   "--no-cache", "--glossary", str(glossary),
                   env={"ARGOS_PACKAGES_DIR": str(argos_dir)})
    assert done.returncode == 0, done.stderr
    assert (out / "ru" / article.name).read_text(encoding="utf-8").strip() == \
        "Адрес адвоката: Тверская улица."
    assert (out / "es" / article.name).read_text(encoding="utf-8").strip() == \
        "La dirección del abogado es calle Tverskaya."
    assert segments(out, "ru")[0]["terms"][0]["status"] == "protected"
    assert "glossary terms: 2 enforced (2 protected), 0 not enforced" in done.stdout
