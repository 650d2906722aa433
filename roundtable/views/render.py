"""Passages as HTML: speaker, section, verbatim text, glossary terms marked.

Every piece of text that reaches the page goes through `html.escape`, whether
it comes from the data or from a student; terms are marked with <abbr> (a
hover title) and a numbered footnote, so that the definition is also readable
on a projector or a printout where hovering is impossible.
"""
from __future__ import annotations

import re
from html import escape

import pandas as pd

from ..model.corpus import speaker_label

STYLE = """<style>
.rt-passage sup a{text-decoration:none}
.rt-passage{border-left:4px solid #555;padding:.4em .9em;margin:.8em 0;max-width:52em;line-height:1.55}
.rt-passage header{font-size:.9em;margin-bottom:.3em}
.rt-passage abbr{text-decoration:underline dotted;cursor:help}
.rt-passage ol{font-size:.85em;margin:.4em 0 0 1.2em;padding:0}
</style>"""


def markdown_text(text: str, *, in_table: bool = False) -> str:
    """Text from a data file, safe inside Markdown: no HTML tag or entity in it
    survives (`<` and `&` are escaped; `>` alone starts no tag), and in a
    table cell a bar does not end the cell. Markdown's own marks (*, **) stay."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;")
    return text.replace("|", "\\|") if in_table else text


def inline_markdown_html(text: str) -> str:
    """Escape `text`, then render the banks' inline Markdown: **bold** and *italic*."""
    html = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(text))
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", html)


#: How the basic level's summary is marked, so that no reader takes our words
#: for the speaker's.
SUMMARY_LABEL = "In plain words: our summary, not {speaker}'s words"
SUMMARY_STYLE = "margin:.5em 0 .2em;padding:.3em .7em;border:1px dashed #777;font-size:.95em"


def passage_html(row, glossary=None, seen: dict | None = None, summary: str | None = None) -> str:
    """One paragraph (a row of `Corpus.paragraphs`) as an HTML <article>.

    `seen` is shared by the paragraphs of one reading: a term's note is
    printed under the paragraph that first names it, and later mentions link
    back to that note instead of printing it again. A `summary` (the basic
    reading level) is folded under the paragraph, marked as ours, its glossary
    terms linked to the same notes."""
    seen = {} if seen is None else seen
    speaker = speaker_label(row["speaker"])
    label = row["section_title"] + ("" if row["heading_in_source"] else " (our label)")
    header = (f"<header><strong>{escape(speaker)}</strong> · {escape(label)} · "
              f"<code>{escape(row['id'])}</code></header>")
    body, notes = _marked_text(row["text"], glossary, seen, row["id"])
    folded = ""
    if summary:
        summary_body, summary_notes = _marked_text(summary, glossary, seen, row["id"])
        notes += summary_notes
        label = SUMMARY_LABEL.format(speaker=speaker if speaker != "Introduction" else "the authors")
        folded = (f'<details style="{SUMMARY_STYLE}"><summary>{escape(label)}</summary>'
                  f"<p>{summary_body}</p></details>")
    footnotes = ""
    if notes:
        items = "".join(f'<li value="{number}" id="{anchor}"><strong>{escape(e.term)}</strong>: {escape(e.note)}</li>'
                        for e, number, anchor in notes)
        footnotes = f"<ol>{items}</ol>"
    return (f'<article class="rt-passage" id="{escape(row["id"])}">{header}'
            f"<p>{body}</p>{folded}{footnotes}</article>")


def passages_html(frame: pd.DataFrame, glossary=None, summaries: dict | None = None) -> str:
    """Several paragraphs, in the order of the frame, with the shared style;
    each glossary note once, at its first mention; with `summaries`, each
    paragraph's summary folded under it."""
    seen: dict = {}
    summaries = summaries or {}
    return STYLE + "".join(passage_html(row, glossary, seen, summaries.get(row["id"]))
                           for _, row in frame.iterrows())


def _marked_text(text: str, glossary, seen: dict, paragraph: str) -> tuple[str, list]:
    """Escape `text` and mark each glossary mention with <abbr> and a note
    number. A term met for the first time in the reading gets its note here
    (returned, in order, with its number and anchor); one met before links to
    its note."""
    if glossary is None:
        return escape(text), []
    parts, notes, cursor = [], [], 0
    for mention in glossary.mentions(text):
        entry = glossary[mention.entry_id]
        if entry.id not in seen:
            anchor = f"note-{paragraph}-{entry.id}"
            seen[entry.id] = (len(seen) + 1, anchor)
            notes.append((entry, *seen[entry.id]))
        number, anchor = seen[entry.id]
        parts.append(escape(text[cursor:mention.start]))
        parts.append(f'<abbr title="{escape(entry.note)}">{escape(mention.matched)}</abbr>'
                     f'<sup><a href="#{escape(anchor)}" aria-label="note {number}">{number}</a></sup>')
        cursor = mention.end
    parts.append(escape(text[cursor:]))
    return "".join(parts), notes


def references_html(paragraph_ids) -> str:
    """A line under a question that links to the paragraphs it is about that
    the notebook shows in its section "Other paragraphs the questions refer to"."""
    ids = list(dict.fromkeys(paragraph_ids))
    if not ids:
        return ""
    links = ", ".join(f"<a href='#{escape(p)}'>{escape(p)}</a>" for p in ids)
    return (f"<p class='rt-refs'><em>This question is also about {links}: read "
            f"{'it' if len(ids) == 1 else 'them'} under \"Other paragraphs the questions refer to\".</em></p>")
