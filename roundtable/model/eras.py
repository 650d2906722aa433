"""Eras shaded on the timeline (data/eras.yaml). An era starts and ends at
an event of the event data, so its dates carry that event's sources, or at
a named editorial point such as the end of the crisis weeks."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .asof import load_as_of
from .events import CRISIS_END, EventLog

ERAS_FILE = DATA_DIR / "eras.yaml"
ERA_FIELDS = ("id", "title", "from", "to", "shade", "note")
#: Editorial points an era may start or end at instead of an event: the
#: window of the crisis weeks is our own choice, not a sourced fact.
NAMED_POINTS = {
    "end-of-crisis-weeks": CRISIS_END,
    "after-crisis-weeks": CRISIS_END + dt.timedelta(days=1),
}
#: The collection's as-of date (data/as_of.yaml): the last era ends there.
AS_OF_POINT = "as-of"


@dataclass(frozen=True)
class Era:
    id: str
    title: str
    start: dt.date
    end: dt.date
    shade: str
    note: str | None


@loads_data(default=ERAS_FILE)
def load_eras(log: EventLog, path: Path | str | None = None, as_of: dt.date | None = None) -> list[Era]:
    """The eras, in order. `as_of` (default: data/as_of.yaml) is where an
    era ending at "as-of" ends."""
    path = Path(path or ERAS_FILE)
    as_of = as_of or load_as_of()
    eras = []
    for index, item in enumerate(top_list(path, read_yaml(path), "eras")):
        entry = Entry(path, entry_label("era", index, item), item)
        entry.check_keys(ERA_FIELDS)
        start, end = _point(entry, "from", log, as_of), _point(entry, "to", log, as_of)
        if end <= start:
            raise entry.fail(f"ends ({end}) before it starts ({start})")
        eras.append(Era(entry.ident(), entry.text("title"), start, end, entry.text("shade"),
                        entry.text("note", required=False)))
    unique_ids(path, "era", [e.id for e in eras])
    for before, after in zip(eras, eras[1:]):
        if after.start < before.end:
            raise DataError(path, f"era '{after.id}' starts before era '{before.id}' ends", f"era '{after.id}'")
    return eras


def _point(entry: Entry, key: str, log: EventLog, as_of: dt.date) -> dt.date:
    """An event's date (its sources back it) or a named editorial point."""
    name = entry.text(key)
    if name == AS_OF_POINT:
        return as_of
    if name in NAMED_POINTS:
        return NAMED_POINTS[name]
    if name not in log.events:
        raise entry.fail(f"'{key}' has {name!r}: neither an event id in data/events nor one of {sorted([*NAMED_POINTS, AS_OF_POINT])}")
    return log[name].start
