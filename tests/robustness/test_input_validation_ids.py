"""Concept ids: checked where a person or a file chooses them.

``glossary add --id '../../x'`` (or ``'with space'``, ``'a"b<c>'``) was stored,
and the TBX export then wrote ``id="c../../x"``, no XML id; a space also breaks
the ``[id]`` in PO glossary notes. Such ids are now refused in one line: on
``add``, on import, merge or read of a file (naming its line; an empty id is
still numbered cN), and on TBX export of an id stored before the check.
"""

from __future__ import annotations

import pytest

from glossary.editing import add_new_concept
from glossary.formats import read_glossary, write_glossary
from glossary.model import Concept, GlossaryError, Term
from glossary.store import Termbase
from tests.conftest import run_cli
from tests.robustness.conftest import listing, one_line

BAD_IDS = ["../../x", "with space", 'a"b<c>', "", "-lead", "[c1]", "a\nb", "ц12", "x" * 101]
GOOD_IDS = ["c12", "0012", "term-4", "EU.123", "a_b", "x" * 100]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_add_refuses_an_id_that_cannot_be_exported(tmp_path, bad):
    with Termbase.open(tmp_path / "g.db", create=True) as termbase:
        with pytest.raises(GlossaryError, match="invalid concept id") as caught:
            add_new_concept(termbase, Concept(bad, terms=[Term("en", "court")]))
        assert "\n" not in str(caught.value)
        assert len(termbase) == 0


def test_add_keeps_ids_other_tools_use_and_exports_them_as_xml_ids(tmp_path):
    with Termbase.open(tmp_path / "g.db", create=True) as termbase:
        for number, good in enumerate(GOOD_IDS):
            add_new_concept(termbase, Concept(good, terms=[Term("en", f"term {number}")]))
        concepts = termbase.concepts()
    write_glossary(tmp_path / "g.tbx", concepts)
    assert sorted(c.id for c in read_glossary(tmp_path / "g.tbx")) == sorted(
        f"c{good}" if good[0].isdigit() else good for good in GOOD_IDS)


def test_the_cli_refuses_it_in_one_line_and_creates_no_glossary(tmp_path):
    database = tmp_path / "g.db"
    done = run_cli("glossary", "add", "-g", str(database), "--en", "court", "--id", "../../x")
    assert done.returncode == 2
    assert "invalid concept id '../../x'" in one_line(done.stderr)
    assert listing(tmp_path) == []


@pytest.mark.parametrize("command", ["import", "merge"])
def test_a_file_with_such_an_id_is_refused_naming_its_line(tmp_path, command):
    table = tmp_path / "g.csv"
    table.write_text("id,en,es\nc1,court,tribunal\nwith space,lawyer,abogado\n",
                     encoding="utf-8")
    database = tmp_path / "db" / "g.db"
    database.parent.mkdir()
    done = run_cli("glossary", command, "-g", str(database), str(table))
    assert done.returncode == 2
    assert one_line(done.stderr).endswith("g.csv: line 3: invalid concept id 'with space': use "
                                          "letters, digits, '_', '-' or '.', starting with a "
                                          "letter or digit (at most 100)")
    assert listing(database.parent) == []


def test_a_tbx_entry_with_such_an_id_is_refused(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" '
        'style="dca" xml:lang="en"><tbxHeader/><text><body>\n<conceptEntry id="a/../b">'
        '<langSec xml:lang="en"><termSec><term>court</term></termSec></langSec>'
        "</conceptEntry>\n</body></text></tbx>\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"line 3 \(conceptEntry a/../b\): invalid concept"):
        read_glossary(path)


def test_a_file_without_ids_is_still_numbered(tmp_path):
    table = tmp_path / "g.csv"
    table.write_text("id,en\n,court\n,lawyer\n", encoding="utf-8")
    with Termbase.open(tmp_path / "g.db", create=True) as termbase:
        assert termbase.import_concepts(read_glossary(table), table) == ["c1", "c2"]


def test_an_id_stored_before_the_check_is_not_written_to_tbx(tmp_path):
    with Termbase.open(tmp_path / "g.db", create=True) as termbase:
        termbase.add_concept(Concept("../../x", terms=[Term("en", "court")]))  # as 0.x did
        concepts = termbase.concepts()
    with pytest.raises(GlossaryError, match=r"invalid concept id '\.\./\.\./x'"):
        write_glossary(tmp_path / "g.tbx", concepts)
    assert not (tmp_path / "g.tbx").exists()
