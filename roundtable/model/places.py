"""Places for the map: name in English and in original script, coordinates,
and the source the coordinates come from (data/places.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .sources import Source, read_sources

PLACES_FILE = DATA_DIR / "places.yaml"
PLACE_KINDS = ("city", "airport", "base", "crossing", "site", "region", "building")
PLACE_FIELDS = ("id", "name", "original", "original_language", "country", "lat", "lon", "kind", "sources")


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    country: str
    lat: float
    lon: float
    kind: str
    sources: tuple[Source, ...]
    original: str | None = None
    original_language: str | None = None

    @property
    def label(self) -> str:
        """English name with the original script beneath, for the map."""
        return f"{self.name}\n{self.original}" if self.original else self.name


def load_places(path: Path | str | None = None) -> dict[str, Place]:
    if path is None:
        return _default_places()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_places() -> dict[str, Place]:
    return _load(PLACES_FILE)


@loads_data()
def _load(path: Path) -> dict[str, Place]:
    places = []
    for index, item in enumerate(top_list(path, read_yaml(path), "places")):
        entry = Entry(path, entry_label("place", index, item), item)
        entry.check_keys(PLACE_FIELDS)
        original, language = entry.original_name()
        lat, lon = entry.number("lat"), entry.number("lon")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise entry.fail(f"coordinates ({lat}, {lon}) are outside the globe")
        places.append(Place(entry.ident(), entry.text("name"), entry.text("country"), lat, lon,
                            entry.choice("kind", PLACE_KINDS), read_sources(entry), original, language))
    unique_ids(path, "place", [p.id for p in places])
    return {p.id: p for p in places}


def places_table(places: dict[str, Place] | None = None) -> pd.DataFrame:
    places = places or load_places()
    return pd.DataFrame([{
        "place": p.name, "original": p.original or "", "country": p.country, "kind": p.kind,
        "lat": round(p.lat, 3), "lon": round(p.lon, 3),
    } for p in places.values()])
