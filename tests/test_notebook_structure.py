"""Every notebook follows the collection's shape: it finds the package from
the clone, opens with a focus question, objectives and timing, ends with key
points and a link to a notebook that exists, is stored executed in order,
shows each widget once (its static version stored in the same output) and
keeps its code folded away."""
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
    for part in ("**Focus question**", "**Time**", "**Learning objectives"):
        assert part in opening, f"{notebook.name} opening lacks {part}"


def test_the_instructors_part_follows_the_setup_and_names_the_libraries(notebook):
    """Step 1 (setup and name, for a student at a keyboard) comes first; then the
    instructor's note with the libraries, and the plans; both kinds are tagged,
    so that projector mode leaves them out."""
    tags = [tuple(c.get("metadata", {}).get("tags", [])) for c in cells(notebook)]
    student = [i for i, t in enumerate(tags) if "student-only" in t]
    instructor = [i for i, t in enumerate(tags) if "instructor" in t]
    assert len(student) == 5 and len(instructor) == 2
    assert student[:3] == [1, 2, 3] and instructor == [4, 5]
    assert "Libraries this notebook uses" in source(cells(notebook)[4])


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


def test_no_output_is_ignored_and_no_marker_is_shown(notebook):
    """Every output is checked by nbval; markers, where one is ever needed,
    are cell tags, never comments that students read."""
    for cell in cells(notebook):
        assert "NBVAL" not in source(cell), f"{notebook.name}: an nbval comment in cell {cell['id']}"


def test_widgets_are_stored_as_their_static_version_only(notebook):
    """The committed outputs hold no widget view (it would render as "model
    not found" before the notebook runs) and no widget state; every display
    that held a widget keeps its HTML and a one-line text."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    assert "widgets" not in nb["metadata"]
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            assert "application/vnd.jupyter.widget-view+json" not in data
            plain = "".join(data.get("text/plain", ""))
            assert not plain.startswith(("VBox(", "HBox(")), f"{notebook.name}: a widget repr in {cell['id']}"


def test_code_is_folded_away_and_cells_carry_no_timing(notebook):
    for cell in cells(notebook):
        if cell["cell_type"] == "code":
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, cell["id"]
            assert "execution" not in cell["metadata"], cell["id"]


def test_no_widget_is_followed_by_a_static_twin(notebook):
    """Each interactive piece is one cell: the old `*_static` companions and
    the "for reading without the widget" cells are gone."""
    for cell in cells(notebook):
        text = source(cell)
        assert "_static(" not in text and "without the widget" not in text, f"{notebook.name}: {cell['id']}"


def test_no_self_test_prints_in_a_students_notebook(notebook):
    """The widget checks live in tests/test_notebook_widgets.py, not in cells
    that print lines of True."""
    for cell in cells(notebook):
        assert "check_" not in source(cell).replace("check_quiz", ""), cell["id"]
        for output in cell.get("outputs", []):
            assert not re.search(r"^\S.*: True\.?$", "".join(output.get("text", "")), re.M), cell["id"]
