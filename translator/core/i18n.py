"""triglot's own messages in the user's language, through gettext's ``triglot`` domain.

The catalogs live in the top-level ``locales/`` (``<lang>/LC_MESSAGES/triglot.mo``),
shipped as package data so an installed triglot finds them wherever it is. The
language is chosen the way gettext programs choose it: ``LANGUAGE`` (a colon list),
then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``. Python's gettext reads those variables
itself, so no system locale has to be installed; anything untranslated stays English.

``install()`` makes ``triglot`` the process's default domain, so click's own words
("Usage:", "Options:", "Missing argument") come from the same catalog as ours.
Mark a message with ``_("...")`` and fill it afterwards with ``.format(...)``: the
translator sees the whole sentence with its ``{name}`` placeholders. Counts go
through ``ngettext``, which knows Russian's three plural forms.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

DOMAIN = "triglot"


def catalog_dir() -> Path:
    """Where the compiled catalogs are: the ``locales`` package data, wherever installed."""
    try:
        return Path(str(resources.files("locales")))
    except ModuleNotFoundError:  # a checkout run without installing
        return Path(__file__).resolve().parents[2] / "locales"


def install() -> None:
    """Route every ``gettext`` call of the process (ours and click's) to triglot's catalogs.

    Only the command does this; a program importing triglot as a library keeps its
    own default domain, and ``_`` below still finds triglot's catalogs.
    """
    gettext.textdomain(DOMAIN)


gettext.bindtextdomain(DOMAIN, str(catalog_dir()))


def _catalog() -> gettext.NullTranslations:
    """The catalog for the language the environment asks for now (looked up once per
    setting, not once per message: gettext's own lookup checks files on every call)."""
    return _catalog_for(tuple(os.environ.get(name, "") for name in
                              ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")))


@lru_cache(maxsize=8)
def _catalog_for(setting: tuple[str, ...]) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, str(catalog_dir()), fallback=True)


def _(message: str) -> str:
    """``message`` in the user's language (English if the catalog lacks it)."""
    return _catalog().gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the sense ``context`` gives it ("name" of a person, not a column)."""
    return _catalog().pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog where it is defined; ``_`` translates it where shown
    (a table of command summaries built at import, before the language matters)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a counted message for ``count`` in the user's language."""
    return _catalog().ngettext(singular, plural, count)


def language() -> str:
    """The language triglot's messages are in: a catalog's code, or "en"."""
    found = gettext.find(DOMAIN, str(catalog_dir()))
    return Path(found).parents[1].name if found else "en"
