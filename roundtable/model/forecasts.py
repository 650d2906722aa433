"""The panel's forecasts (data/forecasts.yaml), audited years later.

Each forecast is a verbatim quote with the hedge words that carry its
confidence; the probability it implies is computed from the estimative-words
table, never typed. Each is judged at several dates (`judgements`), every
verdict with our reasoning and sources, so that a class can see where a
verdict changed as time went on. Scores use the latest judgement unless
asked for an earlier one. The loader checks every quote against the corpus,
every hedge word against the quote and the table, that every resolvable
outcome has a source, and that all forecasts are judged at the same dates.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.dates import format_dated, parse_any
from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .corpus import load_corpus, read_quotation
from .estimative import Band, load_estimative_words
from .sources import Source, read_sources

FORECASTS_FILE = DATA_DIR / "forecasts.yaml"
FORECAST_NOTEBOOK = "07_forecast_audit"
OUTCOMES = ("happened", "partly", "did-not-happen", "cannot-resolve")
OUTCOME_TITLES = {"happened": "happened", "partly": "partly", "did-not-happen": "did not happen",
                  "cannot-resolve": "cannot be resolved"}
FIELDS = ("id", "speaker", "paragraph", "quote", "hedges", "horizon", "resolution", "ambiguity", "judgements")
JUDGEMENT_FIELDS = ("as_of", "outcome", "reasoning", "sources")


@dataclass(frozen=True)
class Judgement:
    """One verdict on a forecast, as the record stood at `as_of`."""
    as_of: str          # as written in the data: "2025" or "2026-11-15"
    last_day: dt.date   # the last day the as_of date covers, for ordering
    label: str          # "2025", "15 November 2026"
    outcome: str
    reasoning: str
    sources: tuple[Source, ...]


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
    ambiguity: str
    judgements: tuple[Judgement, ...]

    @property
    def latest(self) -> Judgement:
        return self.judgements[-1]

    @property
    def outcome(self) -> str:
        return self.latest.outcome

    @property
    def reasoning(self) -> str:
        return self.latest.reasoning

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every source behind the latest verdict: its own, then the earlier
        judgements' (a later judgement lists only what is new)."""
        seen, result = set(), []
        for judgement in reversed(self.judgements):
            for source in judgement.sources:
                if source.url not in seen:
                    seen.add(source.url)
                    result.append(source)
        return tuple(result)

    def judgement(self, as_of: str | None = None) -> Judgement:
        """The verdict of one round (by its `as_of` as written), or the latest."""
        if as_of is None:
            return self.latest
        for judgement in self.judgements:
            if judgement.as_of == as_of:
                return judgement
        raise KeyError(f"forecast {self.id!r} has no judgement as of {as_of!r}")

    @property
    def verdict_changed(self) -> bool:
        return len({j.outcome for j in self.judgements}) > 1

    @property
    def asserts_negation(self) -> bool:
        """True when the governing hedge is negative ("won't", "unlikely"):
        the speaker asserts that something does not happen, and the claim's
        resolution states that negative event."""
        return self.band.point < 0.5

    @property
    def probability(self) -> float:
        """The chance the speaker's words give the event they assert: Kent's
        point value, or its complement for a negative hedge ("won't be easy"
        at 7% for "easy" is 93% for "not easy")."""
        return 1 - self.band.point if self.asserts_negation else self.band.point

    @property
    def low(self) -> float:
        """The lowest chance the hedge word allows, for the asserted event."""
        return 1 - self.band.high if self.asserts_negation else self.band.low

    @property
    def high(self) -> float:
        return 1 - self.band.low if self.asserts_negation else self.band.high

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

    @property
    def rounds(self) -> tuple[Judgement, ...]:
        """The judgement rounds, oldest first (every forecast has one in each);
        the first forecast's judgements stand for their dates and labels."""
        return self.forecasts[0].judgements

    def value(self, forecast: Forecast, as_of: str | None = None) -> float | None:
        """The outcome as a number for scoring (latest judgement unless
        `as_of` names an earlier round), or None if it cannot be scored."""
        return self.outcome_values[forecast.judgement(as_of).outcome]


def load_forecasts(path: Path | str | None = None, corpus=None, scale=None) -> ForecastSet:
    if path is None and corpus is None and scale is None:
        return _default_forecasts()
    return _load(Path(path or FORECASTS_FILE), corpus, scale)


@lru_cache(maxsize=1)
def _default_forecasts() -> ForecastSet:
    return _load(FORECASTS_FILE, None, None)


@loads_data()
def _load(path: Path, corpus, scale) -> ForecastSet:
    corpus, scale = corpus or load_corpus(), scale or load_estimative_words()
    document = read_yaml(path)
    top = Entry(path, "the file", document)
    top.check_keys(("outcome_values", "forecasts"))
    values = _outcome_values(path, top)
    forecasts = tuple(_read_forecast(path, i, item, corpus, scale)
                      for i, item in enumerate(top_list(path, document, "forecasts")))
    unique_ids(path, "forecast", [f.id for f in forecasts])
    rounds = [j.as_of for j in forecasts[0].judgements]
    for forecast in forecasts[1:]:
        if [j.as_of for j in forecast.judgements] != rounds:
            raise DataError(path, f"judged as of {[j.as_of for j in forecast.judgements]}, but '{forecasts[0].id}' "
                                  f"as of {rounds}: every forecast is judged at the same dates", f"forecast '{forecast.id}'")
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
    prose = {key: " ".join(entry.text(key).split()) for key in ("horizon", "resolution", "ambiguity")}
    _check_framing(entry, band, prose["resolution"])
    return Forecast(entry.ident(), speaker, paragraph, quote, hedges, band, prose["horizon"], prose["resolution"],
                    prose["ambiguity"], _read_judgements(entry))


#: Words that make a resolution negative.
NEGATION = re.compile(r"\b(?:not|no|never|cannot|fails?)\b|n[’']t\b", re.IGNORECASE)


def _check_framing(entry: Entry, band: Band, resolution: str) -> None:
    """A student always rates the event the speaker asserts. With a negative
    hedge ("won't be easy"), that event is negative ("is not easy"), so the
    resolution must say so; it never describes the opposite of the claim."""
    if resolution.lower().startswith("the event"):
        raise entry.fail("resolution: state the event the speaker asserts, not \"the event the hedge rates\"")
    if band.point < 0.5 and not NEGATION.search(resolution):
        raise entry.fail(f"resolution: the hedge {band.label!r} is negative, so the speaker asserts that something "
                         "does not happen; state that negative event (with 'not', 'no', 'never'...)")


def _read_judgements(entry: Entry) -> tuple[Judgement, ...]:
    """The verdicts, oldest first. The first resolvable verdict needs sources;
    a later one needs sources of its own when its outcome differs from the
    one before (a changed verdict rests on new evidence)."""
    judgements: list[Judgement] = []
    for number, item in enumerate(entry.mapping_list("judgements"), 1):
        part = Entry(entry.path, f"{entry.label}, judgement #{number}", item)
        part.check_keys(JUDGEMENT_FIELDS)
        written = str(part.item.get("as_of", "")).strip()
        try:
            start, last, precision = parse_any(written)
        except ValueError as exc:
            raise part.fail(f"as_of: {exc}") from None
        outcome = part.choice("outcome", OUTCOMES)
        previous = judgements[-1] if judgements else None
        if previous and last <= previous.last_day:
            raise part.fail(f"as_of {written!r} is not later than the judgement before ({previous.as_of!r}); "
                            "list judgements oldest first")
        earlier_sources = any(j.sources for j in judgements)
        needs_sources = outcome != "cannot-resolve" and (
            not earlier_sources or (previous is not None and previous.outcome != outcome))
        sources = read_sources(part, required=needs_sources)
        judgements.append(Judgement(written, last, format_dated(start, precision), outcome,
                                    " ".join(part.text("reasoning").split()), sources))
    return tuple(judgements)


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


def scored_pairs(forecast_set: ForecastSet, probabilities: dict[str, float],
                 as_of: str | None = None) -> tuple[list[float], list[float], list[str]]:
    """(forecasts, outcome values, ids) for the claims that have both a
    forecast in `probabilities` and a resolvable outcome (latest judgement,
    or the round `as_of` names)."""
    ps, os_, ids = [], [], []
    for forecast in forecast_set:
        value = forecast_set.value(forecast, as_of)
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
    # Only the ASCII digits 0-9: str.isdigit() also accepts "１００" and "²",
    # which a student may paste but int() reads differently or not at all.
    if not re.fullmatch(r"[0-9]{1,3}", cleaned):
        raise ValueError("Type a whole number from 0 to 100 (for example 70).")
    number = int(cleaned)
    if number > 100:
        raise ValueError("A chance cannot be more than 100.")
    return number / 100
