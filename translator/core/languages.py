"""The three languages triglot works in, and the pivot between them."""

from __future__ import annotations

from translator.core.errors import TriglotError
from translator.core.i18n import _

LANGUAGES: dict[str, str] = {"ru": "Russian", "en": "English", "es": "Spanish"}
PIVOT = "en"


def check_language(code: str) -> str:
    """Return the normalised code, or fail with a message listing what is supported."""
    norm = code.strip().lower()
    if norm not in LANGUAGES:
        raise TriglotError(
            _("unsupported language '{code}': use one of {supported}").format(
                code=code, supported=", ".join(LANGUAGES)
            )
        )
    return norm


def parse_language_list(value: str) -> list[str]:
    """Parse ``es,en`` into checked codes, keeping order and dropping repeats."""
    codes: list[str] = []
    for part in value.split(","):
        if part.strip():
            code = check_language(part)
            if code not in codes:
                codes.append(code)
    if not codes:
        raise TriglotError(_("no target language given"))
    return codes
