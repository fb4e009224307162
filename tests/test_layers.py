"""The layers of docs/architecture.md hold: no cycles, nothing importing upward, small modules."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("translator", "glossary")
MAX_LINES = 400


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports anywhere (top level, functions, TYPE_CHECKING)."""
    known = modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([node.module] if node.module else []))
                candidates = [base] + [f"{base}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                continue
            graph[name].update(c for c in candidates if c in known and c != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(modules()):
        if node not in index:
            visit(node)
    return found


def test_there_are_no_import_cycles():
    assert cycles(import_graph()) == []


def test_glossary_uses_only_the_basics_of_translator():
    upward = sorted(f"{a} -> {b}" for a, targets in import_graph().items()
                    if a.startswith("glossary") for b in targets
                    if b.startswith("translator") and not b.startswith("translator.core"))
    assert upward == []


def test_the_basics_import_nothing_else_of_triglot():
    upward = sorted(f"{a} -> {b}" for a, targets in import_graph().items()
                    if a.startswith("translator.core")
                    for b in targets if not b.startswith("translator.core") and b != "translator")
    assert upward == []


def test_no_module_is_over_400_lines():
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_cli_commands_are_thin_shells():
    """A command parses options and calls one library function; logic lives below the CLI."""
    long = {}
    for path in sorted((ROOT / "translator" / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or not any(
                    "command" in ast.unparse(d) for d in node.decorator_list):
                continue
            if (size := node.end_lineno - node.lineno + 1) > 40:
                long[f"{path.name}:{node.name}"] = size
    assert long == {}
