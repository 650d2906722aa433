"""The package's dependencies run one way: no import cycles between its
modules, and the maintainers' tooling is never imported by what a lesson
uses. Imports inside functions count too."""
from __future__ import annotations

from roundtable.modgraph import cycles, import_graph, reachable

#: Build, benchmark, server and report tooling: run by make, never by a lesson.
TOOLING = {"bench", "servers", "sourcereport", "pacing"}


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_inside_functions_and_follows_them():
    graph = import_graph()
    assert "events" in graph["readings"]  # readings imports events inside a function
    assert {"figures", "events", "paths"} <= reachable(graph, {"figures"})
    assert "bench" not in reachable(graph, {"figures"})


def test_no_import_cycles_in_the_package():
    assert cycles(import_graph()) == []


def test_lessons_never_import_the_tooling():
    graph = import_graph()
    offenders = {module: sorted(targets & TOOLING) for module, targets in graph.items()
                 if module not in TOOLING and targets & TOOLING}
    assert offenders == {}
