"""Figures of the text lens: the speaker × theme heat map and the hedging
bars. Every cell and bar carries its number, so that the figures are read by
their numbers as well as their shades (never colour alone)."""
from __future__ import annotations

import matplotlib.pyplot as plt

from ..analysis.textlens import (
    heatmap_summary,
    hedges_by_paragraph,
    speaker_theme_counts,
    tokens,
)
from ..model.corpus import load_corpus
from ..model.estimative import load_estimative_words
from .figures import Chart


class HeatmapDrawing:
    """One heat-map figure, redrawn in place: a widget changes only the
    numbers, the shades and the title, instead of building a new figure on
    every change (`make bench` measures the redraw)."""

    def __init__(self, corpus=None):
        self.corpus = corpus
        table = speaker_theme_counts(corpus)
        # Fixed margins rather than constrained layout, and no colour bar
        # (every cell carries its number): constrained layout alone doubled
        # the drawing time.
        self.figure, self.ax = plt.subplots(figsize=(8, 5.2))
        self.figure.subplots_adjust(left=0.15, right=0.98, top=0.91, bottom=0.12)
        self.image = self.ax.imshow(table.to_numpy(), cmap="Greys", aspect="auto")
        self.ax.set_xticks(range(len(table.columns)), [c.replace(" as ", "\nas ") for c in table.columns])
        self.ax.set_yticks(range(len(table.index)), table.index)
        self.ax.tick_params(length=0)
        self.title = self.ax.set_title("", fontsize=12, loc="left")
        shape = table.shape
        self.cells = [[self.ax.text(x, y, "", ha="center", va="center", fontsize=11) for x in range(shape[1])]
                      for y in range(shape[0])]

    def redraw(self, measure: str = "paragraphs", main_only: bool = False) -> Chart:
        table = speaker_theme_counts(self.corpus, measure, main_only)
        unit = "paragraphs" if measure == "paragraphs" else "words"
        title = f"Who writes on which theme ({unit}, {'main theme only' if main_only else 'main and secondary themes'})"
        values = table.to_numpy()
        self.image.set_data(values)
        self.image.set_clim(0, max(values.max(), 1))
        self.title.set_text(title)
        threshold = values.max() / 2
        for y, row in enumerate(self.cells):
            for x, label in enumerate(row):
                n = int(values[y, x])
                label.set_text(str(n))
                label.set_color("white" if n > threshold else "black")
        return Chart(self.figure, title, heatmap_summary(table, measure, main_only))


def heatmap_chart(corpus=None, measure: str = "paragraphs", main_only: bool = False) -> Chart:
    """The speaker × theme heat map, drawn once."""
    return HeatmapDrawing(corpus).redraw(measure, main_only)


#: Bands from firm to open, with hatching so that they differ without colour.
BAND_ORDER = ("certain", "almost-certain", "probable", "even", "probably-not", "almost-certainly-not",
              "impossible", "possible")
HATCHES = ("", "///", "...", "xx", "\\\\", "oo", "++", "--")


def hedging_chart(corpus=None, scale=None) -> Chart:
    """For each speaker, their hedge words by Kent band, per 100 words."""

    corpus, scale = corpus or load_corpus(), scale or load_estimative_words()
    hedges = hedges_by_paragraph(corpus, scale)
    speakers = corpus.speakers
    words = {s: sum(len(tokens(t)) for t in corpus.filter(speaker=s)["text"]) for s in speakers}
    bands = [scale.bands[b] for b in BAND_ORDER if b in scale.bands]
    title = "Hedge words per 100 words, by speaker and Kent band"
    fig, ax = plt.subplots(figsize=(10, 5.5), layout="constrained")
    left = [0.0] * len(speakers)
    lines = []
    for band, hatch in zip(bands, HATCHES):
        rates = []
        for s in speakers:
            n = int(((hedges["speaker"] == s) & (hedges["band"] == band.label)).sum())
            rates.append(100 * n / words[s] if words[s] else 0.0)
        if not any(rates):
            continue
        bars = ax.barh(speakers, rates, left=left, label=band.label if band.id == "possible" else f"{band.label} ({band.point:.0%})", hatch=hatch,
                       edgecolor="black", color="white" if hatch else "0.6", linewidth=0.6)
        for bar, rate in zip(bars, rates):
            if rate >= 0.35:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, f"{rate:.1f}",
                        ha="center", va="center", fontsize=8, bbox={"fc": "white", "ec": "none", "pad": 0.5})
        left = [a + b for a, b in zip(left, rates)]
        lines.append(f"{band.label}: " + ", ".join(f"{s} {r:.1f}" for s, r in zip(speakers, rates) if r))
    ax.invert_yaxis()
    ax.set_xlabel("hedge words per 100 words")
    ax.set_title(title, fontsize=12, loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9, frameon=False, title="band (Kent)")
    totals = ", ".join(f"{s} {t:.1f}" for s, t in zip(speakers, left))
    summary = "\n".join([f"{title}. Horizontal stacked bars, one per speaker; each segment is a band, "
                          f"marked by its hatching and labelled with its rate.", f"Totals: {totals}."] + lines)
    return Chart(fig, title, summary)
