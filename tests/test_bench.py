"""The benchmark's own logic on known values, and one run on the tiny
setting (the benchmark is checked to run, never timed: speed is reported by
`make bench`, not asserted)."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from roundtable.tooling import bench

REPO = Path(__file__).parent.parent


def test_percentile_nearest_rank():
    values = list(range(1, 101))
    assert bench.percentile(values, 50) == 50
    assert bench.percentile(values, 95) == 95
    assert bench.percentile([7], 95) == 7
    assert bench.percentile([3, 1, 2], 100) == 3
    with pytest.raises(ValueError):
        bench.percentile([], 50)


def test_summary_reports_count_and_percentiles():
    assert bench.summary([10, 20, 30, 40]) == {"n": 4, "p50_ms": 20, "p95_ms": 40, "max_ms": 40}


def test_import_statements_keep_only_imports_in_order():
    sources = ["from a import b\nprint(b)", "import c, d\nx = 1\nfrom a import b", "not python ("]
    assert bench.import_statements(sources) == "from a import b\nimport c, d"


def test_floor_notebooks_find_the_package_and_only_import(tmp_path):
    real = REPO / "notebooks" / "01_timeline.ipynb"
    floor = nbformat.read(bench.floor_notebooks([real], tmp_path)[0], as_version=4)
    assert len(floor.cells) == 2
    assert 'p / "roundtable" / "__init__.py"' in floor.cells[0].source
    assert all(line.startswith(("from ", "import ")) for line in floor.cells[1].source.splitlines())
    assert "timeline_explorer" in floor.cells[1].source


def test_the_benchmark_runs_on_a_tiny_setting():
    out = REPO / "bench" / "results" / "tiny-test"
    report = bench.run(tiny=True, out=out)
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert saved["setting"] == "tiny" and (out / "report.md").read_text(encoding="utf-8").startswith("# Benchmark")
    assert report["nbval"]["exit_codes"] == {"notebooks": 0, "cold": 0, "floor": 0}
    assert all(row["lost"] == 0 and row["exit_codes"] == [0] * len(row["exit_codes"])
               for row in report["answer_store"].values())
    assert set(report["widgets"]) >= {"timeline filter", "place picker", "speaker comparison", "keyword in context",
                                      "quiz answer", "answer save", "heat map (figure redraw)"}
    assert "first_render" in report["voila"] or "skipped" in report["voila"]


def test_sizes_are_judged_against_the_targets(tmp_path):
    small, large = tmp_path / "00_a.ipynb", tmp_path / "01_b.ipynb"
    small.write_bytes(b"x" * 1000)
    large.write_bytes(b"x" * (bench.TARGETS["notebook_bytes"] + 1))
    sizes = bench.notebook_sizes([small, large])
    assert sizes["each"]["00_a.ipynb"] == {"bytes": 1000, "met": True}
    assert sizes["each"]["01_b.ipynb"]["met"] is False
    assert sizes["total_bytes"] == 1000 + bench.TARGETS["notebook_bytes"] + 1 and sizes["total_met"] is True


def test_the_data_change_the_benchmark_makes_is_still_in_the_data():
    name, old, _ = bench.DATA_CHANGE
    assert (REPO / name).read_text(encoding="utf-8").count(old) == 1
