"""`make notebooks`: build each notebooks/NN_name.ipynb from lessons/NN_name.md.

The lessons (MyST Markdown that Jupytext reads) are the only form anyone
edits. The build

1. reads a lesson and inserts the cells every notebook shares: the setup that
   finds the package and the student's name (before the lesson's first code
   cell), and the export button (before "For instructors", or before the
   closing key points);
2. gives every cell an id made from its content, so that inserting a cell
   leaves the others' ids alone, and folds code inputs away (one click shows
   them): students of politics read a document, not code;
3. executes the notebook in a fresh kernel from notebooks/, with the student
   work folder pointed at a throwaway one, so no one's answers reach the
   committed outputs;
4. stores what a reader without a kernel can use: widget views are dropped
   (each widget's display carries its static HTML, see
   widgets/fallback.py), and so are widget state and timing metadata;
5. writes the same bytes whenever the lesson, the data and the code are the
   same.

`python -m roundtable.tooling.build --check` builds into a temporary folder
and compares with the committed notebooks, naming the first cell that
differs; the test suite runs it.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from ..core.paths import REPO_ROOT, WORK_DIR_ENV
from ..model.launch import collection_repository

LESSONS_DIR = REPO_ROOT / "lessons"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
#: The instructor's notebooks (lessons/instructor/*.md → instructor/*.ipynb): out
#: of the students' path, with no name box and no export button.
INSTRUCTOR_LESSONS, INSTRUCTOR_DIR = LESSONS_DIR / "instructor", REPO_ROOT / "instructor"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TIMEOUT_SECONDS = 300

#: Cell tags the projector template (voila/templates/projector) leaves out:
#: the instructor's plans, and what only a student at a keyboard needs (the
#: setup, the name, the export).
INSTRUCTOR_TAG, STUDENT_TAG = "instructor", "student-only"
PROJECTOR_HIDDEN_TAGS = (INSTRUCTOR_TAG, STUDENT_TAG)

SETUP_MARKDOWN = """## Step 1. Load the collection, and give your name

The first code cell of every notebook finds the collection's own Python package. Run the cells in
order (Shift + Enter), or all at once with *Run → Run All Cells*. The code is folded away: click
the bar beside a cell to see it.

Then give your name, or a pseudonym if your instructor prefers: you give it once, for all the
notebooks, and it goes on the answers you export. You can change it here at any time.

**Keys in the widgets.** Type freely in any text box. On a quiz, Tab reaches a question's options,
the arrow keys choose one, and Tab again then Enter or Space checks it. While a widget has the focus,
its keys stay in the widget, even in JupyterLab; press Escape to hand the keys back to the notebook."""

SETUP_TEMPLATE = """# Setup: find the collection's `roundtable` package, in the clone this notebook was opened
# from or, where there is none (Colab, a notebook downloaded alone), in a copy fetched here.
import os, pathlib, subprocess, sys
here = pathlib.Path.cwd().resolve()
root = next((p for p in (here, *here.parents) if (p / "roundtable" / "__init__.py").is_file()), None)
if root is None:
    root, source = here / "roundtable-collection", os.environ.get("ROUNDTABLE_COLLECTION_URL", {repository!r})
    if not (root / "roundtable" / "__init__.py").is_file():
        if not source:
            raise RuntimeError("Open this notebook from a clone of the collection (README: 'Other ways to run it').")
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", source, str(root)], check=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-r",
                        str(root / "requirements-kernel.txt")], check=True)
    if "google.colab" in sys.modules:  # Colab shows ipywidgets 8 only with its custom widget manager
        from google.colab import output
        output.enable_custom_widget_manager()
sys.path.insert(0, str(root))"""


def setup_code() -> str:
    """Every notebook's first code cell, with the collection's address."""
    return SETUP_TEMPLATE.replace("{repository!r}", repr(collection_repository()))


NAME_CODE = """from roundtable.display import my_name
my_name()"""

EXPORT_MARKDOWN = """To hand in your answers, press *Export my answers*: it writes them, under your name, to
Markdown and HTML files in `my-work/exports/`. Export again whenever you have changed an answer."""

EXPORT_CODE = """from roundtable.display import export_button
export_button("{name}")"""

#: The notebook metadata every built notebook carries, whatever the Python
#: patch version of the machine that built it.
NOTEBOOK_METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                      "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                      "pygments_lexer": "ipython3"},
}


class BuildError(Exception):
    """A lesson that cannot be built; the message names the lesson and the cell."""


# --- Assembling --------------------------------------------------------------

def lesson_paths(names=None) -> list[Path]:
    """The lessons to build: all of them, or those named (with or without .md)."""
    every = sorted(LESSONS_DIR.glob("[0-9][0-9]_*.md")) + sorted(INSTRUCTOR_LESSONS.glob("*.md"))
    if not names:
        return every
    wanted = {Path(n).stem for n in names}
    unknown = wanted - {p.stem for p in every}
    if unknown:
        raise BuildError(f"no lesson named {', '.join(sorted(unknown))} in {LESSONS_DIR.relative_to(REPO_ROOT)}/")
    return [p for p in every if p.stem in wanted]


def read_lesson(path: Path) -> nbformat.NotebookNode:
    try:
        notebook = jupytext.read(path, fmt="md:myst")
    except Exception as error:  # jupytext raises many kinds; all mean the same to an author
        raise BuildError(f"{path.name}: cannot be read as a MyST notebook: {error}") from error
    if not any(c.cell_type == "code" for c in notebook.cells):
        raise BuildError(f"{path.name}: has no code cell (a lesson starts its code with its imports)")
    return notebook


def cell_id(cell_type: str, source: str, seen: dict[str, int]) -> str:
    """An id from the cell's content: the same cell keeps its id when others
    are added or removed. A repeated cell gets a numbered suffix."""
    base = f"{'code' if cell_type == 'code' else 'md'}-{hashlib.sha256(source.encode()).hexdigest()[:10]}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def export_position(cells) -> int:
    """Where the export cells go: before the instructors' self-test, or
    before the closing key points."""
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("### For instructors"):
            return index
    return len(cells) - 1


def assemble(lesson: nbformat.NotebookNode, name: str, for_students: bool = True) -> nbformat.NotebookNode:
    """The lesson's cells with the shared setup and export cells, ids, and
    code folded away; not yet executed. An instructor's notebook gets the
    setup code only."""
    cells = [nbformat.v4.new_markdown_cell(c.source, metadata=dict(c.metadata)) if c.cell_type == "markdown"
             else nbformat.v4.new_code_cell(c.source, metadata=dict(c.metadata)) for c in lesson.cells]
    if not for_students:
        first = next(i for i, c in enumerate(cells) if c.cell_type == "code")
        cells[first:first] = [nbformat.v4.new_code_cell(setup_code())]
        return _finish(cells)
    # The setup goes before the first code cell, or before the instructor's
    # part (which runs code) if that comes first.
    first = next(i for i, c in enumerate(cells) if c.cell_type == "code" or INSTRUCTOR_TAG in c.metadata.get("tags", []))
    student = {"tags": [STUDENT_TAG]}
    cells[first:first] = [nbformat.v4.new_markdown_cell(SETUP_MARKDOWN, metadata=dict(student)),
                          nbformat.v4.new_code_cell(setup_code(), metadata=dict(student)),
                          nbformat.v4.new_code_cell(NAME_CODE, metadata=dict(student))]
    at = export_position(cells)
    cells[at:at] = [nbformat.v4.new_markdown_cell(EXPORT_MARKDOWN, metadata=dict(student)),
                    nbformat.v4.new_code_cell(EXPORT_CODE.format(name=name), metadata=dict(student))]
    return _finish(cells)


def _finish(cells) -> nbformat.NotebookNode:
    seen: dict[str, int] = {}
    for cell in cells:
        cell["id"] = cell_id(cell.cell_type, cell.source, seen)
        if cell.cell_type == "code":
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    notebook = nbformat.v4.new_notebook(cells=cells, metadata=dict(NOTEBOOK_METADATA))
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    return notebook


# --- Executing and storing ---------------------------------------------------

def execute(notebook: nbformat.NotebookNode, lesson_name: str, folder: Path = NOTEBOOKS_DIR) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel from notebooks/, with a throwaway
    work folder."""
    with tempfile.TemporaryDirectory(prefix="roundtable-build-") as scratch:
        saved = os.environ.get(WORK_DIR_ENV)
        os.environ[WORK_DIR_ENV] = str(Path(scratch) / "my-work")
        try:
            client = NotebookClient(notebook, timeout=TIMEOUT_SECONDS, kernel_name="python3",
                                    resources={"metadata": {"path": str(folder)}},
                                    record_timing=False, store_widget_state=False, coalesce_streams=True)
            client.execute()
        except CellExecutionError as error:
            raise BuildError(f"lessons/{lesson_name}.md: a cell failed while building:\n{error}") from error
        finally:
            if saved is None:
                os.environ.pop(WORK_DIR_ENV, None)
            else:
                os.environ[WORK_DIR_ENV] = saved
    return notebook


def finalize(notebook: nbformat.NotebookNode, lesson_name: str) -> nbformat.NotebookNode:
    """Keep only what does not change between runs and what a reader without
    a kernel can use."""
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        outputs = []
        for output in cell.outputs:
            data = output.get("data")
            if data is not None and WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
                if "text/html" not in data:
                    raise BuildError(f"lessons/{lesson_name}.md, cell {number} ({cell.source.splitlines()[0]!r}): "
                                     "shows a widget with no static version; return it through "
                                     "widgets.fallback.Interactive")
            if outputs and output.output_type == "stream" and outputs[-1].output_type == "stream" \
                    and outputs[-1].name == output.name:
                outputs[-1].text += output.text
                continue
            outputs.append(output)
        cell.outputs = outputs
    notebook.metadata = nbformat.from_dict(dict(NOTEBOOK_METADATA))
    return notebook


def to_bytes(notebook: nbformat.NotebookNode) -> bytes:
    """The notebook as nbformat writes it, with one final newline."""
    text = nbformat.writes(notebook, version=4)
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def is_instructors(lesson: Path) -> bool:
    return lesson.parent.resolve() == INSTRUCTOR_LESSONS.resolve()


def build_one(lesson: Path) -> bytes:
    """One lesson, assembled, executed and finalized, as file bytes."""
    name = lesson.stem
    instructors = is_instructors(lesson)
    notebook = assemble(read_lesson(lesson), name, for_students=not instructors)
    nbformat.validate(notebook)
    return to_bytes(finalize(execute(notebook, name, INSTRUCTOR_DIR if instructors else NOTEBOOKS_DIR), name))


def build(lessons: list[Path], out_dir: Path, jobs: int) -> list[Path]:
    """Build `lessons` into `out_dir` (in parallel kernels); return the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if any(is_instructors(lesson) for lesson in lessons):
        INSTRUCTOR_DIR.mkdir(exist_ok=True)  # the instructor's notebooks run from there
    # Same hash seed in every kernel: nothing in the output may depend on set order.
    os.environ["PYTHONHASHSEED"] = "0"
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(lessons)))) as pool:
        results = list(pool.map(build_one, lessons))
    written = []
    for lesson, data in zip(lessons, results):
        folder = out_dir if not is_instructors(lesson) else (
            INSTRUCTOR_DIR if out_dir == NOTEBOOKS_DIR else out_dir / "instructor")
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{lesson.stem}.ipynb"
        if not target.exists() or target.read_bytes() != data:
            partial = target.with_suffix(".ipynb.partial")
            partial.write_bytes(data)
            os.replace(partial, target)
        written.append(target)
    return written


# --- Comparing ---------------------------------------------------------------

def first_difference(built: Path, committed: Path) -> str | None:
    """None if the files are the same bytes, else where they first differ."""
    if not committed.exists():
        return f"{committed.name}: not committed (run `make notebooks` and commit it)"
    if built.read_bytes() == committed.read_bytes():
        return None
    new, old = nbformat.read(built, as_version=4), nbformat.read(committed, as_version=4)
    for index, (a, b) in enumerate(zip(new.cells, old.cells)):
        if a != b:
            part = "source" if a.get("source") != b.get("source") else \
                   "outputs" if a.get("outputs") != b.get("outputs") else "id or metadata"
            return (f"{committed.name}: cell {index} (id {b.get('id')}) differs in its {part}: "
                    f"{a.get('source', '').splitlines()[0] if a.get('source') else ''!r}")
    if len(new.cells) != len(old.cells):
        return f"{committed.name}: {len(new.cells)} cells built, {len(old.cells)} committed"
    return f"{committed.name}: the notebook metadata or formatting differs"


def extra_notebooks(lessons: list[Path]) -> list[str]:
    """Committed notebooks with no lesson: nothing would rebuild them."""
    stems = {p.stem for p in lessons}
    return sorted(p.name for p in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb") if p.stem not in stems)


def check(lessons: list[Path], jobs: int) -> list[str]:
    """Build into a temporary folder; list every notebook that differs from
    the committed one."""
    with tempfile.TemporaryDirectory(prefix="roundtable-check-") as tmp:
        built = build(lessons, Path(tmp), jobs)
        problems = [first_difference(path, (INSTRUCTOR_DIR if path.parent.name == "instructor" else NOTEBOOKS_DIR)
                                     / path.name) for path in built]
    problems = [p for p in problems if p]
    problems += [f"{name}: has no lesson in lessons/" for name in extra_notebooks(lesson_paths())]
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lessons", nargs="*", help="lesson names (default: all)")
    parser.add_argument("--check", action="store_true", help="compare a fresh build with the committed notebooks")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="kernels run at once")
    args = parser.parse_args(argv)
    try:
        lessons = lesson_paths(args.lessons)
        if args.check:
            problems = check(lessons, args.jobs)
            for problem in problems:
                print(problem)
            print("The committed notebooks match a fresh build." if not problems else
                  f"{len(problems)} notebook(s) differ from a fresh build: run `make notebooks` and commit.")
            return 1 if problems else 0
        for path in build(lessons, NOTEBOOKS_DIR, args.jobs):
            print(f"built {path.relative_to(REPO_ROOT)} ({path.stat().st_size // 1000} KB)")
        return 0
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
