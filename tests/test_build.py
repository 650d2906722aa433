"""The notebook build (roundtable/tooling/build.py): lessons in, notebooks out,
the same bytes every time, and a check that the committed notebooks are
exactly what the lessons build."""
from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from roundtable.tooling import build

REPO = Path(__file__).parent.parent

LESSON = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# 99 · A lesson

Opening.

```{code-cell}
from roundtable.display import table
```

## Step 2

+++

**Check.** Pick an answer.

```{code-cell}
x = 1
```

**Check.** Pick an answer.

+++

### For instructors: check that the widgets work

```{code-cell}
print(x)
```

+++

## Key points

- One.
"""


def lesson(tmp_path: Path, text: str = LESSON, name: str = "99_a_lesson") -> Path:
    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def assembled(tmp_path: Path, text: str = LESSON):
    return build.assemble(build.read_lesson(lesson(tmp_path, text)), "99_a_lesson")


def test_setup_goes_before_the_first_code_cell_and_export_before_the_instructors(tmp_path):
    cells = assembled(tmp_path).cells
    sources = [c.source for c in cells]
    assert sources[0].startswith("# 99 · A lesson")
    assert sources[1] == build.SETUP_MARKDOWN and sources[2] == build.setup_code() and sources[3] == build.NAME_CODE
    assert sources[4].startswith("from roundtable.display import table")
    at = sources.index(build.EXPORT_MARKDOWN)
    assert sources[at + 1] == 'from roundtable.display import export_button\nexport_button("99_a_lesson")'
    assert sources[at + 2].startswith("### For instructors")


def test_without_an_instructors_section_the_export_goes_before_the_key_points(tmp_path):
    text = LESSON.replace("+++\n\n### For instructors: check that the widgets work\n\n```{code-cell}\nprint(x)\n```\n\n", "")
    sources = [c.source for c in assembled(tmp_path, text).cells]
    assert sources[-3:-1] == [build.EXPORT_MARKDOWN,
                              'from roundtable.display import export_button\nexport_button("99_a_lesson")']
    assert sources[-1].startswith("## Key points")


def test_ids_come_from_the_content_so_an_inserted_cell_moves_no_other_id(tmp_path):
    before = assembled(tmp_path)
    ids = [c.id for c in before.cells]
    assert len(set(ids)) == len(ids)
    repeated = [c.id for c in before.cells if c.source == "**Check.** Pick an answer."]
    assert repeated[1] == repeated[0] + "-2"
    after = assembled(tmp_path, LESSON.replace("Opening.", "Opening.\n\n+++\n\nA new paragraph."))
    assert len(after.cells) == len(before.cells) + 1
    assert [c.id for c in after.cells if c.source != "A new paragraph."] == ids
    nbformat.validate(after)


def test_code_is_folded_away_and_markdown_is_not(tmp_path):
    for cell in assembled(tmp_path).cells:
        hidden = cell.metadata.get("jupyter", {}).get("source_hidden")
        assert hidden is (True if cell.cell_type == "code" else None)


def test_a_lesson_without_code_is_refused_with_its_name(tmp_path):
    with pytest.raises(build.BuildError, match="99_a_lesson.md: has no code cell"):
        build.read_lesson(lesson(tmp_path, "# Only words\n"))


def executed_by_hand(tmp_path):
    """An assembled notebook with the outputs a kernel would give, so that
    finalize can be tested without one."""
    notebook = assembled(tmp_path)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    widget = {"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
              "text/html": "<p>static</p>", "text/plain": "Quiz, 1 question"}
    code[3].outputs = [nbformat.v4.new_output("display_data", data=widget),
                       nbformat.v4.new_output("stream", name="stdout", text="one\n"),
                       nbformat.v4.new_output("stream", name="stdout", text="two\n")]
    code[3].metadata["execution"] = {"iopub.status.busy": "2026-11-28T10:00:00Z"}
    notebook.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    notebook.metadata["language_info"] = {"name": "python", "version": "3.11.99"}
    return notebook, code[3]


def test_finalize_keeps_the_static_version_and_drops_what_changes_between_runs(tmp_path):
    notebook, cell = executed_by_hand(tmp_path)
    build.finalize(notebook, "99_a_lesson")
    assert cell.outputs[0].data == {"text/html": "<p>static</p>", "text/plain": "Quiz, 1 question"}
    assert [o.text for o in cell.outputs[1:]] == ["one\ntwo\n"]
    assert "execution" not in cell.metadata
    assert notebook.metadata == build.NOTEBOOK_METADATA
    twice = build.finalize(copy.deepcopy(notebook), "99_a_lesson")
    assert build.to_bytes(twice) == build.to_bytes(notebook)


def test_a_widget_with_no_static_version_fails_the_build_naming_the_cell(tmp_path):
    notebook, cell = executed_by_hand(tmp_path)
    del cell.outputs[0].data["text/html"]
    with pytest.raises(build.BuildError, match=r"lessons/99_a_lesson.md, cell \d+ \('x = 1'\): shows a widget"):
        build.finalize(notebook, "99_a_lesson")


def test_a_failing_cell_names_the_lesson(tmp_path):
    broken = lesson(tmp_path, LESSON.replace("x = 1", "x = 1 / 0"), name="98_broken")
    with pytest.raises(build.BuildError, match=r"lessons/98_broken.md: a cell failed") as caught:
        build.build_one(broken)
    assert "ZeroDivisionError" in str(caught.value)


def test_the_first_difference_names_the_notebook_and_the_cell(tmp_path):
    notebook, _ = executed_by_hand(tmp_path)
    build.finalize(notebook, "99_a_lesson")
    (tmp_path / "built").mkdir()
    (tmp_path / "committed").mkdir()
    built, committed = tmp_path / "built" / "99.ipynb", tmp_path / "committed" / "99.ipynb"
    built.write_bytes(build.to_bytes(notebook))
    committed.write_bytes(build.to_bytes(notebook))
    assert build.first_difference(built, committed) is None
    index = next(i for i, c in enumerate(notebook.cells) if c.source == "x = 1")
    notebook.cells[index].outputs[0].data["text/html"] = "<p>changed</p>"
    committed.write_bytes(build.to_bytes(notebook))
    assert build.first_difference(built, committed) == \
        f"99.ipynb: cell {index} (id {notebook.cells[index].id}) differs in its outputs: 'x = 1'"
    assert "not committed" in build.first_difference(built, tmp_path / "missing.ipynb")


def test_every_notebook_has_a_lesson_and_every_lesson_a_notebook():
    lessons = {p.stem for p in build.lesson_paths()}
    notebooks = {p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    instructors = {p.stem for p in (REPO / "instructor").glob("*.ipynb")}
    assert lessons and lessons == notebooks | instructors and instructors == {"class_view"}


def test_the_instructors_notebook_has_no_student_cells_and_no_student_notebook_links_to_it():
    import json

    cells = json.loads((REPO / "instructor" / "class_view.ipynb").read_text(encoding="utf-8"))["cells"]
    sources = "".join("".join(c["source"]) for c in cells)
    assert "my_name()" not in sources and "export_button" not in sources
    outputs = json.dumps([c.get("outputs", []) for c in cells])
    assert "Quiz, first tries" in outputs and "Forecast audit (07)" in outputs
    for notebook in (REPO / "notebooks").glob("*.ipynb"):
        assert "class_view" not in notebook.read_text(encoding="utf-8"), notebook.name  # not even named
    assert build.extra_notebooks(build.lesson_paths()) == []


def test_an_unknown_lesson_name_is_refused():
    with pytest.raises(build.BuildError, match="no lesson named 42_nothing"):
        build.lesson_paths(["42_nothing"])


def test_the_committed_notebooks_are_exactly_a_fresh_build():
    """The whole build, into a temporary folder, compared byte for byte."""
    result = subprocess.run([sys.executable, "-m", "roundtable.tooling.build", "--check"], cwd=REPO,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "match a fresh build" in result.stdout


def test_a_data_change_changes_only_the_cells_that_show_it(tmp_path):
    """In a copy of the collection: build 00, edit the ground rules, build
    again; only the cell that shows them differs."""
    copy_root = tmp_path / "collection"
    for folder in ("roundtable", "data", "exercises", "lessons", "notebooks"):
        shutil.copytree(REPO / folder, copy_root / folder, ignore=shutil.ignore_patterns("__pycache__"))

    def build_start_notebook() -> dict:
        subprocess.run([sys.executable, "-m", "roundtable.tooling.build", "00_start_here"], cwd=copy_root,
                       check=True, capture_output=True, timeout=600)
        return nbformat.read(copy_root / "notebooks" / "00_start_here.ipynb", as_version=4)

    before = build_start_notebook()
    rules = copy_root / "data" / "ground_rules.md"
    rules.write_text(rules.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    after = build_start_notebook()
    changed = [b.source for b, a in zip(before.cells, after.cells) if a != b]
    assert len(before.cells) == len(after.cells) and changed == ["show_ground_rules()"]


def test_the_committed_notebooks_show_their_static_versions_when_exported_to_html():
    """What GitHub, nbviewer and an HTML export show: the fallback, never a
    widget error."""
    from nbconvert import HTMLExporter

    html, _ = HTMLExporter().from_filename(str(REPO / "notebooks" / "02_iran.ipynb"))
    assert html.count("Show the answer") >= 10
    assert "Keyword in context: “replace”" in html
    assert "model not found" not in html and "widget-view" not in html


def test_the_projector_template_leaves_out_every_tag_the_build_hides():
    template = (REPO / "voila" / "templates" / "projector" / "index.html.j2").read_text(encoding="utf-8")
    hidden = template.split("select('in', [", 1)[1].split("])", 1)[0]
    assert {t.strip(" '") for t in hidden.split(",")} == set(build.PROJECTOR_HIDDEN_TAGS)
