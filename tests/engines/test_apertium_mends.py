"""Apertium's output mended: blanks of dropped words, the capital after an opening name."""

from __future__ import annotations

import subprocess

import pytest

from translator.engines.apertium import ApertiumEngine
from translator.engines.apertium_mends import mend, mend_first_capital
from translator.engines.base import DecodingOptions, LoadOptions

needs_apertium = pytest.mark.skipif(
    not {("en", "es"), ("es", "en")} <= ApertiumEngine().pairs(),
    reason="apertium and apertium-eng-spa are not installed (make apertium-deps)")


def raw_apertium(mode: str, sentence: str) -> str:
    result = subprocess.run(["apertium", "-u", mode], input=sentence + "\n",
                            capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def translate(source: str, target: str, sentences: list[str]) -> list[str]:
    translator = ApertiumEngine().load(source, target, LoadOptions(), DecodingOptions())
    try:
        return translator.translate(sentences)
    finally:
        translator.close()


@needs_apertium
@pytest.mark.parametrize(("source", "target", "mode", "sentence", "leaked", "mended"), [
    ("en", "es", "eng-spa", "Koroteev said the ruling was unfair.", "Dijo", "dijo"),
    ("en", "es", "eng-spa", "Zviagina also filed a lawsuit.", "También", "también"),
    ("es", "en", "spa-eng", "Sobyanin no respondió a la carta.", "Did", "did"),
])
def test_the_word_after_an_opening_name_loses_the_capital_apertium_gave_it(
        source, target, mode, sentence, leaked, mended):
    raw = raw_apertium(mode, sentence)
    assert raw.split()[1] == leaked  # what Apertium itself writes
    [ours] = translate(source, target, [sentence])
    assert ours.split()[0] == sentence.split()[0]
    assert ours.split()[1] == mended
    assert ours.split()[2:] == raw.split()[2:]  # nothing else changed


@needs_apertium
def test_sentences_apertium_capitalises_rightly_are_left_as_it_wrote_them():
    sentences = ["The mayor said the cameras stay.",  # translated opening: "El alcalde"
                 "Reuters reported the ruling.",       # a name Apertium knows
                 'The court, Koroteev said, was wrong.']
    assert translate("en", "es", sentences) == [raw_apertium("eng-spa", s) for s in sentences]


def test_only_a_capital_at_the_first_letter_after_the_copied_words_is_lowered():
    assert mend_first_capital("Koroteev said it.", "Koroteev Lo dijo.") == "Koroteev lo dijo."
    assert mend_first_capital('"Koroteev said it," she wrote.',
                              '"Koroteev Lo dijo," escribió.') == '"Koroteev lo dijo," escribió.'
    assert mend_first_capital("<g1>Popova</g1> said it", "<g1>Popova</g1> Lo dijo") == \
        "<g1>Popova</g1> lo dijo"
    # two copied words, the second one lower-case but unknown to Apertium
    assert mend_first_capital("Hazard outran the defence", "Hazard outran La defensa") == \
        "Hazard outran la defensa"


@pytest.mark.parametrize(("source", "output"), [
    ("Moscow said it", "Moscú lo dijo"),                       # nothing copied
    ("Koroteev Sergeyevich said it", "Koroteev Sergeyevich dijo"),  # no leaked capital
    ("Koroteev and NATO met", "Koroteev Y OTAN"),               # not title case: kept
    ("Koroteev, who met Navalny", "Koroteev, Navalny"),         # the word is in the source
    ("Rangers host Rapid Vienna", "Rangers Viena Rápida"),      # a name moved up
    ("Koroteev", "Koroteev"),                                   # nothing follows
    ("Koroteev Said it", "Koroteev Dijo"),                      # the source has the capital
])
def test_capitals_that_may_be_right_are_kept(source, output):
    assert mend_first_capital(source, output) == output


@needs_apertium
def test_blanks_of_dropped_pronouns_are_closed_up_at_quotes_and_commas():
    sentence = '"We will appeal," she said, "and we will win."'
    raw = raw_apertium("eng-spa", sentence)
    assert '" Apelaremos' in raw  # Apertium drops "We" and keeps its blank
    [ours] = translate("en", "es", [sentence])
    assert ours.startswith('"Apelaremos,"')
    assert ours.replace(" ", "") == raw.replace(" ", "")  # only blanks changed


@pytest.mark.parametrize(("source", "output", "mended"), [
    ('"We will appeal," she said.', '" Apelaremos," dijo.', '"Apelaremos," dijo.'),
    ("A victim, he said.", "Una víctima , dijo.", "Una víctima, dijo."),
    ("It was a rule they broke.", "Era una regla rompieron .", "Era una regla rompieron."),
    ('The "rule they broke" stands.', 'La "regla rompieron " está.', 'La "regla rompieron" está.'),
    ("Where is it?", "¿ Dónde es?", "¿Dónde es?"),
    ("They said (it was late) so.", "Dijeron ( era tarde) tan.", "Dijeron (era tarde) tan."),
])
def test_blanks_the_source_does_not_have_are_closed_up(source, output, mended):
    assert mend(source, output) == mended


@pytest.mark.parametrize(("source", "output"), [
    ("Prices rose 5 % , they said .", "Los precios subieron 5 % , dijeron ."),  # source has them
    ('He said " no " twice.', 'Dijo " no " dos veces.'),
    ('His "ultimate ambition" is clear.', 'Su" ultimate "ambición es clara.'),  # quotes astray
    ("'Tis the season", "' Tis la temporada"),  # the apostrophe is left alone
])
def test_blanks_the_source_has_or_that_cannot_be_placed_are_kept(source, output):
    assert mend(source, output) == output
