"""Words of estimative probability (data/estimative_words.yaml).

Sherman Kent's bands give a hedge word a number: "probable" is about 75%.
`find_hedges` finds the listed words and phrases in a text (longest first,
whole words, either apostrophe), and `implied_probability` turns the words
that govern a claim into the band's point value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.paths import DATA_DIR
from ..core.textmatch import phrase_regex
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .sources import Source, read_sources

ESTIMATIVE_FILE = DATA_DIR / "estimative_words.yaml"
BASES = ("kent", "ours")


@dataclass(frozen=True)
class Band:
    id: str
    label: str
    point: float
    low: float
    high: float
    basis: str

    @property
    def width(self) -> float:
        """How much the words leave open: 0 for "certain", 0.98 for "possible"."""
        return round(self.high - self.low, 4)


@dataclass(frozen=True)
class Phrase:
    phrase: str
    band: str
    basis: str
    note: str | None


@dataclass(frozen=True)
class Hedge:
    phrase: str
    matched: str
    start: int
    band: Band


@dataclass(frozen=True)
class EstimativeScale:
    bands: dict[str, Band]
    phrases: tuple[Phrase, ...]
    sources: tuple[Source, ...]
    path: Path

    @property
    def pattern(self) -> re.Pattern:
        return _pattern(tuple(p.phrase for p in self.phrases))

    def band_of(self, phrase: str) -> Band:
        for p in self.phrases:
            if p.phrase == _normal(phrase):
                return self.bands[p.band]
        raise KeyError(f"{phrase!r} is not in {self.path.name}; add it under 'phrases'")

    def find(self, text: str) -> list[Hedge]:
        """Hedge words in `text`, in order; a longer phrase wins over a word
        inside it ("probably not" over "probably")."""
        return [Hedge(_normal(m.group(0)), m.group(0), m.start(), self.band_of(m.group(0)))
                for m in self.pattern.finditer(text)]

    def implied_probability(self, phrases) -> float:
        """The point value of the first (governing) phrase."""
        phrases = list(phrases)
        if not phrases:
            raise ValueError("no hedge phrase given")
        return self.band_of(phrases[0]).point

    def table(self):
        rows = [{"word or phrase": p.phrase, "band": self.bands[p.band].label,
                 "probability": f"{self.bands[p.band].point:.0%}",
                 "range": f"{self.bands[p.band].low:.0%}–{self.bands[p.band].high:.0%}",
                 "mapping by": "Kent" if p.basis == "kent" else "us", "why": p.note or ""}
                for p in sorted(self.phrases, key=lambda p: -self.bands[p.band].point)]
        return pd.DataFrame(rows)


def _normal(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").lower().split())


@lru_cache(maxsize=8)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(phrase_regex(p) for p in ordered) + r")(?![\w'’])", re.IGNORECASE)


def load_estimative_words(path: Path | str | None = None) -> EstimativeScale:
    if path is None:
        return _default_scale()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_scale() -> EstimativeScale:
    return _load(ESTIMATIVE_FILE)


@loads_data()
def _load(path: Path) -> EstimativeScale:
    document = read_yaml(path)
    top = Entry(path, "the file", document)
    top.check_keys(("sources", "bands", "phrases"))
    sources = read_sources(top)
    bands = {}
    for index, item in enumerate(top_list(path, document, "bands")):
        entry = Entry(path, entry_label("band", index, item), item)
        entry.check_keys(("id", "label", "point", "low", "high", "basis"))
        low, point, high = entry.number("low"), entry.number("point"), entry.number("high")
        if not 0 <= low <= point <= high <= 1:
            raise entry.fail(f"needs 0 ≤ low ≤ point ≤ high ≤ 1, got {low}, {point}, {high}")
        band = Band(entry.ident(), entry.text("label"), point, low, high, entry.choice("basis", BASES))
        bands[band.id] = band
    unique_ids(path, "band", list(bands))
    phrases = []
    for index, item in enumerate(top_list(path, document, "phrases")):
        entry = Entry(path, entry_label("phrase", index, item, "phrase"), item)
        entry.check_keys(("phrase", "band", "basis", "note"))
        basis = entry.choice("basis", BASES)
        note = entry.text("note", required=False)
        if basis == "ours" and note is None:
            raise entry.fail("a mapping of ours needs a 'note' saying why")
        phrases.append(Phrase(_normal(entry.text("phrase")), entry.choice("band", list(bands)), basis, note))
    unique_ids(path, "phrase", [p.phrase for p in phrases])
    return EstimativeScale(bands, tuple(phrases), sources, path)
