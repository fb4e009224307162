"""Kill a real ``triglot`` run at a known point: after exactly N engine batches.

``python -m tests.kill_point ARGS...`` runs the ``triglot`` CLI with ARGS, its
engine wrapped so that, when the run is about to send batch N+1 to the engine
(batches 1..N are translated and stored in the cache by then), it reports how
many sentences it translated on the pipe named by KILL_POINT_FD and blocks.
The test then kills it with SIGKILL: no timing, no race with the run.
Test-only code: the product never imports it.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: The child gives up on its own if nobody kills it (the test process died).
ORPHAN_TIMEOUT = 600.0


class _PausingTranslator:
    """A pair translator that stops before the batch after the N-th."""

    def __init__(self, inner: Any, pause: _Pause) -> None:
        self._inner, self._pause = inner, pause

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def translate(self, sentences: Sequence[str], *args: Any, **kwargs: Any) -> list[str]:
        self._pause.before_batch()
        outputs = self._inner.translate(sentences, *args, **kwargs)
        self._pause.batches += 1
        self._pause.sentences += len(sentences)
        return outputs


class _PausingEngine:
    def __init__(self, inner: Any, pause: _Pause) -> None:
        self._inner, self._pause = inner, pause

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def load(self, *args: Any, **kwargs: Any) -> _PausingTranslator:
        return _PausingTranslator(self._inner.load(*args, **kwargs), self._pause)


class _Pause:
    def __init__(self, after: int, report_fd: int) -> None:
        self.after, self.report_fd = after, report_fd
        self.batches = self.sentences = 0

    def before_batch(self) -> None:
        if self.batches < self.after:
            return
        report = json.dumps({"batches": self.batches, "sentences": self.sentences})
        os.write(self.report_fd, report.encode() + b"\n")
        os.close(self.report_fd)
        threading.Event().wait(ORPHAN_TIMEOUT)  # SIGKILL arrives here
        os._exit(3)


def main() -> None:
    """The child: the triglot CLI with its engine paused after KILL_POINT_BATCHES batches."""
    from translator.engines import registry

    pause = _Pause(int(os.environ["KILL_POINT_BATCHES"]), int(os.environ["KILL_POINT_FD"]))
    make_engine = registry.make_engine
    registry.make_engine = lambda name: _PausingEngine(make_engine(name), pause)
    from translator.cli import main as triglot

    sys.argv = ["triglot", *sys.argv[1:]]
    triglot()


def kill_after_batches(batches: int, args: Sequence[str], env: dict[str, str],
                       timeout: float = 300.0) -> dict[str, int]:
    """Run ``triglot ARGS`` until ``batches`` batches are stored, then SIGKILL it.

    Returns what the run had done by then: ``{"batches": n, "sentences": m}``.
    """
    read_fd, write_fd = os.pipe()
    child_env = dict(env, KILL_POINT_BATCHES=str(batches), KILL_POINT_FD=str(write_fd))
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.kill_point", *args], env=child_env, cwd=ROOT,
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=stderr)
        os.close(write_fd)
        try:
            ready, _, _ = select.select([read_fd], [], [], timeout)
            report = os.read(read_fd, 4096) if ready else b""
            if not report:  # the run ended (or hung) before reaching the kill point
                process.kill()
                process.wait()
                stderr.seek(0)
                raise AssertionError(f"the run never reached batch {batches + 1} "
                                     f"(exit {process.returncode}): {stderr.read().decode()}")
            process.send_signal(signal.SIGKILL)
            assert process.wait(timeout=30) == -signal.SIGKILL
        finally:
            os.close(read_fd)
            if process.poll() is None:
                process.kill()
                process.wait()
    return json.loads(report)


if __name__ == "__main__":
    main()
