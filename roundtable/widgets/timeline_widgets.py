"""The timeline explorer and the place picker (ipywidgets 8).

Each widget is a class whose callbacks are plain methods, so the tests can
drive it by setting widget values, as a student would, and read what it
shows. Every control has a visible label and can be reached with Tab and
operated from the keyboard (lists with the arrow keys, the toggle with Space).
"""
from __future__ import annotations

from html import escape

import ipywidgets as w

from ..model.corpus import load_corpus
from ..model.events import CATEGORIES, EventLog, load_events, next_range
from ..model.glossary import load_glossary
from ..model.places import load_places
from ..views.eventviews import event_detail_html, event_summary, passages_for_place
from ..views.render import STYLE, passages_html

LABEL = {"description_width": "initial"}


def _event_options(frame) -> list[tuple[str, str]]:
    return [(f"{row.when} — {row.title}", row.id) for row in frame.itertuples()]


class TimelineExplorer:
    """Filter events by country, actor, category and dates; select one to
    read its description, sources and the passages that refer to it."""

    def __init__(self, log: EventLog | None = None, corpus=None, glossary=None):
        self.log = log or load_events()
        self.corpus = corpus or load_corpus()
        self.glossary = glossary or load_glossary()
        self.countries = w.SelectMultiple(options=self.log.options("countries"), rows=6,
                                          description="1. Countries", style=LABEL)
        self.actors = w.SelectMultiple(options=self._actor_options(), rows=6,
                                       description="2. Actors", style=LABEL)
        present = [c for c in CATEGORIES if c in set(self.log.frame["category"])]
        self.categories = w.SelectMultiple(options=present, rows=6, description="3. Categories", style=LABEL)
        first, last = self.log.frame["start"].min(), self.log.frame["end"].max()
        self.start = w.DatePicker(description="4. From", value=first, style=LABEL)
        self.end = w.DatePicker(description="to", value=last, style=LABEL)
        self.show_after = w.Checkbox(value=False, description=f"5. Show what happened next ({next_range()})",
                                     indent=False)
        self.clear = w.Button(description="Clear filters", tooltip="Show every event again")
        self.count = w.HTML()
        self.results = w.Select(options=[], rows=10, description="6. Events", style=LABEL,
                                layout=w.Layout(width="95%"))
        self.detail = w.HTML()
        for control in (self.countries, self.actors, self.categories, self.start, self.end, self.show_after):
            control.observe(self.update, names="value")
        self.results.observe(self.show_event, names="value")
        self.clear.on_click(self.reset)
        self.update()

    def _actor_options(self) -> list[tuple[str, str]]:
        """Glossary actors by their term, other actors by their name."""
        entries = self.glossary.entries
        labelled = [(entries[a].term if a in entries else a, a) for a in self.log.options("actors")]
        return sorted(labelled, key=lambda pair: pair[0].casefold())

    def current(self):
        """The events that match the current choices."""
        return self.log.filter(countries=self.countries.value, actors=self.actors.value,
                               categories=self.categories.value, start=self.start.value,
                               end=self.end.value, include_after=self.show_after.value)

    def update(self, change=None) -> None:
        frame = self.current()
        previous = self.results.value
        self.results.options = _event_options(frame)
        self.results.value = previous if previous in set(frame["id"]) else None
        self.count.value = f"<p><strong>{len(frame)}</strong> matching events. {event_summary(frame, self.show_after.value)}</p>"
        if self.results.value is None:
            self.detail.value = "<p><em>Select an event in the list to read about it.</em></p>"

    def show_event(self, change=None) -> None:
        if self.results.value is None:
            return
        event = self.log[self.results.value]
        self.detail.value = STYLE + event_detail_html(event, self.corpus, self.glossary)

    def reset(self, button=None) -> None:
        self.countries.value = self.actors.value = self.categories.value = ()
        self.start.value, self.end.value = self.log.frame["start"].min(), self.log.frame["end"].max()

    def widget(self) -> w.Widget:
        filters = w.HBox([self.countries, self.actors, self.categories])
        dates = w.HBox([self.start, self.end, self.clear])
        return w.VBox([w.HTML("<h3>Timeline explorer</h3>"), filters, dates, self.show_after,
                       self.count, self.results, self.detail])


class PlacePicker:
    """Pick a place; see its events and the roundtable passages about it."""

    def __init__(self, log: EventLog | None = None, corpus=None, glossary=None, places=None):
        self.log = log or load_events()
        self.corpus = corpus or load_corpus()
        self.glossary = glossary or load_glossary()
        self.places = places or load_places()
        options = [(f"{p.name} ({p.original})" if p.original else p.name, p.id)
                   for p in sorted(self.places.values(), key=lambda p: p.name)]
        self.place = w.Dropdown(options=options, value=None, description="1. Place", style=LABEL)
        self.show_after = w.Checkbox(value=False, description=f"2. Show what happened next ({next_range()})", indent=False)
        self.output = w.HTML("<p><em>Choose a place.</em></p>")
        self.place.observe(self.update, names="value")
        self.show_after.observe(self.update, names="value")

    def update(self, change=None) -> None:
        if self.place.value is None:
            return
        place = self.places[self.place.value]
        events = self.log.for_place(place.id, include_after=self.show_after.value)
        ids = passages_for_place(place, events, self.corpus, self.glossary)
        rows = "".join(f"<li>{escape(e.when)}: {escape(e.title)}</li>" for e in events.itertuples())
        events_html = f"<ul>{rows}</ul>" if rows else "<p><em>No event in the data takes place here.</em></p>"
        frame = self.corpus.paragraphs[self.corpus.paragraphs["id"].isin(ids)]
        passages = passages_html(frame, self.glossary) if ids else "<p><em>The roundtable does not name this place.</em></p>"
        self.output.value = (f"<h4>{escape(place.name)}</h4><p>{escape(place.original or '')} · {escape(place.country)}</p>"
                             f"<h5>Events ({len(events)})</h5>{events_html}"
                             f"<h5>Passages ({len(ids)})</h5>{passages}")

    def widget(self) -> w.Widget:
        return w.VBox([w.HTML("<h3>Place picker</h3>"), w.HBox([self.place, self.show_after]), self.output])
