"""English title-case headlines reach Apertium in sentence case; names keep capitals."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, raw_apertium, translate
from translator.engines.apertium_headlines import title_case


@pytest.mark.parametrize(("sentence", "headline"), [
    ("Facial Recognition Tech May Be Used Against Russian Protesters", True),
    ("Moscow Court Backs City Over Face Recognition Cameras", True),
    ("The court fined Alyona Popova on Monday.", False),
    ("Alyona Popova Appeals", False),             # too short to tell
    ("Vladimir Putin Kamala Harris Joe Biden", False),  # names only: nothing to lower
])
def test_title_case_is_told_from_names_and_running_text(sentence, headline):
    assert title_case(sentence) is headline


@needs_apertium
def test_a_title_case_headline_comes_out_in_sentence_case():
    sentence = "Facial Recognition Tech May Be Used Against Russian Protesters"
    assert "Puede Ser Utilizada Contra" in raw_apertium("eng-spa", sentence)
    [ours] = translate("en", "es", [sentence])
    assert ours.startswith("Tecnología de reconocimiento facial puede ser utilizada contra")


@needs_apertium
def test_names_in_a_headline_keep_their_capitals():
    """"China" is also a common noun ("porcelana"): the analyser reads it as a name in the
    headline as written, so it keeps its capital and its translation."""
    [ours] = translate("en", "es", ["Moscow Court Backs China Over Face Recognition Cameras"])
    assert "Moscú" in ours and "China" in ours and "porcelana" not in ours
    assert "cámaras de reconocimiento" in ours


@needs_apertium
def test_the_mends_read_the_headline_as_apertium_was_given_it():
    """A capital transfer leaks after an opening name is lowered, as in running text."""
    [ours] = translate("en", "es", ["Kamala Harris Calls For New Probe Into Police Cameras"])
    assert ours.startswith("Kamala Harris pide")


@needs_apertium
def test_a_surname_that_is_also_a_word_keeps_its_capital_after_a_first_name():
    """And stays the surname (``apertium_names``): "Sun" is not "Sol" here."""
    [ours] = translate("en", "es", ["Justin Sun Still Thinks Stablecoins Are a Good Idea"])
    assert ours.startswith("Justin Sun todavía piensa")


@needs_apertium
def test_a_headline_with_stream_characters_stops_neither_it_nor_the_compounds():
    """The analyser is asked about the headline as stream text: an unescaped "@" or "$"
    would stop it, and the compounds asked of the same analyser would go unspaced."""
    [headline, compound] = translate("en", "es", [
        "Video: Moscow [Live] Protests Go On @ 5/6 Against The Facial-Recognition Cameras",
        "A facial-recognition network grew."])
    assert "Moscú [vivo] las protestas van" in headline
    assert "red de reconocimiento facial" in compound
