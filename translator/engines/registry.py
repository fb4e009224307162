"""The engines ``triglot translate --engine`` can use, by name, imported only when chosen.

Adding an engine: a module implementing ``translator.engines.base.Engine`` and
one line in ``REGISTRY``; the CLI's ``--engine`` choices and help follow.
"""

from __future__ import annotations

from importlib import import_module

from translator.core.errors import TriglotError
from translator.engines.base import Engine

#: name -> (module, class, what it is); modules load on demand so an unused engine costs nothing.
REGISTRY: dict[str, tuple[str, str, str]] = {
    "argos": ("translator.engines.argos", "ArgosEngine", "Argos packages"),
    "apertium": ("translator.engines.apertium", "ApertiumEngine", "Apertium (en<->es, from apt)"),
}
ENGINES: tuple[str, ...] = tuple(REGISTRY)


def engines_help() -> str:
    """One line for ``--engine``'s help, naming every engine."""
    return "MT engine: " + "; ".join(f"{name}: {REGISTRY[name][2]}" for name in ENGINES) + "."


def make_engine(name: str) -> Engine:
    """A ready engine; an unknown name is a usage error listing the known ones."""
    key = name.strip().lower()
    if key not in REGISTRY:
        raise TriglotError(f"unknown engine '{name}': use one of {', '.join(ENGINES)}")
    module_name, class_name, _ = REGISTRY[key]
    return getattr(import_module(module_name), class_name)()
