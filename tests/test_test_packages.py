"""The tiny real Argos packages in tests/data/packages do what the other tests rely on.

They are built by ``scripts/build_test_packages.py`` (``make test-packages``)
from ``tests/data/corpus/parallel.tsv``; these tests need no torch, only
ctranslate2 and sentencepiece, and read every expectation from the corpus.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEST_PACKAGES = ROOT / "tests" / "data" / "packages"

PAIRS = [("ru", "en"), ("en", "es"), ("en", "ru"), ("es", "en")]
MAX_BYTES = 5 * 1024 * 1024
pytestmark = pytest.mark.slow  # decodes the whole corpus with every package


def _load_build_module():
    """The build script keeps torch imports inside functions, so its corpus helpers load here."""
    path = ROOT / "scripts" / "build_test_packages.py"
    spec = importlib.util.spec_from_file_location("build_test_packages", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load_build_module()
ROWS = build.read_corpus()
USED_BY_EXAMPLES, MISSING_FROM_CORPUS = build.rows_used_by_examples(ROWS)


def archive_path(src: str, tgt: str) -> Path:
    return TEST_PACKAGES / f"triglot-test-{src}_{tgt}.argosmodel"


class Package:
    """One unzipped package, translated the way Argos and triglot drive CTranslate2."""

    def __init__(self, folder: Path):
        import ctranslate2
        import sentencepiece

        self.folder = folder
        self.sp = sentencepiece.SentencePieceProcessor(
            model_file=str(folder / "sentencepiece.model")
        )
        self.translator = ctranslate2.Translator(
            str(folder / "model"), device="cpu", compute_type="int8", intra_threads=1
        )

    def translate(self, sentences: list[str]) -> list[str]:
        batch = [self.sp.encode(s, out_type=str) for s in sentences]
        results = self.translator.translate_batch(batch, beam_size=4, max_batch_size=32)
        return [self.sp.decode(r.hypotheses[0]) for r in results]


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[tuple[str, str], Package]:
    out = {}
    for src, tgt in PAIRS:
        dest = tmp_path_factory.mktemp(f"pkg-{src}_{tgt}")
        with zipfile.ZipFile(archive_path(src, tgt)) as zf:
            zf.extractall(dest)
        out[(src, tgt)] = Package(dest / f"triglot-test-{src}_{tgt}")
    return out


@pytest.fixture(scope="module")
def corpus_translations(packages) -> dict[tuple[str, str], list[str]]:
    """Every corpus sentence translated by every package (a few seconds in all)."""
    return {
        (s, t): pkg.translate([row.text[s] for row in ROWS]) for (s, t), pkg in packages.items()
    }


def test_corpus_is_consistent_and_sized_for_the_packages():
    assert build.check_corpus(ROWS) == []
    assert 250 <= len(ROWS) <= 350


def test_every_example_sentence_is_in_the_corpus():
    assert MISSING_FROM_CORPUS == []
    assert len(USED_BY_EXAMPLES) >= 50


@pytest.mark.parametrize(("src", "tgt"), PAIRS)
def test_archive_has_argos_layout_and_fits_in_the_repo(src, tgt):
    path = archive_path(src, tgt)
    assert path.stat().st_size <= MAX_BYTES
    top = f"triglot-test-{src}_{tgt}"
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        metadata = json.loads(zf.read(f"{top}/metadata.json"))
    assert {name.split("/")[0] for name in names} == {top}
    for required in (
        "metadata.json",
        "sentencepiece.model",
        "README.md",
        "model/model.bin",
        "model/config.json",
    ):
        assert f"{top}/{required}" in names
    assert metadata["from_code"] == src and metadata["to_code"] == tgt
    assert metadata["type"] == "translate"
    assert metadata["argos_version"] and metadata["package_version"]
    assert "target_prefix" not in metadata


@pytest.mark.parametrize(("src", "tgt"), PAIRS)
def test_argostranslate_reads_the_unzipped_package(packages, src, tgt):
    from argostranslate.package import Package as ArgosPackage

    argos = ArgosPackage(packages[(src, tgt)].folder)
    assert (argos.from_code, argos.to_code) == (src, tgt)
    assert argos.target_prefix == ""


@pytest.mark.parametrize(("src", "tgt"), PAIRS)
def test_sentences_of_the_examples_translate_exactly(corpus_translations, src, tgt):
    wrong = [
        (row.text[src], out)
        for row, out in zip(ROWS, corpus_translations[(src, tgt)], strict=True)
        if row.id in USED_BY_EXAMPLES and out != row.text[tgt]
    ]
    assert wrong == []


@pytest.mark.parametrize(("src", "tgt"), PAIRS)
def test_example_sentences_stay_exact_in_float32_one_at_a_time(packages, src, tgt):
    """CPUs round differently; float32 and unbatched decoding stand in for another CPU."""
    import ctranslate2

    package = packages[(src, tgt)]
    translator = ctranslate2.Translator(
        str(package.folder / "model"), device="cpu", compute_type="float32", intra_threads=1
    )
    rows = [row for row in ROWS if row.id in USED_BY_EXAMPLES]
    results = translator.translate_batch(
        [package.sp.encode(row.text[src], out_type=str) for row in rows],
        beam_size=4,
        max_batch_size=1,
    )
    outputs = [package.sp.decode(result.hypotheses[0]) for result in results]
    assert [
        (row.text[src], out) for row, out in zip(rows, outputs, strict=True) if out != row.text[tgt]
    ] == []


@pytest.mark.parametrize(("src", "tgt"), PAIRS)
def test_almost_all_corpus_sentences_translate_exactly(corpus_translations, src, tgt):
    outputs = corpus_translations[(src, tgt)]
    exact = sum(out == row.text[tgt] for row, out in zip(ROWS, outputs, strict=True))
    assert exact / len(ROWS) >= 0.95


@pytest.mark.parametrize(("src", "tgt"), PAIRS)
def test_inline_codes_and_placeholders_are_copied_intact(corpus_translations, src, tgt):
    rows = [
        (row, out)
        for row, out in zip(ROWS, corpus_translations[(src, tgt)], strict=True)
        if build.tokens_of(row.text[src])
    ]
    kinds = {tok[:2] for row, _ in rows for tok in build.tokens_of(row.text[src])}
    # The corpus exercises paired and atomic codes and both placeholder styles.
    assert {"<g", "</", "<x", "{n", "%s"} <= kinds
    broken = [
        (row.text[src], out)
        for row, out in rows
        if build.tokens_of(out) != build.tokens_of(row.text[tgt])
    ]
    assert broken == []


@pytest.mark.parametrize(("src", "via", "tgt"), [("ru", "en", "es"), ("es", "en", "ru")])
def test_pivoting_through_english_reaches_the_corpus_target(packages, src, via, tgt):
    rows = [row for row in ROWS if row.id in USED_BY_EXAMPLES]
    middle = packages[(src, via)].translate([row.text[src] for row in rows])
    final = packages[(via, tgt)].translate(middle)
    assert [
        (row.text[src], out) for row, out in zip(rows, final, strict=True) if out != row.text[tgt]
    ] == []


@pytest.mark.parametrize(("src", "tgt"), PAIRS)
def test_numbers_dates_and_times_keep_their_digits(corpus_translations, src, tgt):
    """Separators differ by language (200,000 / 200 000 / 200.000); the digits may not."""

    def digits(text: str) -> list[str]:
        return re.findall(r"\d", build.plain(text))  # plain(): codes like <g1> hold digits too

    rows = [
        (row, out)
        for row, out in zip(ROWS, corpus_translations[(src, tgt)], strict=True)
        if digits(row.text[src])
    ]
    assert len(rows) >= 20
    assert [(row.text[tgt], out) for row, out in rows if digits(out) != digits(row.text[tgt])] == []
