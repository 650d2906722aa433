"""The date the collection's "what happened next" is current to.

`data/as_of.yaml` states it once; every view of later events, the eras on
the timeline and the forecast audit's latest judgement take it from here,
and "how many years on" is computed from it, never typed.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from ..core.dates import format_dated, parse_dated
from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, read_yaml, loads_data

AS_OF_FILE = DATA_DIR / "as_of.yaml"
#: The roundtable was published in January 2020 (the exact day is not confirmed).
ROUNDTABLE_PUBLISHED = dt.date(2020, 1, 1)


def load_as_of(path: Path | str | None = None) -> dt.date:
    """The as-of date: a quoted "YYYY-MM-DD" under `as_of:`."""
    if path is None:
        return _default_as_of()
    return _read(Path(path))


@lru_cache(maxsize=1)
def _default_as_of() -> dt.date:
    return _read(AS_OF_FILE)


@loads_data()
def _read(path: Path) -> dt.date:
    document = read_yaml(path)
    entry = Entry(path, "the file", document if isinstance(document, dict) else {})
    entry.check_keys(("as_of",))
    try:
        day, _ = parse_dated(entry.text("as_of"), "day")
    except ValueError as exc:
        raise entry.fail(f"as_of: {exc}") from None
    return day


def as_of_text(day: dt.date | None = None) -> str:
    """The as-of date as a reader writes it ("30 June 2026")."""
    return format_dated(day or load_as_of(), "day")


def events_up_to() -> str:
    """The label every view of later events carries."""
    return f"Events up to {as_of_text()}"


def years_since_roundtable(day: dt.date | None = None) -> int:
    """Whole years from the roundtable (January 2020) to the as-of date."""
    day = day or load_as_of()
    return day.year - ROUNDTABLE_PUBLISHED.year - ((day.month, day.day) < (ROUNDTABLE_PUBLISHED.month,
                                                                              ROUNDTABLE_PUBLISHED.day))
