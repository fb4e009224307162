"""Running Apertium's stages: exact waits, a stage run once with a watchdog, stopping."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from translator.engines.apertium_process import (
    PipelineFailed,
    close_together,
    program_call,
    run_once,
    stop_process,
    wait_for_exit,
)


def test_a_plain_stage_runs_without_a_shell_and_others_through_bash():
    assert program_call("apertium-tagger -g $2 '/usr/share/x y/eng.prob'") == [
        "apertium-tagger", "-g", "/usr/share/x y/eng.prob"]
    assert program_call("lt-proc $1 a.bin | cat")[:2] == ["bash", "-c"]


def test_run_once_gives_the_output_and_says_why_a_stage_failed():
    assert run_once("cat", "^word/word<n>$\n", timeout=10) == "^word/word<n>$\n"
    with pytest.raises(PipelineFailed, match=r"^broken dictionary$"):
        run_once("echo broken dictionary >&2; exit 3", "", timeout=10)
    with pytest.raises(PipelineFailed, match="no-such-program"):
        run_once("no-such-program-triglot", "", timeout=10)


def test_a_stage_that_hangs_is_killed_at_its_timeout():
    started = time.monotonic()
    with pytest.raises(PipelineFailed, match=r"^timed out$"):
        run_once("sleep 30", "", timeout=0.5)
    assert time.monotonic() - started < 10


def test_waiting_ends_when_the_program_does_or_at_the_timeout():
    quick = subprocess.Popen([sys.executable, "-c", "pass"])
    assert wait_for_exit(quick, timeout=30) == 0
    assert wait_for_exit(quick, timeout=30) == 0, "an ended, reaped program answers at once"
    slow = subprocess.Popen(["sleep", "30"])
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            wait_for_exit(slow, timeout=0.2)
    finally:
        slow.kill()
        slow.wait()


def test_programs_are_stopped_together():
    programs = [subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                 start_new_session=True) for _ in range(3)]
    close_together(lambda program=program: stop_process(program) for program in programs)
    assert all(program.returncode == 0 for program in programs)
