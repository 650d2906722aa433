"""A notebook opened without a clone (Colab, or downloaded alone) sets itself
up (issue 18): its first code cell fetches the collection and installs only
the kernel's packages. Tested here with a local file URL standing in for the
repository, in a temporary folder with no clone."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from roundtable.core.paths import REPO_ROOT
from roundtable.tooling import build


def _first_code_cell(notebook: str) -> str:
    cells = json.loads((REPO_ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    return "".join(next(c for c in cells if c["cell_type"] == "code")["source"])


def _run(code: str, folder, env_extra: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ROUNDTABLE_COLLECTION_URL", "ROUNDTABLE_WORK_DIR")}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-c", code], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=600)


def test_every_notebook_starts_with_the_same_setup_cell():
    for notebook in sorted((REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert _first_code_cell(notebook.name) == build.setup_code(), notebook.name


def test_without_a_clone_the_setup_cell_fetches_the_collection_and_the_notebook_runs(tmp_path):
    bare = tmp_path / "collection.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(REPO_ROOT), str(bare)], check=True)
    # Outside any clone (the tests' own temporary folders may sit inside this one).
    with tempfile.TemporaryDirectory(prefix="roundtable-colab-") as outside:
        _fetch_and_run(Path(outside), bare)


def _fetch_and_run(folder: Path, bare: Path) -> None:
    cell = _first_code_cell("03_iraq.ipynb")
    after = ("\nimport roundtable\nprint('package:', roundtable.__file__)\n"
             "from roundtable.display import show_reading\n"
             "print('reading:', 'Collateral Damage' in show_reading('03_iraq', 'iraq-partnership').data)\n"
             "from roundtable.core.paths import work_dir\nprint('work:', work_dir())\n")
    result = _run(cell + after, folder, {"ROUNDTABLE_COLLECTION_URL": f"file://{bare}"})
    assert result.returncode == 0, result.stderr[-2000:]
    fetched = folder / "roundtable-collection"
    assert f"package: {fetched / 'roundtable' / '__init__.py'}" in result.stdout
    assert "reading: True" in result.stdout
    assert f"work: {fetched / 'my-work'}" in result.stdout
    assert (fetched / "requirements-kernel.txt").is_file()
    # A second run (the student runs the cell again) finds the fetched copy.
    again = _run(cell + after, folder, {})
    assert again.returncode == 0 and f"package: {fetched / 'roundtable' / '__init__.py'}" in again.stdout


def test_without_a_clone_or_an_address_the_cell_says_what_to_do():
    with tempfile.TemporaryDirectory(prefix="roundtable-colab-") as outside:
        result = _run(_first_code_cell("00_start_here.ipynb"), outside, {})
    assert result.returncode != 0
    assert "Open this notebook from a clone of the collection" in result.stderr


def test_the_kernel_requirements_are_what_the_package_imports_and_no_tool():
    kernel = (REPO_ROOT / "requirements-kernel.txt").read_text(encoding="utf-8")
    names = {line.split("==")[0] for line in kernel.splitlines() if line and not line.startswith("#")}
    assert names == {"ipywidgets", "anywidget", "pandas", "matplotlib", "pyyaml", "pillow"}
    assert "-r requirements-kernel.txt" in (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8")
