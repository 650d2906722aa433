"""The printed page every handout shares: a print stylesheet (A4, readable
type, page breaks between handouts, links printed with their address) and a
self-contained HTML document around a body of already escaped HTML.

Nothing here fetches anything: no web fonts, no scripts, images are inlined.
"""
from __future__ import annotations

import re

from html import escape

from markdown_it import MarkdownIt

from ..views.render import STYLE as PASSAGE_STYLE
from ..views.themeviews import CONTEXT_STYLE

PRINT_CSS = """<style>
@page { size: A4; margin: 16mm 15mm 18mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Serif", "Liberation Serif", Georgia, serif; font-size: 11pt; line-height: 1.45;
       color: #111; max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 .4em; }
h2 { font-size: 14.5pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; margin: 1em 0 .3em; }
h1, h2, h3, h4 { break-after: avoid; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
p, li { orphans: 3; widows: 3; }
.edition { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; text-transform: uppercase;
           letter-spacing: .05em; color: #444; margin: 0 0 .3em; }
.brief { border: 2px solid #333; padding: .5em .9em; margin: .6em 0 1em; }
.brief p { margin: .3em 0; }
.handout + .handout, .new-page { break-before: page; }
table { border-collapse: collapse; width: 100%; font-size: 8.8pt; line-height: 1.3; margin: .5em 0; }
th, td { border: 1px solid #999; padding: 2px 4px; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr, figure, img, .rt-question, .rt-quiz-item, .rt-key, .news-slip { break-inside: avoid; }
img { max-width: 100%; max-height: 150mm; height: auto; }
figure { margin: .6em 0; }
figcaption pre { font-family: inherit; font-size: 9pt; white-space: pre-wrap; margin: .3em 0; }
.printed { white-space: pre-wrap; }
.rt-question { margin: .8em 0; }
.write { border: 1px solid #777; min-height: 9em; margin: .4em 0 1em; }
.write.long { min-height: 22em; }
.rt-quiz-item ol { margin: .2em 0 .6em; }
.rt-key { border-left: 4px solid #333; background: #eee; padding: .3em .8em; margin: .4em 0 .9em; font-size: 10pt; }
.note { font-style: italic; }
.news-slip { border: 3px double #333; padding: .8em 1.2em; font-size: 13pt; margin: 1em 0; }
.small { font-size: 9pt; }
details > summary { list-style: none; font-weight: bold; }
a { color: #0b3d75; }
@media print {
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8pt; color: #333; word-break: break-all; }
  body { margin: 0; padding: 0; max-width: none; }
}
</style>"""

#: The lessons' and the data's Markdown: no raw HTML (it is shown as text),
#: tables on.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_html(text: str) -> str:
    """Markdown (the lessons' prose, the memo template, the ground rules) as
    HTML; any HTML inside it is escaped, never passed through."""
    return _MARKDOWN.render(text)


def markdown_inline_html(text: str) -> str:
    """One line of Markdown (bold, italic, code, links) as inline HTML, escaped."""
    return _MARKDOWN.renderInline(text)


def document(title: str, body: str, edition: str) -> str:
    """A whole printable HTML page. `edition` says who it is for, printed at
    the top ("Students' handout", "Instructor's edition")."""
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(title)}</title>{PRINT_CSS}{PASSAGE_STYLE}{CONTEXT_STYLE}</head>"
            f"<body><p class='edition'>{escape(edition)}</p>{body}</body></html>\n")


def opened(html: str) -> str:
    """Folded parts (<details>, with or without attributes) shown open:
    paper cannot be clicked."""
    return re.sub(r"<details(?![^>]*\bopen\b)(?=[\s>])", "<details open", html)
