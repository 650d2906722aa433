"""Primary documents as HTML: who said it, when, in which capacity, the
verbatim passages, who translated them, and the copies they are quoted from.

Styles are inline, because JupyterLab strips <style> from a notebook that has
not been run. Every field from the data is escaped.
"""
from __future__ import annotations

from html import escape

from ..model.documents import Document, Passage
from ..model.sources import Source
from .render import markdown_text as M

BOX = "border:1px solid #555;border-left:6px solid #555;padding:.5em .9em;margin:.9em 0;max-width:52em;line-height:1.5"
QUOTE = "margin:.4em 0 .4em .6em;padding:0 0 0 .8em;border-left:3px solid #999;font-size:1.05em"
SMALL = "font-size:.9em"


def passage_text(passage: Passage) -> str:
    """A passage in quotation marks; where it starts or ends mid-sentence,
    "…" stands outside them, so the words inside stay exactly the copy's."""
    return (("… " if passage.starts_mid_sentence else "") + f"“{escape(passage.text)}”"
            + (" …" if passage.ends_mid_sentence else ""))


def document_html(document: Document) -> str:
    """One document as an <article> with the anchor doc-<id>."""
    passages = "".join(f'<blockquote style="{QUOTE}"><p>{passage_text(p)}</p></blockquote>'
                       for p in document.passages)
    translated = (f"<p style='{SMALL}'><strong>Translation:</strong> {escape(document.translation)}. "
                  f"Not the speaker's own English; other translations differ.</p>" if document.translation else "")
    quoted_from = _quoted_from(document)
    note = (f"<details style='{SMALL}'><summary>About this copy</summary><p>{escape(document.note)}</p></details>"
            if document.note else "")
    return (f'<article id="doc-{escape(document.id)}" style="{BOX}" '
            f'aria-label="Document: {escape(document.speaker)}, {escape(document.when)}">'
            f"<header><strong>{escape(document.perspective)}</strong> · {escape(document.speaker)} · "
            f"{escape(document.when)}</header><p><em>{escape(document.what)}</em></p>{passages}"
            f"{translated}{quoted_from}{note}</article>")


def _quoted_from(document: Document) -> str:
    used = list(dict.fromkeys(p.source for p in document.passages))
    others = [s for s in document.sources if s not in used]
    line = f"<p style='{SMALL}'><strong>Quoted from:</strong> " + "; ".join(_cite(s) for s in used) + "."
    if others:
        line += " <strong>Also reported by:</strong> " + "; ".join(_cite(s) for s in others) + "."
    return line + "</p>"


def _cite(source: Source) -> str:
    return source.html() + (" (a copy on another site)" if source.rehost else "")


def documents_html(documents) -> str:
    """Several documents, in the order given."""
    return "".join(document_html(d) for d in documents)


def document_link_html(document: Document) -> str:
    """A one-line reference to a document: who, when, and the copy quoted."""
    return (f"{escape(document.speaker)}, {escape(document.when)}: "
            f"{escape(document.what)} {document.passages[0].source.html()}")


def document_markdown(document: Document) -> str:
    """A document for Markdown readers (the instructor edition, handouts):
    the passages as a block quote, with the citation."""
    lines = [f"**{M(document.perspective)} · {M(document.speaker)} · {M(document.when)}.** {M(document.what)}", ""]
    for passage in document.passages:
        lines += [f"> {'… ' if passage.starts_mid_sentence else ''}“{M(passage.text)}”"
                  f"{' …' if passage.ends_mid_sentence else ''}", ">"]
    lines.pop()
    used = list(dict.fromkeys(p.source for p in document.passages))
    cites = "; ".join(f"{M(s.publisher)}, “[{M(s.title)}]({s.url})” ({M(s.date)})" for s in used)
    lines += ["", f"Quoted from {cites}." + (f" Translation: {M(document.translation)}." if document.translation else "")]
    return "\n".join(lines)
