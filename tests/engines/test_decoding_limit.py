"""A model that loops on a short input stops at a length its input allows.

Real Argos models loop on some one-word inputs (en->es "increasingly" gives "cada
vez cada vez ...", ru->en "заранее" gives "pre- pre- ..."); so do the project's own
test packages, on this machine es->en "y" and "en" and ru->en "граждан", up to the
256-token maximum. A glossary run translates each term MT got wrong alone, thousands
of short inputs, so one such loop used to cost its whole batch 256 decoding steps.
Translations that do not loop must come out exactly as before.
"""

from __future__ import annotations

import pytest

from tests.conftest import TEST_PACKAGES
from translator.engines.argos import ArgosEngine
from translator.engines.base import LENGTH_SLACK, DecodingOptions, LoadOptions
from translator.packages.store import install_archive

#: One-word inputs the test packages are known to loop on, and sentences they translate.
SHORT = {("es", "en"): ["y", "en", "sobre", "una"], ("ru", "en"): ["граждан"]}
SENTENCES = {("es", "en"): ["El tribunal ordenó a la ciudad dejar de usar las cámaras.",
                            "Los voluntarios llevaron comida a los detenidos."],
             ("ru", "en"): ["Суд обязал мэрию прекратить распознавание лиц.",
                            "Волонтёры принесли еду задержанным."]}


def load_pair(source: str, target: str, decoding: DecodingOptions):
    install_archive(TEST_PACKAGES / f"triglot-test-{source}_{target}.argosmodel")
    return ArgosEngine().load(source, target, LoadOptions(), decoding)


@pytest.mark.slow  # the unlimited side decodes each looping word to 256 tokens (3.4 s)
@pytest.mark.parametrize("pair", sorted(SHORT))
def test_a_loop_on_a_short_input_stops_at_its_limit(pair):
    limited = load_pair(*pair, DecodingOptions())
    unlimited = load_pair(*pair, DecodingOptions(length_factor=0))
    looped = 0
    for word in SHORT[pair]:
        limit = DecodingOptions().length_factor * len(limited.codec.encode(word)) + LENGTH_SLACK
        [short] = limited.translate([word])
        [long] = unlimited.translate([word])
        assert len(short.split()) <= limit  # a word is at least one token
        if len(long.split()) > limit:
            looped += 1
            assert len(short) < len(long)
    if not looped:  # int8 kernels differ between CPUs: another may not loop on these
        pytest.skip(f"the {pair[0]}->{pair[1]} test package loops on none of {SHORT[pair]}")


@pytest.mark.parametrize("pair", sorted(SENTENCES))
def test_translations_that_do_not_loop_are_unchanged(pair):
    limited = load_pair(*pair, DecodingOptions())
    unlimited = load_pair(*pair, DecodingOptions(length_factor=0))
    assert limited.translate(SENTENCES[pair]) == unlimited.translate(SENTENCES[pair])
