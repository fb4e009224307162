"""Named entities in ru/en/es: extraction, romanisation, alignment across scripts, clusters.

Submodules import their heavy libraries (natasha, pymorphy3, babel) inside
functions, so importing this package is cheap.
"""

from translator.entities.model import ENTITY_TYPES, Mention

__all__ = ["ENTITY_TYPES", "Mention"]
