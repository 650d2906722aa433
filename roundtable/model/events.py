"""The events around the roundtable (data/events/*.yaml): load, validate,
cross-check against the corpus, glossary and places, and filter.

Each event has a date with its precision, our own title and description,
countries, actors, a category, a phase (before, crisis weeks, after), the
roundtable paragraphs that refer to it, an optional `disputed` note, and at
least one source.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.dates import PRECISIONS, format_dated, parse_dated
from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import KEBAB_ID, Entry, entry_label, read_yaml, top_list, loads_data
from .asof import AS_OF_FILE, as_of_text, load_as_of
from .corpus import load_corpus
from .glossary import load_glossary
from .places import load_places
from .sources import Source, read_sources

EVENTS_DIR = DATA_DIR / "events"
CATEGORIES = ("military-strike", "assassination", "political", "diplomatic", "protest", "nuclear",
              "sanctions", "militia", "terrorism", "election", "disaster")
PHASES = ("before", "crisis", "after")
PHASE_TITLES = {"before": "Before the crisis", "crisis": "The crisis weeks", "after": "What happened next"}
#: The crisis weeks: from the rocket attack on K-1 to the days after flight PS752.
CRISIS_START = dt.date(2019, 12, 27)
CRISIS_END = dt.date(2020, 1, 12)
#: "12 January 2020", for the texts that say where what happened next begins.
CRISIS_END_TEXT = format_dated(CRISIS_END, "day")
EVENT_FIELDS = ("id", "date", "end_date", "precision", "title", "description", "countries", "actors",
                "category", "phase", "places", "paragraphs", "disputed", "sources")
COLUMNS = ["id", "start", "end", "precision", "when", "title", "description", "countries", "actors",
           "category", "phase", "places", "paragraphs", "disputed", "sources", "file"]


@dataclass(frozen=True)
class Event:
    id: str
    start: dt.date
    end: dt.date
    precision: str
    title: str
    description: str
    countries: tuple[str, ...]
    actors: tuple[str, ...]
    category: str
    phase: str
    places: tuple[str, ...]
    paragraphs: tuple[str, ...]
    disputed: str | None
    sources: tuple[Source, ...]
    file: str

    @property
    def when(self) -> str:
        return format_dated(self.start, self.precision, self.end)


def phase_of(start: dt.date) -> str:
    if start < CRISIS_START:
        return "before"
    return "crisis" if start <= CRISIS_END else "after"


def next_range() -> str:
    """What "what happened next" covers, for switches and folds."""
    return f"after {CRISIS_END_TEXT}, events up to {as_of_text()}"


class EventLog:
    """All events, sorted by date, as a DataFrame with filtering helpers."""

    def __init__(self, events: list[Event]):
        events = sorted(events, key=lambda e: (e.start, e.end, e.id))
        self.events = {e.id: e for e in events}
        self.frame = pd.DataFrame([{**e.__dict__, "when": e.when} for e in events], columns=COLUMNS)

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, event_id: str) -> Event:
        return self.events[event_id]

    def options(self, column: str) -> list[str]:
        """Sorted distinct values of a list column (countries, actors, places)."""
        return sorted({v for values in self.frame[column] for v in values}, key=str.casefold)

    def filter(self, countries=(), actors=(), categories=(), start: dt.date | None = None,
               end: dt.date | None = None, include_after: bool = False) -> pd.DataFrame:
        """Events matching every given criterion. Within one criterion, any
        listed value matches (an event in Iraq or Syria). Events "after" the
        crisis weeks are hidden unless `include_after` is set."""
        frame = self.frame
        mask = pd.Series(True, index=frame.index)
        if not include_after:
            mask &= frame["phase"] != "after"
        if countries:
            wanted = set(countries)
            mask &= frame["countries"].map(lambda values: bool(wanted & set(values)))
        if actors:
            wanted = set(actors)
            mask &= frame["actors"].map(lambda values: bool(wanted & set(values)))
        if categories:
            mask &= frame["category"].isin(list(categories))
        if start is not None:
            mask &= frame["end"] >= start
        if end is not None:
            mask &= frame["start"] <= end
        return frame[mask]

    def for_paragraph(self, paragraph_id: str) -> pd.DataFrame:
        return self.frame[self.frame["paragraphs"].map(lambda ids: paragraph_id in ids)]

    def for_place(self, place_id: str, include_after: bool = True) -> pd.DataFrame:
        frame = self.frame if include_after else self.frame[self.frame["phase"] != "after"]
        return frame[frame["places"].map(lambda ids: place_id in ids)]


def load_events(directory: Path | str | None = None, *, corpus=None, glossary=None, places=None) -> EventLog:
    """Load every YAML file in data/events/ and check its links: paragraph
    ids against the corpus, actor ids against the glossary, place ids against
    the places file. Cached for the default files."""
    if directory is None and corpus is None and glossary is None and places is None:
        return _default_events()
    return _load(Path(directory or EVENTS_DIR), corpus, glossary, places)


@lru_cache(maxsize=1)
def _default_events() -> EventLog:
    return _load(EVENTS_DIR, None, None, None)


@loads_data("directory")
def _load(directory: Path, corpus, glossary, places) -> EventLog:
    corpus = corpus or load_corpus()
    glossary = glossary or load_glossary()
    places = places if places is not None else load_places()
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise DataError(directory, "no event files (*.yaml) found")
    events, origin = [], []
    for path in files:
        for index, item in enumerate(top_list(path, read_yaml(path), "events")):
            event = _read_event(path, index, item, set(corpus.ids), glossary, places)
            events.append(event)
            origin.append(path)
    as_of = load_as_of()
    for event, path in zip(events, origin):
        if event.start > as_of:
            raise DataError(path, f"dated {event.start}, after the collection's as-of date {as_of} "
                                  f"({AS_OF_FILE.name}); move the as-of date on when adding later events",
                            f"event '{event.id}'")
    ids = [e.id for e in events]
    for i, ident in enumerate(ids):
        first = ids.index(ident)
        if first != i:
            raise DataError(origin[i], f"duplicate id '{ident}' (also in {origin[first].name})", f"event '{ident}'")
    return EventLog(events)


def _read_event(path: Path, index: int, item, paragraph_ids: set[str], glossary, places) -> Event:
    entry = Entry(path, entry_label("event", index, item), item)
    entry.check_keys(EVENT_FIELDS)
    ident = entry.ident()
    precision = entry.choice("precision", PRECISIONS)
    try:
        start, last = parse_dated(entry.item.get("date", ""), precision)
        end = last
        if entry.item.get("end_date") is not None:
            _, end = parse_dated(entry.item["end_date"], precision)
            if end < start:
                raise ValueError(f"end_date {entry.item['end_date']} is before date {entry.item['date']}")
    except ValueError as exc:
        raise entry.fail(str(exc)) from None
    phase = entry.choice("phase", PHASES)
    expected = phase_of(start)
    if phase != expected:
        raise entry.fail(f"phase '{phase}' does not fit the date {start} (expected '{expected}'; "
                         f"the crisis weeks run {CRISIS_START} to {CRISIS_END})")
    paragraphs = entry.text_list("paragraphs", allow_empty=True)
    unknown = [p for p in paragraphs if p not in paragraph_ids]
    if unknown:
        raise entry.fail(f"unknown roundtable paragraph id(s) {unknown}")
    actors = entry.text_list("actors", allow_empty=True)
    # An actor written as an id must be a glossary entry; a plain name is
    # allowed for actors the glossary does not explain.
    unknown = [a for a in actors if KEBAB_ID.match(a) and a not in glossary.entries]
    if unknown:
        raise entry.fail(f"actor id(s) {unknown} are not in the glossary; use a glossary id or a plain name")
    place_ids = entry.text_list("places", required=False, allow_empty=True)
    unknown = [p for p in place_ids if p not in places]
    if unknown:
        raise entry.fail(f"unknown place id(s) {unknown}; add them to data/places.yaml first")
    sources = read_sources(entry)
    disputed = entry.text("disputed", required=False)
    return Event(
        id=ident, start=start, end=end, precision=precision,
        title=entry.text("title"), description=" ".join(entry.text("description").split()),
        countries=tuple(entry.text_list("countries")), actors=tuple(actors),
        category=entry.choice("category", CATEGORIES), phase=phase, places=tuple(place_ids),
        paragraphs=tuple(paragraphs), disputed=" ".join(disputed.split()) if disputed else None,
        sources=sources, file=path.name,
    )
