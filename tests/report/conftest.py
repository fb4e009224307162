"""A recorded run written the way ``triglot translate`` writes ``triglot-run.json``.

The sentences are the project's own, with the traps a review page must survive:
markup and quotes in the text, inline codes, a number that changed, one court
rendered two ways and one name spelt two ways across documents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SCRIPT = '<script>alert("gotcha")</script>'

DOCUMENTS = [
    ("hearing.md", "md", "en", "es", [
        ("p1", "The <g1>Moscow City Court</g1> fined Alexei Navalny on Monday.",
         "El <g1>Tribunal de la Ciudad de Moscú</g1> multó a Alexéi Navalni el lunes."),
        ("p2", f'Cameras in the metro saw "Masha" {SCRIPT} & friends.',
         f'Las cámaras del metro vieron a "Masha" {SCRIPT} & amigos.'),
        ("p3", "The court heard 3 witnesses.<x1/>", "La corte escuchó a 4 testigos.<x1/>"),
    ]),
    ('o"hare <b>appeal</b>.txt', "txt", "en", "es", [
        ("p1", "Yesterday Alexei Navalny appealed to the court.",
         "Ayer Alexei Navalny apeló al tribunal."),
        ("p2", "Facial recognition cameras are everywhere.",
         "Hay cámaras de reconocimiento facial por todas partes."),
        ('p"3', "The metro was closed for a day.", "El subterráneo estuvo cerrado un día."),
    ]),
    ("kamery.txt", "txt", "ru", "en", [
        ("p1", "Камеры распознавания лиц установили в метро.",
         "Facial recognition cameras were installed in the metro."),
    ]),
]

GLOSSARY = """id,en,en_status,ru,ru_status,es,es_status
t1,court,preferred,суд,preferred,tribunal | corte,preferred | admitted
t2,camera,preferred,камера,preferred,cámara,preferred
t3,facial recognition,preferred,распознавание лиц,preferred,reconocimiento facial,preferred
t4,metro,preferred,метро,preferred,metro,preferred
"""


def write_run(out: Path) -> Path:
    documents = []
    for relpath, fmt, lang, target, segments in DOCUMENTS:
        documents.append({
            "source": f"articles/{relpath}", "relpath": relpath, "format": fmt, "lang": lang,
            "targets": {target: [{"ref": ref, "unit": i, "lang": lang, "source": src, "mt": mt}
                                 for i, (ref, src, mt) in enumerate(segments)]}})
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"engine": "fake", "models": {"en->es": "fake:en-es", "ru->en": "fake:ru-en"},
                "options": "beam=4", "documents": documents}
    (out / "triglot-run.json").write_text(json.dumps(manifest, ensure_ascii=False),
                                          encoding="utf-8")
    return out


@pytest.fixture
def run_dir(tmp_path) -> Path:
    return write_run(tmp_path / "run")


@pytest.fixture
def glossary_csv(tmp_path) -> Path:
    path = tmp_path / "glossary.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path
