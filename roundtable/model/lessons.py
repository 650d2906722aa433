"""What each lesson (lessons/NN_name.md) shows, read from its text.

The lesson is the one source of a notebook, so the prompts a student meets,
and the number each carries, are read from its `answer_box(...)` calls, never
listed twice. The export uses them to list exactly those prompts, in the
notebook's order and with its numbers.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..core.errors import DataError
from ..core.paths import LESSONS_DIR

ANSWER_BOX = re.compile(r'\banswer_box\(\s*"(?P<notebook>[\w-]+)"\s*,\s*"(?P<prompt>[\w-]+)"'
                        r'(?:\s*,\s*"(?P<number>[^"]*)")?\s*\)')


def shown_prompts(notebook: str, lessons_dir: Path | None = None) -> list[tuple[str, str]]:
    """(prompt id, number as shown) for every answer box in the lesson, in order."""
    return list(_shown_prompts(notebook, Path(lessons_dir or LESSONS_DIR)))


@lru_cache(maxsize=32)
def _shown_prompts(notebook: str, lessons_dir: Path) -> tuple[tuple[str, str], ...]:
    path = lessons_dir / f"{notebook}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(path, f"cannot be read ({exc.strerror or exc})") from None
    found = []
    for match in ANSWER_BOX.finditer(text):
        where = f"answer_box for {match['prompt']!r}"
        if match["notebook"] != notebook:
            raise DataError(path, f"names notebook {match['notebook']!r}, not {notebook!r}", where)
        if not match["number"]:
            raise DataError(path, "has no number (write answer_box(notebook, prompt, \"2.1\"))", where)
        found.append((match["prompt"], match["number"]))
    return tuple(found)
