"""What a translation run did, for people (a few lines) and scripts (``--json``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from translator.core.errors import quote_path


def plural(n: int, one: str, many: str) -> str:
    """``1 sentence``, ``2 sentences``: the count with the form it takes (ngettext-shaped)."""
    return f"{n} {one if n == 1 else many}"


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
        lines = [
            f"documents: {self.documents} read, {self.translated} translated, {self.failed} failed",
            f"segments: {self.segments} to translate: {self.segments_from_cache} found in the "
            f"cache, {self.segments_from_engine} translated by the engine"
            + (f", {self.segments_from_memory} from the translation memory"
               if self.segments_from_memory else ""),
            f"time: {self.seconds:.1f} s, {self.segments_per_second:.1f} segments/s",
            f"engine: {self.engine} ({', '.join(sorted(self.models)) or 'no model used'}); "
            f"{plural(self.machine_translated, 'sentence', 'sentences')} sent to it, "
            f"{self.cache_hits} found in the cache (per model: a pivot counts twice)",
        ]
        if self.tm_hits:
            where = f" in {quote_path(self.memory)}" if self.memory else ""
            lines.insert(2, f"translation memory: {plural(self.tm_hits, 'sentence', 'sentences')}"
                         f" reused from reviewed translations{where}, without MT (each marked "
                         "in the run record, the catalogs and the report)")
        if self.catalogs:
            lines.append(f"review catalogs: {len(self.catalogs)} (PO)")
        if self.pivots:
            lines.append("pivots: " + ", ".join(sorted(self.pivots)))
        if self.terms is not None:
            lines.append(self.terms_line())
            if self.terms.get("proposed"):
                found = plural(self.terms["proposed"], "proposed entry", "proposed entries")
                lines.append(f"glossary: {found} found and not enforced "
                             "(approve them with 'triglot glossary review')")
        if self.consistency is not None:
            lines.extend(self.consistency_lines())
        if self.markup_fallbacks:
            lines.append(
                f"inline markup: {plural(self.markup_fallbacks, 'sentence', 'sentences')} "
                "translated piecewise because MT dropped their markup"
            )
        return lines

    def consistency_lines(self) -> list[str]:
        rows = self.consistency or []
        flagged = [row for row in rows if row["two_ways"]]
        lines = [f"consistency: {plural(len(rows), 'term or name', 'terms and names')} across "
                 f"the outputs, {len(flagged)} rendered two ways (all of them in --json)"]
        for row in flagged:
            shown = ", ".join(f"{text} x{count}" for text, count in row["renderings"].items())
            where = ", within one document" if row.get("within_document") else ""
            lines.append(f"  TWO WAYS: {row['label']} ({row['from']}->{row['to']}{where}): "
                         f"{shown}")
        return lines

    def terms_line(self) -> str:
        from translator.terminology import ENFORCED_STATUSES, NOT_ENFORCED

        counts = self.terms or {}
        enforced = sum(counts.get(status, 0) for status in ENFORCED_STATUSES)
        detail = ", ".join(f"{counts[s]} {s}" for s in ENFORCED_STATUSES if counts.get(s))
        line = (f"glossary terms: {enforced} enforced ({detail or 'none'}), "
                f"{counts.get(NOT_ENFORCED, 0)} not enforced")
        if self.placeholder_fallbacks:
            line += (f"; {plural(self.placeholder_fallbacks, 'sentence', 'sentences')} "
                     "translated again "
                     "without name placeholders")
        return line
