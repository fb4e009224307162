"""Pair each source mention with its rendering in a segment-aligned translation.

Per segment: score every source/target mention pair (``similarity``), take the
best pairs one-to-one above a threshold; for source mentions still alone, look
for the name among the translation's words the extractor skipped (Spanish writes
"el senado" in lower case); whatever is left is reported missing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from translator.core.i18n import _
from translator.entities.filters import PREFIX_BEFORE_NAME
from translator.entities.model import AlignedPair, Mention
from translator.entities.similarity import similarity
from translator.entities.tighten import edge_words, tightened

THRESHOLD = 0.84
PROJECTION_THRESHOLD = 0.92
POSITION_TOLERANCE = 0.1  # share of the segment's length
_WORD = re.compile(rf"{PREFIX_BEFORE_NAME}|[^\W_]+(?:[-'’][^\W_]+)*")  # "pro", "Navalny"


def _windows(text: str, lang: str, segment: int, taken: list[tuple[int, int]], longest: int):
    """Runs of 1..longest words of ``text`` not inside an already paired mention."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    # any case here, unlike inside a name (``is_edge_word``): "El" opens sentences too
    stop = edge_words(lang)
    for i in range(len(words)):
        if text[words[i][0]:words[i][1]].lower() in stop:
            continue
        for j in range(i, min(len(words), i + longest)):
            start, end = words[i][0], words[j][1]
            if any(start < b and end > a for a, b in taken):
                break
            if text[words[j][0]:words[j][1]].lower() in stop:
                continue  # a window neither starts nor ends on "el", "of", "в"
            surface = text[start:end]
            yield Mention(surface, "MISC", start, end, lang, surface, segment, "projection")


def align_segment(source: Sequence[Mention], target: Sequence[Mention], target_text: str = "",
                  target_lang: str | None = None, threshold: float = THRESHOLD,
                  project: bool = True, position: bool = True,
                  source_length: int = 0) -> list[AlignedPair]:
    """Align the mentions of one source segment with those of its translation.

    ``source_length`` (the source segment's length) lets leftovers pair by place.
    """
    scored = []
    for i, s in enumerate(source):
        for j, t in enumerate(target):
            score, method = similarity(s, t)
            if score >= threshold:
                scored.append((score, -abs(i - j), i, j, method))
    scored.sort(reverse=True)
    pairs: dict[int, AlignedPair] = {}
    used: set[int] = set()
    for score, _tie, i, j, method in scored:
        if i in pairs or j in used:
            continue
        pairs[i] = tightened(AlignedPair(source[i], target[j], round(score, 3), method))
        used.add(j)
    lang = target_lang or (target[0].lang if target else None)
    if project and target_text and lang:
        # a pair's own words only: "Kremlin" of "Kremlin Alexei Navalny" leaves the rest
        taken = [(p.target.start, p.target.end) for p in pairs.values() if p.target]
        for i, s in enumerate(source):
            if i in pairs:
                continue
            longest = len(s.normal.split()) + 2
            segment = s.segment
            best: tuple[float, Mention | None, str] = (0.0, None, "")
            for candidate in _windows(target_text, lang, segment, taken, longest):
                score, method = similarity(s, candidate)
                if score > best[0]:
                    best = (score, candidate, method)
            if (best[1] is not None and best[0] >= PROJECTION_THRESHOLD
                    and _plausible_projection(s, best[1])):
                others = [o for k, o in enumerate(source) if k != i and k not in pairs]
                whole = _whole_name(s, best[1], target, used, others)
                if whole is not None:  # the window is a word of a name found but unpaired
                    j, score, method = whole
                    pairs[i] = AlignedPair(s, target[j], round(score, 3), method)
                    used.add(j)
                    taken.append((target[j].start, target[j].end))
                    continue
                pairs[i] = tightened(AlignedPair(s, best[1], round(best[0], 3),
                                                 best[2] + "+projection"))
                taken.append((best[1].start, best[1].end))
    if position:  # pairs by place: names translated, not spelt, so kept whole
        _pair_leftovers(source, target, pairs, used)
        _pair_nearest(source, target, pairs, used, source_length, len(target_text))
    return [pairs.get(i, AlignedPair(s, None, 0.0, "missing")) for i, s in enumerate(source)]


#: How alike a source name and the whole target name holding its projected word must be
#: for the pair to take the whole name ("Digital Currency Group", "Grupo de Moneda
#: Digital": 0.67), not the one word ("Grupo").
WHOLE_NAME_THRESHOLD = 0.6


def _whole_name(source: Mention, window: Mention, target: Sequence[Mention], used: set[int],
                others: Sequence[Mention]) -> tuple[int, float, str] | None:
    """The unpaired target name that holds ``window`` and is alike enough to ``source`` to
    be its rendering whole: (index, score, method), or None. Only where no other source
    name of the segment is left unpaired, as the whole name may render it too ("Drivers'
    Championship" is "Campeonato de Pilotos", "ВМС США" "Marina de los Estados Unidos")."""
    if others:
        return None
    for j, name in enumerate(target):
        if j in used or not (name.start <= window.start and window.end <= name.end) \
                or (name.start, name.end) == (window.start, window.end):
            continue
        score, method = similarity(source, name)
        if score >= WHOLE_NAME_THRESHOLD:
            return j, score, method
    return None


def _plausible_projection(source: Mention, window: Mention) -> bool:
    """A window of plain words stands for a name only if it is capitalised or the
    match rests on institution words ("el senado" for "the Senate")."""
    from translator.entities.similarity import features

    if any(w[:1].isupper() for w in window.text.split()):
        return True
    concepts = {x for f in features(window).words for x in f if x.startswith("C:")}
    return bool(concepts) and concepts >= {x for f in features(source).words
                                           for x in f if x.startswith("C:")}


def _pair_leftovers(source: Sequence[Mention], target: Sequence[Mention],
                    pairs: dict[int, AlignedPair], used: set[int]) -> None:
    """When as many mentions are left on each side, they are each other's translations,
    in order ("Earth" / "Земли", "Sun" / "Sol"): names that are translated, not spelt."""
    left_s = [i for i in range(len(source)) if i not in pairs and _pairable(source[i])]
    left_t = [j for j in range(len(target)) if j not in used and _pairable(target[j])]
    if not left_s or len(left_s) != len(left_t):
        return
    for i, j in zip(left_s, left_t, strict=True):
        pairs[i] = AlignedPair(source[i], target[j], 0.5, "position")
        used.add(j)



def _pairable(mention: Mention) -> bool:
    """Only a mention found on its own merits may be paired by place alone."""
    return mention.origin != "rule-initial"


def _pair_nearest(source: Sequence[Mention], target: Sequence[Mention],
                  pairs: dict[int, AlignedPair], used: set[int], source_len: int,
                  target_len: int, tolerance: float = POSITION_TOLERANCE) -> None:
    """Unequal leftovers: pair mentions at about the same relative place in their segments."""
    left_s = [i for i in range(len(source)) if i not in pairs and _pairable(source[i])]
    left_t = [j for j in range(len(target)) if j not in used and _pairable(target[j])]
    if not left_s or not left_t or not source_len or not target_len:
        return
    def place(m, n):
        return (m.start + m.end) / 2 / n
    options = sorted((abs(place(source[i], source_len) - place(target[j], target_len)), i, j)
                     for i in left_s for j in left_t)
    for d, i, j in options:
        if d > tolerance:
            break
        if i in pairs or j in used:
            continue
        pairs[i] = AlignedPair(source[i], target[j], 0.4, "position")
        used.add(j)


def align_documents(source_segments: Sequence[str], target_segments: Sequence[str],
                    source_lang: str, target_lang: str) -> list[AlignedPair]:
    """Align a document with its translation, segment by segment (same number of segments)."""
    from translator.core.errors import TriglotError
    from translator.entities.extract import extract_many

    if len(source_segments) != len(target_segments):
        raise TriglotError(
            _(
                "source has {source_count} segments but the translation has {target_count}: "
                "alignment needs one translated line per source line"
            ).format(source_count=len(source_segments), target_count=len(target_segments))
        )
    result: list[AlignedPair] = []
    sources = extract_many(list(source_segments), source_lang)
    targets = extract_many(list(target_segments), target_lang)
    for src, tgt, source, target in zip(source_segments, target_segments, sources, targets,
                                        strict=True):
        result.extend(align_segment(source, target, tgt, target_lang, source_length=len(src)))
    return result
