"""Running Apertium's programs: their environment, a stage run once, and stopping them.

The pipeline (``apertium_pipeline``) and the analyser (``apertium_analyser``) keep
programs running; the tagger is run once per stream. Waits end when the program
does: ``Popen.wait`` with a timeout polls with growing sleeps, which overshoots a
program that ends in a few milliseconds by as much again, once per stream and once
per program at the end of every run.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import subprocess
import threading
from collections.abc import Callable, Iterable
from typing import IO

from translator.core.i18n import _


class PipelineFailed(Exception):
    """The pipeline died, hung or answered garbage: restart it and retry the batch."""


def utf8_environment() -> dict[str, str]:
    """Apertium's programs read UTF-8 only under a UTF-8 locale (its wrapper does the same)."""
    env = dict(os.environ)
    if "utf" not in env.get("LC_ALL", env.get("LC_CTYPE", "")).lower():
        env.pop("LC_ALL", None)
        env["LC_CTYPE"] = "C.UTF-8"
    return env


def wait_for_exit(process: subprocess.Popen[bytes], timeout: float) -> int:
    """``process``'s exit status, as soon as it ends; ``subprocess.TimeoutExpired`` after
    ``timeout`` seconds. Woken by a process file descriptor where the system has them."""
    try:
        descriptor = os.pidfd_open(process.pid)
    except (AttributeError, OSError):  # not Linux, or already reaped
        return process.wait(timeout=timeout)
    try:
        if not select.select([descriptor], [], [], timeout)[0]:
            raise subprocess.TimeoutExpired(process.args, timeout)
    finally:
        os.close(descriptor)
    return process.wait()


def stop_process(process: subprocess.Popen[bytes], stderr: IO[bytes] | None = None) -> None:
    """End a program started in a session of its own (a pipeline, the analyser): close
    its input, then kill its process group if it lingers."""
    if process.poll() is None:
        try:
            if process.stdin is not None:
                process.stdin.close()
            wait_for_exit(process, timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    for stream in (process.stdin, process.stdout, stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


def close_together(closers: Iterable[Callable[[], None]]) -> None:
    """Call every one of ``closers`` at once, each in a thread of its own: the programs
    they stop wind down together, not one after another."""
    threads = [threading.Thread(target=close, daemon=True) for close in closers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


#: The mode's shell arguments: $1 -n: no '*' on unknown words (apertium -u);
#: $2 empty: no tagger option.
MODE_ARGS = ["apertium", "-n", ""]

#: A mode stage that is one plain program call: words, single-quoted words, $1 and $2.
_PLAIN_WORD = r"(?:[\w./+=,:@%-]+|'[^']*'|\$[12])"
_PLAIN_STAGE = re.compile(rf"{_PLAIN_WORD}(?:[ \t]+{_PLAIN_WORD})*")


def program_call(command: str) -> list[str]:
    """The arguments to run a mode stage with: the program itself where the stage is a
    plain call (the tagger, started once per stream, then costs no shell), else bash."""
    if not _PLAIN_STAGE.fullmatch(command):
        return ["bash", "-c", command, *MODE_ARGS]
    args: list[str] = []
    for word in re.findall(_PLAIN_WORD, command):
        if word.startswith("'"):
            args.append(word[1:-1])
        elif word.startswith("$"):  # bash drops an empty, unquoted $2
            args += [MODE_ARGS[int(word[1])]] if MODE_ARGS[int(word[1])] else []
        else:
            args.append(word)
    return args


def run_once(command: str, text: str, timeout: float) -> str:
    """A mode stage's output for ``text``, the stage started for it alone; killed and
    ``PipelineFailed`` after ``timeout`` seconds (a watchdog: the wait itself is exact)."""
    try:
        process = subprocess.Popen(program_call(command), stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=utf8_environment())
    except OSError as exc:  # the program is gone (a shell would have said so and exited)
        raise PipelineFailed(str(exc)) from None
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        process.kill()

    watchdog = threading.Timer(timeout, expire)
    watchdog.start()
    try:
        out, err = process.communicate(text.encode("utf-8"))
    finally:
        watchdog.cancel()
        watchdog.join()  # no thread outlives the stage
    if expired.is_set():
        raise PipelineFailed(_("timed out"))
    if process.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        raise PipelineFailed(lines[-1] if lines else _("exit {code}").format(
            code=process.returncode))
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        raise PipelineFailed(_("output is not UTF-8")) from None
