"""Apertium's output mended: blanks of dropped words, leaked capitals, the "¿" of Spanish."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, raw_apertium, translate
from translator.engines.apertium import installed_modes
from translator.engines.apertium_mends import (
    LowerCaseWords,
    leaked_capital,
    mend_all,
    open_question,
    written_lower,
)


@needs_apertium
@pytest.mark.parametrize(("source", "target", "mode", "sentence", "leaked", "mended"), [
    ("en", "es", "eng-spa", "Koroteev said the ruling was unfair.", "Dijo", "dijo"),
    ("en", "es", "eng-spa", "Zviagina also filed a lawsuit in March.", "También", "también"),
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
def test_capitals_apertium_gives_rightly_are_left_as_it_wrote_them():
    sentences = ["The mayor said the cameras stay.",   # translated opening: "El alcalde"
                 "Reuters reported the ruling.",        # a name Apertium knows
                 "Rangers host Rapid Vienna today.",    # a name transfer moved up
                 "The court, Koroteev said, was wrong."]
    assert translate("en", "es", sentences) == [raw_apertium("eng-spa", s) for s in sentences]
    english = ["Koroteev ruso dijo algo."]  # English writes "Russian" with its capital
    assert translate("es", "en", english) == [raw_apertium("spa-eng", english[0])]


@needs_apertium
def test_the_target_languages_own_analyser_says_which_words_are_written_lower():
    spanish = LowerCaseWords.for_mode(installed_modes()[("en", "es")])
    english = LowerCaseWords.for_mode(installed_modes()[("es", "en")])
    try:
        assert spanish.answers(["También", "Dijo", "Viena", "Moscú", "Xyzzy"]) == {
            "También": True, "Dijo": True, "Viena": False, "Moscú": False, "Xyzzy": False}
        assert english.answers(["Did", "Also", "Russian", "November"]) == {
            "Did": True, "Also": True, "Russian": False, "November": False}
    finally:
        spanish.close()
        english.close()


def test_without_an_analyser_no_capital_changes():
    dead = LowerCaseWords(["sh", "-c", "exit 0"])  # ends before it answers
    assert mend_all(["Koroteev said it."], ["Koroteev Lo dijo."], dead) == ["Koroteev Lo dijo."]
    assert mend_all(["Koroteev said it."], ["Koroteev Lo dijo."]) == ["Koroteev Lo dijo."]


def test_the_word_that_may_hold_a_leaked_capital():
    def leak(source: str, output: str) -> str | None:
        found = leaked_capital(source, output)
        return found[0] if found else None

    assert leak("Koroteev said it.", "Koroteev Lo dijo.") == "Lo"
    assert leak('"Koroteev said it," she wrote.', '"Koroteev Lo dijo," escribió.') == "Lo"
    assert leak("<g1>Popova</g1> said it", "<g1>Popova</g1> Lo dijo") == "Lo"
    # two copied words, the second lower-case but unknown to Apertium
    assert leak("Hazard outran the defence", "Hazard outran La defensa") == "La"
    assert leak("<x1/> and <x2/>", "<x1/> Y <x2/>") == "Y"                    # one letter
    assert leak("<x1/> (to clone it)", "<x1/> (Para clonarlo)") == "Para"     # a bracket
    assert leak("Moscow said it", "Moscú lo dijo") is None                   # nothing copied
    assert leak("Koroteev Sergeyevich said it", "Koroteev Sergeyevich dijo") is None
    assert leak("Koroteev meets NATO", "Koroteev OTAN reunida") is None      # not title case
    assert leak("Koroteev, who met Navalny", "Koroteev, Navalny") is None    # in the source
    assert leak("Koroteev", "Koroteev") is None                              # nothing follows
    assert leak("Koroteev Said it", "Koroteev Dijo") is None                 # source capital
    assert written_lower("^también/también<adv>$")
    assert not written_lower("^viena/*viena$")
    assert not written_lower("^rosa/rosa<n><f><sg>/Rosa<np><ant><f><sg>$")
    assert not written_lower("")


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
    ("It was a rule they broke.", "Era una regla  rompieron .", "Era una regla rompieron."),
    ('The "rule they broke" stands.', 'La "regla rompieron " está.', 'La "regla rompieron" está.'),
    ("Where is it?", "¿ Dónde es?", "¿Dónde es?"),
    ("They said (it was late) so.", "Dijeron ( era tarde) tan.", "Dijeron (era tarde) tan."),
])
def test_blanks_the_source_does_not_have_are_closed_up(source, output, mended):
    assert mend_all([source], [output]) == [mended]


@pytest.mark.parametrize(("source", "output"), [
    ("Prices rose 5 % , they said .", "Los precios subieron 5 % , dijeron ."),  # source has them
    ('He said " no " twice.', 'Dijo " no " dos veces.'),
    ('His "ultimate ambition" is clear.', 'Su" ultimate "ambición es clara.'),  # quotes astray
    ("'Tis the season", "' Tis la temporada"),  # the apostrophe is left alone
])
def test_blanks_the_source_has_or_that_cannot_be_placed_are_kept(source, output):
    assert mend_all([source], [output]) == [output]


@needs_apertium
def test_spanish_questions_open_with_the_mark_apertium_never_writes():
    sentences = ["Why did the court reject the lawsuit?",
                 'She asked: "Will the cameras stay?"',
                 "The court rejected it."]
    raw = [raw_apertium("eng-spa", s) for s in sentences]
    assert not any("¿" in r for r in raw)
    ours = translate("en", "es", sentences)
    assert ours[0].startswith("¿") and ours[0].endswith("?")
    assert '"¿' in ours[1]
    assert ours[2] == raw[2]
    assert [o.replace("¿", "").replace(" ", "") for o in ours] == [
        r.replace(" ", "") for r in raw]  # nothing else changed
    assert translate("es", "en", ["¿Por qué la corte rechazó la demanda?"])[0][0] != "¿"


@pytest.mark.parametrize(("source", "output", "mended"), [
    ("Why not?", "Por qué no?", "¿Por qué no?"),
    ("What's innate?", "Qué es innato?", "¿Qué es innato?"),
    ('He said: "Are you coming?"', 'Dijo: "Estás viniendo?"', 'Dijo: "¿Estás viniendo?"'),
    ('"Do you think so?', '" Piensas tan?', '" ¿Piensas tan?'),
    ("So where is it now?", "Así que dónde es ahora?", "Así que dónde es ahora?"),  # inside
    ("He asked why.", "Preguntó por qué.", "Preguntó por qué."),  # no question mark
    ("Why?", "¿Por qué?", "¿Por qué?"),  # already opened
])
def test_where_the_opening_question_mark_goes(source, output, mended):
    assert open_question(source, output) == mended


@needs_apertium
@pytest.mark.parametrize(("source", "target", "mode", "sentence"), [
    ("en", "es", "eng-spa", "He was staying in the team hotel."),
    ("en", "es", "eng-spa", "There were no delays on the beltway."),
])
def test_a_sentence_keeps_its_opening_capital_when_transfer_drops_the_word_that_held_it(
        source, target, mode, sentence):
    raw = raw_apertium(mode, sentence)
    assert raw[0].islower()  # what Apertium itself writes
    [ours] = translate(source, target, [sentence])
    assert ours == raw[0].upper() + raw[1:]


@pytest.mark.parametrize(("source", "output"), [
    ("maybe you will find it", "quizás lo encontrarás"),  # the source opens in lower case
    ("3 people were hurt", "3 personas"),                  # a number before the first word
    ("<g1>He</g1> was there", "<g1>estaba</g1> allí"),     # an inline code before it
    ("iPhone sales fell", "iPhone ventas cayeron"),
])
def test_an_opening_in_lower_case_is_kept_where_the_source_does_not_open_with_a_capital(
        source, output):
    assert mend_all([source], [output]) == [output]


@needs_apertium
@pytest.mark.parametrize(("source", "target", "mode", "sentence", "copied", "mended"), [
    ("en", "es", "eng-spa", "We voted for NATO membership.", "DE LA OTAN", "de la OTAN"),
    ("es", "en", "spa-eng", "Gracias a la ayuda de la ciudad, ganamos.", "THANKS TO",
     "Thanks to"),
    ("es", "en", "spa-eng", "Pese a ello, ganó.", "IN SPITE OF", "In spite of"),
])
def test_capitals_transfer_copied_onto_the_words_it_made_are_lowered(
        source, target, mode, sentence, copied, mended):
    assert copied in raw_apertium(mode, sentence)  # what Apertium itself writes
    [ours] = translate(source, target, [sentence])
    assert mended in ours and copied not in ours


@pytest.mark.parametrize(("source", "output", "spanish"), [
    ("Senior UN officials met.", "ONU sénior oficiales se reunieron.", True),  # an acronym
    ("China's GDP grew.", "PIB de China creció.", True),
    ("Polonia trabaja con la ESA.", "Poland works with the THAT.", False),  # alone in capitals
    ("He said OK to the EU.", "Dijo OK a la UE.", True),
])
def test_acronyms_and_capitals_the_source_explains_are_kept(source, output, spanish):
    assert mend_all([source], [output], spanish=spanish) == [output]


@needs_apertium
def test_a_name_apertium_knows_in_two_cases_is_written_once_as_the_source_does():
    sentence = "His film is on YouTube now."
    assert "YouTube/Youtube" in raw_apertium("eng-spa", sentence)
    [ours] = translate("en", "es", [sentence])
    assert "YouTube" in ours and "/" not in ours


@pytest.mark.parametrize(("source", "output"), [
    ("HIV/Aids cases rose.", "VIH/Sida casos subieron."),   # the source's own slash
    ("An and/or question.", "Una y/o cuestión."),
])
def test_other_slashes_are_left_as_they_are(source, output):
    assert mend_all([source], [output], spanish=True) == [output]
