"""What the class's reading level (data/class.yaml) changes on the page.

Basic: each paragraph's plain-language summary, folded under it.
Advanced: an extension reading list at the end of a theme notebook, drawn
from its primary documents and from the sources of the events its readings
refer to. Only events up to the crisis weeks are drawn on, so that the list
never opens "what happened next" early.
"""
from __future__ import annotations

from html import escape

from ..model.classsettings import reading_level
from ..model.documents import load_documents
from ..model.summaries import load_summaries
from .documentviews import document_link_html
from .themeviews import notebook_paragraphs, theme_events

BOX = "border:1px solid #555;padding:.5em .9em;margin:1em 0;max-width:52em;line-height:1.5"


def class_summaries() -> dict[str, str] | None:
    """The summaries to fold under paragraphs, or None at the advanced level."""
    return load_summaries() if reading_level() == "basic" else None


def further_reading_html(notebook: str, level: str | None = None) -> str:
    """The extension reading list of a notebook at the advanced level;
    nothing at the basic level (the summaries are its help instead)."""
    if (level or reading_level()) != "advanced":
        return ""
    documents = load_documents().for_notebook(notebook)
    doc_items = "".join(f"<li>{document_link_html(d)}</li>" for d in documents)
    seen_urls = {s.url for d in documents for s in d.sources}
    event_items = []
    for row in theme_events(notebook_paragraphs(notebook)).itertuples():
        fresh = [s for s in row.sources if s.url not in seen_urls]
        seen_urls.update(s.url for s in fresh)
        if fresh:
            event_items.append(f"<li>{escape(row.when)}, {escape(row.title)}: "
                               + "; ".join(s.html() for s in fresh) + "</li>")
    parts = [f"<section style='{BOX}' aria-label='Going further'><h3>Going further: extension reading</h3>",
             "<p>For the advanced level. Read the full documents behind the excerpts, then the reporting "
             "behind the events these readings refer to (up to January 2020 only; the later events stay "
             "under \"What happened next\"). Compare how each source frames the same facts.</p>"]
    if doc_items:
        parts.append(f"<h4>Primary documents ({len(documents)})</h4><ul>{doc_items}</ul>")
    if event_items:
        parts.append(f"<h4>Reporting on the events ({len(event_items)})</h4><ul>{''.join(event_items)}</ul>")
    return "".join(parts) + "</section>"
