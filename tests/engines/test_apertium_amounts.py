"""Amounts through Apertium: never a "billón" (10^12) for 10^9, Spanish digits in English."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, translate
from translator.engines.apertium_amounts import english_digits, spanish_billions, spelled_out


def test_abbreviated_and_close_up_amounts_are_spelled_out():
    assert spelled_out("€3.1billion ($3.6bn), £30m and 5 tn.") == \
        "€3.1 billion ($3.6 billion), £30m and 5 trillion."
    assert spelled_out("The bn and tn alone, 2bnx and Brown stay.") == \
        "The bn and tn alone, 2bnx and Brown stay."


def test_billions_in_the_output_become_spanish_ones():
    assert spanish_billions("1.5 billion citizens", "1.5 miles de millones ciudadanos") == \
        "1.5 mil millones de ciudadanos"
    assert spanish_billions("2 billion in cash", "2 miles de millones en efectivo") == \
        "2 mil millones en efectivo"
    assert spanish_billions("2 billion after", "2 miles de millones después de") == \
        "2 mil millones después de"
    assert spanish_billions("2 billion of those", "2 miles de millones de los") == \
        "2 mil millones de los"
    assert spanish_billions("A billion people", "Un billón de personas") == \
        "Mil millones de personas"
    # a source of trillions keeps its "billón": that is what it means
    assert spanish_billions("a trillion dollars", "un billón de dólares") == "un billón de dólares"
    assert spanish_billions("$1 trillion", "$1 billones") == "$1 billón"
    assert spanish_billions("$11 trillion", "$11 billones") == "$11 billones"


@pytest.mark.slow
@needs_apertium
def test_amounts_in_real_apertium_output_keep_their_size():
    out = translate("en", "es", ["The company lost $2.8bn in three months.",
                           "Nearly a billion people live there.",
                           "It has 2.4 billion monthly users.",
                           "Sales reached €3.1billion last year.",
                           "They want a $3 trillion package."])
    assert "2.8 mil millones" in out[0] and "billones" not in out[0], out
    assert "mil millones de personas" in out[1] and "billón" not in out[1], out
    assert "2.4 mil millones de usuarios" in out[2], out
    assert "3.1 mil millones" in out[3], out
    assert "3 billones" in out[4], out  # a trillion is a billón


def test_numbers_spanish_writes_one_way_only_are_written_the_english_way():
    source = ("Hay 170.000 cámaras, 3,5 millones, 1.234.567 viajes, 1.234,5 km, 0,75 y "
              "3,1416; 1,500 euros; a las 10.30; v1.2.3")
    copied = ("There are 170.000 cameras, 3,5 million, 1.234.567 trips, 1.234,5 km, 0,75 and "
              "3,1416; 1,500 euros; at 10.30; v1.2.3")
    assert english_digits(source, copied) == (
        "There are 170,000 cameras, 3.5 million, 1,234,567 trips, 1,234.5 km, 0.75 and "
        "3.1416; 1,500 euros; at 10.30; v1.2.3")
    # only what the translation copied from its source: its own numbers stay
    assert english_digits("Son 3,5 litros.", "It is 2,5 litres and 3,5 more.") == \
        "It is 2,5 litres and 3.5 more."


@pytest.mark.slow
@needs_apertium
def test_real_apertium_english_has_english_digits():
    out = translate("es", "en", ["Hay 170.000 cámaras y 3,5 millones de pasajeros."])[0]
    assert "170,000" in out and "3.5 million" in out, out
