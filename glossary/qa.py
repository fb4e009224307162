"""Terminology QA: check translations against the glossary, segment by segment.

Per segment: a source term whose preferred/admitted target term is missing
("missing-term"), a deprecated/superseded/forbidden target term used
("rejected-term"), a do-not-translate term changed ("dnt-changed"), numbers
that differ ("number-mismatch"). Across the corpus: one source term rendered
by different glossary terms ("inconsistent"). Whether a target term is there is
``Glossary.renderings``'s rule, the one evaluation and enforcement use.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from glossary.model import Concept
from glossary.numbers import differences
from glossary.service import Glossary
from translator.core.i18n import N_, _, ngettext

CHECKS: tuple[str, ...] = ("missing-term", "rejected-term", "dnt-changed", "number-mismatch",
                           "inconsistent")


@dataclass(frozen=True)
class Finding:
    """One QA problem. ``segment`` is 1-based (the line number for line-aligned files)."""

    check: str
    segment: int | None
    message: str
    source_term: str = ""
    expected: str = ""
    found: str = ""
    concept_id: str = ""

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # flat: no deep copy


class Checker:
    """Checks translations from one language into another against a set of concepts."""

    def __init__(self, glossary: Glossary | Iterable[Concept], source: str, target: str,
                 checks: Iterable[str] = CHECKS) -> None:
        self.glossary = Glossary.of(glossary)
        self.concepts = {c.id or "": c for c in self.glossary.concepts()}
        self.source, self.target = source, target
        self.checks = set(checks)
        # concept -> target term used -> segments (for the corpus-wide consistency check)
        self._renderings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def check_segment(self, number: int, source: str, translation: str) -> list[Finding]:
        """Findings for one source segment and its translation."""
        findings: list[Finding] = []
        src_matches = self.glossary.find(source, self.source)
        tgt_matches = self.glossary.find(translation, self.target)
        used: dict[str, list] = defaultdict(list)
        for match in tgt_matches:
            used[match.concept_id].append(match)
        if "rejected-term" in self.checks:
            for match in tgt_matches:
                if match.term.rejected:
                    better = self.concepts[match.concept_id].target_term(self.target)
                    findings.append(Finding(
                        "rejected-term", number,
                        _rejected_message(match.term.status, match.text,
                                          better.text if better else None),
                        expected=better.text if better else "", found=match.text,
                        concept_id=match.concept_id))
        seen: set[str] = set()
        for match in src_matches:
            cid = match.concept_id
            concept = self.concepts[cid]
            if cid in seen:
                continue
            seen.add(cid)
            if match.term.dnt:
                if "dnt-changed" in self.checks and not _contains(translation, match.text,
                                                                    match.term.case_sensitive):
                    findings.append(Finding(
                        "dnt-changed", number,
                        _("do-not-translate '{term}' is not in the translation unchanged")
                        .format(term=match.text), source_term=match.text, expected=match.text,
                        concept_id=cid))
                continue
            accepted = self.glossary.renderings(cid, translation, self.target)
            for m in accepted:  # rejected terms already have their own finding
                self._renderings[cid][m.term.text].append(number)
            expected = concept.target_term(self.target)
            if expected is None or accepted or any(m.term.rejected for m in used.get(cid, [])):
                continue  # no target term to expect, it is there, or reported as rejected
            if "missing-term" in self.checks:
                findings.append(Finding(
                    "missing-term", number,
                    _("'{term}' should be translated as '{expected}'").format(
                        term=match.text, expected=expected.text),
                    source_term=match.text, expected=expected.text,
                    concept_id=cid))
        if "number-mismatch" in self.checks:
            missing, extra = differences(source, translation, self.source,
                                         self.target)
            if missing or extra:
                findings.append(Finding("number-mismatch", number,
                                        _numbers_message(missing, extra),
                                        expected=" ".join(missing), found=" ".join(extra)))
        return findings

    def corpus_findings(self) -> list[Finding]:
        """Source terms rendered by more than one glossary term across the segments seen."""
        if "inconsistent" not in self.checks:
            return []
        findings = []
        for cid, renderings in self._renderings.items():
            if len(renderings) > 1:
                detail = ", ".join(
                    ngettext("'{text}' ({count}x: {segments})", "'{text}' ({count}x: {segments})",
                             len(segs)).format(text=text, count=len(segs),
                                               segments=_segments(segs))
                    for text, segs in sorted(renderings.items(), key=lambda kv: -len(kv[1])))
                findings.append(Finding(
                    "inconsistent", None, _("{concept} rendered as {renderings}").format(
                        concept=self.concepts[cid].label(), renderings=detail),
                    source_term=self.concepts[cid].label(), found=" | ".join(renderings),
                    concept_id=cid))
        return findings


def check_pairs(glossary: Glossary | Iterable[Concept], pairs: Iterable[tuple[str, str]],
                source: str, target: str, checks: Iterable[str] = CHECKS) -> list[Finding]:
    """All findings for aligned (source, translation) segments, numbered from 1."""
    checker = Checker(glossary, source, target, checks)
    findings: list[Finding] = []
    for number, (src, tgt) in enumerate(pairs, start=1):
        findings += checker.check_segment(number, src, tgt)
    return findings + checker.corpus_findings()


#: What a rejected term is called in a finding, by its status (with and without a better term).
_REJECTED_MESSAGES = {
    "deprecated": (N_("deprecated term '{found}'"),
                   N_("deprecated term '{found}'; use '{expected}'")),
    "superseded": (N_("superseded term '{found}'"),
                   N_("superseded term '{found}'; use '{expected}'")),
    "forbidden": (N_("forbidden term '{found}'"),
                  N_("forbidden term '{found}'; use '{expected}'")),
}


def _rejected_message(status: str, found: str, expected: str | None) -> str:
    alone, with_better = _REJECTED_MESSAGES[status]
    return _(with_better if expected else alone).format(found=found, expected=expected)


def _numbers_message(missing: list[str], extra: list[str]) -> str:
    if missing and extra:
        message = _("numbers differ: missing {missing}; extra {extra}")
    elif missing:
        message = _("numbers differ: missing {missing}")
    else:
        message = _("numbers differ: extra {extra}")
    return message.format(missing=", ".join(missing), extra=", ".join(extra))


def _segments(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:5]))
    return shown + (", ..." if len(numbers) > 5 else "")


def _contains(text: str, needle: str, case_sensitive: bool) -> bool:
    flags = 0 if case_sensitive else re.IGNORECASE
    pattern = r"(?<!\w)" + r"[\s\-]+".join(map(re.escape, re.split(r"[\s\-]+", needle))) + r"(?!\w)"
    return re.search(pattern, text, flags) is not None


@dataclass
class Report:
    """``triglot check``'s result: the segments checked and what was found."""

    segments: int
    findings: list[Finding]
    documents: bool = False  # whole files checked as one segment each
    note: str = ""  # why files were checked as documents, when not asked to

    @property
    def counts(self) -> dict[str, int]:
        return {name: sum(f.check == name for f in self.findings) for name in CHECKS}

    def to_dict(self) -> dict:
        return {"segments": self.segments, "findings": [f.to_dict() for f in self.findings],
                "counts": self.counts}

    def csv(self) -> str:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(Finding.__dataclass_fields__),
                                lineterminator="\n")
        writer.writeheader()
        from glossary.formats.cells import neutralise

        for finding in self.findings:  # cells quote article text: never a live formula
            writer.writerow({key: neutralise(str(value)) if isinstance(value, str) else value
                             for key, value in finding.to_dict().items()})
        return buffer.getvalue()


def checks_without(skipped: Iterable[str]) -> list[str]:
    """The checks to run when ``skipped`` (names, or comma-separated lists) are left out."""
    from glossary.model import GlossaryError

    skip = {name.strip() for value in skipped for name in value.split(",") if name.strip()}
    unknown = skip - set(CHECKS)
    if unknown:
        raise GlossaryError(
            _("unknown check '{check}': use {checks}").format(
                check=sorted(unknown)[0], checks=", ".join(CHECKS)
            )
        )
    return [c for c in CHECKS if c not in skip]


def check_files(glossary: Glossary | Iterable[Concept], source_file: Path,
                translation_file: Path, source: str, target: str, *, documents: bool = False,
                checks: Iterable[str] = CHECKS) -> Report:
    """QA of a translation file: line by line, or as two documents when asked or when the
    line counts differ."""
    from glossary.formats.files import read_text
    from glossary.model import GlossaryError, check_lang

    source, target = check_lang(source), check_lang(target)
    if source == target:
        raise GlossaryError(_("--from and --to are both '{source}'").format(source=source))
    src_text, tgt_text = read_text(source_file), read_text(translation_file)
    src_lines, tgt_lines = src_text.splitlines(), tgt_text.splitlines()
    note = ""
    if not documents and len(src_lines) != len(tgt_lines):
        note = _("{source_file} has {source_count} lines and {translation_file} "
                 "{translation_count}; checking them as two documents").format(
            source_file=source_file, source_count=len(src_lines),
            translation_file=translation_file, translation_count=len(tgt_lines))
        documents = True
    pairs = [(src_text, tgt_text)] if documents else list(zip(src_lines, tgt_lines, strict=True))
    return Report(len(pairs), check_pairs(glossary, pairs, source, target, checks), documents,
                  note)
