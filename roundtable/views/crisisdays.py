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
#: in projector mode, whose body text is 20).
#: (JupyterLab and the projector template size tables themselves, hence the
#: more specific selector.)
ZOOM_STYLE = ("<style>.rt-zoom,.jp-RenderedHTMLCommon table.rt-zoom{font-size:1.3em;line-height:1.35;"
              "border-collapse:collapse;width:100%;table-layout:fixed}"
              ".jp-RenderedHTMLCommon table.rt-zoom th,.jp-RenderedHTMLCommon table.rt-zoom td,.rt-zoom th,.rt-zoom td"
              "{padding:.25em .5em;vertical-align:top;text-align:left;border-top:1px solid #bbb}"
              ".rt-zoom caption{text-align:left;font-size:.8em;padding-bottom:.3em}"
              ".rt-zoom col.rt-day{width:7.5em}.rt-zoom col.rt-kind{width:10em}.rt-zoom .rt-where{color:#333;font-size:.8em}</style>")


def crisis_days_html(log: EventLog | None = None, start: dt.date = CRISIS_START, end: dt.date = CRISIS_END) -> str:
    """Every event with an exact date in the window, one row each, under its day."""
    log = log or load_events()
    frame = log.filter(start=start, end=end, include_after=False)
    frame = frame[frame["precision"] == "day"]
    groups = []
    for day, events in frame.groupby("start", sort=True):
        rows = []
        for number, event in enumerate(events.itertuples()):
            head = (f"<th scope='rowgroup' rowspan='{len(events)}'>{escape(f'{day:%a %-d %b}')}</th>"
                    if number == 0 else "")
            until = f" (until {event.end:%-d %b})" if event.end != event.start else ""
            rows.append(f"<tr>{head}<td>{CATEGORY_SYMBOLS[event.category]} "
                        f"{escape(event.category.replace('-', ' '))}</td><td>{escape(event.title)}{escape(until)} "
                        f"<span class='rt-where'>({escape(', '.join(event.countries))})</span></td></tr>")
        groups.append("<tbody>" + "".join(rows) + "</tbody>")
    caption = (f"The crisis weeks day by day, {start:%-d %B %Y} – {end:%-d %B %Y}: {len(frame)} events with an "
               "exact date, each listed on the day it began")
    return (f"{ZOOM_STYLE}<table class='rt-zoom'><caption>{escape(caption)}</caption>"
            "<colgroup><col class='rt-day'><col class='rt-kind'><col></colgroup><thead><tr><th scope='col'>day</th>"
            "<th scope='col'>kind</th><th scope='col'>event (countries)</th></tr></thead>"
            + "".join(groups) + "</table>")
