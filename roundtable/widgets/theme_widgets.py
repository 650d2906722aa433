"""The widgets of the theme notebooks (ipywidgets 8): compare two speakers,
keyword in context, the speaker × theme heat map, and the "what happened
next" toggle.

As in the timeline widgets, callbacks are plain methods, so tests drive them
by setting values as a student would. Every control has a visible label and
is reached with Tab; what a student types is escaped before it is shown.
"""
from __future__ import annotations

from html import escape

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from ..analysis.textlens import MAX_QUERY_CHARS, kwic, kwic_summary, speaker_theme_counts, tokens
from ..model.corpus import THEME_TITLES, THEMES, load_corpus
from ..model.estimative import load_estimative_words
from ..model.events import next_range
from ..model.glossary import load_glossary
from ..views.figcache import cached_figure
from ..views.figures import image_html
from ..views.render import STYLE, passages_html
from ..views.tables import table_html
from ..views.textfigures import HeatmapDrawing
from ..views.themeviews import next_events_html

LABEL = {"description_width": "initial"}
ALL_THEMES = "all"


def _theme_options() -> list[tuple[str, str]]:
    return [("All themes", ALL_THEMES)] + [(THEME_TITLES[t], t) for t in THEMES]


def speaker_column_html(corpus, glossary, speaker: str, theme: str) -> str:
    """One speaker's paragraphs on a theme, with a line of counts."""
    frame = corpus.filter(speaker=speaker, theme=None if theme == ALL_THEMES else theme)
    if frame.empty:
        where = "" if theme == ALL_THEMES else f" on {THEME_TITLES[theme]}"
        return f"<h4>{escape(speaker)}</h4><p><em>{escape(speaker)} has no paragraph{escape(where)}.</em></p>"
    words = sum(len(tokens(t)) for t in frame["text"])
    hedges = sum(len(load_estimative_words().find(t)) for t in frame["text"])
    return (f"<h4>{escape(speaker)}</h4><p>{len(frame)} paragraphs, {words} words, "
            f"{hedges} hedge words.</p>" + passages_html(frame, glossary))


class SpeakerComparison:
    """Two speakers side by side on one theme (or on all)."""

    def __init__(self, theme: str = ALL_THEMES, first: str | None = None, second: str | None = None,
                 corpus=None, glossary=None):
        self.corpus = corpus or load_corpus()
        self.glossary = glossary or load_glossary()
        speakers = self.corpus.speakers
        self.first = w.Dropdown(options=speakers, value=first or speakers[0], description="1. First speaker",
                                style=LABEL)
        self.second = w.Dropdown(options=speakers, value=second or speakers[1], description="2. Second speaker",
                                 style=LABEL)
        self.theme = w.Dropdown(options=_theme_options(), value=theme, description="3. Theme", style=LABEL)
        self.left, self.right = w.HTML(), w.HTML()
        self.status = w.HTML()
        for control in (self.first, self.second, self.theme):
            control.observe(self.update, names="value")
        self.update()

    def update(self, change=None) -> None:
        theme = self.theme.value
        self.left.value = speaker_column_html(self.corpus, self.glossary, self.first.value, theme)
        self.right.value = speaker_column_html(self.corpus, self.glossary, self.second.value, theme)
        same = " (the same speaker twice: choose another second speaker)" if self.first.value == self.second.value else ""
        label = "all themes" if theme == ALL_THEMES else THEME_TITLES[theme]
        self.status.value = (f"<p role='status'>Comparing {escape(self.first.value)} and "
                             f"{escape(self.second.value)} on {escape(label)}{escape(same)}.</p>")

    def widget(self) -> w.Widget:
        half = w.Layout(width="50%", padding="0 .5em")
        self.left.layout, self.right.layout = half, half
        return w.VBox([w.HTML("<h3>Compare two speakers</h3>"), w.HBox([self.first, self.second, self.theme]),
                       self.status, w.HBox([self.left, self.right])])


def comparison_table(theme: str = ALL_THEMES, corpus=None):
    """The comparison's static companion: for every speaker, their paragraphs,
    words and hedge words on the theme."""

    corpus = corpus or load_corpus()
    scale = load_estimative_words()
    rows = []
    for speaker in corpus.speakers:
        frame = corpus.filter(speaker=speaker, theme=None if theme == ALL_THEMES else theme)
        hedges = [h.phrase for t in frame["text"] for h in scale.find(t)]
        rows.append({"speaker": speaker, "paragraphs": ", ".join(frame["id"]) or "(none)",
                     "words": sum(len(tokens(t)) for t in frame["text"]),
                     "hedge words": ", ".join(dict.fromkeys(hedges)) or ""})
    return pd.DataFrame(rows)


def kwic_html(results, query: str, speaker: str | None = None) -> str:
    """Keyword-in-context results as an escaped HTML table."""
    summary = f"<p role='status'>{escape(kwic_summary(results, query, speaker))}</p>"
    if results.empty:
        return summary
    rows = "".join(
        f"<tr><td><code>{escape(r.paragraph)}</code></td><td>{escape(r.speaker)}</td>"
        f"<td style='text-align:right'>{escape(r.left)}</td><td><strong>{escape(r.match)}</strong></td>"
        f"<td>{escape(r.right)}</td></tr>" for r in results.itertuples())
    return (summary + "<table class='rt-table'><thead><tr><th>paragraph</th><th>speaker</th><th>before</th>"
            f"<th>match</th><th>after</th></tr></thead><tbody>{rows}</tbody></table>")


class KeywordSearch:
    """Keyword in context across the whole roundtable."""

    def __init__(self, query: str = "", whole_words: bool = True, corpus=None):
        self.corpus = corpus or load_corpus()
        # Results follow the typing, so a result never stands under another word.
        self.query = w.Text(value=query, description="1. Word or phrase", placeholder="e.g. militia",
                            style=LABEL, continuous_update=True, layout=w.Layout(width="32em"))
        self.query.layout.max_width = "100%"
        self.whole_words = w.Checkbox(value=whole_words, description="2. Whole words only", indent=False)
        # "" for everyone: a None value would show an empty dropdown.
        self.speaker = w.Dropdown(options=[("Everyone", "")] + [(s, s) for s in self.corpus.speakers],
                                  value="", description="3. Speaker", style=LABEL)
        self.output = w.HTML()
        for control in (self.query, self.whole_words, self.speaker):
            control.observe(self.update, names="value")
        self.update()

    def results(self):
        return kwic(self.query.value, self.corpus, self.whole_words.value, self.speaker.value or None)

    def update(self, change=None) -> None:
        note = ""
        if len(" ".join(self.query.value.split())) > MAX_QUERY_CHARS:
            note = f"<p>ℹ Only the first {MAX_QUERY_CHARS} characters are searched.</p>"
        self.output.value = STYLE + note + kwic_html(self.results(), self.query.value, self.speaker.value or None)

    def widget(self) -> w.Widget:
        return w.VBox([w.HTML("<h3>Keyword in context</h3><p>Type a word: the results follow as you type.</p>"),
                       w.HBox([self.query, self.whole_words, self.speaker]), self.output])


class ThemeHeatmap:
    """Speaker × theme heat map: paragraphs or words, with or without
    secondary themes. The figure is redrawn as PNG; its summary is text."""

    def __init__(self, corpus=None):
        # The collection's own corpus opens on the cached figure (the notebook
        # draws nothing until the student changes a control); another corpus
        # (a test's) is drawn from the start.
        self.from_cache = corpus is None
        self.corpus = corpus or load_corpus()
        self.measure = w.ToggleButtons(options=[("Paragraphs", "paragraphs"), ("Words", "words")],
                                       value="paragraphs", description="1. Count", style=LABEL)
        self.main_only = w.Checkbox(value=False, description="2. Main theme only", indent=False)
        # An <img> with the summary as its alt text (an ipywidgets Image has no alt).
        self.image = w.HTML(layout=w.Layout(max_width="640px"))
        self.png = b""
        self.drawing = None  # made on the first redraw, then kept
        self.summary = w.HTML()
        self.counts = w.HTML()
        self.measure.observe(self.update, names="value")
        self.main_only.observe(self.update, names="value")
        self.update()

    def update(self, change=None) -> None:
        if self.from_cache and (self.measure.value, self.main_only.value) == ("paragraphs", False):
            chart = cached_figure("heatmap_chart")
            png = chart.png
        else:
            if self.drawing is None:
                self.drawing = HeatmapDrawing(self.corpus)
                plt.close(self.drawing.figure)  # kept for redrawing, never shown by pyplot itself
            chart = self.drawing.redraw(self.measure.value, self.main_only.value)
            png = chart.png(dpi=80, compact=False)
        self.png = bytes(png)
        # The summary is shown just below (self.summary): the alt text is the title.
        self.image.value = image_html(self.png, chart.title)
        self.title = chart.title
        self.summary.value = "<pre role='status'>" + escape(chart.summary) + "</pre>"
        self.counts.value = table_html(speaker_theme_counts(self.corpus, self.measure.value, self.main_only.value))

    def widget(self) -> w.Widget:
        return w.VBox([w.HTML("<h3>Speaker × theme</h3>"), w.HBox([self.measure, self.main_only]),
                       self.image, self.summary, self.counts])


class NextEventsToggle:
    """"What happened next", hidden until the student switches it on."""

    def __init__(self, notebook: str):
        self.notebook = notebook
        self._html = next_events_html
        self.show = w.Checkbox(value=False, description=f"Show what happened next ({next_range()})",
                               indent=False, layout=w.Layout(width="auto"))
        self.output = w.HTML()
        self.show.observe(self.update, names="value")
        self.update()

    def update(self, change=None) -> None:
        self.output.value = (STYLE + self._html(self.notebook) if self.show.value else
                             "<p role='status'><em>Hidden. Discuss the questions above first, "
                             "then tick the box.</em></p>")

    def widget(self) -> w.Widget:
        return w.VBox([self.show, self.output])
