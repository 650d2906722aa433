"""Every notebook follows the collection's shape: it finds the package from
the clone, opens with a focus question, objectives and timing, ends with key
points and a link to a notebook that exists, is stored executed in order, and
ignores output only where a live widget is shown."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


@pytest.fixture(params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def notebook(request):
    return request.param


def test_there_are_notebooks():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00_start_here.ipynb"


def test_first_code_cell_finds_the_package_from_the_clone(notebook):
    first = next(source(c) for c in cells(notebook) if c["cell_type"] == "code")
    assert 'p / "roundtable" / "__init__.py"' in first and "sys.path.insert(0, str(root))" in first


def test_opening_block(notebook):
    opening = source(cells(notebook)[0])
    for part in ("**Focus question**", "**Time**", "**Learning objectives", "**Libraries**"):
        assert part in opening, f"{notebook.name} opening lacks {part}"


def test_ending_has_key_points_and_a_link_that_exists(notebook):
    last = source(cells(notebook)[-1])
    assert "## Key points" in last
    links = re.findall(r"\]\(([^)]+\.ipynb)\)", last)
    assert links, f"{notebook.name} does not link to the next notebook"
    for link in links:
        assert (notebook.parent / link).exists(), f"{notebook.name} links to missing {link}"


def test_stored_executed_in_order_without_errors(notebook):
    code = [c for c in cells(notebook) if c["cell_type"] == "code" and source(c).strip()]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"]


def test_output_is_ignored_only_for_live_widgets(notebook):
    for cell in cells(notebook):
        if cell["cell_type"] == "code" and "# NBVAL_IGNORE_OUTPUT" in source(cell):
            kinds = {k for o in cell["outputs"] for k in o.get("data", {})}
            assert "application/vnd.jupyter.widget-view+json" in kinds, \
                f"{notebook.name}: NBVAL_IGNORE_OUTPUT on a cell that shows no widget"
