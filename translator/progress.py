"""Progress bars on stderr, silent when stderr is no terminal: ``Progress`` counts a
translation run's segments and documents, ``counting`` any other long work (the lines a
command reads names from, the concepts an import adds)."""

from __future__ import annotations

import sys
from typing import Any

from translator.core.i18n import _


class Progress:
    def __init__(self, enabled: bool | None = None) -> None:
        self.documents_total = 0
        self.documents_done = 0
        self.bar: Any = counting(0, _("seg"), _("translating"), enabled)

    def add_segments(self, count: int) -> None:
        self.bar.total += count
        self.bar.refresh()

    def segments_done(self, count: int) -> None:
        if count:
            self.bar.update(count)

    def set_documents(self, total: int) -> None:
        self.documents_total = total
        self._show_documents()

    def document_done(self) -> None:
        self.documents_done += 1
        self._show_documents()

    def _show_documents(self) -> None:
        self.bar.set_postfix_str(_("docs {done}/{total}").format(
            done=self.documents_done, total=self.documents_total))

    def close(self) -> None:
        self.bar.close()


def counting(total: int, unit: str, desc: str, enabled: bool | None = None) -> Any:
    """A bar up to ``total`` (``update(n)``, ``close()``; a context manager), or a silent
    counter when stderr is no terminal. ``unit`` and ``desc`` are shown as given."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        return _Silent(total)
    from tqdm import tqdm  # imported only when shown: it reads its package metadata

    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, dynamic_ncols=True,
                leave=False)


class _Silent:
    """The bar when nothing is shown: it only counts."""

    def __init__(self, total: int = 0) -> None:
        self.total, self.n = total, 0

    def __enter__(self) -> _Silent:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh(self) -> None:
        pass

    def update(self, count: int) -> None:
        self.n += count

    def set_postfix_str(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass
