"""The engines ``triglot translate --engine`` can use, by name, imported only when chosen."""

from __future__ import annotations

from importlib import import_module

from translator.core.errors import TriglotError
from translator.engines.base import Engine

ENGINES: tuple[str, ...] = ("argos", "apertium")
#: name -> (module, class); modules load on demand so an unused engine costs nothing.
_CLASSES: dict[str, tuple[str, str]] = {
    "argos": ("translator.engines.argos", "ArgosEngine"),
    "apertium": ("translator.engines.apertium", "ApertiumEngine"),
}


def make_engine(name: str) -> Engine:
    """A ready engine; an unknown name is a usage error listing the known ones."""
    key = name.strip().lower()
    if key not in _CLASSES:
        raise TriglotError(f"unknown engine '{name}': use one of {', '.join(ENGINES)}")
    module_name, class_name = _CLASSES[key]
    return getattr(import_module(module_name), class_name)()
