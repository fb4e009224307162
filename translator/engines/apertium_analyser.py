"""A mode's morphological analyser kept running beside its pipeline, for questions.

triglot asks Apertium's own dictionaries what it needs to know about words: whether
an English compound is several known words (``apertium_compounds``), and whether a
word of the output is one the target language writes in lower case
(``apertium_mends``). The analyser is the first program of the mode's pipeline,
``lt-proc`` on its ``automorf.bin``, run in null-flush mode so one process answers
every question of the run.
"""

from __future__ import annotations

import errno
import os
import re
import selectors
import subprocess
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

from translator.engines.apertium_process import stop_process, utf8_environment

#: The analyser a mode starts with: ``lt-proc [flags] 'path/xxx.automorf.bin'``.
_ANALYSER = re.compile(r"^\s*lt-proc((?:\s+-[\w-]+)*)\s+'?([^'\s|]+)'?")
#: One analysed unit of lt-proc's stream: ``^surface/analysis/...$``.
UNIT = re.compile(r"\^((?:\\.|[^/$\\])*)/((?:\\.|[^$\\])*)\$")


def analyser_command(mode_text: str) -> list[str] | None:
    """The mode's morphological analyser as a command, or None if it starts otherwise."""
    found = _ANALYSER.match(mode_text)
    if found is None:
        return None
    return ["lt-proc", *found[1].split(), found[2]]


def mode_analyser(mode: Path) -> list[str] | None:
    """The analyser command ``mode`` starts with; None where the mode cannot be read or
    starts with another program."""
    try:
        return analyser_command(mode.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


class Analyser:
    """The mode's analyser kept running in null-flush mode (``lt-proc -z``), as the
    pipeline is: started with it, so loading its dictionary overlaps reading the articles,
    and asked each batch's new words for the cost of analysing them."""

    #: Words per request: their analyses stay well inside a pipe's buffer, so
    #: writing a request never waits on an answer nobody reads yet.
    PER_REQUEST = 200
    TIMEOUT = 60.0

    def __init__(self, command: list[str]) -> None:
        self._command = [command[0], "-z", *command[1:]]
        self._process: subprocess.Popen[bytes] | None = None
        self._finalizer: weakref.finalize | None = None

    @classmethod
    def for_mode(cls, mode: Path) -> Analyser | None:
        """The analyser ``mode`` starts with, not yet started; None where there is none."""
        command = mode_analyser(mode)
        return cls(command) if command else None

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


class AskedOnce:
    """A yes-or-no question about words, answered from each word's analysis (``judge``)
    and asked of the analyser once per word. Where the analyser cannot answer, the answer
    is no, so nothing is changed, and it is not asked again."""

    def __init__(self, command: list[str] | Analyser | None,
                 judge: Callable[[str], bool]) -> None:
        self._analyser = Analyser(command) if isinstance(command, list) else command
        self._judge = judge
        self._answers: dict[str, bool] = {}

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

    def answers(self, words: Iterable[str]) -> dict[str, bool]:
        """The answer for each of ``words``; the analyser is asked about new ones at once."""
        wanted = set(words)
        new = sorted(wanted.difference(self._answers))
        if new:
            analyses: list[str] = []
            if self._analyser is not None:
                try:
                    analyses = self._analyser.analyses(new)
                except OSError:
                    self._analyser.close()
                    self._analyser = None
            if len(analyses) != len(new):
                analyses = [""] * len(new)
            for word, analysis in zip(new, analyses, strict=True):
                self._answers[word] = self._judge(analysis)
        return {word: self._answers[word] for word in wanted}
