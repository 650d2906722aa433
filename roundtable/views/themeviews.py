"""What a theme notebook shows around its readings: the context box before
each part, the slice of the timeline and of the map that the part's
paragraphs refer to, and "what happened next" behind a toggle.

Which events and places belong to a theme is computed from the paragraphs
the notebook reads (an event belongs if it refers to one of them), so adding
a link in data/events/ updates every notebook that reads the paragraph.
"""
from __future__ import annotations

from html import escape

import pandas as pd

from ..model.asof import events_up_to
from ..model.corpus import load_corpus
from ..model.eras import load_eras
from ..model.events import EventLog, load_events, next_range
from ..model.glossary import load_glossary
from ..model.places import load_places
from ..model.readings import Part, load_reading, load_readings
from .eventviews import event_summary, event_table, paragraphs_naming
from .figures import map_chart, timeline_chart
from .render import STYLE, passages_html

CONTEXT_STYLE = """<style>
.rt-context{border:2px dashed #555;padding:.5em .9em;margin:1em 0 .4em;max-width:52em;line-height:1.5}
.rt-context h4{margin:.1em 0 .4em}
.rt-context details{font-size:.88em;margin-top:.4em}
</style>"""


def context_html(part: Part, log: EventLog | None = None, glossary=None) -> str:
    """The context box of a part, in our words, with the sources behind it:
    the events and glossary entries it draws on, each with its citations."""
    log = log or load_events()
    glossary = glossary or load_glossary()
    backing = []
    for event_id in part.events:
        event = log[event_id]
        cites = "; ".join(s.html() for s in event.sources)
        backing.append(f"<li>{escape(event.when)}: {escape(event.title)}. {cites}</li>")
    for term_id in part.terms:
        entry = glossary[term_id]
        cites = "; ".join(s.html() for s in entry.sources)
        backing.append(f"<li>Glossary, {escape(entry.term)}. {cites}</li>")
    sources = (f"<details><summary>Where these facts come from ({len(backing)})</summary>"
               f"<ul>{''.join(backing)}</ul></details>") if backing else ""
    return (f"{CONTEXT_STYLE}<aside class='rt-context' aria-label='Context: {escape(part.title)}'>"
            f"<h3>Context: {escape(part.title)}</h3><p>{escape(part.context)}</p>{sources}</aside>")


def reading_html(notebook: str, part_id: str, corpus=None, log=None, glossary=None, summaries=None) -> str:
    """A part of a theme notebook: its context box, then its passages (with
    `summaries`, each one's summary folded under it)."""
    corpus = corpus or load_corpus()
    glossary = glossary or load_glossary()
    part = load_reading(notebook).part(part_id)
    frame = corpus.paragraphs.set_index("id").loc[list(part.paragraphs)].reset_index()
    return context_html(part, log, glossary) + passages_html(frame, glossary, summaries)


def theme_events(paragraph_ids, log: EventLog | None = None, include_after: bool = False) -> pd.DataFrame:
    """Events that refer to any of the paragraphs, in date order. Without
    `include_after`, events after the crisis weeks are left out; with it,
    only those are returned (what happened next)."""
    log = log or load_events()
    wanted = set(paragraph_ids)
    frame = log.frame[log.frame["paragraphs"].map(lambda ids: bool(wanted & set(ids)))]
    return frame[frame["phase"] == "after"] if include_after else frame[frame["phase"] != "after"]


def theme_places(paragraph_ids, log: EventLog | None = None, corpus=None, glossary=None, places=None) -> list[str]:
    """Place ids of the theme: where its events happened, and places its
    paragraphs name."""

    log, corpus = log or load_events(), corpus or load_corpus()
    glossary, places = glossary or load_glossary(), places or load_places()
    events = theme_events(paragraph_ids, log)
    ids = {p for values in events["places"] for p in values}
    wanted = set(paragraph_ids)
    ids.update(place.id for place in places.values() if wanted & set(paragraphs_naming(place, corpus, glossary)))
    return sorted(ids)


def theme_timeline(notebook: str, log: EventLog | None = None):
    """The timeline slice of a theme notebook (up to January 2020)."""

    log = log or load_events()
    reading = load_reading(notebook)
    frame = theme_events(reading.paragraphs, log)
    subset = EventLog([log[e] for e in frame["id"]])
    first = frame["start"].min()
    return timeline_chart(subset, eras=load_eras(log), title=f"Events behind the readings, {first:%Y}–January 2020")


def theme_map(notebook: str):
    """The map slice of a theme notebook: the places of its events and passages."""

    ids = theme_places(load_reading(notebook).paragraphs)
    return map_chart(place_ids=ids, title="Places in these readings and their events")


def theme_event_table(notebook: str, include_after: bool = False, log=None) -> pd.DataFrame:
    """The events of the theme as a table, printed with a one-line summary."""
    frame = theme_events(load_reading(notebook).paragraphs, log, include_after)
    print(event_summary(frame, include_after))
    return event_table(frame)


def notebook_paragraphs(notebook: str) -> list[str]:
    """The paragraphs a notebook reads: its parts for a theme notebook, the
    whole roundtable for one without readings (the synthesis)."""

    readings = load_readings()
    return readings[notebook].paragraphs if notebook in readings else load_corpus().ids


def next_events_html(notebook: str, log=None) -> str:
    """What happened after January 2020 to the matters of these readings,
    as an HTML list with sources."""
    frame = theme_events(notebook_paragraphs(notebook), log, include_after=True)
    if frame.empty:
        return "<p><em>No later event in the data refers to these readings.</em></p>"
    items = []
    for row in frame.itertuples():
        cites = "; ".join(s.html() for s in row.sources)
        disputed = f" <strong>Disputed:</strong> {escape(row.disputed)}" if isinstance(row.disputed, str) else ""
        items.append(f"<li><strong>{escape(row.when)}: {escape(row.title)}</strong> "
                     f"(refers to {escape(', '.join(row.paragraphs))}). {escape(row.description)}"
                     f"{disputed} <small>{cites}</small></li>")
    return (f"<p><strong>{escape(events_up_to())}.</strong> {len(frame)} later events refer to these readings."
            f"</p><ul>{''.join(items)}</ul>")


def next_events_static(notebook: str) -> str:
    """The static companion of the toggle: the same list folded away, so that
    nothing after January 2020 shows until the reader opens it."""
    return (f"{STYLE}<details><summary><strong>Show what happened next ({escape(next_range())})</strong>"
            f"</summary>{next_events_html(notebook)}</details>")
