"""The package's folders are layers and dependencies run one way: each
module imports only from its own layer or the layers before it, there are no
import cycles, and nothing a lesson uses imports the maintainers' tooling.
Imports inside functions count too."""
from __future__ import annotations

from roundtable.core.modgraph import cycles, import_graph, reachable

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
