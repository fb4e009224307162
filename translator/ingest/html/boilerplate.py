"""Which parts of a page are the article: content roots, boilerplate, translate on/off.

Only the article is translated: what lies inside ``<article>``/``<main>``/
``[role=main]`` when the page has them; otherwise the body minus navigation,
headers, footers, asides, forms and elements whose id/class name boilerplate.
``translate="no"``, ``class="notranslate"`` and code-like elements switch
translation off below them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator.ingest.html.elements import ATOMIC, INLINE, NEVER
from translator.ingest.html.tree import Node, Page, iter_nodes

_BOILERPLATE_NAMES_ARTICLE = {"nav", "aside", "form", "menu"}
_BOILERPLATE_NAMES_BODY = _BOILERPLATE_NAMES_ARTICLE | {"header", "footer"}
_BOILERPLATE_ROLES = {"navigation", "search", "complementary", "banner", "contentinfo", "menu",
                      "menubar"}
_BOILERPLATE_WORD = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|breadcrumbs?|cookies?|share|"
    r"sharing|social|comments?|related|advert\w*|ads?|promo\w*|subscribe|subscription|"
    r"newsletter|widget)(?=$|[\s_-])",
    re.IGNORECASE,
)


@dataclass
class Context:
    region: bool  # inside the article's content
    translate: bool  # not switched off by translate="no", notranslate, <code>...


class ContentRegions:
    """Where a page's article content is; ``mode`` is "article" (it has content roots),
    "body" (the whole body, boilerplate aside) or "fragment" (a snippet)."""

    def __init__(self, page: Page, fragment: bool = False) -> None:
        self.page = page
        self.mode = "fragment" if fragment else "body"
        self.content_roots: set[int] = set()
        self.region_size = 0
        self._find_content_roots()

    def _label(self, node: Node) -> str:
        return f"{self.page.attr(node, 'class') or ''} {self.page.attr(node, 'id') or ''}"

    def _looks_boilerplate(self, node: Node) -> bool:
        names = _BOILERPLATE_NAMES_ARTICLE if self.mode == "article" else _BOILERPLATE_NAMES_BODY
        if node.name in names:
            return True
        role = (self.page.attr(node, "role") or "").strip().lower()
        if role in _BOILERPLATE_ROLES and (
            self.mode != "article" or role not in {"banner", "contentinfo"}
        ):
            return True
        label = self._label(node)
        if not _BOILERPLATE_WORD.search(label):
            return False
        # A wrapper named "has-sidebar" that holds most of the text is not boilerplate.
        return self.region_size == 0 or self.page.letters(node) < 0.5 * self.region_size

    def _find_content_roots(self) -> None:
        """``<article>``, ``<main>`` or ``[role=main]`` outside boilerplate: the page's content."""
        body = next((n for n in iter_nodes(self.page.root) if n.name == "body"), None)
        total = self.page.letters(body or self.page.root)
        candidates = []

        def visit(node: Node, blocked: bool) -> None:
            for child in node.children:
                if not isinstance(child, Node):
                    continue
                role = (self.page.attr(child, "role") or "").strip().lower()
                if child.name in ("article", "main") or role == "main":
                    if not blocked:
                        candidates.append(child)
                    continue  # nested roots are covered by the outer one
                label = self._label(child)
                child_blocked = (
                    blocked
                    or child.name in _BOILERPLATE_NAMES_BODY
                    or role in _BOILERPLATE_ROLES
                    or (bool(_BOILERPLATE_WORD.search(label))
                        and self.page.letters(child) < 0.5 * total)
                )
                visit(child, child_blocked)

        visit(self.page.root, False)
        if candidates:
            self.mode = "article"
            self.content_roots = {id(node) for node in candidates}
            self.region_size = sum(self.page.letters(node) for node in candidates)
        else:
            self.region_size = total

    def child_context(self, node: Node, ctx: Context) -> Context:
        """The context inside ``node``: entering or leaving the content, translate on or off."""
        region, translate = ctx.region, ctx.translate
        starts_content = (self.mode == "article" and id(node) in self.content_roots) or (
            self.mode == "body" and node.name == "body"
        )
        if starts_content:
            region = True
        elif (
            region
            and node.name not in INLINE | ATOMIC | {"html", "body"}
            and self._looks_boilerplate(node)
        ):
            region = False
        flag = (self.page.attr(node, "translate") or "").strip().lower()
        if flag == "no":
            translate = False
        elif flag == "yes":
            translate = True
        classes = (self.page.attr(node, "class") or "").lower().split()
        if "notranslate" in classes or node.name in NEVER:
            translate = False
        return Context(region, translate)
