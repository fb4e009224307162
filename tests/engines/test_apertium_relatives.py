"""English "when" and "who", which Apertium writes as questions ("cuándo", "quién")."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, translate
from translator.engines.apertium_relatives import spanish_relatives


def test_when_and_who_of_a_clause_lose_their_accent():
    assert spanish_relatives("It rained when he arrived. When he left, it stopped.",
                             "Llovió cuándo llegó. Cuándo dejó, paró.") == \
        "Llovió cuando llegó. Cuando dejó, paró."
    # "que" in a clause that says which one, "quien" after a comma or a preposition
    assert spanish_relatives(
        "The people who voted said Trump, who spoke, and those with whom he met, who knew.",
        "Las personas quiénes votaron dijeron Triunfo, quién habló, y aquellos con quienes "
        "se encontró, quiénes supieron.") == \
        "Las personas que votaron dijeron Triunfo, quien habló, y aquellos con quienes se " \
        "encontró, quienes supieron."
    # a cleft sentence: "It was Sterling who gave" is "Fue Sterling quien dio"
    assert spanish_relatives("It was Sterling who gave it.", "Era Sterling quién lo dio.") == \
        "Era Sterling quien lo dio."


def test_questions_keep_their_accent():
    kept = [("When will it end?", "¿Cuándo acaba?"), ("Who knows?", "¿Quién sabe?"),
            ("He asked who had called.", "Pidió quién había llamado."),
            ("He did not say when he would leave.", "No dijo cuándo dejaría."),
            ("She knows who to call.", "Sabe quién para llamar.")]
    for source, output in kept:
        assert spanish_relatives(source, output) == output
    # a question and a clause in one sentence: each keeps what it is
    assert spanish_relatives("He asked who called when it rained.",
                             "Pidió quién llamó cuándo llovió.") == \
        "Pidió quién llamó cuando llovió."


def test_when_counts_differ_only_a_source_without_questions_changes():
    # two "who" in the source, one "quién" in the output: changed, as neither asks
    assert spanish_relatives("The man who came and the woman who left.",
                             "El hombre quién vino y la mujer que dejó.") == \
        "El hombre que vino y la mujer que dejó."
    # one asks: nothing can be matched for sure, so nothing changes
    output = "Sabe quién vino y la mujer que dejó."
    assert spanish_relatives("He knows who came and the woman who left.", output) == output


@pytest.mark.slow
@needs_apertium
def test_real_apertium_writes_clauses_without_the_accent_of_questions():
    out = translate("en", "es", ["It rained when the protesters arrived.",
                                 "The man who filmed the arrest was fined.",
                                 "Popova, who sued the city, lost.",
                                 "She asked who had taken the photos."])
    assert "cuando" in out[0] and "cuándo" not in out[0], out
    assert " que " in out[1] and "quién" not in out[1], out
    assert "Popova, quien" in out[2], out
    assert "quién" in out[3], out
