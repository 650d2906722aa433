"""The student's record in the forecast audit: when they revealed the
outcomes, what they forecast before, what they changed after, and their
scores.

The first reveal is saved in the answer store with its time. Revealing locks
the forecasts in this sense: they are scored as they stood at the reveal, and
a forecast changed afterwards is kept, but marked in the export with the
number it had at the reveal. Until the student reveals, nothing here shows an
outcome, so an export written before the reveal gives nothing away.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from ..model.forecasts import FORECAST_NOTEBOOK, OUTCOME_TITLES, ForecastSet, brier, load_forecasts, parse_probability
from .answers import AnswerStore

#: Where the time of the first reveal is kept (not a prompt: never exported as one).
REVEAL_ID = "forecast-revealed-at"


def revealed_at(store: AnswerStore) -> str | None:
    """When the student first revealed the outcomes (ISO time), or None."""
    return store.load(FORECAST_NOTEBOOK, REVEAL_ID) or None


def record_reveal(store: AnswerStore) -> str | None:
    """Keep the time of the first reveal (a later one changes nothing)."""
    first = revealed_at(store)
    if first:
        return first
    now = dt.datetime.now().isoformat(timespec="seconds")
    return now if store.save(FORECAST_NOTEBOOK, REVEAL_ID, now).ok else None


def _value(text: str | None) -> float | None:
    try:
        return parse_probability(text or "")
    except ValueError:
        return None


@dataclass(frozen=True)
class ClaimRecord:
    number: int
    forecast_id: str
    at_reveal: float | None      # the forecast as it stood at the reveal (or now, before one)
    now: float | None            # the forecast as saved now
    changed_after_reveal: bool
    outcome: str | None          # None until the reveal
    brier: float | None          # of the forecast at the reveal; None if unscored or before the reveal


def forecast_since_reveal(store: AnswerStore, forecast, revealed: str | None) -> tuple[float | None, float | None, bool]:
    """(the forecast at the reveal, the forecast now, changed since) for one
    claim; before any reveal, both are the forecast now."""
    now = _value(store.load(FORECAST_NOTEBOOK, forecast.answer_id))
    if not revealed:
        return now, now, False
    history = store.history(FORECAST_NOTEBOOK, forecast.answer_id)
    before = [a for a in history if a.saved_at <= revealed]
    then = _value(before[-1].text) if before else None
    return then, now, any(a.saved_at > revealed for a in history) and now != then


def claim_records(store: AnswerStore, forecast_set: ForecastSet | None = None) -> list[ClaimRecord]:
    forecast_set = forecast_set or load_forecasts()
    revealed = revealed_at(store)
    records = []
    for number, forecast in enumerate(forecast_set, 1):
        at_reveal_value, now, changed = forecast_since_reveal(store, forecast, revealed)
        outcome = forecast.outcome if revealed else None
        value = forecast_set.value(forecast) if revealed else None
        score = brier([at_reveal_value], [value]) if at_reveal_value is not None and value is not None else None
        records.append(ClaimRecord(number, forecast.id, at_reveal_value, now, changed, outcome, score))
    return records


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def scores_appendix(store: AnswerStore, forecast_set: ForecastSet | None = None) -> tuple[str, str]:
    """The export's last section for notebook 07, as (Markdown, HTML): each
    claim's forecast, outcome and Brier score, the total, and any change
    made after the reveal. Before the reveal it says only that."""
    forecast_set = forecast_set or load_forecasts()
    revealed = revealed_at(store)
    title = "## Forecast scores"
    if not revealed:
        note = "Not revealed yet: scores appear here once the outcomes are revealed (Step 5 of the notebook)."
        return f"{title}\n\n{note}", f"<section><h2>Forecast scores</h2><p>{escape(note)}</p></section>"
    records = claim_records(store, forecast_set)
    scored = [r.brier for r in records if r.brier is not None]
    total = (f"Brier score {sum(scored) / len(scored):.3f} over {len(scored)} scored claims (0 is perfect)."
             if scored else "No scored forecast: no claim with both a forecast and a resolvable outcome.")
    changed = [r for r in records if r.changed_after_reveal]
    lines = [title, "", f"Revealed at {revealed}. Forecasts are scored as they stood at the reveal. {total}", "",
             "| claim | forecast at the reveal | outcome | Brier | changed after the reveal |",
             "|---:|---:|---|---:|---|"]
    rows = []
    for r in records:
        later = f"yes, to {_percent(r.now)}" if r.changed_after_reveal else ""
        score = "" if r.brier is None else f"{r.brier:.3f}"
        outcome = OUTCOME_TITLES[r.outcome] if r.outcome else ""
        lines.append(f"| {r.number} | {_percent(r.at_reveal)} | {outcome} | {score} | {later} |")
        rows.append(f"<tr><td>{r.number}</td><td>{_percent(r.at_reveal)}</td><td>{escape(outcome)}</td>"
                    f"<td>{score}</td><td>{escape(later)}</td></tr>")
    if changed:
        lines += ["", f"**{len(changed)} forecast(s) changed after the reveal**: claims "
                      + ", ".join(str(r.number) for r in changed) + "."]
    html = (f"<section><h2>Forecast scores</h2><p>Revealed at {escape(revealed)}. Forecasts are scored as they "
            f"stood at the reveal. {escape(total)}</p>"
            + (f"<p><strong>{len(changed)} forecast(s) changed after the reveal</strong>: claims "
               + ", ".join(str(r.number) for r in changed) + ".</p>" if changed else "")
            + "<table><thead><tr><th scope='col'>claim</th><th scope='col'>forecast at the reveal</th>"
              "<th scope='col'>outcome</th><th scope='col'>Brier</th><th scope='col'>changed after the reveal</th>"
              "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>")
    return "\n".join(lines), html
