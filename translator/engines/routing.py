"""Choosing a path between two languages: a direct model, or a pivot through English."""

from __future__ import annotations

from translator.core.errors import ModelError
from translator.core.i18n import _
from translator.core.languages import PIVOT
from translator.engines.registry import REGISTRY

Route = tuple[tuple[str, str], ...]


def plan_route(pairs: set[tuple[str, str]], source: str, target: str,
               engine: str = "argos") -> Route:
    """The hops to take from ``source`` to ``target``; direct wins over a pivot."""
    if (source, target) in pairs:
        return ((source, target),)
    via_pivot = ((source, PIVOT), (PIVOT, target))
    if PIVOT not in (source, target) and all(hop in pairs for hop in via_pivot):
        return via_pivot
    raise ModelError(missing_model_message(pairs, source, target, engine))


def missing_model_message(pairs: set[tuple[str, str]], source: str, target: str,
                          engine: str = "argos") -> str:
    """Say what is missing and the command that installs it (Argos packages only:
    another engine of the registry has its pairs from elsewhere, so it says so)."""
    if engine in REGISTRY and engine != "argos":
        have = ", ".join(f"{a}->{b}" for a, b in sorted(pairs)) or _("none")
        return _("{engine} has no {source}->{target} pair (it has: {have}); translate with "
                 "--engine argos").format(engine=engine.capitalize(), source=source,
                                          target=target, have=have)
    if PIVOT in (source, target):
        return _("no model installed for {source}->{target}; install it with: triglot models "
                 "install {source} {target}").format(source=source, target=target)
    missing = [hop for hop in ((source, PIVOT), (PIVOT, target)) if hop not in pairs]
    pivot_cmd = " && ".join(f"triglot models install {a} {b}" for a, b in missing)
    return _("no model installed for {source}->{target} (direct or through {pivot}); install "
             "one with: triglot models install {source} {target}  (or: {commands})").format(
        source=source, target=target, pivot=PIVOT, commands=pivot_cmd)
