"""The vendored Natural Earth outlines (data/world-atlas), decoded once."""
from __future__ import annotations

from functools import lru_cache

from ..core.paths import DATA_DIR
from .topojson import Country, load_countries

WORLD_FILE = DATA_DIR / "world-atlas" / "countries-50m.json"


@lru_cache(maxsize=1)
def load_world() -> tuple[Country, ...]:
    return tuple(load_countries(WORLD_FILE))
