"""The collection's as-of date: one file states it, everything else follows."""
import datetime as dt

import pytest

from conftest import data_error, load_mini, rewrite
from roundtable.model.asof import AS_OF_FILE, load_as_of, years_since_roundtable
from roundtable.core.errors import DataError
from roundtable.model.events import load_events


def test_the_data_states_the_date_it_is_current_to():
    as_of = load_as_of()
    assert as_of >= dt.date(2026, 1, 1)
    assert as_of >= max(e.start for e in load_events().events.values())


def test_no_event_is_dated_after_the_as_of_date(mini_data):
    rewrite(mini_data / "events" / "after.yaml", 'date: "2025-06-22"', 'date: "2099-06-22"')
    with pytest.raises(DataError) as caught:
        load_mini(mini_data)
    message = str(caught.value)
    assert "after.yaml" in message and "event 'strikes-on-sites'" in message and "as-of date" in message


@pytest.mark.parametrize("text, expected", [
    ('as_of: "2026-02-30"\n', "is not a real date"),
    ("as_of: 2026-11\n", "does not match precision 'day'"),
    ("as_off: \"2026-11-15\"\n", "unknown field(s) ['as_off']"),
])
def test_a_bad_as_of_file_is_named(tmp_path, text, expected):
    path = tmp_path / AS_OF_FILE.name
    path.write_text(text, encoding="utf-8")
    assert expected in data_error(load_as_of, path)


@pytest.mark.parametrize("day, years", [
    (dt.date(2020, 1, 1), 0), (dt.date(2024, 12, 31), 4), (dt.date(2025, 1, 1), 5), (dt.date(2026, 11, 15), 6),
])
def test_years_since_the_roundtable_are_computed(day, years):
    assert years_since_roundtable(day) == years
