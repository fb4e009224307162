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
import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import weakref
from pathlib import Path
from typing import IO

from translator.core.errors import ModelError

#: Seconds a batch may take before the pipeline counts as hung: a floor plus a
#: generous allowance per character (Apertium does about 30,000 chars a second).
TIMEOUT_FLOOR = 30.0
TIMEOUT_PER_CHAR = 0.001
_FLUSH = b"\0"
#: Sent after each batch: a lone full stop puts the tagger, which keeps its
#: state across flushes, back where a fresh process starts (after a sentence
#: end), so the next batch is tagged exactly as one process per batch would.
#: Its output, from the marker on, is cut off.
RESET_MARK = "[<triglot:reset>]"
RESET = RESET_MARK + ".[]"


def wblank_mode_command() -> str | None:
    """The tool that turns a mode file into its null-flush pipeline (Apertium >= 3.8)."""
    return shutil.which("apertium-wblank-mode")


def batch_timeout(stream: str) -> float:
    return TIMEOUT_FLOOR + TIMEOUT_PER_CHAR * len(stream)


def _utf8_environment() -> dict[str, str]:
    """Apertium's programs read UTF-8 only under a UTF-8 locale (its wrapper does the same)."""
    env = dict(os.environ)
    if "utf" not in env.get("LC_ALL", env.get("LC_CTYPE", "")).lower():
        env.pop("LC_ALL", None)
        env["LC_CTYPE"] = "C.UTF-8"
    return env


def _stop(process: subprocess.Popen[bytes], stderr: IO[bytes]) -> None:
    """End the pipeline: close its input, then kill its process group if it lingers."""
    if process.poll() is None:
        try:
            if process.stdin is not None:
                process.stdin.close()
            process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    for stream in (process.stdin, process.stdout, stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


class PipelineFailed(Exception):
    """The pipeline died, hung or answered garbage: restart it and retry the batch."""


class ApertiumPipeline:
    """One running pipeline of one mode; ``run`` translates a stream through it."""

    def __init__(self, mode_file: Path, name: str) -> None:
        self.mode_file, self.name = mode_file, name
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._finalizer: weakref.finalize | None = None
        self._lock = threading.Lock()

    def run(self, stream: str) -> str:
        """The output stream for ``stream``; a failed pipeline is restarted once, then
        ``ModelError``. NULs in the text are dropped: they would end the batch early."""
        data = (stream.replace("\0", "") + RESET).encode("utf-8")
        with self._lock:
            try:
                return _without_reset(self._exchange(data, batch_timeout(stream)))
            except PipelineFailed:
                self.close()
            try:
                return _without_reset(self._exchange(data, batch_timeout(stream)))
            except PipelineFailed as exc:
                detail = self._last_error() or str(exc)
                self.close()
                raise ModelError(f"apertium {self.name} failed twice: {detail}") from None

    def close(self) -> None:
        """Stop the pipeline's programs; the next ``run`` starts them again."""
        if self._finalizer is not None:
            self._finalizer()
        self._process = self._stderr = self._finalizer = None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self.close()
        command = wblank_mode_command()
        if command is None or not self.mode_file.is_file():
            raise ModelError(f"apertium {self.name} failed: no mode file {self.mode_file}")
        made = subprocess.run([command, "-z", str(self.mode_file)], capture_output=True,
                              text=True, check=False)
        if made.returncode != 0 or not made.stdout.strip():
            raise ModelError(f"apertium {self.name} failed: cannot read its mode file")
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed by _stop)
        try:
            # $1 -n: no '*' on unknown words (apertium -u); $2 empty: no tagger option.
            self._process = subprocess.Popen(
                ["bash", "-c", made.stdout.strip(), "apertium", "-n", ""],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                env=_utf8_environment(), start_new_session=True)
        except OSError as exc:
            raise ModelError(f"cannot run apertium: {exc}") from None
        self._finalizer = weakref.finalize(self, _stop, self._process, self._stderr)
        return self._process

    def _exchange(self, data: bytes, timeout: float) -> str:
        process = self._start()
        assert process.stdin is not None and process.stdout is not None
        writer = threading.Thread(target=_write, args=(process.stdin, data + _FLUSH),
                                  daemon=True)
        writer.start()
        output = _read_until_flush(process.stdout, time.monotonic() + timeout)
        writer.join(timeout=1)
        try:
            return output.decode("utf-8")
        except UnicodeDecodeError:
            raise PipelineFailed("output is not UTF-8") from None

    def _last_error(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""


def _without_reset(output: str) -> str:
    cut = output.rfind(RESET_MARK)
    return output if cut < 0 else output[:cut]


def _write(stdin: IO[bytes], data: bytes) -> None:
    """Write from a thread: a big batch fills the pipe while its output waits to be read."""
    try:
        stdin.write(data)
        stdin.flush()
    except (OSError, ValueError):
        pass  # the pipeline died: the reader sees end of file and says so


def _read_until_flush(stdout: IO[bytes], deadline: float) -> bytes:
    chunks: list[bytes] = []
    descriptor = stdout.fileno()
    with selectors.DefaultSelector() as selector:
        selector.register(descriptor, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(timeout=left):
                raise PipelineFailed("timed out")
            chunk = os.read(descriptor, 1 << 16)
            if not chunk:
                raise PipelineFailed("the pipeline ended")
            if chunk.endswith(_FLUSH):
                chunks.append(chunk[:-1])
                return b"".join(chunks)
            chunks.append(chunk)
