"""TBX-Basic (ISO 30042:2019, DCA style) import and export with lxml.

Layout: ``tbx[@type="TBX-Basic"][@style="dca"]/text/body/conceptEntry[@id]/
langSec[@xml:lang]/termSec/term``. Per term: ``termNote`` administrativeStatus
(preferred/admitted/deprecated/superseded ``...Term-admn-sts``) and
partOfSpeech; ``note``; ``admin type="source"``; ``transacGrp`` for the
creation and modification dates. TBX has no "forbidden" status: a forbidden term
is written as deprecated plus ``termNote type="usageNote"`` "forbidden", which
also carries the case-sensitive and do-not-translate flags.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from glossary.model import REVIEW_STATES, Concept, GlossaryError, Term, check_lang
from translator.core.atomic import write_bytes_atomic

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                 "deprecated": "deprecatedTerm-admn-sts", "superseded": "supersededTerm-admn-sts",
                 "forbidden": "deprecatedTerm-admn-sts"}
TBX_TO_STATUS = {v: k for k, v in STATUS_TO_TBX.items() if k != "forbidden"}
USAGE_FLAGS = ("forbidden", "case-sensitive", "do-not-translate", "proposed")
#: Concept-level ``admin`` types for triglot's review state of a proposed concept.
REVIEW_ADMIN = ("reviewStatus", "occurrences", "context")


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


# -- reading -------------------------------------------------------------------------

def read_tbx(path: Path) -> list[Concept]:
    """Concepts from a TBX-Basic DCA file; any structural problem names its line."""
    from lxml import etree

    from glossary.formats.files import read_bytes

    data = read_bytes(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else "?")
        raise GlossaryError(f"line {line}: malformed XML: {exc.msg}", path) from exc
    _refuse_entities(root, data, path)
    local = etree.QName(root).localname
    if local == "martif":
        raise GlossaryError("line 1: TBX 2 (martif/termEntry) layout; triglot reads TBX-Basic"
                            " 3 (tbx/conceptEntry, ISO 30042:2019)", path)
    if local != "tbx" or etree.QName(root).namespace != NS:
        raise GlossaryError(f"line {root.sourceline}: not TBX: root element is <{root.tag}>,"
                            f" expected <tbx xmlns=\"{NS}\">", path)
    if root.get("type") != "TBX-Basic" or root.get("style") != "dca":
        raise GlossaryError(f"line {root.sourceline}: <tbx type=\"{root.get('type')}\" "
                            f"style=\"{root.get('style')}\">: expected type=\"TBX-Basic\" "
                            "style=\"dca\"", path)
    body = root.find(f"{_q('text')}/{_q('body')}")
    if body is None:
        raise GlossaryError(f"line {root.sourceline}: <tbx> has no text/body", path)
    concepts = []
    for entry in body:
        if not isinstance(entry.tag, str):
            continue
        if entry.tag != _q("conceptEntry"):
            raise GlossaryError(f"line {entry.sourceline}: unexpected <{_local(entry)}> in "
                                "<body>, expected <conceptEntry>", path)
        concepts.append(_read_concept(entry, path))
    return concepts


def _refuse_entities(root, data: bytes, path: Path) -> None:
    """A DOCTYPE declaring entities is refused: TBX needs none, and unresolved ones were
    imported as literal ``&name;`` terms (resolved ones are XXE / "billion laughs")."""
    dtd = root.getroottree().docinfo.internalDTD
    names = [entity.name for entity in dtd.iterentities()] if dtd is not None else []
    if names or b"<!ENTITY" in data:
        at = data.find(b"<!ENTITY")
        line = data[:at].count(b"\n") + 1 if at != -1 else 1
        shown = f" ({', '.join(names)})" if names else ""
        raise GlossaryError(f"line {line}: the DOCTYPE declares entities{shown}; TBX files "
                            "must not declare entities, remove the DOCTYPE", path)


def _local(element) -> str:
    from lxml import etree

    return etree.QName(element).localname


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _fail(element, message: str, path: Path) -> GlossaryError:
    return GlossaryError(f"line {element.sourceline}: <{_local(element)}>: {message}", path)


def _read_dates(element, target, path: Path) -> None:
    kind = date = None
    for child in element:
        name = _local(child)
        if name == "transac" and child.get("type") == "transactionType":
            kind = _text(child)
        elif name == "date":
            date = _text(child)
    if kind not in ("origination", "modification") or not date:
        raise _fail(element, "expected a transactionType origination or modification and a"
                    " date", path)
    setattr(target, "created" if kind == "origination" else "updated", date)


def _read_concept(entry, path: Path) -> Concept:
    cid = (entry.get("id") or "").strip()
    if not cid:
        raise _fail(entry, "missing id attribute", path)
    concept = Concept(cid, origin=f"line {entry.sourceline} (conceptEntry {cid})")
    for child in entry:
        if not isinstance(child.tag, str):
            continue
        name = _local(child)
        if name == "descrip" and child.get("type") in ("subjectField", "definition"):
            field = "subject" if child.get("type") == "subjectField" else "definition"
            setattr(concept, field, _text(child))
        elif name == "note":
            concept.note = _text(child)
        elif name == "transacGrp":
            _read_dates(child, concept, path)
        elif name == "admin" and child.get("type") in REVIEW_ADMIN:
            _read_review(child, concept, path)
        elif name == "langSec":
            lang_code = child.get(XML_LANG)
            if not lang_code:
                raise _fail(child, "missing xml:lang", path)
            try:
                lang = check_lang(lang_code.split("-")[0])
            except GlossaryError as exc:
                raise _fail(child, exc.message, path) from exc
            for sec in child:
                if not isinstance(sec.tag, str):
                    continue
                if _local(sec) == "termSec":
                    concept.terms.append(_read_term(sec, lang, path))
                elif _local(sec) == "descrip" and sec.get("type") == "definition":
                    concept.definition = concept.definition or _text(sec)
                elif _local(sec) not in ("note", "descrip", "admin", "transacGrp", "xref", "ref"):
                    raise _fail(sec, "unexpected element in <langSec>", path)
        elif name not in ("descrip", "admin", "xref", "ref", "descripGrp", "adminGrp"):
            raise _fail(child, "unexpected element in <conceptEntry>", path)
    if not concept.terms:
        raise _fail(entry, f"concept '{cid}' has no terms", path)
    return concept


def _read_review(element, concept: Concept, path: Path) -> None:
    """triglot's review state: ``admin`` reviewStatus (proposed, rejected), occurrences,
    context."""
    kind, value = element.get("type"), _text(element)
    if kind == "reviewStatus":
        if value not in REVIEW_STATES:
            raise _fail(element, f"reviewStatus '{value}': use {', '.join(REVIEW_STATES)}",
                        path)
        concept.review = value
    elif kind == "occurrences":
        if not value.isdigit():
            raise _fail(element, f"occurrences '{value}' is not a number", path)
        concept.occurrences = int(value)
    else:
        concept.context = value


def _read_term(sec, lang: str, path: Path) -> Term:
    fields: dict = {"lang": lang}
    flags: set[str] = set()
    dated = SimpleNamespace(created="", updated="")
    term_element = None
    for child in sec:
        if not isinstance(child.tag, str):
            continue
        name, kind = _local(child), child.get("type")
        if name == "term":
            term_element = child
            fields["text"] = _text(child)
        elif name == "termNote" and kind == "administrativeStatus":
            value = _text(child)
            if value not in TBX_TO_STATUS:
                raise _fail(child, f"unknown administrativeStatus '{value}' (use "
                            f"{', '.join(TBX_TO_STATUS)})", path)
            fields["status"] = TBX_TO_STATUS[value]
        elif name == "termNote" and kind == "partOfSpeech":
            fields["pos"] = _text(child)
        elif name == "termNote" and kind == "usageNote":
            for flag in filter(None, (f.strip() for f in _text(child).split(","))):
                if flag not in USAGE_FLAGS:
                    raise _fail(child, f"unknown usageNote flag '{flag}'", path)
                flags.add(flag)
        elif name == "note":
            fields["note"] = _text(child)
        elif name == "admin" and kind == "source":
            fields["source"] = _text(child)
        elif name == "transacGrp":
            _read_dates(child, dated, path)
    if term_element is None:
        raise _fail(sec, "no <term>", path)
    if not fields.get("text"):
        raise _fail(term_element, "empty term", path)
    if "forbidden" in flags:
        if fields.get("status", "preferred") != "deprecated":
            raise _fail(sec, "usageNote 'forbidden' needs administrativeStatus "
                        "deprecatedTerm-admn-sts", path)
        fields["status"] = "forbidden"
    try:
        return Term(**fields, case_sensitive="case-sensitive" in flags,
                    dnt="do-not-translate" in flags, created=dated.created, updated=dated.updated,
                    proposed="proposed" in flags)
    except GlossaryError as exc:
        raise _fail(sec, exc.message, path) from exc


# -- writing -------------------------------------------------------------------------

def write_tbx(path: Path, concepts: list[Concept]) -> None:
    """Write ``concepts`` as TBX-Basic DCA, atomically."""
    from lxml import etree

    E = etree.Element
    root = E(_q("tbx"), nsmap={None: NS}, type="TBX-Basic", style="dca")
    root.set(XML_LANG, "en")
    header = etree.SubElement(root, _q("tbxHeader"))
    desc = etree.SubElement(etree.SubElement(header, _q("fileDesc")), _q("sourceDesc"))
    etree.SubElement(desc, _q("p")).text = "triglot glossary"
    body = etree.SubElement(etree.SubElement(root, _q("text")), _q("body"))
    for concept in concepts:
        entry = etree.SubElement(body, _q("conceptEntry"), id=_xml_id(concept.id or ""))
        if concept.subject:
            etree.SubElement(entry, _q("descrip"), type="subjectField").text = concept.subject
        if concept.definition:
            etree.SubElement(entry, _q("descrip"), type="definition").text = concept.definition
        if concept.note:
            etree.SubElement(entry, _q("note")).text = concept.note
        if not concept.approved:
            for kind, value in (("reviewStatus", concept.review),
                                ("occurrences", str(concept.occurrences)),
                                ("context", concept.context)):
                if value:
                    etree.SubElement(entry, _q("admin"), type=kind).text = value
        _write_dates(entry, concept.created, concept.updated)
        for lang in dict.fromkeys(t.lang for t in concept.terms):
            terms = concept.terms_in(lang)
            if not terms:
                continue
            sec_lang = etree.SubElement(entry, _q("langSec"))
            sec_lang.set(XML_LANG, lang)
            for term in terms:
                sec = etree.SubElement(sec_lang, _q("termSec"))
                etree.SubElement(sec, _q("term")).text = term.text
                etree.SubElement(sec, _q("termNote"), type="administrativeStatus").text = \
                    STATUS_TO_TBX[term.status]
                if term.pos:
                    etree.SubElement(sec, _q("termNote"), type="partOfSpeech").text = term.pos
                flags = (["forbidden"] if term.status == "forbidden" else []) + term.flags()
                if flags:
                    etree.SubElement(sec, _q("termNote"), type="usageNote").text = ", ".join(flags)
                if term.note:
                    etree.SubElement(sec, _q("note")).text = term.note
                if term.source:
                    etree.SubElement(sec, _q("admin"), type="source").text = term.source
                _write_dates(sec, term.created, term.updated)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    write_bytes_atomic(path, data)


def _write_dates(parent, created: str, updated: str) -> None:
    from lxml import etree

    for kind, date in (("origination", created), ("modification", updated)):
        if date:
            group = etree.SubElement(parent, _q("transacGrp"))
            etree.SubElement(group, _q("transac"), type="transactionType").text = kind
            etree.SubElement(group, _q("date")).text = date


def _xml_id(cid: str) -> str:
    """conceptEntry/@id must be an XML name: ids from other tools may start with a digit."""
    if not cid:
        raise GlossaryError("a concept without an id cannot be exported to TBX")
    return cid if (cid[0].isalpha() or cid[0] == "_") else f"c{cid}"
