"""A sentence longer than the model's position table is translated in pieces, never fatal.

The repo's test packages allow 256 positions; one 300-word sentence is past
them (``No position encodings are defined for positions >= 256``).
"""

from __future__ import annotations

import pytest

from tests.conftest import TEST_PACKAGES, run_cli
from translator.engines.argos import (
    FALLBACK_MAX_INPUT_TOKENS,
    SPECIAL_TOKENS,
    ArgosEngine,
    max_input_tokens,
    split_tokens,
)
from translator.engines.base import DecodingOptions, LoadOptions
from translator.packages.store import install_archive

CLAUSE = "the court ordered the city to stop the cameras today,"  # ten words
LONG = ("Yesterday " + " ".join([CLAUSE] * 30) + " and volunteers brought food.")
SHORT = "The court ordered the city to stop the cameras."


@pytest.fixture
def en_es():
    package = install_archive(TEST_PACKAGES / "triglot-test-en_es.argosmodel")
    return package, ArgosEngine().load("en", "es", LoadOptions(), DecodingOptions())


def test_the_limit_is_read_from_the_model(en_es, tmp_path):
    package, translator = en_es
    assert len(LONG.split()) >= 300 and translator.token_count(LONG) > 256
    # the test packages store a 256-row position table in model.bin
    assert translator.max_input_tokens == max_input_tokens(package.path / "model") \
        == 256 - SPECIAL_TOKENS
    (tmp_path / "config.json").write_text('{"max_position_embeddings": 128}', encoding="utf-8")
    assert max_input_tokens(tmp_path) == 128 - SPECIAL_TOKENS
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model.bin").write_bytes(b"\x06\x00\x00\x00 truncated")
    assert max_input_tokens(tmp_path) == FALLBACK_MAX_INPUT_TOKENS


def test_a_300_word_sentence_translates_and_the_others_are_untouched(en_es):
    _, translator = en_es
    alone = translator.translate([SHORT])
    together = translator.translate([SHORT, LONG, SHORT])
    assert together[0] == together[2] == alone[0]
    # every piece came back, in order: the same as translating each piece alone
    pieces = split_tokens(translator.codec.encode(LONG), translator.max_input_tokens,
                          translator.codec)
    assert len(pieces) > 1
    one_by_one = [translator.translate([translator.codec.decode(piece)])[0] for piece in pieces]
    assert all(one_by_one) and together[1] == " ".join(one_by_one)


def test_pieces_are_cut_after_punctuation_and_lose_no_token(en_es):
    _, translator = en_es
    tokens = translator.codec.encode(LONG)
    pieces = split_tokens(tokens, translator.max_input_tokens, translator.codec)
    assert len(pieces) > 1 and [t for piece in pieces for t in piece] == tokens
    assert all(len(piece) <= translator.max_input_tokens for piece in pieces)
    assert all(piece[-1].endswith(",") for piece in pieces[:-1])


def test_without_punctuation_pieces_end_at_word_starts(en_es):
    _, translator = en_es
    tokens = translator.codec.encode(" ".join(["cameras"] * 400))
    pieces = split_tokens(tokens, 100, translator.codec)
    assert [t for piece in pieces for t in piece] == tokens
    assert all(translator.codec.starts_word(piece, 0) for piece in pieces)


@pytest.mark.slow
def test_translate_run_keeps_every_other_sentence_and_file(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "long.txt").write_text(f"{SHORT}\n\n{LONG}\n\n{SHORT}\n", encoding="utf-8")
    (articles / "other.txt").write_text(f"{SHORT}\n", encoding="utf-8")
    install_archive(TEST_PACKAGES / "triglot-test-en_es.argosmodel")
    done = run_cli("translate", str(articles), "--from", "en", "--to", "es",
                   "--out", str(tmp_path / "out"), "--no-cache")
    assert done.returncode == 0, done.stderr
    other = (tmp_path / "out" / "es" / "other.txt").read_text(encoding="utf-8").strip()
    long_out = (tmp_path / "out" / "es" / "long.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in long_out.split("\n\n") if p.strip()]
    assert len(paragraphs) == 3 and paragraphs[0].strip() == paragraphs[2].strip() == other
