"""English hyphenated compounds Apertium does not know whole, given to it with spaces.

Apertium's analyser reads an unknown compound such as "facial-recognition" as three
units with no blank between them: "facial", the hyphen, "recognition". Transfer then
drops the hyphen, reorders, and adds the words the target needs ("de"), but it puts
the source's blanks between words, and there were none: the output is glued ("una
reddereconocimiento facial", "queluchandelito", "plandedos años"). English writes
such modifiers with or without the hyphen, so a compound of known lower-case words
goes with spaces ("una red de reconocimiento facial"). Kept as written: compounds the
analyser knows whole ("e-mail", "state-of-the-art"), those with a word it does not
know ("co-founder": "co" alone would be left as it is), those with a name in them
("Moscow-based") or a capital past the first letter ("Governor-General", "pro-Kremlin"),
and those joined to a number ("28-year-old").

Measured with ``apertium -u eng-spa`` on FLORES dev (997 sentences, 66 changed): words
of the output that are neither in the source nor in a Spanish dictionary, the glued
ones, 34 -> 17; BLEU of the changed sentences 9.65 -> 10.40, chrF 42.82 -> 43.10.
Spanish uses the hyphen for ranges and pairs ("enero-octubre", "persona-ordenador"),
and Apertium does not glue them, so only English sources are changed.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from translator.engines.apertium_pipeline import utf8_environment

#: Bump when what is spaced changes: it is part of the Apertium cache key.
COMPOUND_RULE = 1
#: A whole hyphenated word of letters only (not part of a longer one with digits).
COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")
#: The analyser a mode starts with: ``lt-proc [flags] 'path/xxx.automorf.bin'``.
_ANALYSER = re.compile(r"^\s*lt-proc((?:\s+-[\w-]+)*)\s+'?([^'\s|]+)'?")
#: One analysed unit of lt-proc's stream: ``^surface/analysis/...$``.
_UNIT = re.compile(r"\^((?:\\.|[^/$\\])*)/((?:\\.|[^$\\])*)\$")


def analyser_command(mode_text: str) -> list[str] | None:
    """The mode's morphological analyser as a command, or None if it starts otherwise."""
    found = _ANALYSER.match(mode_text)
    if found is None:
        return None
    return ["lt-proc", *found[1].split(), found[2]]


def split_by_analyser(analysis: str) -> bool:
    """Whether lt-proc's analysis of one compound is several known words, none of them
    a name: then it is spaced."""
    units = _UNIT.findall(analysis)
    words = [analyses for surface, analyses in units if surface != "-"]
    return len(units) > 1 and len(words) > 1 and not any(
        a.startswith("*") or "<np>" in a for a in words)


def candidate(compound: str) -> bool:
    """Lower case but for a first capital (a sentence may start with it)."""
    return compound[1:].islower()


class EnglishCompounds:
    """Which compounds of a pair's English sources to space, asked of its analyser once."""

    def __init__(self, analyser: list[str] | None) -> None:
        self._analyser = analyser
        self._spaced: dict[str, bool] = {}

    @classmethod
    def for_mode(cls, mode: Path) -> EnglishCompounds:
        try:
            return cls(analyser_command(mode.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            return cls(None)

    def spaced(self, chunks: list[list[str]]) -> list[list[str]]:
        """``chunks`` with each compound Apertium would glue written with spaces."""
        found = {m.group() for chunk in chunks for sentence in chunk if "-" in sentence
                 for m in COMPOUND.finditer(sentence) if candidate(m.group())}
        self._learn(sorted(found.difference(self._spaced)))
        if not any(self._spaced.get(compound) for compound in found):
            return chunks
        return [[COMPOUND.sub(self._replacement, sentence) if "-" in sentence else sentence
                 for sentence in chunk] for chunk in chunks]

    def _replacement(self, match: re.Match[str]) -> str:
        word = match.group()
        return word.replace("-", " ") if self._spaced.get(word) else word

    def _learn(self, compounds: list[str]) -> None:
        """Ask the analyser about new compounds, one a line; where it cannot answer,
        they are kept as written (the output is then raw Apertium's)."""
        if not compounds:
            return
        answers: list[str] = []
        if self._analyser is not None:
            try:
                result = subprocess.run(self._analyser, input="\n".join(compounds) + "\n",
                                        capture_output=True, text=True, encoding="utf-8",
                                        env=utf8_environment(), timeout=60, check=False)
                if result.returncode == 0:
                    answers = result.stdout.split("\n")[:len(compounds)]
            except (OSError, subprocess.SubprocessError):
                answers = []
        if len(answers) != len(compounds):
            answers = [""] * len(compounds)
        for compound, analysis in zip(compounds, answers, strict=True):
            self._spaced[compound] = split_by_analyser(analysis)
