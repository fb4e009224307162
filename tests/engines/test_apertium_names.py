"""People's surnames Apertium would translate as words ("Trump": "Triunfo")."""

from __future__ import annotations

import pytest

from tests.engines.apertium_runs import needs_apertium, translate
from translator.engines.apertium_names import names_marked

FIRST = {"Donald": "Donald<np><ant><m><sg>", "Theresa": "Theresa<np><ant><f><sg>",
         "John": "John<np><ant><m><sg>", "Idaho": "Idaho<np><ant><m><sg>",
         "Paris": "Paris<np><loc><sg>/Paris<np><ant><f><sg>",
         "Enrique": "Enrique<np><ant><m><sg>"}
WORDS = {"Trump": "Trump<n><sg>/Trump<vblex><inf>", "May": "May<n><sg>/May<vaux><inf>",
         "Smith": "Smith<n><sg>/Smith<np><cog><sg>", "Street": "Street<n><sg>",
         "Land": "Land<n><sg>/Land<vblex><inf>", "Board": "Board<n><sg>",
         "Agreement": "Agreement<n><sg>", "Peña": "Peña<n><f><sg>", "Nieto": "Nieto<n><m><sg>",
         "English": "English<adj>/English<n><sg>", "Mr.": "Mr.<n><sg>",
         "said": "say<vblex><past>", "in": "in<pr>", "left": "leave<vblex><past>",
         "and": "and<cnjcoo>", "Will": "Will<vaux><inf>/Will<n><sg>"}


def analyses(text: str) -> str:
    """``text`` as lt-proc analyses it, from the readings above."""
    return " ".join(f"^{word}/{FIRST.get(word) or WORDS.get(word) or '*' + word}$"
                    for word in text.split())


def readings(stream: str) -> dict[int, str]:
    return {number: unit.split("/", 1)[1].rstrip("$")
            for number, unit in enumerate(stream.split(" "))}


def test_a_word_after_a_first_name_or_a_title_is_a_surname():
    marked = readings(names_marked(analyses("Donald Trump said Mr. Smith left"), "en"))
    assert marked[1] == "Trump<np><cog><sg>"  # no name reading: a surname's
    assert marked[4] == "Smith<np><cog><sg>"  # the analyser's own name reading, alone
    # "Enrique Peña Nieto": the second surname too
    marked = readings(names_marked(analyses("Enrique Peña Nieto said"), "es"))
    assert marked[1] == marked[2].replace("Nieto", "Peña") == "Peña<np><cog><mf><sg>"


def test_the_same_surname_elsewhere_but_not_the_month_or_the_adjective():
    marked = readings(names_marked(analyses("Theresa May and Donald Trump said Trump "
                                            "left in May"), "en"))
    assert marked[1] == "May<np><cog><sg>" and marked[6] == "Trump<np><cog><sg>"
    assert marked[9] == WORDS["May"]  # "in May" is the month
    marked = readings(names_marked(analyses("John English said English"), "en"))
    assert marked[1] == "English<np><cog><sg>" and marked[3] == WORDS["English"]


def test_names_of_places_and_bodies_are_left():
    for text in ("John Street", "Paris Agreement", "Idaho Land Board", "Theresa Will said"):
        assert names_marked(analyses(text), "en") == analyses(text), text


@pytest.mark.slow
@needs_apertium
def test_real_apertium_keeps_the_surnames_of_people():
    out = translate("en", "es", ["Donald Trump met Theresa May in May.",
                                 "Trump's plan was criticised by Mr. Smith."])
    assert "Donald Trump" in out[0] and "Theresa May" in out[0] and "mayo" in out[0], out
    assert "Trump" in out[1] and "Smith" in out[1] and "riunfo" not in out[1], out
    out = translate("es", "en", ["Pablo Casado y Pablo Iglesias hablaron con Enrique Peña "
                                 "Nieto."])
    assert "Pablo Casado" in out[0] and "Pablo Iglesias" in out[0], out
    assert "Peña Nieto" in out[0], out
