"""English past passives, which Apertium writes with "estar": an event takes "ser"."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, translate
from translator.engines.apertium_passives import event_passives


def test_a_past_passive_of_an_event_takes_ser():
    assert event_passives("He was arrested; the houses were destroyed and it was made here.",
                          "Estuvo arrestado; las casas estuvieron destruidas y estuvo hecho "
                          "aquí.") == \
        "Fue arrestado; las casas fueron destruidas y fue hecho aquí."
    # with its agent too: "was arrested by the police"
    assert event_passives("He was arrested by police.", "Estuvo arrestado por la policía.") == \
        "Fue arrestado por la policía."


def test_with_an_adverb_between_apertium_writes_era_and_an_event_takes_fue():
    assert event_passives("The man was later taken to hospital; suspects were then seen.",
                          "El hombre era más tarde llevado a hospital; los sospechosos eran "
                          "entonces vistos.") == \
        "El hombre fue más tarde llevado a hospital; los sospechosos fueron entonces vistos."
    # a state, or an adverb saying how much, stays; so does "era" before an adjective
    for output in ("Era también basado en Moscú.", "Eran perfectamente tituladas.",
                   "Era también feliz."):
        assert event_passives("It was also based, perfectly titled, also happy.", output) \
            == output


def test_a_state_keeps_estar():
    # a feeling, a place, a plan: Spanish says them with "estar"
    for source, output in [("He was worried about it.", "Estuvo preocupado por eso."),
                           ("The firm was based in Moscow.", "La firma estuvo basada en Moscú."),
                           ("The road was closed for hours.",
                            "La carretera estuvo cerrada para horas."),
                           ("The vote was expected to pass.",
                            "El voto estuvo esperado para pasar.")]:
        assert event_passives(source, output) == output
    # but with an agent it is an event: "the report was prepared by the ministry"
    assert event_passives("The report was prepared by the ministry.",
                          "El informe estuvo preparado por el ministerio.") == \
        "El informe fue preparado por el ministerio."


def test_only_the_past_of_be_before_a_participle_changes():
    kept = ["Estuvo en París.", "Estuvo allí dos días.", "Estuvo muerto.",
            "Un número de agentes estuvo estado dentro."]
    for output in kept:
        assert event_passives("He was there; officers were stood inside.", output) == output
    # no "was" or "were" in the source: the "estuvo" is not a passive's
    assert event_passives("He stayed, arrested.", "Estuvo arrestado.") == "Estuvo arrestado."


@pytest.mark.slow
@needs_apertium
def test_real_apertium_writes_events_with_ser_and_states_with_estar():
    out = translate("en", "es", ["A man was arrested on Tuesday.",
                                 "Hundreds of people were evacuated.",
                                 "She was worried about her son.",
                                 "The man was arrested by the police."])
    assert "fue arrestado" in out[0] and "estuvo" not in out[0], out
    assert "fueron evacuad" in out[1], out
    assert "estuvo preocupada" in out[2].lower(), out
    assert "fue arrestado por la policía" in out[3], out
