"""A progress bar on stderr counting segments and documents; silent when stderr is no terminal."""

from __future__ import annotations

import sys
from typing import Any

from translator.core.i18n import _


class Progress:
    def __init__(self, enabled: bool | None = None) -> None:
        self.documents_total = 0
        self.documents_done = 0
        shown = sys.stderr.isatty() if enabled is None else enabled
        self.bar: Any = _bar() if shown else _Silent()

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


def _bar() -> Any:
    """tqdm's bar, imported only when shown (importing tqdm reads its package metadata)."""
    from tqdm import tqdm

    return tqdm(total=0, unit=_("seg"), desc=_("translating"), file=sys.stderr,
                dynamic_ncols=True, leave=False)


class _Silent:
    """The bar when nothing is shown: it only counts."""

    def __init__(self) -> None:
        self.total = 0

    def refresh(self) -> None:
        pass

    def update(self, count: int) -> None:
        pass

    def set_postfix_str(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass
