"""The package's folders are layers and dependencies run one way: each
module imports only from its own layer or the layers before it, there are no
import cycles, and nothing a lesson uses imports the maintainers' tooling.
Imports inside functions count too, and are allowed only where a heavy
import is deferred on purpose, with a comment saying so."""
from __future__ import annotations

import ast
from pathlib import Path

from roundtable.core.modgraph import PACKAGE_DIR, cycles, import_graph, reachable

#: The layers, lowest first. `display` is the facade the notebooks call;
#: `tooling` is what make runs, and may use everything.
LAYERS = ["core", "model", "analysis", "views", "work", "widgets", "display", "tooling"]


def layer_of(module: str) -> str:
    return module.split(".")[0]


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_inside_functions_and_follows_them():
    graph = import_graph()
    assert "model.events" in graph["model.readings"]  # imported inside a function
    assert {"views.figures", "model.events", "core.paths"} <= reachable(graph, {"views.figures"})
    assert "tooling.bench" not in reachable(graph, {"views.figures"})


def test_every_module_sits_in_a_layer():
    assert {layer_of(module) for module in import_graph()} <= set(LAYERS)


def test_no_import_cycles_in_the_package():
    assert cycles(import_graph()) == []


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    rank = {layer: n for n, layer in enumerate(LAYERS)}
    return sorted(f"{module} imports {target}" for module, targets in graph.items() for target in targets
                  if rank[layer_of(target)] > rank[layer_of(module)])


def test_an_upward_import_is_found():
    fake = {"model.events": {"views.figures", "core.paths"}, "views.figures": {"model.events"}}
    assert upward_imports(fake) == ["model.events imports views.figures"]


def test_dependencies_run_one_way():
    assert upward_imports(import_graph()) == []


def test_lessons_never_import_the_tooling():
    assert sorted(module for module, targets in import_graph().items()
                  if layer_of(module) != "tooling" and any(layer_of(t) == "tooling" for t in targets)) == []


def deferred_imports_without_a_reason(package_dir: Path = PACKAGE_DIR) -> list[str]:
    """Imports inside functions that are not preceded by a comment saying
    why they are deferred (a heavy import kept out of start-up on purpose)."""
    found = []
    for path in sorted(package_dir.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for function in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    previous = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
                    if not previous.lower().startswith("# deferred"):
                        found.append(f"{path.relative_to(package_dir)}:{node.lineno}")
    return found


def test_the_deferred_import_check_finds_an_unexplained_one(tmp_path):
    (tmp_path / "a.py").write_text("def f():\n    import json\n\n\ndef g():\n    # Deferred on purpose: heavy.\n"
                                   "    import csv\n", encoding="utf-8")
    assert deferred_imports_without_a_reason(tmp_path) == ["a.py:2"]


def test_imports_inside_functions_are_only_deferred_on_purpose():
    assert deferred_imports_without_a_reason() == []
