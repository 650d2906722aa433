"""Text and HTML views of events: the static tables and the detail panel
that the timeline explorer and the place picker share."""
from __future__ import annotations

from html import escape

import pandas as pd

from .events import PHASE_TITLES, Event
from .render import passage_html


def event_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Events as a readable table (the static companion of the explorer)."""
    return pd.DataFrame({
        "when": frame["when"],
        "event": frame["title"],
        "countries": frame["countries"].map(", ".join),
        "category": frame["category"],
        "phase": frame["phase"].map(PHASE_TITLES),
        "roundtable": frame["paragraphs"].map(", ".join),
        "disputed": frame["disputed"].map(lambda d: "yes" if d else ""),
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
            f"in the roundtable, and {int(frame['disputed'].notna().sum())} carry a note on disputed facts.")
    if not include_after:
        text += " Events after 12 January 2020 are hidden."
    return text


def event_detail_html(event: Event, corpus, glossary=None) -> str:
    """Description, disputed note, sources as links, and linked passages."""
    sources = "".join(
        f'<li>{escape(s.publisher)}, “<a href="{escape(s.url)}" target="_blank" rel="noopener">'
        f"{escape(s.title)}</a>” ({escape(s.date)})</li>" for s in event.sources)
    disputed = (f"<p><strong>Disputed:</strong> {escape(event.disputed)}</p>" if event.disputed else "")
    passages = "".join(passage_html(corpus.paragraph(pid), glossary) for pid in event.paragraphs)
    linked = (f"<h4>In the roundtable</h4>{passages}" if passages
              else "<p><em>The roundtable does not refer to this event directly.</em></p>")
    return (f"<div class='rt-event'><h3>{escape(event.title)}</h3>"
            f"<p><strong>{escape(event.when)}</strong> · {escape(', '.join(event.countries))} · "
            f"{escape(event.category)} · {escape(PHASE_TITLES[event.phase])}</p>"
            f"<p>{escape(event.description)}</p>{disputed}<h4>Sources</h4><ul>{sources}</ul>{linked}</div>")
