"""TBX import with lxml: TBX-Basic 3 (ISO 30042:2019, DCA style) and TBX 2 (``martif``).

TBX-Basic 3: ``tbx[@type="TBX-Basic"][@style="dca"]/text/body/conceptEntry[@id]/
langSec[@xml:lang]/termSec/term``. TBX 2, as translate-toolkit and Weblate
write it: ``martif/text/body/termEntry/langSet[@xml:lang]/tig/term``, the id
optional. The two are told apart by the root element and read by one walker.

Per term: ``termNote`` administrativeStatus (``preferredTerm-admn-sts`` and the
other TBX values, or Weblate's ``forbidden``/``obsolete``) and partOfSpeech;
``note``; ``admin type="source"``; ``transacGrp`` for the creation and
modification dates; ``termNote type="usageNote"`` with triglot's flags
(``forbidden, case-sensitive, do-not-translate, proposed``) or free text, kept as
a note. ``descrip type="Translation needed"`` "No" (Weblate's untranslatable
term) or ``termNote type="translationNote"`` "no" makes terms do-not-translate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from glossary.model import REVIEW_STATES, Concept, GlossaryError, Term, check_lang
from translator.core.i18n import _

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                 "deprecated": "deprecatedTerm-admn-sts", "superseded": "supersededTerm-admn-sts",
                 "forbidden": "deprecatedTerm-admn-sts"}
TBX_TO_STATUS = {v: k for k, v in STATUS_TO_TBX.items() if k != "forbidden"}
#: What other tools write: Weblate reads (and writes) forbidden and obsolete.
OTHER_STATUSES = {"forbidden": "forbidden", "obsolete": "deprecated", "preferred": "preferred",
                  "admitted": "admitted", "deprecated": "deprecated", "superseded": "superseded"}
USAGE_FLAGS = ("forbidden", "case-sensitive", "do-not-translate", "proposed")
#: Concept-level ``admin`` types for triglot's review state of a proposed concept.
REVIEW_ADMIN = ("reviewStatus", "occurrences", "context")


@dataclass(frozen=True)
class Dialect:
    """The element names of one TBX flavour."""

    ns: str | None
    entry: str
    lang_sec: str
    term_sec: str

    def q(self, name: str) -> str:
        return f"{{{self.ns}}}{name}" if self.ns else name


BASIC3 = Dialect(NS, "conceptEntry", "langSec", "termSec")
TBX2 = Dialect(None, "termEntry", "langSet", "tig")


# -- reading -------------------------------------------------------------------------

def read_tbx(path: Path) -> list[Concept]:
    """Concepts from a TBX-Basic 3 or TBX 2 file; any structural problem names its line."""
    from lxml import etree

    from glossary.formats.files import read_bytes

    data = read_bytes(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                             huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else "?")
        raise GlossaryError(_("line {line}: malformed XML: {error}").format(
            line=line, error=exc.msg), path) from exc
    _refuse_entities(root, data, path)
    dialect = _dialect(root, path)
    text = next((c for c in root if _local(c) == "text"), None)
    body = next((c for c in text if _local(c) == "body"), None) if text is not None else None
    if body is None:
        raise GlossaryError(_("line {line}: <{element}> has no text/body").format(
            line=root.sourceline, element=_local(root)), path)
    concepts = []
    for entry in body:
        if not isinstance(entry.tag, str):
            continue
        if _local(entry) != dialect.entry:
            raise GlossaryError(_("line {line}: unexpected <{element}> in <body>, expected "
                                  "<{expected}>").format(line=entry.sourceline,
                                                         element=_local(entry),
                                                         expected=dialect.entry), path)
        concepts.append(_read_concept(entry, dialect, path))
    return concepts


def _dialect(root, path: Path) -> Dialect:
    """TBX 2 by its ``martif`` root, TBX-Basic 3 by ``tbx`` in the ISO namespace."""
    from lxml import etree

    if _local(root) == "martif":
        return TBX2
    if _local(root) != "tbx" or etree.QName(root).namespace != NS:
        raise GlossaryError(_("line {line}: not TBX: root element is <{element}>, expected "
                              "<tbx xmlns=\"{namespace}\"> (TBX-Basic 3) or <martif> (TBX 2)"
                              ).format(line=root.sourceline, element=root.tag, namespace=NS),
                            path)
    if root.get("type") != "TBX-Basic" or root.get("style") != "dca":
        raise GlossaryError(_("line {line}: <tbx type=\"{type}\" style=\"{style}\">: "
                              "expected type=\"TBX-Basic\" style=\"dca\"").format(
                                  line=root.sourceline, type=root.get("type"),
                                  style=root.get("style")), path)
    return BASIC3


def _refuse_entities(root, data: bytes, path: Path) -> None:
    """Entities are refused (``translator.core.xml_entities``): unresolved ones were
    imported as literal ``&name;`` terms."""
    from translator.core.xml_entities import entities

    found = entities(root, data)
    if found is not None:
        names, line = found
        message = _("line {line}: the DOCTYPE declares entities ({names}); TBX files must "
                    "not declare entities, remove the DOCTYPE") if names else _(
            "line {line}: the DOCTYPE declares entities; TBX files must not declare "
            "entities, remove the DOCTYPE")
        raise GlossaryError(message.format(line=line, names=", ".join(names)), path)


def _local(element) -> str:
    from lxml import etree

    return etree.QName(element).localname


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _fail(element, message: str, path: Path) -> GlossaryError:
    return GlossaryError(_("line {line}: <{element}>: {message}").format(
        line=element.sourceline, element=_local(element), message=message), path)


def _joined(*notes: str) -> str:
    return "; ".join(note for note in notes if note)


def _untranslatable(element) -> bool:
    """Weblate's "untranslatable term": ``descrip type="Translation needed"`` No, or the
    older ``termNote type="translationNote"`` no."""
    return (_local(element), element.get("type")) in (
        ("descrip", "Translation needed"), ("termNote", "translationNote")) \
        and _text(element).lower() == "no"


def _read_dates(element, target, path: Path) -> None:
    kind = date = None
    for child in element:
        name = _local(child)
        if name == "transac" and child.get("type") == "transactionType":
            kind = _text(child)
        elif name == "date":
            date = _text(child)
    if kind not in ("origination", "modification") or not date:
        raise _fail(element, _("expected a transactionType origination or modification and "
                               "a date"), path)
    setattr(target, "created" if kind == "origination" else "updated", date)


def _read_concept(entry, dialect: Dialect, path: Path) -> Concept:
    cid = (entry.get("id") or "").strip()
    if not cid and dialect is BASIC3:
        raise _fail(entry, _("missing id attribute"), path)
    origin = _("line {line} ({element} {id})") if cid else _("line {line} ({element})")
    concept = Concept(cid or None, origin=origin.format(line=entry.sourceline,
                                                        element=dialect.entry, id=cid))
    untranslatable = any(_untranslatable(c) for c in entry if isinstance(c.tag, str))
    for child in entry:
        if not isinstance(child.tag, str) or _untranslatable(child):
            continue
        name, kind = _local(child), child.get("type")
        if name == "descrip" and kind == "subjectField":
            concept.subject = _text(child)
        elif name == "descrip" and kind in ("definition", None):
            concept.definition = _joined(concept.definition, _text(child))
        elif name == "note" or (name == "descrip" and kind == "Usage note"):
            concept.note = _joined(concept.note, _text(child))
        elif name == "transacGrp":
            _read_dates(child, concept, path)
        elif name == "admin" and kind in REVIEW_ADMIN:
            _read_review(child, concept, path)
        elif name == dialect.lang_sec:
            _read_language(child, concept, dialect, untranslatable, path)
        elif name not in ("descrip", "admin", "xref", "ref", "descripGrp", "adminGrp"):
            raise _fail(child, _("unexpected element in <{element}>").format(
                element=dialect.entry), path)
    if not concept.terms:
        raise _fail(entry, _("concept '{id}' has no terms").format(id=cid) if cid
                    else _("no terms"), path)
    return concept


def _read_language(section, concept: Concept, dialect: Dialect, untranslatable: bool,
                   path: Path) -> None:
    lang_code = section.get(XML_LANG)
    if not lang_code:
        raise _fail(section, _("missing xml:lang"), path)
    try:
        lang = check_lang(lang_code.split("-")[0].split("_")[0])
    except GlossaryError as exc:
        raise _fail(section, exc.message, path) from exc
    untranslatable = untranslatable or any(
        _untranslatable(c) for c in section if isinstance(c.tag, str))
    first = not concept.terms_in(lang)
    for sec in section:
        if not isinstance(sec.tag, str) or _untranslatable(sec):
            continue
        name = _local(sec)
        if name == dialect.term_sec:
            concept.terms.append(_read_term(sec, lang, untranslatable, first, path))
            first = False
        elif name == "descrip" and sec.get("type") == "definition":
            concept.definition = concept.definition or _text(sec)
        elif name == "note":  # e.g. Weblate's translation explanation
            concept.note = _joined(concept.note, _text(sec))
        elif name == "ntig":
            raise _fail(sec, _("not supported: use <tig>"), path)
        elif name not in ("descrip", "admin", "transacGrp", "xref", "ref", "descripGrp",
                          "adminGrp"):
            raise _fail(sec, _("unexpected element in <{element}>").format(
                element=dialect.lang_sec), path)


def _read_review(element, concept: Concept, path: Path) -> None:
    """triglot's review state: ``admin`` reviewStatus (proposed, rejected), occurrences,
    context."""
    kind, value = element.get("type"), _text(element)
    if kind == "reviewStatus":
        if value not in REVIEW_STATES:
            raise _fail(element, _("reviewStatus '{value}': use {choices}").format(
                value=value, choices=", ".join(REVIEW_STATES)), path)
        concept.review = value
    elif kind == "occurrences":
        if not value.isdigit():
            raise _fail(element, _("occurrences '{value}' is not a number").format(
                value=value), path)
        concept.occurrences = int(value)
    else:
        concept.context = value


def _status(element, path: Path) -> str:
    value = _text(element)
    status = TBX_TO_STATUS.get(value) or OTHER_STATUSES.get(value.lower())
    if status is None:
        raise _fail(element, _("unknown administrativeStatus '{value}' (use {choices})").format(
            value=value, choices=", ".join(TBX_TO_STATUS)), path)
    return status


def _read_term(sec, lang: str, untranslatable: bool, first: bool, path: Path) -> Term:
    """One term; without an administrativeStatus the first of its language is preferred,
    the others admitted (as in a table)."""
    fields: dict = {"lang": lang, "status": "preferred" if first else "admitted"}
    flags: set[str] = {"do-not-translate"} if untranslatable else set()
    notes: list[str] = []
    dated = SimpleNamespace(created="", updated="")
    term_element = None
    for child in sec:
        if not isinstance(child.tag, str):
            continue
        name, kind = _local(child), child.get("type")
        if _untranslatable(child):
            flags.add("do-not-translate")
        elif name == "term":
            term_element = child
            fields["text"] = _text(child)
        elif name == "termNote" and kind == "administrativeStatus":
            fields["status"] = _status(child, path)
        elif name == "termNote" and kind == "partOfSpeech":
            fields["pos"] = _text(child)
        elif name == "termNote" and kind == "usageNote":
            words = [f.strip() for f in _text(child).split(",") if f.strip()]
            if words and all(word in USAGE_FLAGS for word in words):
                flags.update(words)
            else:  # a usage note in words, not triglot's flags: kept as a note
                notes.append(_text(child))
        elif name == "note":
            notes.insert(0, _text(child))
        elif name == "admin" and kind == "source":
            fields["source"] = _text(child)
        elif name == "transacGrp":
            _read_dates(child, dated, path)
    if term_element is None:
        raise _fail(sec, _("no <term>"), path)
    if not fields.get("text"):
        raise _fail(term_element, _("empty term"), path)
    if "forbidden" in flags:
        if fields["status"] not in ("deprecated", "forbidden"):
            raise _fail(sec, _("usageNote 'forbidden' needs administrativeStatus "
                               "deprecatedTerm-admn-sts"), path)
        fields["status"] = "forbidden"
    try:
        return Term(**fields, note=_joined(*notes), case_sensitive="case-sensitive" in flags,
                    dnt="do-not-translate" in flags, created=dated.created,
                    updated=dated.updated, proposed="proposed" in flags)
    except GlossaryError as exc:
        raise _fail(sec, exc.message, path) from exc
