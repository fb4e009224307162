"""Stage: where MT lost or scrambled inline codes, translate the text between the codes.

The sentence then reads less fluently, but links, emphasis and tags are never
dropped, doubled or misplaced. A piece has no codes, so any code in its
translation was invented by the model (real and test NMT models trained on
tagged text do that) and is removed; so is a full stop the model added to a
piece that does not end the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from translator.core.inline_codes import codes_intact, split_on_codes, strip_codes
from translator.document import CODE_RE
from translator.mt import MachineTranslator
from translator.segments import LETTER_RE
from translator.stages.jobs import PIECEWISE, PLAIN_MT, SentenceJob, StageCounts, by_pair

#: Punctuation that ends a sentence; a piece whose source lacks it must not gain it.
SENTENCE_END = re.compile(r"[.!?…。]+$")


class MarkupStage:
    """Repairs plain MT of whole sentences (names restored by enforcement are left alone)."""

    def __init__(self, mt: MachineTranslator) -> None:
        self.mt = mt

    def run(self, jobs: Sequence[SentenceJob], counts: StageCounts) -> None:
        for pair, group in by_pair(job for job in jobs if job.origin in PLAIN_MT):
            broken = [job for job in group if not codes_intact(job.text, job.translation or "")]
            if not broken:
                continue
            pieces = {p.strip() for job in broken for p in split_on_codes(job.text)
                      if is_prose(p)}
            done = self.mt.translate(sorted(pieces), *pair)
            for job in broken:
                job.translation = "".join(rejoin_piece(p, done) for p in split_on_codes(job.text))
                job.origin = PIECEWISE
                counts.markup_fallbacks += 1


def is_prose(piece: str) -> bool:
    return not CODE_RE.fullmatch(piece) and bool(LETTER_RE.search(piece))


def rejoin_piece(piece: str, done: dict[str, str]) -> str:
    core = piece.strip()
    if not is_prose(piece) or core not in done:
        return piece
    lead = piece[: len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()) :]
    return lead + piece_translation(core, done[core]) + trail


def piece_translation(source: str, translated: str) -> str:
    """The piece's MT without invented codes, or a sentence end the source piece lacks."""
    text = " ".join(strip_codes(translated).split())
    if not SENTENCE_END.search(source):
        text = SENTENCE_END.sub("", text).rstrip()
    return text or source
