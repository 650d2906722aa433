"""Pacing of a notebook: how many minutes of material pass between two
formative checks.

The minutes come from the data, not from a guess about the notebook: a cell
that shows a reading part counts the part's minutes (data/readings.yaml), a
figure counts FIGURE_MINUTES and an exploration widget EXPLORE_MINUTES. A
cell with a quiz, an answer box or the blind forecasts is a check and starts
the count again.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..model.lessons import READING_CALL
from ..model.readings import load_readings

FIGURE_MINUTES = 3
EXPLORE_MINUTES = 5
READING = READING_CALL  # the same call the lessons' own time is computed from
CHECK = re.compile(r"\b(?:check_quiz|review_quiz|quiz|answer_box|blind_forecasts)\(")
FIGURE = re.compile(r"\.show\(\)|\bshow_figure\(")
EXPLORE = re.compile(r"\b(?:compare_speakers|keyword_search|theme_heatmap|timeline_explorer|place_picker|reveal_panel)\(")


@dataclass(frozen=True)
class Stretch:
    """Material between two checks: its minutes and the cells it spans."""
    minutes: int
    cells: tuple[int, ...]


def stretches(cells: list[str]) -> list[Stretch]:
    """Cut a notebook's code cells (their sources) into stretches between checks."""

    readings = load_readings()
    result, minutes, spanned = [], 0, []
    for index, source in enumerate(cells):
        reading = READING.search(source)
        if reading:
            minutes += readings[reading["notebook"]].part(reading["part"]).minutes
            spanned.append(index)
        elif FIGURE.search(source):
            minutes += FIGURE_MINUTES
            spanned.append(index)
        elif EXPLORE.search(source):
            minutes += EXPLORE_MINUTES
            spanned.append(index)
        if CHECK.search(source):
            result.append(Stretch(minutes, tuple(spanned)))
            minutes, spanned = 0, []
    if minutes:
        result.append(Stretch(minutes, tuple(spanned)))
    return result


def notebook_code(path: Path | str) -> list[str]:
    """The sources of a notebook's code cells."""
    cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def longest_stretch(path: Path | str) -> Stretch:
    found = stretches(notebook_code(path))
    return max(found, key=lambda s: s.minutes) if found else Stretch(0, ())
