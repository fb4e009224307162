"""TBX files declaring entities: refused in one line, never imported as terms.

A ``<!DOCTYPE tbx [<!ENTITY xxe "...">]>`` with ``&xxe;`` as a term used to
import the literal ``&xxe;`` (entities are not resolved, so no XXE), exit 0.
"""

from __future__ import annotations

import pytest

from glossary.formats import read_glossary
from glossary.model import GlossaryError
from tests.conftest import run_cli
from tests.robustness.conftest import one_line

BODY = ('<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
        '<tbxHeader/><text><body>\n<conceptEntry id="c1"><langSec xml:lang="en"><termSec>'
        "<term>&xxe;</term></termSec></langSec></conceptEntry>\n</body></text></tbx>\n")
DOCTYPES = {
    "internal": '<!DOCTYPE tbx [\n<!ENTITY xxe "court">\n]>\n',
    "external": '<!DOCTYPE tbx [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n',
    "parameter": '<!DOCTYPE tbx [\n<!ENTITY % p "x">\n<!ENTITY xxe "court">\n]>\n',
}


@pytest.mark.parametrize("kind", sorted(DOCTYPES))
def test_entity_declarations_are_refused(tmp_path, kind):
    path = tmp_path / "g.tbx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + DOCTYPES[kind] + BODY,
                    encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"line [23]: the DOCTYPE declares entities"):
        read_glossary(path)


def test_utf16_entity_declaration_is_refused_too(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_bytes(('<?xml version="1.0" encoding="UTF-16"?>\n' + DOCTYPES["internal"]
                      + BODY).encode("utf-16"))
    with pytest.raises(GlossaryError, match=r"declares entities \(xxe\)"):
        read_glossary(path)


def test_import_says_one_line_and_imports_nothing(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text(DOCTYPES["internal"] + BODY, encoding="utf-8")
    db = tmp_path / "g.db"
    result = run_cli("glossary", "import", "-g", str(db), str(path))
    assert result.returncode != 0
    line = one_line(result.stderr)
    assert "DOCTYPE declares entities" in line
    assert result.stdout == ""
    assert not db.exists() or "c1" not in run_cli("glossary", "list", "-g", str(db)).stdout
