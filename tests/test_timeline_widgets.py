"""The timeline explorer and the place picker, driven by setting values."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import load_mini
from roundtable.views.eventviews import event_summary, event_table
from roundtable.widgets.timeline_widgets import PlacePicker, TimelineExplorer


@pytest.fixture
def mini(mini_data):
    return load_mini(mini_data)


@pytest.fixture
def explorer(mini):
    corpus, glossary, _, log = mini
    return TimelineExplorer(log, corpus, glossary)


def listed(explorer) -> list[str]:
    return [value for _, value in explorer.results.options]


def test_starts_as_january_2020_without_what_happened_next(explorer):
    assert explorer.show_after.value is False
    assert listed(explorer) == ["militia-founded", "deal-concluded", "embassy-siege", "airport-strike"]
    assert "<strong>4</strong> matching events" in explorer.count.value
    assert "Events after 12 January 2020 are hidden." in explorer.count.value


def test_toggle_reveals_what_happened_next(explorer):
    explorer.show_after.value = True
    assert listed(explorer)[-1] == "strikes-on-sites"
    explorer.show_after.value = False
    assert "strikes-on-sites" not in listed(explorer)


def test_each_filter_updates_the_list(explorer):
    explorer.countries.value = ("Syria",)
    assert listed(explorer) == ["militia-founded"]
    explorer.countries.value = ()
    explorer.actors.value = ("abu-mahdi-al-muhandis",)
    assert listed(explorer) == ["airport-strike"]
    explorer.actors.value = ()
    explorer.categories.value = ("protest",)
    assert listed(explorer) == ["embassy-siege"]
    explorer.categories.value = ()
    explorer.start.value = dt.date(2015, 1, 1)
    explorer.end.value = dt.date(2016, 1, 1)
    assert listed(explorer) == ["deal-concluded"]


def test_actor_choices_show_glossary_terms(explorer):
    labels = dict(explorer.actors.options)
    assert labels["Abu Mahdi al-Muhandis"] == "abu-mahdi-al-muhandis"
    assert labels["European Union"] == "European Union"


def test_selecting_an_event_shows_description_source_and_passages(explorer):
    explorer.results.value = "airport-strike"
    detail = explorer.detail.value
    assert "A crisis test event." in detail
    assert 'href="https://example.org/strike"' in detail
    assert 'id="dan-1"' in detail and 'id="intro-1"' in detail


def test_selection_is_kept_while_it_still_matches_and_cleared_otherwise(explorer):
    explorer.results.value = "airport-strike"
    explorer.countries.value = ("Iraq",)
    assert explorer.results.value == "airport-strike"
    explorer.countries.value = ("Syria",)
    assert explorer.results.value is None
    assert "Select an event" in explorer.detail.value


def test_clear_button_resets_filters(explorer):
    explorer.countries.value = ("Syria",)
    explorer.clear.click()
    assert len(listed(explorer)) == 4


def test_no_match_is_said_in_words(explorer):
    explorer.countries.value = ("Syria",)
    explorer.categories.value = ("protest",)
    assert listed(explorer) == []
    assert "No event matches these choices." in explorer.count.value


def test_static_table_and_summary(mini):
    log = mini[3]
    table = event_table(log.filter())
    assert table.columns.tolist() == ["when", "event", "countries", "category", "phase", "roundtable", "disputed", "source"]
    assert table.loc[0, "when"] == "January 2013" and table.loc[0, "disputed"] == "yes"
    assert table.loc[3, "source"] == "Test, “Strike” (2020-01-03)"
    assert event_summary(log.filter(), False).startswith("4 events from January 2013 to 3 January 2020")


def test_place_picker_lists_events_and_passages(mini):
    corpus, glossary, places, log = mini
    picker = PlacePicker(log, corpus, glossary, places)
    picker.place.value = "baghdad-airport"
    assert "Strike at Baghdad airport" in picker.output.value
    assert 'id="dan-1"' in picker.output.value and "Passages (2)" in picker.output.value
    picker.place.value = "tehran"
    assert "Events (0)" in picker.output.value
    picker.show_after.value = True
    assert "Strikes on nuclear sites" in picker.output.value and "Events (1)" in picker.output.value
