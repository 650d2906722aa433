"""Figures: lanes, labelled events without overlaps, titles and summaries."""
from __future__ import annotations

import dataclasses
import datetime as dt
from html import escape

import matplotlib.pyplot as plt
import pytest

from conftest import load_mini
from roundtable.model.eras import load_eras
from roundtable.views.figures import PNG_DPI, crisis_chart, lanes_for, map_chart, timeline_chart
from roundtable.views.labels import overlapping_pairs, place_labels, stacked_offsets


@pytest.fixture
def mini(mini_data):
    corpus, glossary, places, log = load_mini(mini_data)
    return log, load_eras(log, mini_data / "eras.yaml"), places


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_lanes_are_the_most_frequent_countries(mini):
    log, _, _ = mini
    assert lanes_for(log.frame, most=2) == ["United States", "Iran", "Other"]
    assert lanes_for(log.frame, most=10) == ["United States", "Iran", "Iraq", "Syria"]


def test_timeline_has_lanes_title_eras_and_labels(mini):
    log, eras, _ = mini
    chart = timeline_chart(log, eras)
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["United States", "Iran", "Iraq", "Syria"]
    assert ax.get_title(loc="left") == chart.title == "Events around the roundtable, 2008–January 2020"
    # Labelled: events the roundtable refers to, outside the crisis weeks.
    assert chart.labelled == ["Nuclear deal concluded\n(2015)"]
    assert "Deal in force (July 2015 – December 2019)" in chart.summary
    assert "events after 12 January 2020 are hidden" in chart.summary
    assert "Strikes on nuclear sites" not in chart.summary


def test_timeline_with_what_happened_next(mini):
    log, eras, _ = mini
    chart = timeline_chart(log, eras, include_after=True)
    assert "Strikes on nuclear sites\n(2025)" in chart.labelled
    from roundtable.model.asof import as_of_text, load_as_of
    assert chart.title.endswith(f"{load_as_of().year} (events up to {as_of_text()})")
    assert "Aftermath" in chart.summary


def test_later_timeline_shows_only_what_happened_next_up_to_the_as_of_date(mini):
    from roundtable.model.asof import as_of_text
    log, eras, _ = mini
    chart = timeline_chart(log, eras, only_after=True)
    assert chart.labelled == ["Strikes on nuclear sites\n(2025)"]
    assert chart.title.endswith(f"up to {as_of_text()}")
    assert "Nuclear deal concluded" not in chart.summary and "Deal in force" not in chart.summary


def test_crisis_chart_labels_every_dated_event(mini):
    log, _, _ = mini
    chart = crisis_chart(log)
    assert sorted(chart.labelled) == ["Embassy compound\nstormed", "Strike at Baghdad\nairport"]
    assert "31 Dec: Embassy compound stormed; 3 Jan: Strike at Baghdad airport" in chart.summary
    assert chart.unlabelled == []


def test_labels_never_overlap_even_when_crowded():
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    fig.canvas.draw()
    anchors = [(5, 5)] * 12 + [(5.2, 5.1)] * 12
    texts = [f"label number {i}" for i in range(24)]
    placement = place_labels(ax, anchors, texts, stacked_offsets(step=10, levels=6))
    assert placement.placed and placement.skipped  # not all fit, and nothing is forced in
    assert len(placement.placed) + len(placement.skipped) == 24
    assert overlapping_pairs(placement.placed, fig.canvas.get_renderer()) == []


def test_map_labels_in_two_scripts_and_lists_places_outside(mini):
    _, _, places = mini
    chart = map_chart(places=places)
    assert "Baghdad International Airport\nمطار بغداد الدولي" in chart.labelled
    assert "Tehran\nتهران" in chart.labelled
    assert "Outside the map: Vienna." in chart.summary
    assert "Iraq: Baghdad International Airport" in chart.summary
    assert overlapping_pairs(chart.figure.axes[0].texts and
                             [t for t in chart.figure.axes[0].texts if t.get_text() in chart.labelled],
                             chart.figure.canvas.get_renderer()) == []


def test_chart_renders_a_png_image(mini):
    log, eras, _ = mini
    chart = crisis_chart(log)
    data = chart.png(dpi=40)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    import io

    from PIL import Image

    picture = Image.open(io.BytesIO(data))
    width, height = chart.figure.get_size_inches()
    assert picture.size == (round(width * 40), round(height * 40))
    assert picture.mode == "P" and len(picture.getcolors()) > 8  # a palette PNG with a real drawing in it


def label_line_heights(chart) -> list[float]:
    """Each drawn label's height per line, in pixels of the stored PNG."""
    renderer = chart.figure.canvas.get_renderer()
    scale = PNG_DPI / chart.figure.dpi
    return [t.get_window_extent(renderer).height * scale / (t.get_text().count("\n") + 1)
            for t in chart.figure.axes[0].texts if t.get_text() in chart.labelled]


def test_timeline_labels_are_at_least_twelve_pixels_a_line_at_natural_size():
    """Projector mode shows figures at their natural size (no wider than the
    page), so a label's height in the PNG is its height on the wall."""
    from roundtable.views.themeviews import theme_timeline

    for chart in (timeline_chart(), theme_timeline("03_iraq")):
        heights = label_line_heights(chart)
        assert heights and min(heights) >= 12, (chart.title, min(heights))
        plt.close(chart.figure)


def test_the_crisis_weeks_in_large_type_list_every_dated_event_with_symbol_and_name():
    from roundtable.model.events import load_events
    from roundtable.views.crisisdays import CATEGORY_SYMBOLS, crisis_days_html
    from roundtable.views.figures import CATEGORY_STYLE

    assert set(CATEGORY_SYMBOLS) == set(CATEGORY_STYLE)  # every kind the charts know has a symbol here
    log = load_events()
    html = crisis_days_html(log)
    frame = log.filter(start=dt.date(2019, 12, 27), end=dt.date(2020, 1, 12))
    dated = frame[frame["precision"] == "day"]
    assert len(dated) >= 18
    for event in dated.itertuples():
        assert escape(event.title) in html
        assert f"{CATEGORY_SYMBOLS[event.category]} {event.category.replace('-', ' ')}" in html
    assert html.count("<tbody>") == dated["start"].nunique()  # one group per day, its day as the row header
    assert "<th scope='rowgroup' rowspan=" in html and "<th scope='row'></th>" not in html
    assert "font-size:1.3em" in html
    assert "rowspan='1' style='text-align:left;vertical-align:top;padding:.25em .5em;border-top:1px solid #bbb;" \
           "white-space:nowrap'>Fri 27 Dec</th>" in html


def test_the_crisis_weeks_escape_event_text(mini):
    from roundtable.views.crisisdays import crisis_days_html

    log, _, _ = mini
    from roundtable.model.events import EventLog

    events = list(log.events.values())
    index = next(i for i, e in enumerate(events) if e.title == "Strike at Baghdad airport")
    events[index] = dataclasses.replace(events[index], title="<script>x</script>")
    html = crisis_days_html(EventLog(events))
    assert "<script>x" not in html and "&lt;script&gt;x" in html
