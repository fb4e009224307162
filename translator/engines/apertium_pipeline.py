"""One Apertium mode kept running between batches, fed through null-flush mode.

Starting a mode loads every dictionary of its pipeline (analyser, tagger,
transfer, generator) again, which costs more than translating a batch. Like
Apertium's own apertium-apy server, triglot starts the mode's programs once
with ``-z``: each program flushes its output when it reads a NUL, so a batch
is written followed by ``\\0`` and read back up to the ``\\0`` that comes out.

The pipeline is the one ``apertium -u -f none`` runs (``apertium-wblank-mode -z``
turns the mode file into it), so outputs are exactly the one-shot ones.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import selectors
import shutil
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from translator.core.errors import ModelError
from translator.core.i18n import _
from translator.engines.apertium_process import (
    MODE_ARGS,
    PipelineFailed,
    run_once,
    stop_process,
    utf8_environment,
)

#: Seconds a batch may take before the pipeline counts as hung: a floor plus a
#: generous allowance per character (Apertium does about 30,000 chars a second).
TIMEOUT_FLOOR = 30.0
TIMEOUT_PER_CHAR = 0.001
_FLUSH = b"\0"


def wblank_mode_command() -> str | None:
    """The tool that turns a mode file into its null-flush pipeline (Apertium >= 3.8)."""
    return shutil.which("apertium-wblank-mode")


def batch_timeout(stream: str) -> float:
    return TIMEOUT_FLOOR + TIMEOUT_PER_CHAR * len(stream)


def pipeline_stages(mode_file: Path, name: str) -> list[str]:
    """The mode's programs in null-flush mode, one shell command each."""
    command = wblank_mode_command()
    if command is None or not mode_file.is_file():
        raise ModelError(_("apertium {name} failed: no mode file {path}").format(
            name=name, path=mode_file))
    made = subprocess.run([command, "-z", str(mode_file)], capture_output=True,
                          text=True, check=False)
    if made.returncode != 0 or not made.stdout.strip():
        raise ModelError(_("apertium {name} failed: cannot read its mode file").format(
            name=name))
    return [stage.strip() for stage in made.stdout.strip().split(" | ")]


class ApertiumPipeline:
    """One mode's programs kept running; ``run`` translates a stream through them.

    The part-of-speech tagger alone is started per stream (a chunk of a batch): it
    keeps its state across flushes, so a warm tagger tags a stream differently from a
    fresh one (measured: 41 of 44 WMT batches differ), and a sentence's translation
    would depend on what ran before it.
    It loads one small file; the dictionaries before and after it stay loaded.
    """

    def __init__(self, mode_file: Path, name: str,
                 before_tagger: Callable[[str], str] | None = None) -> None:
        self.mode_file, self.name = mode_file, name
        #: What each stream's analyses go through before the tagger (``apertium_possessives``).
        self.before_tagger = before_tagger
        self._parts: list[_Warm | str] | None = None
        self._lock = threading.Lock()

    def run(self, streams: Sequence[str]) -> list[str]:
        """The output stream for each of ``streams``; a failed pipeline is restarted once,
        then ``ModelError``. NULs in the text are dropped: they would end a stream early."""
        return list(self.outputs(streams))

    def outputs(self, streams: Iterable[str]) -> Iterator[str]:
        """Each stream's output as soon as it comes out, in order (``run``, one at a time):
        all of ``streams`` flow through the programs back to back, so they never drain and
        refill in between. ``streams`` may be made as they are needed (a thread takes
        them while earlier ones are translated). A failed pipeline is restarted and given
        the streams not yet answered; failing again before answering one is
        ``ModelError``. Exhaust or close the iterator: it holds the pipeline until then."""
        source = iter(streams)
        given: list[str] = []  # the streams taken from ``source`` so far

        def taken() -> Iterator[str]:
            for stream in source:
                given.append(stream.replace("\0", ""))
                yield given[-1]

        with self._lock:
            done, failed, pending = 0, False, taken()
            while True:
                try:
                    for output in self._through(pending):
                        done += 1
                        failed = False
                        yield output
                    return
                except PipelineFailed as exc:
                    detail = self._last_error() or str(exc)
                    self.close()
                    if failed:
                        raise ModelError(_("apertium {name} failed twice: {detail}").format(
                            name=self.name, detail=detail)) from None
                    failed = True
                    pending = itertools.chain(given[done:], taken())

    def start(self) -> None:
        """Start the programs kept running, without waiting for them to be ready (if
        streams are flowing, they are running)."""
        if not self._lock.acquire(blocking=False):
            return
        try:
            for part in self._warm_parts():
                part.start()
        finally:
            self._lock.release()

    def close(self) -> None:
        """Stop the pipeline's programs; the next ``run`` starts them again. Every part's
        input is closed first, so the parts wind down together, not one after another."""
        warm = [part for part in self._parts or [] if isinstance(part, _Warm)]
        for part in warm:
            if part.process is not None and part.process.stdin is not None:
                with contextlib.suppress(OSError):
                    part.process.stdin.close()
        for part in warm:
            part.close()
        self._parts = None

    @property
    def processes(self) -> list[subprocess.Popen[bytes]]:
        """The running programs (for tests and diagnostics)."""
        return [part.process for part in self._parts or []
                if isinstance(part, _Warm) and part.process is not None]

    def _through(self, texts: Iterator[str]) -> Iterator[str]:
        """Every stream through every part at once, the way a shell pipeline runs: one
        thread takes the streams as they are made, each warm part is written ahead by one
        thread while another reads its outputs, and the tagger runs per stream between
        them, so no part waits for another's round trip, and analysis of the next stream
        overlaps transfer of this one."""
        self._warm_parts()
        inflow: queue.Queue[object] = queue.Queue()
        stop = threading.Event()

        def feed() -> None:
            try:
                for text in texts:
                    if stop.is_set():
                        return
                    inflow.put(text)
                inflow.put(_END)
            except BaseException as exc:  # handed on to the caller's thread
                inflow.put(exc)

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        threads: list[threading.Thread] = []
        flow = inflow
        for part in self._parts:
            flow = part.stream(flow, threads, stop) if isinstance(part, _Warm) \
                else _per_stream(part, flow, threads, stop, self.before_tagger)
        try:
            while (item := flow.get()) is not _END:
                if isinstance(item, BaseException):
                    raise item
                yield str(item)
        except BaseException:
            self.close()  # a thread blocked on a dead or hung program sees its end at once
            raise
        finally:
            stop.set()  # every thread ends after its current stream (Ctrl-C: at once)
            feeder.join()  # it waits on no program: ``texts`` is not shared with a retry
            for thread in threads:
                thread.join(timeout=5)

    def _warm_parts(self) -> list[_Warm]:
        if self._parts is None:
            self._parts = _split_at_tagger(pipeline_stages(self.mode_file, self.name))
        return [part for part in self._parts if isinstance(part, _Warm)]

    def _last_error(self) -> str:
        errors = [part.last_error() for part in self._parts or [] if isinstance(part, _Warm)]
        return next((error for error in errors if error), "")


def _split_at_tagger(stages: list[str]) -> list[_Warm | str]:
    """Warm programs before and after the tagger; the tagger as a command run per stream."""
    at = next((i for i, stage in enumerate(stages) if stage.startswith("apertium-tagger ")),
              None)
    if at is None:
        return [_Warm(" | ".join(stages))]
    tagger = stages[at].replace("apertium-tagger -z ", "apertium-tagger ", 1)
    parts: list[_Warm | str] = []
    if stages[:at]:
        parts.append(_Warm(" | ".join(stages[:at])))
    parts.append(tagger)
    if stages[at + 1:]:
        parts.append(_Warm(" | ".join(stages[at + 1:])))
    return parts


def _per_stream(command: str, inflow: queue.Queue[object], threads: list[threading.Thread],
                stop: threading.Event, prepare: Callable[[str], str] | None = None
                ) -> queue.Queue[object]:
    """A program started afresh for each stream (the tagger), in a thread of its own;
    ``prepare`` changes each stream before the program reads it. ``stop``: end after the
    current stream, the next part told so."""
    outflow: queue.Queue[object] = queue.Queue()

    def run() -> None:
        item: object = _END
        while not stop.is_set() and isinstance(item := inflow.get(), str):
            try:
                text = prepare(item) if prepare is not None else item
                outflow.put(run_once(command, text, batch_timeout(text)))
            except BaseException as exc:  # handed on to the caller's thread
                outflow.put(exc)
                return
        outflow.put(_END if isinstance(item, str) else item)  # the end, or an earlier error

    _start_thread(run, threads)
    return outflow


def _start_thread(target: Callable[[], None], threads: list[threading.Thread]) -> None:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    threads.append(thread)


#: Marks the end of a run's streams in the queues between parts.
_END = object()


class _Warm:
    """Programs started once and fed batch after batch, each ended by a NUL."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._finalizer: weakref.finalize | None = None
        self.retired = False

    def close(self) -> None:
        """Stop the programs for good: a pipeline that restarts makes new ones."""
        self.retired = True
        if self._finalizer is not None:
            self._finalizer()
        self.process = self._stderr = self._finalizer = None

    def stream(self, inflow: queue.Queue[object], threads: list[threading.Thread],
               stop: threading.Event) -> queue.Queue[object]:
        """Feed every stream of ``inflow`` to the programs, each ended by a NUL, without
        waiting for outputs; the outputs come out, in order, on the queue returned.
        ``stop``: write no more, and tell the reader so."""
        process = self.start()
        assert process.stdin is not None and process.stdout is not None
        stdin, stdout = process.stdin, process.stdout
        outflow: queue.Queue[object] = queue.Queue()
        written: queue.Queue[object] = queue.Queue()  # what the reader is to expect next

        def write() -> None:
            item: object = _END
            while not stop.is_set() and isinstance(item := inflow.get(), str):
                written.put(item)  # first: the reader's clock starts with the writing
                try:
                    stdin.write(item.encode("utf-8") + _FLUSH)
                    stdin.flush()
                except (OSError, ValueError):
                    break  # the programs died: the reader sees end of file and says so
            written.put(_END if isinstance(item, str) else item)

        def read() -> None:
            buffer = bytearray()
            try:
                while isinstance(item := written.get(), str):
                    data = _read_until_flush(stdout, buffer,
                                             time.monotonic() + batch_timeout(item))
                    try:
                        outflow.put(data.decode("utf-8"))
                    except UnicodeDecodeError:
                        raise PipelineFailed(_("output is not UTF-8")) from None
                outflow.put(item)
            except BaseException as exc:  # handed on to the caller's thread
                outflow.put(exc)

        _start_thread(write, threads)
        _start_thread(read, threads)
        return outflow

    def last_error(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""

    def start(self) -> subprocess.Popen[bytes]:
        """The programs, started now if they are not running."""
        if self.process is not None and self.process.poll() is None:
            return self.process
        if self.retired:
            raise PipelineFailed(_("the pipeline was stopped"))
        if self.process is not None:
            self.close()
            self.retired = False
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop_process)
        try:
            self.process = subprocess.Popen(
                ["bash", "-c", self.command, *MODE_ARGS], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=self._stderr, env=utf8_environment(),
                start_new_session=True)
        except OSError as exc:
            raise ModelError(_("cannot run apertium: {error}").format(error=exc)) from None
        self._finalizer = weakref.finalize(self, stop_process, self.process, self._stderr)
        return self.process


def _read_until_flush(stdout: IO[bytes], buffer: bytearray, deadline: float) -> bytes:
    """The next output, up to its NUL; what was read beyond it stays in ``buffer``."""
    descriptor = stdout.fileno()
    searched = 0
    with selectors.DefaultSelector() as selector:
        selector.register(descriptor, selectors.EVENT_READ)
        while (end := buffer.find(_FLUSH, searched)) < 0:
            searched = len(buffer)
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(timeout=left):
                raise PipelineFailed(_("timed out"))
            chunk = os.read(descriptor, 1 << 16)
            if not chunk:
                raise PipelineFailed(_("the pipeline ended"))
            buffer += chunk
    data = bytes(buffer[:end])
    del buffer[:end + 1]
    return data
