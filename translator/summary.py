"""What a translation run did, for people (a few lines) and scripts (``--json``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from translator.core.errors import quote_path
from translator.core.i18n import _, ngettext


def status_count(status: str, count: int) -> str:
    """``2 protected``: how many glossary terms got an enforced status (the record and
    ``--json`` keep the English status names)."""
    if status == "protected":
        text = ngettext("{count} protected", "{count} protected", count)
    elif status == "post-edited":
        text = ngettext("{count} post-edited", "{count} post-edited", count)
    else:
        text = ngettext("{count} already correct", "{count} already correct", count)
    return text.format(count=count)


@dataclass
class Problem:
    path: str
    message: str

    def line(self) -> str:
        return f"{quote_path(self.path)}: {self.message}"


@dataclass
class RunSummary:
    engine: str
    targets: list[str]
    documents: int = 0  # articles read successfully
    translated: int = 0  # articles with at least one output written and no failure
    failed: int = 0
    segments: int = 0  # sentence translations needed (sentences x target languages)
    cache_hits: int = 0  # hop translations found in the cache (a pivot looks up twice)
    tm_hits: int = 0  # sentences taken from reviewed translations in the translation memory
    memory: str = ""  # the translation memory the run read (the run folder's own by default)
    machine_translated: int = 0  # sentences sent to the engine (per hop)
    #: Where each segment's translation came from; the three add up to ``segments``.
    segments_from_cache: int = 0  # every hop found in the cache, from earlier runs
    segments_from_engine: int = 0  # at least one hop translated by the engine in this run
    segments_from_memory: int = 0  # reviewed translations in the translation memory
    markup_fallbacks: int = 0  # sentences whose inline codes MT lost: translated piecewise
    #: With --glossary: each term and name with its renderings across all output documents.
    consistency: list[dict] | None = None
    #: With --glossary: glossary terms found per status (protected, post-edited, already
    #: correct, not enforced), one per concept and sentence; None without a glossary.
    terms: dict[str, int] | None = None
    placeholder_fallbacks: int = 0  # sentences whose protected names MT broke
    pivots: list[str] = field(default_factory=list)
    models: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    catalogs: list[str] = field(default_factory=list)  # PO catalogs written by --po
    errors: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def segments_per_second(self) -> float:
        return self.segments / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        data["segments_per_second"] = round(self.segments_per_second, 1)
        if self.terms is not None:
            from translator.terminology import ENFORCED_STATUSES, NOT_ENFORCED, PROPOSED

            data["terms"] = {
                "enforced": sum(self.terms.get(s, 0) for s in ENFORCED_STATUSES),
                "not_enforced": self.terms.get(NOT_ENFORCED, 0),
                "proposed_skipped": self.terms.get(PROPOSED, 0),
                "by_status": dict(self.terms)}
        return data

    def human_lines(self) -> list[str]:
        models = ", ".join(sorted(self.models)) or _("no model used")
        lines = [
            ngettext("documents: {read} read, {translated} translated, {failed} failed",
                     "documents: {read} read, {translated} translated, {failed} failed",
                     self.documents).format(read=self.documents, translated=self.translated,
                                            failed=self.failed),
            self.segments_line(),
            _("time: {seconds:.1f} s, {rate:.1f} segments/s").format(
                seconds=self.seconds, rate=self.segments_per_second),
            ngettext("engine: {engine} ({models}); {count} sentence sent to it, {hits} found in "
                     "the cache (per model: a pivot counts twice)",
                     "engine: {engine} ({models}); {count} sentences sent to it, {hits} found "
                     "in the cache (per model: a pivot counts twice)",
                     self.machine_translated).format(
                engine=self.engine, models=models, count=self.machine_translated,
                hits=self.cache_hits),
        ]
        if self.tm_hits:
            lines.insert(2, self.memory_line())
        if self.catalogs:
            lines.append(ngettext("review catalogs: {count} (PO)", "review catalogs: {count} (PO)",
                                  len(self.catalogs)).format(count=len(self.catalogs)))
        if self.pivots:
            lines.append(_("pivots: {pivots}").format(pivots=", ".join(sorted(self.pivots))))
        if self.terms is not None:
            lines.append(self.terms_line())
            if self.terms.get("proposed"):
                count = self.terms["proposed"]
                lines.append(ngettext(
                    "glossary: {count} proposed entry found and not enforced (approve them "
                    "with 'triglot glossary review')",
                    "glossary: {count} proposed entries found and not enforced (approve them "
                    "with 'triglot glossary review')", count).format(count=count))
        if self.consistency is not None:
            lines.extend(self.consistency_lines())
        if self.markup_fallbacks:
            lines.append(ngettext(
                "inline markup: {count} sentence translated piecewise because MT dropped their "
                "markup",
                "inline markup: {count} sentences translated piecewise because MT dropped their "
                "markup", self.markup_fallbacks).format(count=self.markup_fallbacks))
        return lines

    def segments_line(self) -> str:
        counts = {"count": self.segments, "cache": self.segments_from_cache,
                  "engine": self.segments_from_engine, "memory": self.segments_from_memory}
        if self.segments_from_memory:
            return ngettext(
                "segments: {count} to translate: {cache} found in the cache, {engine} "
                "translated by the engine, {memory} from the translation memory",
                "segments: {count} to translate: {cache} found in the cache, {engine} "
                "translated by the engine, {memory} from the translation memory",
                self.segments).format(**counts)
        return ngettext("segments: {count} to translate: {cache} found in the cache, {engine} "
                        "translated by the engine",
                        "segments: {count} to translate: {cache} found in the cache, {engine} "
                        "translated by the engine", self.segments).format(**counts)

    def memory_line(self) -> str:
        if self.memory:
            return ngettext(
                "translation memory: {count} sentence reused from reviewed translations in "
                "{path}, without MT (each marked in the run record, the catalogs and the report)",
                "translation memory: {count} sentences reused from reviewed translations in "
                "{path}, without MT (each marked in the run record, the catalogs and the report)",
                self.tm_hits).format(count=self.tm_hits, path=quote_path(self.memory))
        return ngettext(
            "translation memory: {count} sentence reused from reviewed translations, without MT "
            "(each marked in the run record, the catalogs and the report)",
            "translation memory: {count} sentences reused from reviewed translations, without MT "
            "(each marked in the run record, the catalogs and the report)",
            self.tm_hits).format(count=self.tm_hits)

    def consistency_lines(self) -> list[str]:
        rows = self.consistency or []
        flagged = [row for row in rows if row["two_ways"]]
        lines = [ngettext("consistency: {count} term or name across the outputs, {flagged} "
                          "rendered two ways (all of them in --json)",
                          "consistency: {count} terms and names across the outputs, {flagged} "
                          "rendered two ways (all of them in --json)",
                          len(rows)).format(count=len(rows), flagged=len(flagged))]
        for row in flagged:
            shown = ", ".join(f"{text} x{count}" for text, count in row["renderings"].items())
            line = (_("  TWO WAYS: {label} ({source}->{target}, within one document): {shown}")
                    if row.get("within_document") else
                    _("  TWO WAYS: {label} ({source}->{target}): {shown}"))
            lines.append(line.format(label=row["label"], source=row["from"], target=row["to"],
                                     shown=shown))
        return lines

    def terms_line(self) -> str:
        from translator.terminology import ENFORCED_STATUSES, NOT_ENFORCED

        counts = self.terms or {}
        enforced = sum(counts.get(status, 0) for status in ENFORCED_STATUSES)
        detail = ", ".join(status_count(s, counts[s]) for s in ENFORCED_STATUSES
                           if counts.get(s))
        line = ngettext("glossary terms: {enforced} enforced ({detail}), {not_enforced} not "
                        "enforced",
                        "glossary terms: {enforced} enforced ({detail}), {not_enforced} not "
                        "enforced", enforced).format(
            enforced=enforced, detail=detail or _("none"),
            not_enforced=counts.get(NOT_ENFORCED, 0))
        if self.placeholder_fallbacks:
            again = ngettext("{count} sentence translated again without name placeholders",
                             "{count} sentences translated again without name placeholders",
                             self.placeholder_fallbacks).format(count=self.placeholder_fallbacks)
            line = _("{terms}; {fallbacks}").format(terms=line, fallbacks=again)
        return line
