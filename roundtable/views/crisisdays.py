"""The crisis weeks (27 December 2019 – 12 January 2020) day by day, in
large type for a projector: real text, not a picture of text, so it stays
sharp at any size and a screen reader reads it as it is."""
from __future__ import annotations

import datetime as dt
from html import escape

from ..model.events import CRISIS_END, CRISIS_START, EventLog, load_events

#: Each kind of event by a symbol and its name, never by colour alone.
CATEGORY_SYMBOLS = {
    "military-strike": "▼", "assassination": "✖", "political": "●", "diplomatic": "◆", "protest": "▲",
    "nuclear": "★", "sanctions": "■", "militia": "✚", "terrorism": "⬢", "election": "⬟", "disaster": "◇",
}
#: The type is set relative to the page: 1.3 times the body text (26 pixels
#: in projector mode, whose body text is 20). Styles are inline: JupyterLab
#: strips <style> from a notebook not yet run, and right-aligns table cells.
TABLE = "style='font-size:1.3em;line-height:1.35;border-collapse:collapse;width:100%'"
CELL = "style='text-align:left;vertical-align:top;padding:.25em .5em;border-top:1px solid #bbb'"
KIND = "style='text-align:left;vertical-align:top;padding:.25em .5em;border-top:1px solid #bbb;white-space:nowrap'"
WHERE = "style='color:#333;font-size:.8em'"


def crisis_days_html(log: EventLog | None = None, start: dt.date = CRISIS_START, end: dt.date = CRISIS_END) -> str:
    """Every event with an exact date in the window, one row each, under its day."""
    log = log or load_events()
    frame = log.filter(start=start, end=end, include_after=False)
    frame = frame[frame["precision"] == "day"]
    groups = []
    for day, events in frame.groupby("start", sort=True):
        rows = []
        for number, event in enumerate(events.itertuples()):
            head = (f"<th scope='rowgroup' rowspan='{len(events)}' {KIND}>{escape(f'{day:%a %-d %b}')}</th>"
                    if number == 0 else "")
            until = f" (until {event.end:%-d %b})" if event.end != event.start else ""
            rows.append(f"<tr>{head}<td {KIND}>{CATEGORY_SYMBOLS[event.category]} "
                        f"{escape(event.category.replace('-', ' '))}</td><td {CELL}>{escape(event.title)}{escape(until)} "
                        f"<span {WHERE}>({escape(', '.join(event.countries))})</span></td></tr>")
        groups.append("<tbody>" + "".join(rows) + "</tbody>")
    caption = (f"The crisis weeks day by day, {start:%-d %B %Y} – {end:%-d %B %Y}: {len(frame)} events with an "
               "exact date, each listed on the day it began")
    return (f"<table class='rt-zoom' {TABLE}><caption style='text-align:left;font-size:.8em'>{escape(caption)}</caption>"
            f"<thead><tr><th scope='col' {KIND}>day</th><th scope='col' {KIND}>kind</th>"
            f"<th scope='col' {CELL}>event (countries)</th></tr></thead>"
            + "".join(groups) + "</table>")
