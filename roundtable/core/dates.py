"""Dates with a precision: a day, a month or a year, as the sources allow."""
from __future__ import annotations

import calendar
import datetime as dt
import re

PRECISIONS = ("day", "month", "year")
_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


def parse_dated(text: str, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day that a date of this precision covers.

    "2020-01" with precision "month" covers 1 to 31 January 2020. Raises
    ValueError with a plain message when the text and the precision disagree.
    """
    if precision not in PRECISIONS:
        raise ValueError(f"precision {precision!r} must be one of {list(PRECISIONS)}")
    text = str(text)
    if not _FORMS[precision].match(text):
        shapes = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}
        raise ValueError(f"date {text!r} does not match precision '{precision}' ({shapes[precision]})")
    parts = [int(p) for p in text.split("-")]
    try:
        if precision == "day":
            first = last = dt.date(*parts)
        elif precision == "month":
            year, month = parts
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError as exc:
        raise ValueError(f"date {text!r} is not a real date ({exc})") from None
    return first, last


def precision_of(text: str) -> str | None:
    """The precision a date string is written in ("2026-03-01": day), or None."""
    return next((p for p, form in _FORMS.items() if form.match(str(text))), None)


def parse_any(text: str) -> tuple[dt.date, dt.date, str]:
    """A date written at any precision: its first and last day and the precision."""
    precision = precision_of(text)
    if precision is None:
        raise ValueError(f"date {text!r} must look like 2026-03-01, 2026-03 or 2026")
    first, last = parse_dated(text, precision)
    return first, last, precision


def format_dated(start: dt.date, precision: str, end: dt.date | None = None) -> str:
    """A date as a reader would write it, honest about its precision."""
    def one(day: dt.date) -> str:
        if precision == "day":
            return f"{day.day} {day:%B %Y}"
        if precision == "month":
            return f"{day:%B %Y}"
        return f"{day.year}"
    first = one(start)
    last = one(end) if end is not None else first
    return first if last == first else f"{first} – {last}"
