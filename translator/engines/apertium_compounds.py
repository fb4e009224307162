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

import errno
import os
import re
import selectors
import subprocess
import weakref
from pathlib import Path

from translator.engines.apertium_pipeline import stop_process, utf8_environment

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


class Analyser:
    """The mode's analyser kept running in null-flush mode (``lt-proc -z``), as the
    pipeline is: started with it, so loading its dictionary overlaps reading the articles,
    and asked each batch's new compounds for the cost of analysing them."""

    #: Compounds per request: their analyses stay well inside a pipe's buffer, so
    #: writing a request never waits on an answer nobody reads yet.
    PER_REQUEST = 200
    TIMEOUT = 60.0

    def __init__(self, command: list[str]) -> None:
        self._command = [command[0], "-z", *command[1:]]
        self._process: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize | None = None

    def start(self) -> None:
        if self._process is None:
            self._process = subprocess.Popen(
                self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=utf8_environment(), start_new_session=True)
            self._finalizer = weakref.finalize(self, stop_process, self._process)

    def analyses(self, words: list[str]) -> list[str]:
        """One analysis per word (one a line); raises OSError if the analyser fails."""
        self.start()
        answers: list[str] = []
        for first in range(0, len(words), self.PER_REQUEST):
            part = words[first:first + self.PER_REQUEST]
            answers += self._ask("\n".join(part) + "\n").split("\n")[:len(part)]
        return answers

    def _ask(self, block: str) -> str:
        assert self._process is not None and self._process.stdin and self._process.stdout
        self._process.stdin.write(block.encode("utf-8") + b"\0")
        self._process.stdin.flush()
        out = self._process.stdout
        received = bytearray()
        with selectors.DefaultSelector() as selector:
            selector.register(out, selectors.EVENT_READ)
            while not received.endswith(b"\0"):
                if not selector.select(self.TIMEOUT):
                    raise TimeoutError(errno.ETIMEDOUT, "lt-proc did not answer")
                chunk = os.read(out.fileno(), 65536)
                if not chunk:
                    raise OSError(errno.EPIPE, "lt-proc ended")
                received += chunk
        return received[:-1].decode("utf-8", errors="replace")

    def close(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
        self._process = self._finalizer = None


class EnglishCompounds:
    """Which compounds of a pair's English sources to space, asked of its analyser once."""

    def __init__(self, analyser: list[str] | None) -> None:
        self._analyser = Analyser(analyser) if analyser else None
        self._spaced: dict[str, bool] = {}

    @classmethod
    def for_mode(cls, mode: Path) -> EnglishCompounds:
        try:
            return cls(analyser_command(mode.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            return cls(None)

    def warm(self) -> None:
        """Start the analyser now, beside the pipeline (``ApertiumPairTranslator.warm``)."""
        if self._analyser is not None:
            try:
                self._analyser.start()
            except OSError:
                self._analyser = None

    def close(self) -> None:
        if self._analyser is not None:
            self._analyser.close()

    def spaced(self, chunks: list[list[str]]) -> list[list[str]]:
        """``chunks`` with each compound Apertium would glue written with spaces (only the
        sentences that have one are scanned twice: a batch's spacing delays its start)."""
        holding: list[tuple[int, int, list[str]]] = []
        for c, chunk in enumerate(chunks):
            for i, sentence in enumerate(chunk):
                if "-" in sentence:
                    words = [w for w in COMPOUND.findall(sentence) if candidate(w)]
                    if words:
                        holding.append((c, i, words))
        self._learn(sorted({w for _, _, words in holding for w in words}
                           .difference(self._spaced)))
        result = chunks
        for c, i, words in holding:
            if any(self._spaced[w] for w in words):
                if result is chunks:
                    result = [list(chunk) for chunk in chunks]
                result[c][i] = COMPOUND.sub(self._replacement, chunks[c][i])
        return result

    def _replacement(self, match: re.Match[str]) -> str:
        word = match.group()
        return word.replace("-", " ") if self._spaced.get(word) else word

    def _learn(self, compounds: list[str]) -> None:
        """Ask the analyser about new compounds; where it cannot answer, they are kept as
        written (the output is then raw Apertium's), and it is not asked again."""
        if not compounds:
            return
        answers: list[str] = []
        if self._analyser is not None:
            try:
                answers = self._analyser.analyses(compounds)
            except OSError:
                self._analyser.close()
                self._analyser = None
        if len(answers) != len(compounds):
            answers = [""] * len(compounds)
        for compound, analysis in zip(compounds, answers, strict=True):
            self._spaced[compound] = split_by_analyser(analysis)
