"""The review page as one HTML string: inline CSS, no scripts, nothing fetched.

Every piece of text from the run (file names, sentences, glossary terms, QA
messages) goes through ``html.escape`` with quotes, in content and attributes
alike, and a Content-Security-Policy forbids scripts and outside resources
as a second line of defence: the articles may be hostile web pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from html import escape as html_escape

from translator.core.i18n import N_, _, language, ngettext, pgettext
from translator.review.po.catalog import language_name
from translator.review.report.annotate import DocumentView, SegmentView, Span
from translator.review.report.consistency import ConsistencyRow
from translator.review.report.proposed import ProposedRow
from translator.run_record import RunRecord, utf8_text

MAX_PLACES = 8
#: A consistency row's kind as the page names it.
KINDS = {"term": N_("term"), "entity": N_("entity")}

CSS = """
:root { --term: #d8f1ee; --term-edge: #1f7a70; --ent: #ece4fb; --ent-edge: #6a43b5;
  --bad: #c62828; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
  margin: 0; padding: 24px 32px 64px; background: #fafafa; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 8px; border-bottom: 2px solid #333; padding-bottom: 4px; }
.meta, .note { color: var(--muted); font-size: 13px; }
.meta code { font-size: 12px; }
.summary { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.stat { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; }
.stat b { display: block; font-size: 22px; }
.stat.warn b { color: var(--bad); }
.legend { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px;
  margin: 12px 0; font-size: 13px; }
.legend span { margin-right: 16px; }
nav ul { margin: 4px 0; padding-left: 20px; columns: 2; font-size: 14px; }
table { border-collapse: collapse; width: 100%; background: #fff; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
th { background: #f0f0f0; font-size: 13px; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
col.num { width: 48px; } col.qa { width: 24%; }
table.segments col.text { width: 38%; }
td.num { color: var(--muted); font-size: 12px; }
tr.flagged td.num { border-left: 4px solid var(--bad); color: var(--bad); font-weight: bold; }
tr.same td.text { color: var(--muted); }
mark { background: none; color: inherit; padding: 0 1px; border-radius: 3px; }
mark.term { background: var(--term); box-shadow: inset 0 -2px 0 var(--term-edge); }
mark.entity { background: var(--ent); box-shadow: inset 0 -2px 0 var(--ent-edge); }
mark.problem { text-decoration: underline wavy var(--bad); text-decoration-skip-ink: none;
  text-underline-offset: 3px; }
mark.unpaired { outline: 1px dashed #888; outline-offset: 1px; }
sup.label { font-size: 10px; font-weight: bold; margin-left: 1px; }
sup.term { color: var(--term-edge); } sup.entity { color: var(--ent-edge); }
ul.findings { margin: 0; padding-left: 18px; font-size: 13px; color: var(--bad); }
.ok { color: #2e7d32; font-size: 13px; }
.flag { color: #fff; background: var(--bad); border-radius: 3px; padding: 1px 6px;
  font-size: 12px; white-space: nowrap; }
.partial { color: var(--bad); font-size: 12px; }
table.consistency td { font-size: 14px; }
table.consistency ul { margin: 0; padding-left: 18px; }
tr.inconsistent td { background: #fff4f4; }
.places { color: var(--muted); font-size: 12px; }
.tm { display: block; margin-top: 4px; color: #fff; background: #1565c0; border-radius: 3px;
  padding: 0 4px; font-size: 10px; font-weight: bold; text-align: center; }
"""


def escape(text: str) -> str:
    """Text for the page, escaped; a file name's bytes that are not UTF-8 shown as ``\\xe9``."""
    return html_escape(utf8_text(text))


def fill(message: str, **html: object) -> str:
    """A translated ``message``, escaped, with ``html`` (already escaped markup) put in."""
    return escape(message).format(**html)


@dataclass(frozen=True)
class ReportStats:
    documents: int
    segments: int
    findings: int
    inconsistent: int
    terms: int
    entities: int
    from_memory: int = 0  # segments whose translation is a reviewed one from the memory

    def to_dict(self) -> dict:
        return asdict(self)


def highlight(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, with ``spans`` as ``<mark>``s; a span that crosses another's edge
    is left out (nesting is kept: a term inside a name is marked inside it)."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.kind)):
        if not 0 <= span.start < span.end <= len(text):
            continue
        if all(span.end <= c.start or span.start >= c.end
               or (c.start <= span.start and span.end <= c.end) for c in chosen):
            chosen.append(span)
    out: list[str] = []
    position = 0
    stack: list[Span] = []

    def close() -> None:
        nonlocal position
        top = stack.pop()
        out.append(escape(text[position:top.end]) + "</mark>"
                   + f'<sup class="label {top.kind}">{top.label}</sup>')
        position = top.end

    for span in chosen:
        while stack and stack[-1].end <= span.start:
            close()
        out.append(escape(text[position:span.start]))
        position = span.start
        classes = span.kind + (" problem" if span.problem else "") + (
            " unpaired" if span.unpaired else "")
        out.append(f'<mark class="{classes}" title="{escape(span.title)}">')
        stack.append(span)
    while stack:
        close()
    out.append(escape(text[position:]))
    return "".join(out)


def render_page(run: RunRecord, views: list[DocumentView], rows: list[ConsistencyRow],
                glossary_name: str = "", *,
                proposed: list[ProposedRow] | None = None) -> tuple[str, ReportStats]:
    """The whole page, and its headline counts; ``proposed`` entries get their own section."""
    segments = sum(len(v.segments) for v in views)
    stats = ReportStats(
        documents=len(run.documents), segments=segments,
        findings=sum(v.findings for v in views),
        inconsistent=sum(r.inconsistent for r in rows),
        terms=sum(r.kind == "term" for r in rows),
        entities=sum(r.kind == "entity" for r in rows),
        from_memory=sum(s.record.from_memory for v in views for s in v.segments))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(language())}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>" + fill(_("triglot review: {run}"), run=escape(str(run.path.parent.name)))
        + "</title>",
        f"<style>{CSS}</style></head><body>",
        _header(run, stats, glossary_name),
        _legend(),
        _contents(views, bool(proposed)),
    ]
    for index, view in enumerate(views, start=1):
        parts.append(_document(index, view))
    parts.append(_consistency(rows))
    if proposed:
        parts.append(_proposed(proposed))
    parts.append("</body></html>\n")
    return "\n".join(parts), stats


def _header(run: RunRecord, stats: ReportStats, glossary_name: str) -> str:
    models = ", ".join(f"{pair}: {model}" for pair, model in sorted(run.models.items()))
    glossary = (escape(glossary_name) if glossary_name
                else escape(_("none (names and numbers only)")))
    cells = [(_("documents"), stats.documents, False), (_("segments"), stats.segments, False),
             (_("QA findings"), stats.findings, stats.findings > 0),
             (_("rendered two ways"), stats.inconsistent, stats.inconsistent > 0)]
    if stats.from_memory:
        cells.append((_("from the translation memory"), stats.from_memory, False))
    boxes = "".join(f'<div class="stat{" warn" if warn else ""}"><b>{value}</b>'
                    f"{escape(name)}</div>" for name, value, warn in cells)
    meta = fill(_("run {run} · engine {engine} · models {models} · glossary {glossary}"),
                run=f"<code>{escape(str(run.path))}</code>",
                engine=f"<code>{escape(run.engine or '?')}</code>",
                models=f"<code>{escape(models or '?')}</code>", glossary=glossary)
    return ("<header><h1>" + escape(_("Translation review")) + "</h1>"
            f'<div class="meta">{meta}</div>'
            f'<div class="summary">{boxes}</div></header>')


def _legend() -> str:
    term, name = escape(_("glossary term")), escape(pgettext("entity", "name"))
    problem, unpaired = escape(_("QA problem")), escape(_("no counterpart"))
    return (f'<div class="legend"><span><mark class="term">{term}</mark>'
            '<sup class="label term">1</sup></span>'
            f'<span><mark class="entity">{name}</mark>'
            '<sup class="label entity">2</sup></span>'
            f'<span><mark class="term problem">{problem}</mark></span>'
            f'<span><mark class="entity unpaired">{unpaired}</mark></span>'
            "<span>" + escape(_("A number marks a pair: the same number on both sides is the "
                                "same term or name. Hover a mark for what it was paired "
                                "with.")) + "</span></div>")


def _contents(views: list[DocumentView], proposed: bool = False) -> str:
    items = "".join(
        f'<li><a href="#doc-{i}">{escape(v.document.relpath)} → {escape(v.target)}</a>'
        + (' <span class="partial">' + escape(ngettext(
            "{count} finding", "{count} findings", v.findings).format(count=v.findings))
           + "</span>" if v.findings else "") + "</li>"
        for i, v in enumerate(views, start=1))
    extra = ('<li><a href="#proposed">' + escape(_("Proposed names, not approved"))
             + "</a></li>" if proposed else "")
    documents, consistency = escape(_("Documents")), escape(_("Consistency across the run"))
    return (f'<nav><b>{documents}</b><ul>{items}<li><a href="#consistency">'
            f"{consistency}</a></li>{extra}</ul></nav>")


def _document(index: int, view: DocumentView) -> str:
    doc = view.document
    rows = "".join(_segment_row(s) for s in view.segments)
    counts = ngettext("{count} segment · {findings} QA findings",
                      "{count} segments · {findings} QA findings", len(view.segments)).format(
        count=len(view.segments), findings=view.findings)
    headers = "".join(f"<th>{escape(name)}</th>" for name in (
        "#", _("source"), _("translation ({lang})").format(lang=view.target), _("QA")))
    return (f'<section id="doc-{index}"><h2>{escape(doc.relpath)} → '
            f"{escape(language_name(view.target))}</h2>"
            f'<div class="meta">{escape(doc.source)} · {escape(doc.format)} · '
            f"{escape(language_name(doc.lang))} · {escape(counts)}</div>"
            '<table class="segments"><colgroup><col class="num"><col class="text">'
            '<col class="text"><col class="qa"></colgroup>'
            f"<thead><tr>{headers}</tr></thead>"
            f"<tbody>{rows}</tbody></table></section>")


def _segment_row(segment: SegmentView) -> str:
    classes = []
    if segment.findings:
        classes.append("flagged")
    if segment.record.lang == segment.target_lang:
        classes.append("same")
    if segment.findings:
        qa = '<ul class="findings">' + "".join(
            f'<li title="{escape(f.check)}">{escape(f.message)}</li>'
            for f in segment.findings) + "</ul>"
    else:
        qa = '<span class="ok">' + escape(_("no findings")) + "</span>"
    lang_note = ""
    if segment.record.lang != segment.target_lang and segment.record.lang:
        lang_note = f' lang="{escape(segment.record.lang)}"'
    class_attr = f' class="{" ".join(classes)}"' if classes else ""
    return (f'<tr{class_attr}><td class="num" title="{escape(segment.record.ref)}">'
            f"{segment.number}{_memory_badge(segment)}</td>"
            f'<td class="text"{lang_note}>{highlight(segment.source, segment.source_spans)}</td>'
            f'<td class="text" lang="{escape(segment.target_lang)}">'
            f"{highlight(segment.target, segment.target_spans)}</td>"
            f"<td>{qa}</td></tr>")


def _memory_badge(segment: SegmentView) -> str:
    """A translation the memory gave: a reviewed one from an earlier review, not MT."""
    if not segment.record.from_memory:
        return ""
    title = _("a reviewed translation from the translation memory, used instead of MT")
    return f'<span class="tm" title="{escape(title)}">TM</span>'


def _consistency(rows: list[ConsistencyRow]) -> str:
    flagged = sum(r.inconsistent for r in rows)
    intro = (ngettext("{count} term or name; {flagged} rendered two or more ways. Terms count "
                      "by the glossary term used (any inflected form); names by the dictionary "
                      "form of their aligned rendering.",
                      "{count} terms and names; {flagged} rendered two or more ways. Terms "
                      "count by the glossary term used (any inflected form); names by the "
                      "dictionary form of their aligned rendering.", len(rows))
             if rows else _("No glossary terms or names were found in this run."))
    body = "".join(_consistency_row(r) for r in rows)
    headers = "".join(f"<th>{escape(name)}</th>" for name in (
        _("kind"), _("term or name"), _("into"), _("renderings"), _("not found")))
    title = escape(_("Consistency across the run"))
    return (f'<section id="consistency"><h2>{title}</h2>'
            f'<p class="note">{escape(intro.format(count=len(rows), flagged=flagged))}</p>'
            + ('<table class="consistency"><colgroup><col style="width:8%">'
               '<col style="width:22%"><col style="width:8%"><col style="width:42%">'
               f'<col style="width:20%"></colgroup><thead><tr>{headers}</tr></thead>'
               f"<tbody>{body}</tbody></table>" if rows else "")
            + "</section>")


def _proposed(rows: list[ProposedRow]) -> str:
    """Proposed glossary entries apart: found in the sources, neither enforced nor marked."""
    flag = escape(_("proposed"))
    body = "".join(
        f'<tr><td><span class="flag">{flag}</span> {escape(r.concept)}</td>'
        f"<td>{escape(r.label)}<div class=\"places\">{escape(r.subject)}</div></td>"
        f"<td>{r.count}</td><td><ul>"
        + "".join(f"<li><b>{escape(form)}</b> ×{n}</li>" for form, n in r.forms.items())
        + f"</ul>{_places(r.places)}</td></tr>" for r in rows)
    note = fill(ngettext("{count} proposed glossary entry is mentioned in this run. It was not "
                         "enforced and is not marked above; approve, edit or reject it with "
                         "{command}.",
                         "{count} proposed glossary entries are mentioned in this run. They "
                         "were not enforced and are not marked above; approve, edit or reject "
                         "them with {command}.", len(rows)),
                count=len(rows), command="<code>triglot glossary review</code>")
    headers = "".join(f"<th>{escape(name)}</th>" for name in (
        _("review"), pgettext("entity", "name"), _("mentions"), _("forms and places")))
    title = escape(_("Proposed names, not approved"))
    return (f'<section id="proposed"><h2>{title}</h2>'
            f'<p class="note">{note}</p>'
            f'<table class="consistency"><thead><tr>{headers}</tr></thead><tbody>{body}'
            "</tbody></table></section>")


def _places(places: list[str]) -> str:
    shown = ", ".join(places[:MAX_PLACES]) + (", …" if len(places) > MAX_PLACES else "")
    return f'<span class="places">{escape(shown)}</span>'


def _consistency_row(row: ConsistencyRow) -> str:
    renderings = "".join(
        f"<li><b>{escape(r.text)}</b> ×{len(r.places)} {_places(r.places)}</li>"
        for r in row.ordered())
    renderings = f"<ul>{renderings}</ul>" if renderings else "—"
    flag = (' <span class="flag">' + escape(_("two ways")) + "</span>" if row.inconsistent
            else "") + (' <span class="flag">' + escape(_("within one document")) + "</span>"
                        if row.within_document else "")
    expected = ('<div class="places">'
                + escape(_("glossary: {term}").format(term=row.expected)) + "</div>"
                if row.expected else "")
    missing = (f"×{len(row.missing)} {_places(row.missing)}" if row.missing else "—")
    direction = f"{row.source_lang}→{row.target_lang}" if row.source_lang else row.target_lang
    kind = _(KINDS[row.kind]) if row.kind in KINDS else row.kind
    return (f'<tr class="{"inconsistent" if row.inconsistent else ""}">'
            f"<td>{escape(kind)}</td>"
            f"<td>{escape(row.label)}{flag}{expected}</td>"
            f"<td>{escape(direction)}</td><td>{renderings}</td><td>{missing}</td></tr>")
