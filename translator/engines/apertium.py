"""Apertium, the rule-based engine Debian ships (``apertium`` + ``apertium-eng-spa``).

A batch goes through one Apertium pipeline kept running for the whole run
(``apertium_pipeline``; one ``apertium -f none`` process per batch where the
installed Apertium lacks null-flush tooling), written in Apertium's stream format
by triglot itself (``apertium_stream``: inline codes as superblanks, sentences
apart by numbered separators). A batch whose separators come back wrong is
split in halves and retried, so a sentence is never shifted onto another's
translation. English hyphenated compounds Apertium would glue go to it spaced
(``apertium_compounds``), title-case headlines sentence-cased (``apertium_headlines``),
amounts, percentages and dates in forms its rules know (``apertium_amounts``,
``apertium_phrases``); what is marked between its analyser and its tagger and mended in
its output, in order, is ``apertium_steps``.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path

from translator.core.errors import ModelError
from translator.core.i18n import N_, _
from translator.engines.apertium_analyser import Analyser
from translator.engines.apertium_compounds import EnglishCompounds
from translator.engines.apertium_headlines import EnglishHeadlines
from translator.engines.apertium_mends import LowerCaseWords, mend_all
from translator.engines.apertium_phrases import EnglishPhrases
from translator.engines.apertium_pipeline import ApertiumPipeline, wblank_mode_command
from translator.engines.apertium_process import close_together
from translator.engines.apertium_steps import MARKED_LANGUAGES, marked, pair_mended, rules_key
from translator.engines.apertium_stream import build_stream, parse_stream
from translator.engines.base import DecodingOptions, LoadOptions

INSTALL_HINT = N_("on Debian/Ubuntu: apt-get install apertium apertium-eng-spa")
#: Apertium's ISO 639-3 codes for triglot's languages.
LANGUAGE_CODES: dict[str, str] = {"eng": "en", "spa": "es", "rus": "ru"}
_MODE = re.compile(r"^([a-z]{3})-([a-z]{3})$")
#: Words per chunk of a batch. Each chunk gets a fresh tagger (so a chunk translates the
#: same whatever ran before); a start costs 3.5 ms, so chunks stay large: on 4,000 WMT
#: lines 8,192 words gave 1.09-1.10x raw Apertium against 1.13x with 2,048, and output
#: closer to raw Apertium's own (2,259 lines the same against 2,195). Batches flow back
#: to back through the pipeline, so its programs still overlap across chunks.
CHUNK_WORDS = 8192
#: Words per batching token: the default --max-batch-tokens (2048) then makes batches of
#: about 16,000 words, two chunks each (fewer batches, fewer pipeline fills).
WORDS_PER_TOKEN = 8


def apertium_command() -> str | None:
    return shutil.which("apertium")


def data_dirs() -> list[Path]:
    """Where mode files live: the Debian location and a /usr/local build's."""
    return [Path("/usr/share/apertium"), Path("/usr/local/share/apertium")]


def installed_modes() -> dict[tuple[str, str], Path]:
    """(source, target) -> mode file, for the modes between triglot's languages."""
    modes: dict[tuple[str, str], Path] = {}
    for root in data_dirs():
        directory = root / "modes"
        if not directory.is_dir():
            continue
        for mode in sorted(directory.glob("*.mode")):
            found = _MODE.match(mode.stem)  # "spa-eng_US" and the like are variants: skipped
            if found and found[1] in LANGUAGE_CODES and found[2] in LANGUAGE_CODES:
                pair = (LANGUAGE_CODES[found[1]], LANGUAGE_CODES[found[2]])
                modes.setdefault(pair, mode)
    return modes


def package_version(package: str) -> str:
    """The Debian package's version, or "unknown" where dpkg does not know it."""
    if shutil.which("dpkg-query") is None:
        return "unknown"
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() \
        else "unknown"


def mode_fingerprint(mode: Path) -> str:
    """A short id of the mode and the compiled files it runs (content of the mode,
    size and mtime of each file), so a rebuilt language pair gets new cache keys."""
    digest = hashlib.sha256()
    text = mode.read_text(encoding="utf-8", errors="replace")
    digest.update(text.encode())
    for name in sorted(set(re.findall(r"'([^']+)'", text))):
        path = Path(name)
        if path.is_file():
            stat = path.stat()
            digest.update(f"{name}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()[:12]


def chunked(sentences: list[str], words: int) -> Iterator[list[str]]:
    """Consecutive runs of ``sentences`` of about ``words`` words each (at least one); the
    first is an eighth of that, so the last part of the pipeline starts work early."""
    chunk: list[str] = []
    count, limit = 0, max(1, words // 8)
    for sentence in sentences:
        chunk.append(sentence)
        count += len(sentence.split())
        if count >= limit:
            yield chunk
            chunk, count, limit = [], 0, words
    if chunk:
        yield chunk


class ApertiumPairTranslator:
    """One Apertium mode (``eng-spa``), its pipeline started once and kept running."""

    def __init__(self, command: str, source: str, target: str, mode: Path) -> None:
        self.command = command
        self.source, self.target = source, target
        self.mode = mode.stem
        self.data_dir = mode.parent.parent
        package = f"apertium-{mode.stem}"
        version = package_version(package)
        if version == "unknown":  # a pair's package is named either way round
            first, second = mode.stem.split("-")
            version = package_version(f"apertium-{second}-{first}")
        self.identity = f"apertium:{self.mode}:{version}:{mode_fingerprint(mode)}"
        self.persistent = wblank_mode_command() is not None
        #: English compounds spaced (``apertium_compounds``) and title-case headlines
        #: sentence-cased (``apertium_headlines``), asking one English analyser
        english = Analyser.for_mode(mode) if source == "en" else None
        self._compounds = EnglishCompounds(english) if source == "en" else None
        self._headlines = EnglishHeadlines(english) if source == "en" else None
        #: percentages and dates reworded as its rules know them (``apertium_phrases``)
        self._phrases = EnglishPhrases(english) if source == "en" else None
        #: English possessives transfer would miss (``apertium_possessives``) and people's
        #: surnames it would translate as words (``apertium_names``), marked
        self._before_tagger = partial(marked, source) if source in MARKED_LANGUAGES else None
        #: which target words lose a capital transfer leaked (``apertium_mends``); its
        #: analyser starts with the first question, which many runs never ask
        self._lower_case = LowerCaseWords.for_mode(mode)
        self._pipeline: ApertiumPipeline | None = None
        self._side: ApertiumPipeline | None = None  # retries while batches stream (_again)
        #: Announced batches (``upcoming``) with their chunks, and their outputs as they come.
        self._ahead: deque[tuple[list[str], list[list[str]]]] = deque()
        self._ahead_outputs: Iterator[str] | None = None
        self._preparing = threading.Lock()

    def close(self) -> None:
        """Stop the running pipeline (also done when the translator is collected or at exit)."""
        self._drop_ahead()
        # the compounds' analyser is the headlines' too
        parts = [part for part in (self._pipeline, self._side, self._compounds,
                                   self._lower_case) if part is not None]
        close_together(part.close for part in parts)
        self._pipeline = self._side = None

    def warm(self) -> None:
        """Start the pipeline now (its programs load their dictionaries meanwhile), not
        with the first batch: the run calls this as soon as it knows the pair is needed."""
        if self.persistent:
            self._pipeline_for_mode().start()
        if self._compounds is not None:
            self._compounds.warm()

    def token_count(self, sentence: str) -> int:
        """A token per ``WORDS_PER_TOKEN`` words, for batching: Apertium's cost grows with
        text length, and a word costs it far less than a token costs a neural model, so
        the default --max-batch-tokens makes batches of about 16,000 words."""
        return -(-len(sentence.split()) // WORDS_PER_TOKEN) or 1

    def upcoming(self, batches: list[list[str]]) -> None:
        """Told the batches ``translate`` will be given next, in order: their chunks are
        sent through the pipeline back to back, as one long shell pipeline takes them, so
        it does not drain and refill between batches; ``translate`` takes each batch's
        outputs as they come. The chunks and their outputs are the ones ``translate``
        alone makes (chunks are cut per batch, each prepared and tagged afresh); a batch
        is prepared while the ones before it are translated, so the first starts at once."""
        self._drop_ahead()
        if not self.persistent:
            return
        self._ahead.extend((list(batch), list(chunked(list(batch), CHUNK_WORDS)))
                           for batch in batches if batch)
        if self._ahead:
            self._ahead_outputs = self._pipeline_for_mode().outputs(
                self._streams_of([chunks for _, chunks in self._ahead]))

    def _streams_of(self, batches: list[list[list[str]]]) -> Iterator[str]:
        """The streams of each batch's chunks, prepared a batch at a time as they are
        taken (by the pipeline's feeding thread)."""
        for chunks in batches:
            yield from map(build_stream, self._prepared(chunks))

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate one batch, in chunks that overlap in the pipeline; outputs map one to
        one onto ``sentences``. The chunks are cut the same way whatever ran before, so a
        sentence's translation depends only on its batch (a resumed run is the same)."""
        batch = list(sentences)
        if self._ahead and self._ahead[0][0] == batch:
            chunks = self._ahead.popleft()[1]
            return self._mapped_all(chunks, self._take_ahead(len(chunks)))
        self._drop_ahead()  # not what was announced: the announcement no longer holds
        return self._translate_by(self._run, batch)

    def _translate_by(self, run: Callable[[list[str]], list[str]],
                      sentences: list[str]) -> list[str]:
        chunks = list(chunked(sentences, CHUNK_WORDS))
        if not chunks:
            return []
        return self._mapped_all(chunks, run([build_stream(chunk)
                                             for chunk in self._prepared(chunks)]))

    def _prepared(self, chunks: list[list[str]]) -> list[list[str]]:
        """The chunks as Apertium is given them: headlines sentence-cased, amounts,
        percentages and dates reworded, English compounds it would glue spaced (one
        batch at a time: they share an analyser)."""
        with self._preparing:
            if self._headlines is not None:
                chunks = self._headlines.sentence_cased(chunks)
            if self._phrases is not None:
                chunks = self._phrases.reworded(chunks)
            return self._compounds.spaced(chunks) if self._compounds is not None else chunks

    def _mapped_all(self, chunks: list[list[str]], outputs: list[str]) -> list[str]:
        return [text for chunk, output in zip(chunks, outputs, strict=True)
                for text in self._mapped(chunk, output)]

    def _mapped(self, sentences: list[str], output: str) -> list[str]:
        """One chunk's output stream cut at its separators; halves retried if they got lost."""
        pieces = parse_stream(output)
        numbers = [number for number, _ in pieces[:-1]]
        if numbers == list(range(len(sentences))) and not pieces[-1][1].strip():
            return self._mended(sentences, [text for _, text in pieces[:-1]])
        if len(sentences) == 1:  # separator lost: the whole output is this one sentence
            return self._mended(sentences, ["".join(text for _, text in pieces)])
        half = len(sentences) // 2
        return self._again(sentences[:half]) + self._again(sentences[half:])

    def _mended(self, sentences: list[str], outputs: list[str]) -> list[str]:
        if self._headlines is not None:  # compared with the sentences Apertium was given
            sentences = [self._headlines.cased.get(s, s) for s in sentences]
        pair = (self.source, self.target)
        outputs = mend_all(sentences, outputs, self._lower_case, pair == ("en", "es"))
        return [pair_mended(pair, s, o) for s, o in zip(sentences, outputs, strict=True)]

    def _again(self, sentences: list[str]) -> list[str]:
        """Part of a chunk translated again by itself; while announced batches still
        stream through the pipeline, through a second one of the same mode."""
        if self._ahead_outputs is None:
            return self.translate(sentences)
        if self._side is None:
            self._side = ApertiumPipeline(self._mode_file(), self.mode, self._before_tagger)
        return self._translate_by(self._side.run, sentences)

    def _take_ahead(self, count: int) -> list[str]:
        """The next ``count`` outputs of the announced batches' stream."""
        assert self._ahead_outputs is not None
        try:
            outputs = [next(self._ahead_outputs) for _ in range(count)]
            if not self._ahead:
                next(self._ahead_outputs, None)  # the stream ends: the pipeline is free
                self._ahead_outputs = None
            return outputs
        except BaseException:
            self._drop_ahead()
            raise

    def _drop_ahead(self) -> None:
        if self._ahead_outputs is not None:
            self._ahead_outputs.close()  # type: ignore[attr-defined]
        self._ahead.clear()
        self._ahead_outputs = None

    def _mode_file(self) -> Path:
        return self.data_dir / "modes" / f"{self.mode}.mode"

    def _pipeline_for_mode(self) -> ApertiumPipeline:
        if self._pipeline is None or self._pipeline.name != self.mode:
            if self._pipeline is not None:
                self._pipeline.close()
            self._pipeline = ApertiumPipeline(self._mode_file(), self.mode, self._before_tagger)
        return self._pipeline

    def _run(self, streams: list[str]) -> list[str]:
        if not self.persistent:
            return [self._run_once(stream) for stream in streams]
        return self._pipeline_for_mode().run(streams)

    def _run_once(self, stream: str) -> str:
        """The whole stream through a fresh ``apertium`` process (no pipeline kept)."""
        try:
            result = subprocess.run(
                [self.command, "-u", "-f", "none", "-d", str(self.data_dir), self.mode],
                input=stream, capture_output=True, text=True, encoding="utf-8", check=False)
        except OSError as exc:
            raise ModelError(_("cannot run apertium: {error}").format(error=exc)) from None
        if result.returncode != 0:
            detail = (result.stderr.strip().splitlines() or [_("no message")])[-1]
            raise ModelError(_("apertium {mode} failed (exit {code}): {detail}").format(
                mode=self.mode, code=result.returncode, detail=detail))
        return result.stdout


class ApertiumEngine:
    """Translation with the Apertium language pairs installed on the system."""

    name = "apertium"

    def __init__(self) -> None:
        self._command = apertium_command()
        self._modes = installed_modes() if self._command else {}
        self._loaded: list[ApertiumPairTranslator] = []

    def close(self) -> None:
        """Stop the pipelines of every pair loaded (the run is over)."""
        for translator in self._loaded:
            translator.close()

    def pairs(self) -> set[tuple[str, str]]:
        return set(self._modes)

    def load(self, source: str, target: str, load: LoadOptions,
             decoding: DecodingOptions) -> ApertiumPairTranslator:
        """Apertium has no options to load with: a mode is a pipeline of programs."""
        if self._command is None:
            raise ModelError(_("apertium is not installed; {hint}").format(hint=_(INSTALL_HINT)))
        mode = self._modes.get((source, target))
        if mode is None:
            have = ", ".join(f"{a}->{b}" for a, b in sorted(self._modes)) or _("none")
            raise ModelError(_("no Apertium language pair installed for {source}->{target} "
                               "(installed: {have}); {hint}").format(
                source=source, target=target, have=have, hint=_(INSTALL_HINT)))
        translator = ApertiumPairTranslator(self._command, source, target, mode)
        self._loaded.append(translator)
        return translator

    def cache_key(self, load: LoadOptions, decoding: DecodingOptions) -> str:
        """Rule-based: no beam, precision or length limit changes its output; how triglot
        prepares its input and mends its output does (``apertium_steps``)."""
        return rules_key(wblank_mode_command() is not None)
