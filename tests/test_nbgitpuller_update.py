"""A JupyterHub update with nbgitpuller's own pull logic (issue 18).

A student's clone is made and updated by nbgitpuller's GitPuller, exactly as
a hub link does. The student runs a notebook (its outputs change) and saves
answers; upstream then changes a lesson, a data file and a notebook, in three
rounds. After each update every answer is still there and no file holds a
conflict marker; and where the student's copy of the notebook won a
conflicting hunk (nbgitpuller merges with -Xours), re-running its cell shows
the upstream content, because the content comes from the package and the data.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from roundtable.core.paths import REPO_ROOT

pytest.importorskip("nbgitpuller")
from nbgitpuller.pull import GitPuller  # noqa: E402

NOTEBOOK = "notebooks/03_iraq.ipynb"
OLD_CONTEXT = "US military advisers returned to Iraq in June 2014"
NEW_CONTEXT = "In June 2014 US military advisers went back to Iraq"


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


def commit(folder: Path, message: str) -> None:
    git(folder, "-c", "user.email=teacher@example.edu", "-c", "user.name=Teacher", "commit", "-qam", message)


def pull(upstream: Path, student: Path) -> None:
    for _ in GitPuller(f"file://{upstream}", str(student), branch="main", depth=1).pull():
        pass


def in_student_clone(student: Path, code: str) -> str:
    """Run code in the student's clone, as a notebook cell there would."""
    env = {**os.environ, "ROUNDTABLE_WORK_DIR": str(student / "my-work"), "PYTHONPATH": str(student)}
    return subprocess.run([sys.executable, "-c", code], cwd=student / "notebooks", env=env, check=True,
                          capture_output=True, text=True).stdout


def student_runs_the_notebook(notebook: Path) -> None:
    """What running and saving does to the file: new execution counts, and
    the reading's output written again (here: with the student's run marked)."""
    data = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        if cell["cell_type"] == "code":
            cell["execution_count"] = (cell.get("execution_count") or 0) + 100
            for output in cell.get("outputs", []):
                html = output.get("data", {}).get("text/html")
                if isinstance(html, list) and any(OLD_CONTEXT in line for line in html):
                    output["data"]["text/html"] = [line.replace(OLD_CONTEXT, OLD_CONTEXT + " (run by the student)")
                                                   for line in html]
    notebook.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_three_upstream_updates_keep_every_answer_and_arrive_in_a_form_students_see(tmp_path):
    upstream, student = tmp_path / "upstream", tmp_path / "student" / "roundtable"
    subprocess.run(["git", "clone", "-q", "--branch", "main", str(REPO_ROOT), str(upstream)], check=True)
    pull(upstream, student)
    assert (student / NOTEBOOK).is_file()

    # The student works: answers saved, an export written, a notebook run.
    in_student_clone(student, (
        "from roundtable.work.answers import AnswerStore\n"
        "store = AnswerStore()\nstore.set_name('Ana')\n"
        "for n in range(3): store.save('03_iraq', f'iraq-p0{n + 1}', f'my answer {n}')\n"))
    (student / "my-work" / "exports").mkdir(parents=True)
    (student / "my-work" / "exports" / "03_iraq-Ana.md").write_text("# Answers: 03_iraq\n", encoding="utf-8")
    student_runs_the_notebook(student / NOTEBOOK)

    rounds = [
        ("lessons/03_iraq.md", "## Step 2. Dan: collateral damage to the partnership with Iraq",
         "## Step 2. Dan: the partnership with Iraq as collateral damage"),
        ("data/glossary.yaml", "foreign-operations\n      arm of the Revolutionary Guards",
         "foreign-operations\n      branch of the Revolutionary Guards"),
        ("data/readings.yaml", OLD_CONTEXT, NEW_CONTEXT),
    ]
    for number, (path, old, new) in enumerate(rounds, 1):
        target = upstream / path
        text = target.read_text(encoding="utf-8")
        assert old in text, (path, old)
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
        if path == "data/readings.yaml":  # the rebuilt notebook changes with it
            notebook = upstream / NOTEBOOK
            notebook.write_text(notebook.read_text(encoding="utf-8").replace(OLD_CONTEXT, NEW_CONTEXT),
                                encoding="utf-8")
        commit(upstream, f"round {number}: {path}")
        pull(upstream, student)

        answers = in_student_clone(student, (
            "from roundtable.work.answers import AnswerStore\n"
            "store = AnswerStore()\nprint(store.name(), [a.text for a in store.answers('03_iraq')])\n"))
        assert answers.strip() == "Ana ['my answer 0', 'my answer 1', 'my answer 2']", f"round {number}"
        assert (student / "my-work" / "exports" / "03_iraq-Ana.md").is_file()
        markers = subprocess.run(["git", "grep", "-lE", "^(<<<<<<<|>>>>>>>) "], cwd=student, capture_output=True,
                                 text=True)
        assert markers.stdout == "", f"conflict markers after round {number}: {markers.stdout}"
        assert (student / path).read_text(encoding="utf-8").count(new) >= 1, f"round {number} did not arrive"

    # The student's copy of the notebook won the conflicting hunk: its stored
    # output is stale. Re-running the cell shows the upstream reading.
    stored = (student / NOTEBOOK).read_text(encoding="utf-8")
    assert "(run by the student)" in stored
    rerun = in_student_clone(student, (
        "from roundtable.display import show_reading\n"
        "print(show_reading('03_iraq', 'iraq-partnership').data)\n"))
    assert NEW_CONTEXT in rerun and OLD_CONTEXT not in rerun
    glossary = in_student_clone(student, (
        "from roundtable.model.glossary import load_glossary\n"
        "print(load_glossary()['qassem-soleimani'].definition)\n"))
    assert "branch of the Revolutionary Guards" in glossary
