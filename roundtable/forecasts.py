"""The panel's forecasts (data/forecasts.yaml), audited five years on.

Each forecast is a verbatim quote with the hedge words that carry its
confidence; the probability it implies is computed from the estimative-words
table, never typed. Outcomes as of 2025 carry our reasoning, what makes them
ambiguous, and sources. The loader checks every quote against the corpus,
every hedge word against the quote and the table, and that every resolvable
outcome has a source.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .estimative import Band, load_estimative_words
from .corpus import read_quotation
from .paths import DATA_DIR
from .sources import Source, read_sources
from .yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids

FORECASTS_FILE = DATA_DIR / "forecasts.yaml"
FORECAST_NOTEBOOK = "07_forecast_audit"
OUTCOMES = ("happened", "partly", "did-not-happen", "cannot-resolve")
OUTCOME_TITLES = {"happened": "happened", "partly": "partly", "did-not-happen": "did not happen",
                  "cannot-resolve": "cannot be resolved"}
FIELDS = ("id", "speaker", "paragraph", "quote", "hedges", "horizon", "resolution", "outcome", "reasoning",
          "ambiguity", "sources")


@dataclass(frozen=True)
class Forecast:
    id: str
    speaker: str
    paragraph: str
    quote: str
    hedges: tuple[str, ...]
    band: Band
    horizon: str
    resolution: str
    outcome: str
    reasoning: str
    ambiguity: str
    sources: tuple[Source, ...]

    @property
    def probability(self) -> float:
        """What the governing hedge word implies (Kent's point value)."""
        return self.band.point

    @property
    def answer_id(self) -> str:
        """Where a student's own forecast for this claim is stored."""
        return f"forecast-{self.id}"


@dataclass(frozen=True)
class ForecastSet:
    forecasts: tuple[Forecast, ...]
    outcome_values: dict[str, float | None]
    path: Path

    def __iter__(self):
        return iter(self.forecasts)

    def __len__(self) -> int:
        return len(self.forecasts)

    def __getitem__(self, forecast_id: str) -> Forecast:
        for forecast in self.forecasts:
            if forecast.id == forecast_id:
                return forecast
        raise KeyError(f"no forecast {forecast_id!r} in {self.path.name}")

    def value(self, forecast: Forecast) -> float | None:
        """The outcome as a number for scoring, or None if it cannot be scored."""
        return self.outcome_values[forecast.outcome]


def load_forecasts(path: Path | str | None = None, corpus=None, scale=None) -> ForecastSet:
    if path is None and corpus is None and scale is None:
        return _default_forecasts()
    return _load(Path(path or FORECASTS_FILE), corpus, scale)


@lru_cache(maxsize=1)
def _default_forecasts() -> ForecastSet:
    return _load(FORECASTS_FILE, None, None)


def _load(path: Path, corpus, scale) -> ForecastSet:
    from .corpus import load_corpus

    corpus, scale = corpus or load_corpus(), scale or load_estimative_words()
    document = read_yaml(path)
    top = Entry(path, "the file", document)
    top.check_keys(("outcome_values", "forecasts"))
    values = _outcome_values(path, top)
    forecasts = tuple(_read_forecast(path, i, item, corpus, scale)
                      for i, item in enumerate(top_list(path, document, "forecasts")))
    unique_ids(path, "forecast", [f.id for f in forecasts])
    return ForecastSet(forecasts, values, path)


def _outcome_values(path: Path, top: Entry) -> dict[str, float | None]:
    raw = top.item.get("outcome_values")
    entry = Entry(path, "outcome_values", raw)
    entry.check_keys(OUTCOMES)
    values = {}
    for outcome in OUTCOMES:
        if outcome not in raw:
            raise entry.fail(f"missing a value for {outcome!r}")
        value = raw[outcome]
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1):
            raise entry.fail(f"{outcome!r} must be a number from 0 to 1, or null to leave it unscored; got {value!r}")
        values[outcome] = None if value is None else float(value)
    return values


def _read_forecast(path: Path, index: int, item, corpus, scale) -> Forecast:
    entry = Entry(path, entry_label("forecast", index, item), item)
    entry.check_keys(FIELDS)
    paragraph, speaker, quote = read_quotation(entry, corpus)
    hedges = tuple(entry.text_list("hedges"))
    found = {h.phrase for h in scale.find(quote)}
    for hedge in hedges:
        try:
            band = scale.band_of(hedge)
        except KeyError:
            raise entry.fail(f"hedge {hedge!r} is not in {scale.path.name}") from None
        if hedge.replace("’", "'").lower() not in found:
            raise entry.fail(f"hedge {hedge!r} does not occur in the quote as a word of its own")
    band = scale.band_of(hedges[0])
    outcome = entry.choice("outcome", OUTCOMES)
    sources = read_sources(entry, required=outcome != "cannot-resolve")
    prose = {key: " ".join(entry.text(key).split()) for key in ("horizon", "resolution", "reasoning", "ambiguity")}
    return Forecast(entry.ident(), speaker, paragraph, quote, hedges, band, prose["horizon"], prose["resolution"],
                    outcome, prose["reasoning"], prose["ambiguity"], sources)


# --- Scoring ---------------------------------------------------------------

def brier(probabilities, outcomes) -> float:
    """Mean squared distance between forecasts (0–1) and outcomes (0–1).
    0 is perfect; always saying 50% scores 0.25."""
    pairs = list(zip(probabilities, outcomes, strict=True))
    if not pairs:
        raise ValueError("no scored forecasts: a Brier score needs at least one")
    for p, o in pairs:
        if not (0 <= p <= 1 and 0 <= o <= 1):
            raise ValueError(f"forecasts and outcomes must lie between 0 and 1, got {p} and {o}")
    return sum((p - o) ** 2 for p, o in pairs) / len(pairs)


def calibration(probabilities, outcomes, bins: int = 5) -> pd.DataFrame:
    """Forecasts grouped into equal-width bins: per bin, how many, the mean
    forecast and the mean outcome (how often it came true). A calibrated
    forecaster's 70% claims come true about 70% of the time."""
    if bins < 1:
        raise ValueError("bins must be at least 1")
    rows: dict[int, list[tuple[float, float]]] = {}
    for p, o in zip(probabilities, outcomes, strict=True):
        index = min(int(p * bins), bins - 1)
        rows.setdefault(index, []).append((p, o))
    table = []
    for index in range(bins):
        members = rows.get(index, [])
        table.append({"bin": f"{index / bins:.0%}–{(index + 1) / bins:.0%}", "forecasts": len(members),
                      "mean forecast": round(sum(p for p, _ in members) / len(members), 3) if members else None,
                      "came true": round(sum(o for _, o in members) / len(members), 3) if members else None})
    return pd.DataFrame(table)


def scored_pairs(forecast_set: ForecastSet, probabilities: dict[str, float]) -> tuple[list[float], list[float], list[str]]:
    """(forecasts, outcome values, ids) for the claims that have both a
    forecast in `probabilities` and a resolvable outcome."""
    ps, os_, ids = [], [], []
    for forecast in forecast_set:
        value = forecast_set.value(forecast)
        if value is None or forecast.id not in probabilities:
            continue
        ps.append(probabilities[forecast.id])
        os_.append(value)
        ids.append(forecast.id)
    return ps, os_, ids


def panel_probabilities(forecast_set: ForecastSet | None = None) -> dict[str, float]:
    forecast_set = forecast_set or load_forecasts()
    return {f.id: f.probability for f in forecast_set}


def forecast_questions(forecast_set: ForecastSet | None = None) -> dict[str, str]:
    """Answer ids and question texts of the blind forecasts, for exports."""
    forecast_set = forecast_set or load_forecasts()
    return {f.answer_id: f"Your chance, 0–100, as of January 2020: {f.speaker} ({f.paragraph}): “{f.quote}” "
                         f"Counts as happening if: {f.resolution}" for f in forecast_set}


def parse_probability(text: str) -> float | None:
    """A student's forecast as typed: a whole number from 0 to 100, with or
    without a % sign. Returns 0–1, None for an empty box; raises ValueError
    with a plain message for anything else."""
    cleaned = str(text).strip().removesuffix("%").strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or len(cleaned) > 3:
        raise ValueError("Type a whole number from 0 to 100 (for example 70).")
    number = int(cleaned)
    if number > 100:
        raise ValueError("A chance cannot be more than 100.")
    return number / 100
