"""Where the collection's files live, found from this file so that a clone
works wherever it is opened (local, JupyterHub, Binder, Colab)."""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR = REPO_ROOT / "data"
EXERCISES_DIR = REPO_ROOT / "exercises"
LESSONS_DIR = REPO_ROOT / "lessons"

#: The one folder, inside the clone, where the collection writes students'
#: work. It is gitignored; the README names it. Tests point it elsewhere with
#: the environment variable ROUNDTABLE_WORK_DIR.
WORK_DIR_ENV = "ROUNDTABLE_WORK_DIR"


def work_dir() -> Path:
    """The folder for saved answers and exports (not created here)."""
    override = os.environ.get(WORK_DIR_ENV)
    return Path(override) if override else REPO_ROOT / "my-work"
