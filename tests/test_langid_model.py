"""py3langid's model unpacked in the user's cache: the same answers, and a cache that never
hurts (damaged, unwritable or written beside another process, the model still loads).

Each case starts from its own empty cache folder (not the session's shared one).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from translator import langid_model

pytestmark = pytest.mark.slow  # each case unpacks the 68 MB model at least once

TEXTS = [  # a line of each language triglot meets, and a few it must recognise as others
    "Суд обязал мэрию прекратить распознавание лиц протестующих в метро.",
    "The court ordered the city to stop using facial recognition on protesters.",
    "El tribunal ordenó a la ciudad dejar de usar el reconocimiento facial.",
    "Суд зобов'язав мерію припинити розпізнавання облич протестувальників.",
    "Das Gericht verpflichtete die Stadt, die Gesichtserkennung einzustellen.",
    "O tribunal ordenou à cidade que deixasse de usar o reconhecimento facial.",
    "Le tribunal a ordonné à la ville de cesser la reconnaissance faciale.",
]


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "triglot" / "langid"


def answers(identifier) -> list:
    return [(identifier.classify(t), identifier.rank(t)[:5]) for t in TEXTS]


def test_the_cached_model_tells_the_same_languages_as_py3langid_itself(cache):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    own = answers(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
    first = langid_model.load_identifier()  # unpacks and keeps the arrays
    assert len(list(cache.glob("*/*.npy"))) == len(langid_model.ARRAYS)
    second = langid_model.load_identifier()  # maps the kept arrays
    assert answers(first) == own
    assert answers(second) == own
    assert [lang for (lang, _), _ in own[:3]] == ["ru", "en", "es"]


def test_a_later_load_reads_the_cache_and_the_files_follow_the_umask(cache, monkeypatch):
    old = os.umask(0o027)
    try:
        langid_model.load_identifier()
    finally:
        os.umask(old)
    files = sorted(cache.glob("*/*"))
    assert [f.name for f in files] == sorted(f"{name}.npy" for name in langid_model.ARRAYS)
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o640}
    written = {f: f.stat().st_mtime_ns for f in files}

    def no_unpacking(model):
        raise AssertionError("the kept arrays should have been read")

    monkeypatch.setattr(langid_model, "_unpack", no_unpacking)
    assert langid_model.load_identifier().classify(TEXTS[1])[0] == "en"
    assert {f: f.stat().st_mtime_ns for f in files} == written


def test_a_damaged_file_is_unpacked_again_silently(cache):
    langid_model.load_identifier()
    ptc = next(cache.glob("*/ptc.npy"))
    size = ptc.stat().st_size
    ptc.write_bytes(ptc.read_bytes()[: size // 3])  # a run killed mid-copy, a bad disk
    assert langid_model.load_identifier().classify(TEXTS[0])[0] == "ru"
    assert ptc.stat().st_size == size


def test_an_unwritable_cache_still_gives_a_model(tmp_path, monkeypatch):
    blocked = tmp_path / "cache"
    (blocked / "triglot").mkdir(parents=True)
    (blocked / "triglot" / "langid").write_text("a file where the folder goes")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert langid_model.load_identifier().classify(TEXTS[2])[0] == "es"
