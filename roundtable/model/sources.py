"""Citations: every date, number and event in the data carries at least one.

A source is a publisher, a title, a date and a URL. The loaders of the
glossary, events, places and forecasts all read their `sources:` through here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Mapping

from ..core.dates import parse_dated
from ..core.yamlfile import Entry

#: "2020-01-03", "2020-01", "2020", or "n.d." for a page that shows no date.
SOURCE_DATE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|n\.d\.)$")
SOURCE_FIELDS = ("publisher", "title", "date", "url")
#: Optional marks on a source. `host: rehost` says the page is another site's
#: copy of the publisher's story (wire copy on an aggregator, a mirror), kept
#: because no better copy was found; `make sources` counts them.
HOSTS = ("rehost",)


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    date: str
    url: str
    host: str | None = None

    @property
    def rehost(self) -> bool:
        return self.host == "rehost"

    def citation(self) -> str:
        """One line for tables: publisher, “title” (date)."""
        return f"{self.publisher}, “{self.title}” ({self.date})"

    def html(self) -> str:
        """The citation as escaped HTML, the title a link opening in a new tab."""

        return (f'{escape(self.publisher)}, “<a href="{escape(self.url)}" target="_blank" rel="noopener">'
                f"{escape(self.title)}</a>” ({escape(self.date)})")


def read_sources(entry: Entry, key: str = "sources", *, required: bool = True) -> tuple[Source, ...]:
    """Validate and return an entry's list of sources."""
    items = entry.mapping_list(key, required=required)
    return tuple(_read_source(entry, key, number, item) for number, item in enumerate(items, 1))


def _read_source(entry: Entry, key: str, number: int, item: Mapping) -> Source:
    where = f"{key} #{number}"
    unknown = sorted(set(item) - set(SOURCE_FIELDS) - {"host"})
    if unknown:
        raise entry.fail(f"{where}: unknown field(s) {unknown}; allowed: {list(SOURCE_FIELDS) + ['host']}")
    host = item.get("host")
    if host is not None and host not in HOSTS:
        raise entry.fail(f"{where}: host {host!r} must be one of {list(HOSTS)} (or left out for the publisher's own copy)")
    values = {}
    for field in SOURCE_FIELDS:
        value = item.get(field)
        if isinstance(value, (int,)) and field == "date":
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise entry.fail(f"{where}: missing or empty '{field}'")
        values[field] = value.strip()
    if not SOURCE_DATE.match(values["date"]):
        raise entry.fail(f"{where}: date {values['date']!r} must look like 2020-01-03, 2020-01, 2020 or n.d.")
    if values["date"] != "n.d.":
        precision = ("year", "month", "day")[values["date"].count("-")]
        try:
            parse_dated(values["date"], precision)
        except ValueError as exc:
            raise entry.fail(f"{where}: {exc}") from None
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", values["url"]):
        raise entry.fail(f"{where}: url {values['url']!r} is not a web address (http:// or https://)")
    return Source(**values, host=host)
