"""triglot must never need torch or stanza: neither installed nor imported."""

import importlib.metadata
import subprocess
import sys

import pytest

HEAVY = ("torch", "stanza", "spacy", "argostranslate.translate")


def loaded_after(code: str) -> set[str]:
    probe = (
        f"import sys\n{code}\n"
        f"print('LOADED:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("LOADED:"))
    return set(filter(None, line.removeprefix("LOADED:").split(",")))


def test_import_translator_loads_no_torch_or_stanza():
    assert loaded_after("import translator, translator.pipeline, translator.engines.argos") == set()


@pytest.mark.parametrize("args", [["--help"], ["translate", "--help"], ["models", "--help"]])
def test_cli_help_loads_no_torch_or_stanza(args):
    code = (
        "from translator.cli import cli\n"
        f"try:\n    cli.main({args!r}, standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    assert loaded_after(code) == set()


@pytest.mark.parametrize("dist", ["torch", "stanza", "nvidia-cublas-cu12", "nvidia-cudnn-cu12"])
def test_the_install_did_not_pull_torch_or_cuda(dist):
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.distribution(dist)
