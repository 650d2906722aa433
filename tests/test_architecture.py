"""The package's dependencies run one way: no import cycles between its
modules, and the maintainers' tooling is never imported by what a lesson
uses. Imports inside functions count too."""
from __future__ import annotations

import ast
from pathlib import Path

import roundtable

PACKAGE = Path(roundtable.__file__).parent
#: Build, benchmark, server and report tooling: run by make, never by a lesson.
TOOLING = {"bench", "servers", "sourcereport", "pacing"}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The package modules a module imports, at any depth of its code."""
    here = module_name(path).split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[:len(here) - node.level + 1] + (node.module.split(".") if node.module else [])
            candidates = [".".join(base)] + [".".join(base + [a.name]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("roundtable."):
            base = node.module.split(".")[1:]
            candidates = [".".join(base)] + [".".join(base + [a.name]) for a in node.names]
        elif isinstance(node, ast.Import):
            candidates = [a.name.removeprefix("roundtable.") for a in node.names if a.name.startswith("roundtable.")]
        else:
            continue
        found.update(c for c in candidates if c in modules)
    return found


def graph() -> dict[str, set[str]]:
    paths = [p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"]
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, modules) - {module_name(p)} for p in paths}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
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

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_inside_functions():
    edges = graph()
    assert "events" in edges["readings"]  # readings imports events inside a function


def test_no_import_cycles_in_the_package():
    assert cycles(graph()) == []


def test_lessons_never_import_the_tooling():
    edges = graph()
    offenders = {module: sorted(targets & TOOLING) for module, targets in edges.items()
                 if module not in TOOLING and targets & TOOLING}
    assert offenders == {}
