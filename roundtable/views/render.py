"""Passages as HTML: speaker, section, verbatim text, glossary terms marked.

Every piece of text that reaches the page goes through `html.escape`, whether
it comes from the data or from a student; terms are marked with <abbr> (a
hover title) and a numbered footnote, so that the definition is also readable
on a projector or a printout where hovering is impossible.
"""
from __future__ import annotations

from html import escape

import pandas as pd

from ..model.corpus import speaker_label

STYLE = """<style>
.rt-passage{border-left:4px solid #555;padding:.4em .9em;margin:.8em 0;max-width:52em;line-height:1.55}
.rt-passage header{font-size:.9em;margin-bottom:.3em}
.rt-passage abbr{text-decoration:underline dotted;cursor:help}
.rt-passage ol{font-size:.85em;margin:.4em 0 0 1.2em;padding:0}
</style>"""


def passage_html(row, glossary=None) -> str:
    """One paragraph (a row of `Corpus.paragraphs`) as an HTML <article>."""
    speaker = speaker_label(row["speaker"])
    label = row["section_title"] + ("" if row["heading_in_source"] else " (our label)")
    header = (f"<header><strong>{escape(speaker)}</strong> · {escape(label)} · "
              f"<code>{escape(row['id'])}</code></header>")
    body, notes = _marked_text(row["text"], glossary)
    footnotes = ""
    if notes:
        items = "".join(f"<li><strong>{escape(e.term)}</strong>: {escape(e.note)}</li>" for e in notes)
        footnotes = f"<ol>{items}</ol>"
    return (f'<article class="rt-passage" id="{escape(row["id"])}">{header}'
            f"<p>{body}</p>{footnotes}</article>")


def passages_html(frame: pd.DataFrame, glossary=None) -> str:
    """Several paragraphs, in the order of the frame, with the shared style."""
    return STYLE + "".join(passage_html(row, glossary) for _, row in frame.iterrows())


def _marked_text(text: str, glossary) -> tuple[str, list]:
    """Escape `text` and wrap each glossary mention in <abbr> plus a
    footnote number; return the HTML and the entries in footnote order."""
    if glossary is None:
        return escape(text), []
    parts, notes, numbers, cursor = [], [], {}, 0
    for mention in glossary.mentions(text):
        entry = glossary[mention.entry_id]
        if entry.id not in numbers:
            notes.append(entry)
            numbers[entry.id] = len(notes)
        parts.append(escape(text[cursor:mention.start]))
        parts.append(f'<abbr title="{escape(entry.note)}">{escape(mention.matched)}</abbr>'
                     f"<sup>{numbers[entry.id]}</sup>")
        cursor = mention.end
    parts.append(escape(text[cursor:]))
    return "".join(parts), notes
