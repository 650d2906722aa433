"""Events: loading, validation messages that name the event, and filters."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import load_mini, rewrite
from roundtable.core.errors import DataError


@pytest.fixture
def log(mini_data):
    return load_mini(mini_data)[3]


def event_error(data, file, old, new) -> str:
    rewrite(data / "events" / file, old, new)
    with pytest.raises(DataError) as caught:
        load_mini(data)
    return str(caught.value)


def test_events_from_all_files_are_sorted_by_date(log):
    assert log.frame["id"].tolist() == [
        "militia-founded", "deal-concluded", "embassy-siege", "airport-strike", "strikes-on-sites"]
    assert log["militia-founded"].end == dt.date(2013, 1, 31)
    assert log["embassy-siege"].when == "31 December 2019 – 1 January 2020"
    assert log["deal-concluded"].file == "before.yaml"


def test_what_happened_next_is_hidden_by_default(log):
    assert "strikes-on-sites" not in log.filter()["id"].tolist()
    assert "strikes-on-sites" in log.filter(include_after=True)["id"].tolist()


def test_filter_by_country_actor_category_and_dates(log):
    assert log.filter(countries=["Syria"])["id"].tolist() == ["militia-founded"]
    assert log.filter(countries=["Syria", "Iran"])["id"].tolist() == ["militia-founded", "deal-concluded", "airport-strike"]
    assert log.filter(actors=["abu-mahdi-al-muhandis"])["id"].tolist() == ["airport-strike"]
    assert log.filter(categories=["protest", "diplomatic"])["id"].tolist() == ["deal-concluded", "embassy-siege"]
    window = log.filter(start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 5))
    assert window["id"].tolist() == ["embassy-siege", "airport-strike"]  # a range overlapping the window counts
    combined = log.filter(countries=["Iraq"], categories=["assassination"], start=dt.date(2020, 1, 1))
    assert combined["id"].tolist() == ["airport-strike"]


def test_month_precision_event_matches_any_day_of_its_month(log):
    assert log.filter(start=dt.date(2013, 1, 20), end=dt.date(2013, 1, 25))["id"].tolist() == ["militia-founded"]


def test_options_list_the_values_present(log):
    assert log.options("countries") == ["Iran", "Iraq", "Syria", "United States"]
    assert "European Union" in log.options("actors")


def test_links_to_paragraphs_and_places(log):
    assert log.for_paragraph("dina-1")["id"].tolist() == ["deal-concluded", "strikes-on-sites"]
    assert log.for_place("tehran", include_after=False).empty
    assert log.for_place("baghdad-airport")["id"].tolist() == ["airport-strike"]


@pytest.mark.parametrize("file, old, new, expected", [
    ("before.yaml", 'date: "2015-07-14"\n    precision: day', 'date: "2015-07"\n    precision: day',
     "event 'deal-concluded' (entry 1): date '2015-07' does not match precision 'day'"),
    ("before.yaml", "precision: month", "precision: season", "event 'militia-founded' (entry 2): field 'precision' has 'season'"),
    ("before.yaml", 'url: "https://example.org/deal"', 'url: ""', "event 'deal-concluded' (entry 1): sources #1: missing or empty 'url'"),
    ("before.yaml", "paragraphs: [dina-1]", "paragraphs: [dina-9]", "event 'deal-concluded' (entry 1): unknown roundtable paragraph id(s) ['dina-9']"),
    ("before.yaml", "actors: [qassem-soleimani, European Union]", "actors: [qasem-soleimani]",
     "event 'deal-concluded' (entry 1): actor id(s) ['qasem-soleimani'] are not in the glossary"),
    ("before.yaml", "places: [vienna]", "places: [geneva]", "unknown place id(s) ['geneva']"),
    ("after.yaml", "phase: after", "phase: crisis", "event 'strikes-on-sites' (entry 1): phase 'crisis' does not fit the date 2025-06-22"),
    ("crisis.yaml", 'end_date: "2020-01-01"', 'end_date: "2019-12-01"', "end_date 2019-12-01 is before date 2019-12-31"),
    ("crisis.yaml", "category: protest", "category: riot", "event 'embassy-siege' (entry 2): field 'category' has 'riot'"),
    ("after.yaml", "id: strikes-on-sites", "id: airport-strike", "crisis.yaml, event 'airport-strike': duplicate id 'airport-strike' (also in after.yaml)"),
    ("after.yaml", "    sources:\n", "    sourcse:\n", "unknown field(s) ['sourcse']"),
])
def test_each_bad_event_gets_a_message_naming_it(mini_data, file, old, new, expected):
    message = event_error(mini_data, file, old, new)
    assert expected in message and file in message


def test_an_event_without_sources_is_rejected(mini_data):
    path = mini_data / "events" / "after.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("    sources:")], encoding="utf-8")
    with pytest.raises(DataError, match="event 'strikes-on-sites' .*missing field 'sources'"):
        load_mini(mini_data)


def test_an_empty_events_folder_is_reported(mini_data):
    for path in (mini_data / "events").glob("*.yaml"):
        path.unlink()
    with pytest.raises(DataError, match="no event files"):
        load_mini(mini_data)


def test_disputed_column_says_yes_only_for_events_with_a_note(log):
    from roundtable.views.eventviews import disputed_table, event_table

    frame = log.filter(include_after=True)
    table = event_table(frame)
    by_title = dict(zip(table["event"], table["disputed"]))
    with_note = frame[frame["disputed"].map(lambda d: isinstance(d, str))]
    without_note = frame[~frame["disputed"].map(lambda d: isinstance(d, str))]
    assert len(with_note) >= 1 and len(without_note) >= 1
    assert all(by_title[title] == "yes" for title in with_note["title"])
    assert all(by_title[title] == "" for title in without_note["title"])
    assert disputed_table(log, include_after=True)["event"].tolist() == with_note["title"].tolist()
