"""TMX 1.4 exchange for the translation memory: what other CAT tools read and write.

triglot's inline codes travel as TMX inline elements holding the code as
native data (``<bpt i="1">&lt;g1&gt;</bpt>``, ``<ept i="1">``, ``<ph>``), so a
memory exported and imported again is unchanged. In a TMX from another tool,
``bpt``/``ept`` become ``<gN>``/``</gN>`` by their ``i`` and placeholders
become ``<xN/>``: the form triglot's own segments have.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from translator import __version__
from translator.core.atomic import atomic_open
from translator.core.errors import TriglotError, quote_path
from translator.core.i18n import _, ngettext
from translator.core.languages import LANGUAGES
from translator.document import CODE_RE
from translator.review.tm import TMUnit, now_stamp

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TMX_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$")


class TMXError(TriglotError):
    """A file that is not a usable TMX document."""


def tmx_date(stamp: str) -> str | None:
    match = _ISO_DATE.match(stamp)
    return "{}{}{}T{}{}{}Z".format(*match.groups()) if match else None


def iso_date(stamp: str | None) -> str:
    match = _TMX_DATE.match(stamp or "")
    return "{}-{}-{}T{}:{}:{}Z".format(*match.groups()) if match else ""


def export_memory(tmx_file: Path, tm_path: Path) -> int:
    """``triglot tm export``: every reviewed translation of the memory to ``tmx_file``."""
    from translator.review.tm import open_memory

    with open_memory(tm_path) as memory:
        return write_tmx(tmx_file, memory.units())


def import_memory(tmx_file: Path, tm_path: Path,
                  warn: Callable[[str], None]) -> tuple[int, int]:
    """``triglot tm import``: all the pairs of ``tmx_file`` or none; (read, new).

    Translation units that give no pair are counted in one warning (``warn``); when no
    unit gives one, nothing was imported and that is an error, the memory untouched (not
    even created)."""
    from translator.review.tm import open_memory

    found = read_units(tmx_file)
    if found.skipped and not found.units:
        raise TMXError(_("nothing imported, {skipped}; the memory is unchanged").format(
            skipped=found.skipped_line()), tmx_file)
    if found.skipped:
        warn(f"{quote_path(tmx_file)}: {found.skipped_line()}")
    with open_memory(tm_path, create=True) as memory:
        return len(found.units), memory.add(found.units)


def write_tmx(path: Path, units: Iterable[TMUnit]) -> int:
    """Write ``units`` as TMX 1.4 (atomically); returns how many were written."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "triglot", "creationtoolversion": __version__,
        "segtype": "sentence", "o-tmf": "triglot-sqlite", "adminlang": "en",
        "srclang": "*all*", "datatype": "plaintext", "creationdate": tmx_date(now_stamp()) or "",
    })
    body = etree.SubElement(root, "body")
    count = 0
    for unit in units:
        tu = etree.SubElement(body, "tu", srclang=unit.source_lang)
        for name, stamp in (("creationdate", unit.created), ("changedate", unit.changed)):
            if tmx_date(stamp):
                tu.set(name, tmx_date(stamp))
        if unit.origin:
            prop = etree.SubElement(tu, "prop", type="x-triglot-origin")
            prop.text = unit.origin
        for lang, text in ((unit.source_lang, unit.source), (unit.target_lang, unit.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            _fill_segment(etree.SubElement(tuv, "seg"), text)
        count += 1
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    with atomic_open(path, "wb") as handle:
        handle.write(data)
    return count


def _fill_segment(seg, text: str) -> None:
    """Text with triglot codes as TMX inline elements (the code itself as native data)."""
    from lxml import etree

    last = None
    pos = 0
    for match in CODE_RE.finditer(text):
        _append_text(seg, last, text[pos : match.start()])
        closing, g_num, x_num = match.groups()
        if g_num:
            last = etree.SubElement(seg, "ept" if closing else "bpt", i=g_num)
        else:
            last = etree.SubElement(seg, "ph", x=x_num)
        last.text = match.group(0)
        pos = match.end()
    _append_text(seg, last, text[pos:])


def _append_text(seg, last, text: str) -> None:
    if not text:
        return
    if last is None:
        seg.text = (seg.text or "") + text
    else:
        last.tail = (last.tail or "") + text


@dataclass
class TMXContent:
    """The pairs a TMX file gives, and its translation units that gave none, by reason."""

    units: list[TMUnit] = field(default_factory=list)
    other_languages: int = 0  # units without segments in two of ru, en, es
    empty: int = 0  # units whose ru/en/es segments were empty

    @property
    def skipped(self) -> int:
        return self.other_languages + self.empty

    def skipped_line(self) -> str:
        return ngettext(
            "{count} translation unit skipped ({languages} without two of the languages ru, "
            "en, es; {empty} with an empty segment)",
            "{count} translation units skipped ({languages} without two of the languages ru, "
            "en, es; {empty} with an empty segment)", self.skipped).format(
            count=self.skipped, languages=self.other_languages, empty=self.empty)


def read_tmx(path: Path) -> list[TMUnit]:
    """Every language pair of every translation unit in a TMX file, or one clear error."""
    return read_units(path).units


def read_units(path: Path) -> TMXContent:
    """``read_tmx``, counting the translation units that gave no pair, and why."""
    from lxml import etree

    path = Path(path)
    if not path.is_file():
        raise TMXError(_("no such file") if not path.exists() else _("not a file"), path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        data = path.read_bytes()
        root = etree.fromstring(data, parser, base_url=str(path))
    except etree.XMLSyntaxError as exc:
        raise TMXError(_("not a TMX file: not well-formed XML ({error})").format(error=exc),
                       path) from None
    except OSError as exc:
        raise TMXError(_("cannot read: {reason}").format(reason=exc), path) from None
    _refuse_entities(root, data, path)
    if not isinstance(root.tag, str) or etree.QName(root).localname != "tmx":
        name = etree.QName(root).localname if isinstance(root.tag, str) else "?"
        raise TMXError(_("not a TMX file: the root element is <{name}>, not <tmx>").format(
            name=name), path)
    version = root.get("version", "")
    if not re.fullmatch(r"1\.[1-4]", version):
        raise TMXError(_("unsupported TMX version {version}: expected 1.1 to 1.4").format(
            version=version or _("(none)")), path)
    header = root.find("header")
    body = root.find("body")
    if header is None or body is None:
        raise TMXError(_("not a TMX file: <header> or <body> is missing"), path)
    default_source = (header.get("srclang") or "*all*").strip()
    found = TMXContent()
    for number, tu in enumerate(body.iter("tu"), 1):
        segments = _tu_segments(tu, number, path)
        units = _tu_units(tu, segments, default_source)
        found.units.extend(units)
        if not units and "" in segments.values():
            found.empty += 1
        elif not units:
            found.other_languages += 1
    return found


def _refuse_entities(root, data: bytes, path: Path) -> None:
    """Entities are refused, as in TBX (``translator.core.xml_entities``)."""
    from translator.core.xml_entities import entities

    found = entities(root, data)
    if found is not None:
        names, line = found
        raise TMXError(_("line {line}: the DOCTYPE declares entities ({names}); TMX files "
                         "must not declare entities, remove the DOCTYPE").format(
            line=line, names=", ".join(names)), path)


def _lang(code: str | None) -> str | None:
    primary = (code or "").split("-")[0].split("_")[0].strip().lower()
    return primary if primary in LANGUAGES else None


def _tu_segments(tu, number: int, path: Path) -> dict[str, str]:
    """The unit's segment text per language of ru, en, es (the first of each)."""
    segments: dict[str, str] = {}
    for tuv in tu.findall("tuv"):
        raw_lang = tuv.get(XML_LANG) or tuv.get("lang")
        if raw_lang is None:
            raise TMXError(_("translation unit {number}: a <tuv> has no xml:lang").format(
                number=number), path)
        seg = tuv.find("seg")
        if seg is None:
            raise TMXError(_("translation unit {number}: a <tuv> has no <seg>").format(
                number=number), path)
        lang = _lang(raw_lang)
        if lang is not None:
            segments.setdefault(lang, _segment_text(seg).strip())
    return segments


def _tu_units(tu, segments: dict[str, str], default_source: str) -> list[TMUnit]:
    """The pairs of one unit: from its source language (or every language) to the others."""
    source_lang = _lang(tu.get("srclang") or default_source)
    origin = next((p.text or "" for p in tu.findall("prop")
                   if p.get("type") == "x-triglot-origin"), "")
    created, changed = iso_date(tu.get("creationdate")), iso_date(tu.get("changedate"))
    sources = [source_lang] if source_lang in segments else list(segments)
    return [TMUnit(src, tgt, segments[src], segments[tgt], origin, created, changed)
            for src in sources for tgt in segments
            if src != tgt and segments[src] and segments[tgt]]


def _segment_text(seg) -> str:
    """The segment's text with inline elements as triglot codes."""
    out = [seg.text or ""]
    placeholders = 0
    for child in seg:
        if not isinstance(child.tag, str):
            out.append(child.tail or "")
            continue
        native = "".join(child.itertext())
        name = child.tag
        if CODE_RE.fullmatch(native):
            out.append(native)
        elif name in ("bpt", "ept") and (child.get("i") or "").isdigit():
            out.append(f"<{'/' if name == 'ept' else ''}g{child.get('i')}>")
        elif name == "hi":
            out.append(native)  # highlighted text is text
        else:
            placeholders += 1
            out.append(f"<x{child.get('x') or placeholders}/>")
        out.append(child.tail or "")
    return "".join(out)
