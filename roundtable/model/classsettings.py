"""The class's settings (data/class.yaml): one file an instructor edits.

For now it holds the reading level. `basic` folds a plain-language summary
under each paragraph; `advanced` adds an extension reading list instead. The
environment variable ROUNDTABLE_READING_LEVEL overrides the file for one
build (`make handouts LEVEL=advanced`) or one test, without editing it.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import read_yaml, loads_data

CLASS_FILE = DATA_DIR / "class.yaml"
READING_LEVELS = ("basic", "advanced")
LEVEL_ENV = "ROUNDTABLE_READING_LEVEL"
SETTING_FIELDS = ("reading_level",)


def reading_level(path: Path | str | None = None) -> str:
    """The class's reading level: the environment's override, else the file's."""
    override = os.environ.get(LEVEL_ENV)
    if override:
        if override not in READING_LEVELS:
            raise DataError(Path(LEVEL_ENV), f"must be one of {list(READING_LEVELS)}, got {override!r}")
        return override
    return _file_level(Path(path) if path else CLASS_FILE)


@loads_data()
def _file_level(path: Path) -> str:
    settings = read_yaml(path)
    if not isinstance(settings, dict):
        raise DataError(path, "expected settings such as 'reading_level: basic'")
    unknown = sorted(set(settings) - set(SETTING_FIELDS))
    if unknown:
        raise DataError(path, f"unknown setting(s) {unknown}; allowed: {list(SETTING_FIELDS)}")
    level = settings.get("reading_level")
    if level not in READING_LEVELS:
        raise DataError(path, f"reading_level must be one of {list(READING_LEVELS)}, got {level!r}")
    return level
