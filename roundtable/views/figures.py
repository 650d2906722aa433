"""Figures for the timeline notebook: the whole period, the crisis weeks day
by day, and a map. Each function returns a `Chart`: the matplotlib figure,
its title, and a text summary (alt text) that the notebook prints, so that
the figure's content is available to someone who cannot see it."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import math
import textwrap
from html import escape
from collections import Counter
from dataclasses import dataclass, field

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from IPython.display import HTML, display
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from PIL import Image

from ..model.asof import as_of_text, load_as_of
from ..model.eras import load_eras
from ..model.events import CRISIS_END, CRISIS_END_TEXT, CRISIS_START, EventLog, load_events
from ..model.mapdata import load_world
from ..model.places import load_places
from .labels import place_labels, ring_offsets, stacked_offsets

#: Markers differ by shape as well as colour, so a category never rests on colour alone.
CATEGORY_STYLE = {
    "military-strike": ("v", "#b2182b"),
    "assassination": ("X", "#000000"),
    "political": ("o", "#2166ac"),
    "diplomatic": ("D", "#1b7837"),
    "protest": ("^", "#e08214"),
    "nuclear": ("*", "#762a83"),
    "sanctions": ("s", "#8c510a"),
    "militia": ("P", "#d6604d"),
    "terrorism": ("h", "#4d4d4d"),
    "election": ("p", "#4393c3"),
    "disaster": ("d", "#7f7f7f"),
}
OTHER_LANE = "Other"

#: Figures are drawn a little wider than a notebook column (about 1,100 pixels at this
#: resolution), so they stay sharp on a projector without weighing the
#: committed notebooks down.
PNG_DPI = 72
#: Event labels on the timelines, in points; at PNG_DPI a point is a pixel,
#: so a label line is about 13 pixels high at the figure's natural size (the
#: projector shows figures at that size): readable from the middle of a room.
TIMELINE_LABEL_PT = 11
#: A chart uses few colours; a 96-colour palette keeps text and markers
#: sharp at about a third of the size of a full-colour PNG.
PNG_COLOURS = 96


def image_html(png: bytes, alt: str, max_width: str = "100%", described_by: str = "") -> str:
    """A PNG as an <img> in the page, with its alt text."""
    data = base64.b64encode(png).decode("ascii")
    describe = f" aria-describedby='{described_by}'" if described_by else ""
    return (f"<img src='data:image/png;base64,{data}' alt='{escape(alt)}'{describe} "
            f"style='max-width:{max_width};height:auto'>")


def figure_html(png: bytes, title: str, summary: str, max_width: str = "100%") -> str:
    """A figure as HTML: the image with its title as alt text, and its text
    summary visible under it and named as its description (a screen reader
    hears the long summary once, not twice)."""
    described = "fig-" + hashlib.sha256(summary.encode("utf-8")).hexdigest()[:10]
    return (f"<figure style='margin:.5em 0'>{image_html(png, title, max_width, described)}"
            f"<figcaption id='{described}'><pre style='white-space:pre-wrap'>{escape(summary)}</pre></figcaption>"
            "</figure>")


def compact_png(data: bytes) -> bytes:
    """The PNG with a 96-colour palette and no dithering: the same picture
    to the eye, the same bytes for the same input (no timestamps)."""
    with Image.open(io.BytesIO(data)) as picture:
        palette = picture.convert("RGB").quantize(colors=PNG_COLOURS, method=Image.Quantize.MEDIANCUT,
                                                   dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass
class Chart:
    figure: Figure
    title: str
    summary: str
    #: Texts that were drawn as labels, and those left out for lack of room.
    labelled: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)
    lanes: list[str] = field(default_factory=list)

    def png(self, dpi: int = PNG_DPI, compact: bool = True) -> bytes:
        """The figure as PNG; `compact` (for what is stored) makes it a
        palette PNG, skipped where speed matters more than size (a live
        widget's redraw)."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi)
        return compact_png(buffer.getvalue()) if compact else buffer.getvalue()

    def show(self):
        """Display the figure as a PNG, then its text summary (notebook
        helper). The PNG is made here, so it shows whatever matplotlib
        backend the kernel uses."""

        png = self.png()
        plt.close(self.figure)
        display(HTML(figure_html(png, self.title, self.summary)))


def lanes_for(frame, most: int = 6) -> list[str]:
    """The countries with the most events become lanes, the rest 'Other'."""
    counts = Counter(c for countries in frame["countries"] for c in countries)
    lanes = [c for c, _ in counts.most_common(most)]
    if any(not set(countries) & set(lanes) for countries in frame["countries"]):
        lanes.append(OTHER_LANE)
    return lanes


def _lane_rows(frame, lanes):
    """(event row, lane) pairs: an event sits in the lane of each of its
    countries, or once in 'Other' if none of them has a lane."""
    for _, row in frame.iterrows():
        own = [c for c in row["countries"] if c in lanes]
        for lane in own or [OTHER_LANE]:
            yield row, lane


def _short(title: str, width: int = 26, lines: int = 4) -> str:
    """A title wrapped for a label; cut with an ellipsis if it is too long."""
    wrapped = textwrap.wrap(title, width)
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1].rstrip(".,;:") + "…"
    return "\n".join(wrapped)


def _draw_events(ax, frame, lanes):
    y_of = {lane: len(lanes) - i for i, lane in enumerate(lanes)}
    seen_categories = set()
    for row, lane in _lane_rows(frame, lanes):
        marker, colour = CATEGORY_STYLE[row["category"]]
        y = y_of[lane]
        if row["end"] != row["start"]:
            # A month, a year or a range: draw the span it covers.
            ax.plot([row["start"], row["end"]], [y, y], color=colour, lw=3, alpha=0.45, solid_capstyle="butt")
        ax.plot([row["start"]], [y], marker=marker, color=colour, markersize=8, linestyle="none",
                markeredgecolor="white", markeredgewidth=0.6,
                label=row["category"] if row["category"] not in seen_categories else None)
        seen_categories.add(row["category"])
    ax.set_yticks(list(y_of.values()), list(y_of))
    ax.set_ylim(0.3, len(lanes) + 0.7)
    return y_of


def timeline_chart(log: EventLog | None = None, eras=None, include_after: bool = False,
                   label_ids=None, title: str | None = None, only_after: bool = False) -> Chart:
    """The whole period, lanes by country, eras shaded, key events labelled.

    Key events are those the roundtable refers to (they have paragraph ids),
    outside the crisis weeks, which have a figure of their own. With
    `only_after`, just what happened after the crisis weeks, up to the
    collection's as-of date."""

    log = log or load_events()
    eras = load_eras(log) if eras is None else eras
    include_after = include_after or only_after
    frame = log.filter(include_after=include_after)
    if only_after:
        frame = frame[frame["phase"] == "after"]
    lanes = lanes_for(frame)
    if title is None and only_after:
        title = f"What happened next: events from January 2020 up to {as_of_text()}"
    title = title or "Events around the roundtable, 2008–" + (f"{load_as_of().year} (events up to {as_of_text()})"
                                                              if include_after else "January 2020")
    fig, ax = plt.subplots(figsize=(15, 8.5), layout="constrained")
    ax.set_title(title, fontsize=15, loc="left")
    y_of = _draw_events(ax, frame, lanes)
    first, last = frame["start"].min(), frame["end"].max()
    if include_after:
        # The last era runs to the as-of date even if the last event is older.
        last = max(last, load_as_of())
        ax.set_xlim(right=mdates.date2num(last))
    era_lines = []
    for era in eras:
        if era.start > last or era.end < first:
            continue
        ax.axvspan(max(era.start, first), min(era.end, last), color=era.shade, alpha=0.5, lw=0, zorder=0)
        # Era names sit along the bottom edge, clear of the event labels.
        ax.text(max(era.start, first), 0.02, " " + era.title, transform=ax.get_xaxis_transform(), fontsize=9,
                va="bottom", ha="left", color="0.15", rotation=90 if era.end - era.start < dt.timedelta(days=200) else 0)
        era_lines.append(f"{era.title} ({max(era.start, first):%B %Y} – {min(era.end, last):%B %Y})")
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="0.85")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="category", fontsize=9, frameon=False)
    ax.set_ylim(-0.4, len(lanes) + 3.2)  # room above the lanes for labels, below for era names
    fig.canvas.draw()
    if label_ids is None:
        key = frame[(frame["paragraphs"].map(len) > 0) & (frame["phase"] != "crisis")]
    else:
        key = frame[frame["id"].isin(label_ids)]
    if only_after:
        # Too many later events for every label to fit: the wars and killings,
        # which the roundtable's arguments are about, claim their room first,
        # then the events that bear on most paragraphs.
        first_claim = {"assassination": 0, "military-strike": 1}
        key = key.assign(_rank=key["category"].map(lambda c: first_claim.get(c, 2)),
                         _links=-key["paragraphs"].map(len)).sort_values(["_rank", "_links", "start"])
    anchors, texts = [], []
    for _, row in key.iterrows():
        lane = next((c for c in row["countries"] if c in lanes), OTHER_LANE)
        anchors.append((mdates.date2num(row["start"]), y_of[lane]))
        texts.append(_short(row["title"]) + f"\n({row['start'].year})")
    points = [(mdates.date2num(r["start"]), y_of[lane]) for r, lane in _lane_rows(frame, lanes)]
    placement = place_labels(ax, anchors, texts, stacked_offsets(step=18, levels=12, sideways=(0, -10, 10)), obstacles=points,
                             fontsize=TIMELINE_LABEL_PT, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "0.7", "lw": 0.5})
    counts = Counter(lane for _, lane in _lane_rows(frame, lanes))
    summary = "\n".join([
        f"{title}. A timeline with one lane per country ({', '.join(f'{l}: {counts[l]}' for l in lanes)} "
        f"event markers; an event involving several countries appears in each of their lanes).",
        f"{len(frame)} events from {frame['start'].min():%B %Y} to {last:%B %Y}; "
        + (f"events after the crisis weeks are included, up to {as_of_text()}." if include_after
           else f"events after {CRISIS_END_TEXT} are hidden."),
        "Shaded periods: " + "; ".join(era_lines) + ".",
        "Labelled events (those the roundtable refers to): "
        + "; ".join(t.replace("\n", " ") for t in (a.get_text() for a in placement.placed)) + ".",
    ] + ([f"Not labelled for lack of room: {'; '.join(t.replace(chr(10), ' ') for t in placement.skipped)}."]
         if placement.skipped else []))
    return Chart(fig, title, summary, [a.get_text() for a in placement.placed], placement.skipped, lanes)


def later_timeline_chart(log: EventLog | None = None) -> Chart:
    """What happened after the crisis weeks, up to the as-of date."""
    return timeline_chart(log, only_after=True)


def crisis_chart(log: EventLog | None = None, start: dt.date = CRISIS_START, end: dt.date = CRISIS_END) -> Chart:
    """The crisis weeks day by day, every event labelled."""
    log = log or load_events()
    frame = log.filter(start=start, end=end, include_after=False)
    frame = frame[frame["precision"] == "day"]
    lanes = lanes_for(frame, most=5)
    title = f"The crisis weeks day by day, {start:%-d %B %Y} – {end:%-d %B %Y}"
    fig, ax = plt.subplots(figsize=(15, 9), layout="constrained")
    ax.set_title(title, fontsize=15, loc="left")
    y_of = _draw_events(ax, frame, lanes)
    ax.set_xlim(start - dt.timedelta(days=0.6), end + dt.timedelta(days=0.6))
    ax.set_ylim(-0.8, len(lanes) + 2.2)
    ax.xaxis.set_major_locator(mdates.DayLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d\n%b"))
    ax.grid(axis="x", color="0.88")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title="category", fontsize=9, frameon=False)
    fig.canvas.draw()
    anchors, texts = [], []
    for _, row in frame.iterrows():
        lane = next((c for c in row["countries"] if c in lanes), OTHER_LANE)
        anchors.append((mdates.date2num(row["start"]), y_of[lane]))
        texts.append(_short(row["title"], 22))
    points = [(mdates.date2num(r["start"]), y_of[lane]) for r, lane in _lane_rows(frame, lanes)]
    offsets = stacked_offsets(step=12, levels=12, sideways=(0, 30, -30))
    placement = place_labels(ax, anchors, texts, offsets, obstacles=points, fontsize=7.5,
                             bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "0.7", "lw": 0.5})
    days = "; ".join(f"{r['start']:%-d %b}: {r['title']}" for _, r in frame.iterrows())
    summary = "\n".join([
        f"{title}. {len(frame)} events with an exact date, in lanes by country ({', '.join(lanes)}).",
        f"In order: {days}.",
    ] + ([f"Not labelled for lack of room: {'; '.join(t.replace(chr(10), ' ') for t in placement.skipped)}."]
         if placement.skipped else []))
    return Chart(fig, title, summary, [a.get_text() for a in placement.placed], placement.skipped, lanes)


#: The map's window: from the Mediterranean coast to eastern Iran.
MAP_EXTENT = (33.0, 59.5, 24.0, 39.8)  # west, east, south, north


def _overlaps(ring, extent, margin: float = 2.0) -> bool:
    """Whether a ring's bounding box reaches into the map window."""
    west, east, south, north = extent
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return (min(xs) <= east + margin and max(xs) >= west - margin
            and min(ys) <= north + margin and max(ys) >= south - margin)


def map_chart(place_ids=None, places=None, countries=None, extent=MAP_EXTENT, title=None) -> Chart:
    """Places named by the roundtable and the timeline, on country outlines
    from Natural Earth, labelled in English and in their original script."""

    places = places or load_places()
    countries = countries if countries is not None else load_world()
    wanted = [places[p] for p in (place_ids or places)]
    west, east, south, north = extent
    shown = [p for p in wanted if west <= p.lon <= east and south <= p.lat <= north]
    outside = [p for p in wanted if p not in shown]
    title = title or "Places named in the roundtable and the timeline"
    fig, ax = plt.subplots(figsize=(13, 9.5), layout="constrained")
    ax.set_title(title, fontsize=15, loc="left")
    # Only the outlines that reach into the window, drawn as one collection:
    # filling each of the world's 1,600 polygons one by one took seconds.
    outlines = [polygon[0] for country in countries for polygon in country.polygons
                if _overlaps(polygon[0], extent)]
    ax.add_collection(PolyCollection(outlines, facecolor="#f2efe6", edgecolor="#8a8a8a", linewidth=0.7))
    for country in countries:
        w, s, e, n = country.bounds()
        cx, cy = (w + e) / 2, (s + n) / 2
        if west + 1 < cx < east - 1 and south + 1 < cy < north - 1 and (e - w) > 2.5:
            ax.text(cx, cy, country.name.upper(), fontsize=10, color="0.55", ha="center", va="center",
                    alpha=0.8, zorder=1)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    # One degree of longitude is shorter than one of latitude away from the equator.
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    xs, ys = [p.lon for p in shown], [p.lat for p in shown]
    ax.plot(xs, ys, "o", color="#b2182b", markersize=6, markeredgecolor="white", zorder=3)
    fig.canvas.draw()
    placement = place_labels(ax, list(zip(xs, ys)), [p.label for p in shown], ring_offsets((10, 22, 36, 52, 70)),
                             obstacles=list(zip(xs, ys)), fontsize=8.5,
                             bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "0.75", "lw": 0.4, "alpha": 0.9})
    by_country: dict[str, list[str]] = {}
    for p in shown:
        by_country.setdefault(p.country, []).append(p.name)
    summary = "\n".join([
        f"{title}. A map from {west}°E to {east}°E and {south}°N to {north}°N with country outlines "
        f"(Natural Earth) and {len(shown)} places marked, each labelled in English and, where known, "
        f"in its original script.",
        "Places by country: " + "; ".join(f"{c}: {', '.join(n)}" for c, n in by_country.items()) + ".",
    ] + ([f"Outside the map: {', '.join(p.name for p in outside)}."] if outside else [])
      + ([f"Not labelled for lack of room: {'; '.join(t.replace(chr(10), ' / ') for t in placement.skipped)}."]
         if placement.skipped else []))
    return Chart(fig, title, summary, [a.get_text() for a in placement.placed], placement.skipped)
