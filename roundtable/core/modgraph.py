"""Which of the package's modules import which, read from their source.

Imports inside functions count as well as those at the top. The figure
cache uses this to hash only the code a figure can depend on, and the
architecture tests use it to keep the package free of import cycles.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def module_name(path: Path, package_dir: Path = PACKAGE_DIR) -> str:
    return ".".join(path.relative_to(package_dir).with_suffix("").parts)


def module_paths(package_dir: Path = PACKAGE_DIR) -> dict[str, Path]:
    return {module_name(p, package_dir): p for p in sorted(package_dir.rglob("*.py")) if p.name != "__init__.py"}


def imports_of(path: Path, modules: set[str], package_dir: Path = PACKAGE_DIR) -> set[str]:
    """The package modules that one module imports, anywhere in its code."""
    here = module_name(path, package_dir).split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[:len(here) - node.level + 1] + (node.module.split(".") if node.module else [])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("roundtable."):
            base = node.module.split(".")[1:]
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("roundtable.") for a in node.names
                         if a.name.startswith("roundtable.") and a.name.removeprefix("roundtable.") in modules)
            continue
        else:
            continue
        candidates = [".".join(base)] + [".".join(base + [alias.name]) for alias in node.names]
        found.update(c for c in candidates if c in modules)
    return found


def import_graph(package_dir: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    paths = module_paths(package_dir)
    modules = set(paths)
    return {name: imports_of(path, modules, package_dir) - {name} for name, path in paths.items()}


def reachable(graph: dict[str, set[str]], start: set[str]) -> set[str]:
    """The modules in `start` and everything they import, directly or not."""
    seen, todo = set(), list(start)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    return seen


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop
    (Tarjan's strongly connected components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups
