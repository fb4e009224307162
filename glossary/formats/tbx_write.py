"""TBX export: TBX-Basic 3 (``--format tbx``, the default for .tbx) or TBX 2 (``tbx2``).

Both carry every field ``glossary.formats.tbx`` reads back. They differ in
layout and in how the two statuses other tools act on are said:

* TBX-Basic 3 has no "forbidden" status: a forbidden term is deprecated plus
  ``termNote type="usageNote"`` "forbidden", which also carries the
  case-sensitive and do-not-translate flags.
* TBX 2 is written for translate-toolkit and Weblate: a forbidden term's
  administrativeStatus is ``forbidden`` (Weblate's "forbidden translation"), a
  do-not-translate term has ``descrip type="Translation needed"`` "No" (Weblate's
  "untranslatable term", translate-toolkit's ``istranslatable``); the usageNote
  keeps triglot's flags so the round trip is exact.
"""

from __future__ import annotations

from pathlib import Path

from glossary.formats.tbx import BASIC3, NS, STATUS_TO_TBX, TBX2, XML_LANG, Dialect
from glossary.model import Concept, GlossaryError, Term, check_concept_id
from translator.core.atomic import atomic_open
from translator.core.i18n import _


def write_tbx(path: Path, concepts: list[Concept], kind: str = "tbx") -> None:
    """Write ``concepts`` as TBX-Basic 3 (``kind`` "tbx") or TBX 2 ("tbx2"), atomically.

    Entry by entry: the file is never held in memory as one tree, so exporting
    50,000 concepts costs what one entry costs (each TBX-Basic entry repeats the
    default namespace declaration, which XML allows).
    """
    from lxml import etree

    dialect = TBX2 if kind == "tbx2" else BASIC3
    if dialect is TBX2:
        start, end = '<martif type="TBX" xml:lang="en">', "</martif>"
        header = "<martifHeader>{}</martifHeader>"
    else:
        start = f'<tbx xmlns="{NS}" type="TBX-Basic" style="dca" xml:lang="en">'
        end, header = "</tbx>", "<tbxHeader>{}</tbxHeader>"
    description = "<fileDesc><sourceDesc><p>triglot glossary</p></sourceDesc></fileDesc>"
    with atomic_open(path, "wb", encoding=None) as handle:
        handle.write(("<?xml version='1.0' encoding='UTF-8'?>\n" + start + "\n"
                      + header.format(description) + "\n<text>\n<body>\n").encode())
        for concept in concepts:
            handle.write(etree.tostring(_entry(concept, dialect), encoding="UTF-8",
                                        pretty_print=True))
        handle.write(("</body>\n</text>\n" + end + "\n").encode())


def _entry(concept: Concept, dialect: Dialect):
    from lxml import etree

    q, sub = dialect.q, etree.SubElement
    entry = etree.Element(q(dialect.entry), id=_xml_id(concept.id or ""),
                          nsmap=None if dialect is TBX2 else {None: NS})
    _write_concept_fields(entry, concept, dialect)
    for lang in dict.fromkeys(t.lang for t in concept.terms):
        sec_lang = sub(entry, q(dialect.lang_sec))
        sec_lang.set(XML_LANG, lang)
        for term in concept.terms_in(lang):
            _write_term(sub(sec_lang, q(dialect.term_sec)), term, dialect)
    return entry


def _write_concept_fields(entry, concept: Concept, dialect: Dialect) -> None:
    from lxml import etree

    q, sub = dialect.q, etree.SubElement
    if concept.subject:
        sub(entry, q("descrip"), type="subjectField").text = concept.subject
    if concept.definition:
        sub(entry, q("descrip"), type="definition").text = concept.definition
    if concept.note:
        sub(entry, q("note")).text = concept.note
    if not concept.approved:
        for kind, value in (("reviewStatus", concept.review),
                            ("occurrences", str(concept.occurrences)),
                            ("context", concept.context)):
            if value:
                sub(entry, q("admin"), type=kind).text = value
    _write_dates(entry, concept.created, concept.updated, dialect)


def _write_term(sec, term: Term, dialect: Dialect) -> None:
    from lxml import etree

    q, sub = dialect.q, etree.SubElement
    sub(sec, q("term")).text = term.text
    status = "forbidden" if dialect is TBX2 and term.status == "forbidden" \
        else STATUS_TO_TBX[term.status]
    sub(sec, q("termNote"), type="administrativeStatus").text = status
    if term.pos:
        sub(sec, q("termNote"), type="partOfSpeech").text = term.pos
    flags = (["forbidden"] if term.status == "forbidden" else []) + term.flags()
    if flags:
        sub(sec, q("termNote"), type="usageNote").text = ", ".join(flags)
    if term.dnt and dialect is TBX2:
        sub(sec, q("descrip"), type="Translation needed").text = "No"
    if term.note:
        sub(sec, q("note")).text = term.note
    if term.source:
        sub(sec, q("admin"), type="source").text = term.source
    _write_dates(sec, term.created, term.updated, dialect)


def _write_dates(parent, created: str, updated: str, dialect: Dialect) -> None:
    from lxml import etree

    q = dialect.q
    for kind, date in (("origination", created), ("modification", updated)):
        if date:
            group = etree.SubElement(parent, q("transacGrp"))
            etree.SubElement(group, q("transac"), type="transactionType").text = kind
            etree.SubElement(group, q("date")).text = date


def _xml_id(cid: str) -> str:
    """conceptEntry/@id must be an XML name: ids from other tools may start with a digit,
    and an id stored before ids were checked ("a b", "../x") is refused, not written
    into a file other tools reject."""
    if not cid:
        raise GlossaryError(_("a concept without an id cannot be exported to TBX"))
    check_concept_id(cid)
    return cid if cid[0].isalpha() else f"c{cid}"
