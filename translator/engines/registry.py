"""The engines ``triglot translate --engine`` can use, by name, imported only when chosen.

Adding an engine: a module implementing ``translator.engines.base.Engine`` and
one line in ``REGISTRY``; the CLI's ``--engine`` choices and help follow.
"""

from __future__ import annotations

from importlib import import_module

from translator.core.errors import TriglotError
from translator.core.i18n import N_, _
from translator.engines.base import Engine

#: name -> (module, class, what it is); modules load on demand so an unused engine costs nothing.
REGISTRY: dict[str, tuple[str, str, str]] = {
    "argos": ("translator.engines.argos", "ArgosEngine", N_("Argos packages")),
    "apertium": ("translator.engines.apertium", "ApertiumEngine",
                 N_("Apertium (en<->es, from apt)")),
}
ENGINES: tuple[str, ...] = tuple(REGISTRY)


def engines_help() -> str:
    """One line for ``--engine``'s help, naming every engine."""
    engines = "; ".join(f"{name}: {_(REGISTRY[name][2])}" for name in ENGINES)
    return _("MT engine: {engines}.").format(engines=engines)


def make_engine(name: str) -> Engine:
    """A ready engine; an unknown name is a usage error listing the known ones."""
    key = name.strip().lower()
    if key not in REGISTRY:
        raise TriglotError(_("unknown engine '{name}': use one of {engines}").format(
            name=name, engines=", ".join(ENGINES)))
    module_name, class_name = REGISTRY[key][:2]
    return getattr(import_module(module_name), class_name)()
