"""The one error type for bad data files: it always names the file, the entry
and what is wrong, so a teacher editing YAML can find and fix the problem."""
from __future__ import annotations

from pathlib import Path

from .paths import REPO_ROOT


class DataError(ValueError):
    """A data file is missing, unreadable or does not follow its schema."""

    def __init__(self, path: Path | str, problem: str, entry: str | None = None):
        self.path = Path(path)
        self.entry = entry
        self.problem = problem
        where = f"{_display(self.path)}"
        if entry:
            where += f", {entry}"
        super().__init__(f"{where}: {problem}")


def _display(path: Path) -> str:
    """Show data files relative to the repo so messages stay short."""

    try:
        return str(path.resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(path)
