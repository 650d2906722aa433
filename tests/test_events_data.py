"""The real event, place and era data: coverage, sources and links, and the
figures drawn from it."""
from __future__ import annotations

import datetime as dt

import matplotlib.pyplot as plt
import pytest

from roundtable.model.asof import load_as_of
from roundtable.model.eras import load_eras
from roundtable.model.events import load_events
from roundtable.views.figures import crisis_chart, map_chart, timeline_chart
from roundtable.views.labels import overlapping_pairs
from roundtable.model.places import load_places


@pytest.fixture(scope="module")
def log():
    return load_events()  # validates every file, link and source on the way


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_coverage(log):
    frame = log.frame
    up_to_crisis = frame[(frame["phase"] != "after") & (frame["start"].map(lambda d: d.year) >= 2008)]
    assert len(up_to_crisis) >= 45
    after = frame[frame["phase"] == "after"]
    assert len(after) >= 15 and after["start"].max().year == load_as_of().year
    # What happened next reaches past the June 2025 war: at least 25 events since.
    assert (after["start"] > dt.date(2025, 6, 24)).sum() >= 25


@pytest.mark.parametrize("event_id", [
    "k1-rocket-attack", "us-strikes-kataib-hezbollah", "us-embassy-compound-breach", "baghdad-airport-strike",
    "iraqi-parliament-resolution", "iran-missile-strikes-ain-al-asad-erbil", "ps752-shot-down",
    "mughniyeh-killed-in-damascus", "jcpoa-concluded", "us-withdraws-from-jcpoa", "fall-of-assad-government",
    "sdf-damascus-agreement",
])
def test_the_events_the_roundtable_turns_on_are_there(log, event_id):
    event = log[event_id]
    assert event.sources and all(s.url.startswith("http") for s in event.sources)


def test_every_event_has_a_complete_source(log):
    for event in log.events.values():
        assert event.sources, event.id
        for source in event.sources:
            assert source.publisher and source.title and source.date and source.url, event.id


def test_disputes_the_leads_flag_are_marked(log):
    for event_id in ("k1-rocket-attack", "baghdad-airport-strike", "iran-missile-strikes-ain-al-asad-erbil",
                     "mughniyeh-killed-in-damascus"):
        assert log[event_id].disputed, event_id


def test_every_roundtable_speaker_is_linked_to_some_event(log):
    speakers = {pid.rsplit("-", 1)[0] for ids in log.frame["paragraphs"] for pid in ids}
    assert {"dina", "dan", "renad", "thanassis", "michael", "aron", "dahlia", "sima"} <= speakers


def test_eras_load_in_order(log):
    eras = load_eras(log)
    assert [e.id for e in eras] == ["jcpoa-in-force", "maximum-pressure", "crisis-weeks", "aftermath", "direct-war"]


def test_timeline_figure_on_real_data(log):
    chart = timeline_chart(log)
    renderer = chart.figure.canvas.get_renderer()
    labels = [t for t in chart.figure.axes[0].texts if t.get_text() in chart.labelled]
    assert len(chart.labelled) >= 20 and overlapping_pairs(labels, renderer) == []
    assert set(chart.lanes[:3]) == {"United States", "Iraq", "Iran"}
    for text in chart.unlabelled:  # what found no room is still in the summary
        assert text.split("\n")[0] in chart.summary


def test_crisis_figure_labels_every_day_event(log):
    chart = crisis_chart(log)
    assert chart.unlabelled == [] and len(chart.labelled) >= 18
    assert "Ukraine" in chart.lanes


def test_map_shows_the_places_the_roundtable_names():
    places = load_places()
    chart = map_chart(places=places)
    for place_id in ("baghdad-airport", "ain-al-asad", "erbil", "kirkuk", "k1-air-base", "feish-khabour",
                     "damascus", "beirut", "tehran"):
        assert places[place_id].label in chart.labelled, place_id
    labels = [t for t in chart.figure.axes[0].texts if t.get_text() in chart.labelled]
    assert overlapping_pairs(labels, chart.figure.canvas.get_renderer()) == []
