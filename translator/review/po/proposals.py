"""Glossary proposals from reviews: where a reviewer rendered a term or a name differently.

Only sentences the reviewer changed are looked at. For each glossary term in
the source whose accepted target terms the reviewed sentence does not use, and
for each name (entity) in the source, the words that stood for it in the MT
are followed through a word-level diff into the reviewed sentence: what the
reviewer put there is their rendering. It becomes a proposal (never applied):

* ``update``: the glossary's preferred term (or an entity's canonical form in
  the glossary) differs from the reviewer's rendering;
* ``add``: a name the glossary does not know, which the reviewer rendered
  differently from the MT.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, fields
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.formats.cells import neutralise_row, restore
from translator.core.inline_codes import strip_codes

if TYPE_CHECKING:
    from glossary.matching import TermMatch
    from glossary.model import Concept
    from translator.review.annotator import Annotator

PROPOSALS_FILE = "glossary-proposals.csv"
_TOKEN = re.compile(r"\w+|[^\w\s]")
EXTRA_WORDS = 3  # a rendering may be this many words longer than what it replaced
#: Pairings by place alone: good enough to mark a name in a catalog, too weak to propose one.
UNSURE = ("position",)


@dataclass(frozen=True)
class Reviewed:
    """A reviewed sentence, its MT and the reviewer's translation."""

    article: str
    context: str
    source_lang: str
    target_lang: str
    source: str
    mt: str
    reviewed: str


@dataclass(frozen=True)
class Proposal:
    action: str  # "update" or "add"
    kind: str  # "term" or "entity"
    concept: str
    source_lang: str
    source_term: str
    target_lang: str
    glossary_term: str  # what the glossary says (empty for a name it does not know)
    mt_rendering: str
    reviewer_rendering: str
    article: str
    msgctxt: str
    reviewed_sentence: str


def follow_span(old: str, new: str, start: int, end: int) -> str | None:
    """The text of ``new`` that took the place of ``old[start:end]``, by a word diff."""
    old_tokens = list(_TOKEN.finditer(old))
    new_tokens = list(_TOKEN.finditer(new))
    inside = [i for i, t in enumerate(old_tokens) if t.start() >= start and t.end() <= end]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    matcher = SequenceMatcher(None, [t.group() for t in old_tokens],
                              [t.group() for t in new_tokens], autojunk=False)
    begin = finish = None
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "insert":
            continue
        # Word for word where the block keeps its length (equal, or the same number of
        # words replaced); a block that grew or shrank is taken whole.
        one_to_one = tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0)
        if tag == "replace" and (a0 <= first < a1 or a0 <= last < a1) \
                and a1 - a0 > len(inside) + EXTRA_WORDS:
            return None  # the words around it were rewritten: no single rendering to point at
        if a0 <= first < a1:
            begin = b0 + (first - a0) if one_to_one else b0
        if a0 <= last < a1:
            finish = b0 + (last - a0) + 1 if one_to_one else b1
    if begin is None or finish is None or finish <= begin:
        return None
    if finish - begin > len(inside) + EXTRA_WORDS:
        return None  # the sentence was rewritten around it: no single rendering to point at
    return new[new_tokens[begin].start() : new_tokens[finish - 1].end()]


def find_proposals(items: list[Reviewed], concepts: list[Concept] | None,
                   entities: bool = True) -> list[Proposal]:
    """Proposals from the reviewed sentences, against the glossary's ``concepts`` (if any)."""
    from translator.review.annotator import Annotator

    glossary = Annotator(concepts) if concepts else None
    proposals: dict[tuple, Proposal] = {}
    for item in items:
        found = term_proposals(item, glossary) if glossary is not None else []
        if entities:
            covered = {p.source_term for p in found}
            found += [p for p in entity_proposals(item, glossary)
                      if p.source_term not in covered]
        for proposal in found:
            proposals.setdefault(_key(proposal), proposal)
    return list(proposals.values())


def term_proposals(item: Reviewed, glossary: Annotator) -> list[Proposal]:
    source, mt, reviewed = (strip_codes(t) for t in (item.source, item.mt, item.reviewed))
    target_matcher = glossary.matcher(item.target_lang)
    in_mt: dict[str, TermMatch] = {}
    for match in target_matcher.find(mt):
        in_mt.setdefault(match.concept_id, match)
    out = []
    for match in glossary.matcher(item.source_lang).find(source):
        concept = glossary.concepts[match.concept_id]
        wanted = concept.target_term(item.target_lang)
        if wanted is None:
            continue
        if glossary.glossary.rendered(match.concept_id, reviewed, item.target_lang):
            continue  # the reviewer used the glossary's term (in some form)
        old = in_mt.get(match.concept_id)
        if old is None:
            continue  # the MT did not render the term either: nothing to follow
        rendering = follow_span(mt, reviewed, old.start, old.end)
        if not rendering:
            continue
        kind = "entity" if concept.subject.startswith("named entity") else "term"
        out.append(Proposal("update", kind, match.concept_id, item.source_lang, match.text,
                            item.target_lang, wanted.text, old.text,
                            rendering, item.article, item.context, item.reviewed))
    return out


def entity_proposals(item: Reviewed, glossary: Annotator | None) -> list[Proposal]:
    """Each source name as the reviewer rendered it, where the MT rendered it otherwise: the
    name is looked for among the names of the reviewed sentence itself (``align_segment``),
    so a rewritten sentence gives a name or nothing, never the words that happen to stand
    where the MT's rendering stood."""
    from translator.entities.align import align_segment
    from translator.entities.extract import extract

    source, mt, reviewed = (strip_codes(t) for t in (item.source, item.mt, item.reviewed))
    names, lang = extract(source, item.source_lang), item.target_lang
    in_mt = align_segment(names, extract(mt, lang), mt, lang, source_length=len(source))
    in_review = align_segment(names, extract(reviewed, lang), reviewed, lang,
                              source_length=len(source))
    out = []
    for before, after in zip(in_mt, in_review, strict=True):
        if after.target is None or after.method in UNSURE:
            continue
        rendering = after.target.text
        mt_rendering = before.target.text if before.target is not None else ""
        if rendering == mt_rendering:
            continue
        concept_id, canonical = "", ""
        known = glossary.lookup(item.source_lang, after.source.normal) if glossary else []
        if known:
            wanted = known[0].target_term(item.target_lang)
            concept_id = known[0].id or ""
            canonical = wanted.text if wanted else ""
            if rendering == canonical:
                continue
        out.append(Proposal("update" if known else "add", "entity", concept_id,
                            item.source_lang, after.source.text, item.target_lang, canonical,
                            mt_rendering, rendering, item.article, item.context,
                            item.reviewed))
    return out


def proposals_csv(proposals: list[Proposal]) -> str:
    """The proposals as CSV; renderings come from articles, so no cell may run as a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f.name for f in fields(Proposal)])
    for proposal in proposals:
        writer.writerow(neutralise_row(list(asdict(proposal).values())))
    return buffer.getvalue()


def read_proposals(path: Path) -> list[Proposal]:
    """The proposals an earlier ``po import`` wrote (none if the file is absent or foreign)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    names = [f.name for f in fields(Proposal)]
    rows = csv.reader(io.StringIO(text))
    if next(rows, None) != names:
        return []
    return [Proposal(*(restore(cell) for cell in row)) for row in rows if len(row) == len(names)]


def merge_proposals(found: list[Proposal], earlier: list[Proposal], reviewed: list[Reviewed],
                    concepts: list[Concept]) -> list[Proposal]:
    """``found`` plus the earlier proposals that still hold.

    Once a review is in the memory, the next run's "MT" of that sentence is the
    review itself, so the diff that found a proposal finds nothing the second
    time. An earlier proposal is kept while its sentence is still reviewed the
    same way and the glossary still does not say what the reviewer wrote.
    """
    from translator.review.annotator import Annotator

    glossary = Annotator(concepts) if concepts else None
    current = {(r.article, r.context): r.reviewed for r in reviewed}
    merged = {_key(p): p for p in found}
    for proposal in earlier:
        if current.get((proposal.article, proposal.msgctxt)) != proposal.reviewed_sentence:
            continue  # the review changed or is gone: what it proposed no longer stands
        if glossary is not None and _settled(proposal, glossary):
            continue
        merged.setdefault(_key(proposal), proposal)
    return list(merged.values())


def _key(proposal: Proposal) -> tuple[str, ...]:
    return (proposal.concept or proposal.source_term, proposal.source_lang,
            proposal.target_lang, proposal.reviewer_rendering)


def _settled(proposal: Proposal, glossary: Annotator) -> bool:
    """The glossary now agrees with the reviewer (or no longer has the concept)."""
    if proposal.concept:
        concept = glossary.concepts.get(proposal.concept)
        wanted = concept.target_term(proposal.target_lang) if concept else None
        return wanted is None or wanted.text == proposal.reviewer_rendering or bool(
            glossary.glossary.rendered(proposal.concept, strip_codes(
                proposal.reviewed_sentence), proposal.target_lang))
    return any(term.text == proposal.reviewer_rendering
               for concept in glossary.lookup(proposal.source_lang, proposal.source_term)
               for term in concept.terms_in(proposal.target_lang))
