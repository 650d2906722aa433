import datetime as dt

import pytest

from roundtable.core.dates import format_dated, parse_dated


@pytest.mark.parametrize("text, precision, first, last", [
    ("2020-01-03", "day", dt.date(2020, 1, 3), dt.date(2020, 1, 3)),
    ("2020-02", "month", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
    ("2012", "year", dt.date(2012, 1, 1), dt.date(2012, 12, 31)),
])
def test_precision_gives_the_span_covered(text, precision, first, last):
    assert parse_dated(text, precision) == (first, last)


@pytest.mark.parametrize("text, precision, message", [
    ("2020-01", "day", "does not match precision 'day'"),
    ("2020-13", "month", "not a real date"),
    ("2020-02-30", "day", "not a real date"),
    ("January 2020", "month", "does not match"),
    ("2020", "decade", "precision 'decade'"),
])
def test_bad_dates_are_explained(text, precision, message):
    with pytest.raises(ValueError, match=message):
        parse_dated(text, precision)


def test_format_is_honest_about_precision():
    assert format_dated(dt.date(2020, 1, 3), "day") == "3 January 2020"
    assert format_dated(dt.date(2013, 1, 1), "month") == "January 2013"
    assert format_dated(dt.date(2019, 12, 31), "day", dt.date(2020, 1, 1)) == "31 December 2019 – 1 January 2020"
