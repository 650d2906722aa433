"""Text and HTML views of events: the static tables and the detail panel
that the timeline explorer and the place picker share."""
from __future__ import annotations

import re
from html import escape

import pandas as pd

from ..model.asof import events_up_to
from ..model.corpus import load_corpus
from ..model.events import CRISIS_END_TEXT, PHASE_TITLES, Event, load_events
from ..model.glossary import load_glossary
from ..model.places import load_places
from .render import passage_html


def has_note(note) -> bool:
    """A `disputed` note with text in it. Missing notes reach the frame as
    None or NaN (pandas' missing value, which is truthy), so test the text."""
    return isinstance(note, str) and bool(note.strip())


def event_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Events as a readable table (the static companion of the explorer)."""
    return pd.DataFrame({
        "when": frame["when"],
        "event": frame["title"],
        "countries": frame["countries"].map(", ".join),
        "category": frame["category"],
        "phase": frame["phase"].map(PHASE_TITLES),
        "roundtable": frame["paragraphs"].map(", ".join),
        "disputed": frame["disputed"].map(lambda note: "yes" if has_note(note) else ""),
        "source": frame["sources"].map(lambda s: s[0].citation()),
    }).reset_index(drop=True)


def event_summary(frame: pd.DataFrame, include_after: bool) -> str:
    """One or two sentences saying what the table holds."""
    if frame.empty:
        return "No event matches these choices."
    phases = frame["phase"].value_counts()
    parts = [f"{phases.get(p, 0)} {PHASE_TITLES[p].lower()}" for p in ("before", "crisis", "after") if p in phases]
    text = (f"{len(frame)} events from {frame['when'].iloc[0]} to {frame['when'].iloc[-1]} "
            f"({', '.join(parts)}); {int((frame['paragraphs'].map(len) > 0).sum())} of them are referred to "
            f"in the roundtable, and {int(frame['disputed'].map(has_note).sum())} carry a note on disputed facts.")
    if not include_after:
        text += f" Events after {CRISIS_END_TEXT} are hidden."
    else:
        text += f" {events_up_to()} (the date the collection is current to)."
    return text


def event_detail_html(event: Event, corpus, glossary=None) -> str:
    """Description, disputed note, sources as links, and linked passages."""
    sources = "".join(f"<li>{s.html()}</li>" for s in event.sources)
    disputed = (f"<p><strong>Disputed:</strong> {escape(event.disputed)}</p>" if event.disputed else "")
    passages = "".join(passage_html(corpus.paragraph(pid), glossary) for pid in event.paragraphs)
    linked = (f"<h5>In the roundtable</h5>{passages}" if passages
              else "<p><em>The roundtable does not refer to this event directly.</em></p>")
    return (f"<div class='rt-event'><h4>{escape(event.title)}</h4>"
            f"<p><strong>{escape(event.when)}</strong> · {escape(', '.join(event.countries))} · "
            f"{escape(event.category)} · {escape(PHASE_TITLES[event.phase])}</p>"
            f"<p>{escape(event.description)}</p>{disputed}<h5>Sources</h5><ul>{sources}</ul>{linked}</div>")


def events_overview(log=None, include_after: bool = False) -> pd.DataFrame:
    """Print a summary and return the table of events: the explorer's static
    companion, readable where no kernel runs."""

    frame = (log or load_events()).filter(include_after=include_after)
    if include_after:
        frame = frame[frame["phase"] == "after"]
    print(event_summary(frame, include_after))
    return event_table(frame)


def disputed_table(log=None, include_after: bool = False) -> pd.DataFrame:
    """Events whose facts are disputed, with the note on what differs."""

    frame = (log or load_events()).filter(include_after=include_after)
    frame = frame[frame["disputed"].map(has_note)]
    return pd.DataFrame({"when": frame["when"], "event": frame["title"],
                         "what is disputed": frame["disputed"]}).reset_index(drop=True)


def places_overview(log=None, corpus=None, glossary=None, places=None) -> pd.DataFrame:
    """For each place: its events up to the crisis weeks and the passages
    that name it or refer to its events (the place picker's static companion)."""

    log, corpus = log or load_events(), corpus or load_corpus()
    glossary, places = glossary or load_glossary(), places or load_places()
    rows = []
    for place in sorted(places.values(), key=lambda p: p.name):
        events = log.for_place(place.id, include_after=False)
        rows.append({"place": place.name, "original": place.original or "", "country": place.country,
                     "events to Jan 2020": len(events),
                     "passages": ", ".join(passages_for_place(place, events, corpus, glossary))})
    return pd.DataFrame(rows)


def paragraphs_naming(place, corpus, glossary) -> list[str]:
    """Paragraph ids whose text names the place, by its name or its
    glossary spellings, in reading order."""
    spellings = {place.name}
    if place.id in glossary.entries:
        spellings.update(glossary[place.id].variants)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spellings) + r")(?!\w)", re.IGNORECASE)
    return [row.id for row in corpus.paragraphs.itertuples() if pattern.search(row.text)]


def passages_for_place(place, events, corpus, glossary) -> list[str]:
    """Paragraph ids that name the place or that refer to an event there,
    in reading order."""
    linked = {pid for pids in events["paragraphs"] for pid in pids} | set(paragraphs_naming(place, corpus, glossary))
    return [pid for pid in corpus.ids if pid in linked]
