"""Rubrics shared by the closing essay (exercises/06_synthesis.yaml) and the
role-play memo (exercises/roleplay.yaml): criteria, each with a weight and
four levels scored 4 down to 1, the weights adding up to 100."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.yamlfile import Entry, entry_label

RUBRIC_LEVELS = 4


@dataclass(frozen=True)
class Level:
    score: int
    label: str
    descriptor: str


@dataclass(frozen=True)
class Criterion:
    criterion: str
    weight: int
    levels: tuple[Level, ...]


def prose(entry: Entry, key: str) -> str:
    """Folded YAML text with its line breaks and runs of spaces made single."""
    return " ".join(entry.text(key).split())


def read_rubric(entry: Entry, key: str = "rubric") -> tuple[Criterion, ...]:
    """The rubric under `key` of `entry`, checked: four levels per criterion,
    scored 4 down to 1, and weights that add up to 100."""
    criteria = []
    for index, raw in enumerate(entry.mapping_list(key)):
        criterion = Entry(entry.path, entry_label(f"{key} criterion", index, raw, "criterion"), raw)
        criterion.check_keys(("criterion", "weight", "levels"))
        levels = []
        for raw_level in criterion.mapping_list("levels"):
            level = Entry(entry.path, criterion.label + " level", raw_level)
            level.check_keys(("score", "label", "descriptor"))
            levels.append(Level(level.integer("score"), level.text("label"), prose(level, "descriptor")))
        scores = [lv.score for lv in levels]
        if scores != list(range(RUBRIC_LEVELS, 0, -1)):
            raise criterion.fail(f"needs {RUBRIC_LEVELS} levels scored {RUBRIC_LEVELS} down to 1, got scores {scores}")
        criteria.append(Criterion(criterion.text("criterion"), criterion.integer("weight"), tuple(levels)))
    total = sum(c.weight for c in criteria)
    if total != 100:
        raise entry.fail(f"{key} weights must add up to 100, they add up to {total}")
    return tuple(criteria)
