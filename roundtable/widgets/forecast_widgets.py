"""Widgets of the forecast audit (ipywidgets 8): blind forecasts saved in
the answer store as they are typed, and the reveal behind a switch.

A forecast is typed as a whole number from 0 to 100. Anything else gets a
plain message and is not saved, and the box keeps what was typed, so nothing
is lost. Every control has a label; the reveal starts switched off.
"""
from __future__ import annotations

from html import escape

import ipywidgets as w

from ..model.forecasts import (
    FORECAST_NOTEBOOK,
    ForecastSet,
    load_forecasts,
    parse_probability,
)
from ..views.forecastviews import reveal_html
from ..work.answers import AnswerStore
from ..work.forecastrecord import claim_records, forecast_since_reveal, record_reveal, revealed_at

LABEL = {"description_width": "initial"}


def student_probabilities(store: AnswerStore, forecast_set: ForecastSet | None = None) -> dict[str, float]:
    """The student's saved forecasts as 0–1, leaving out empty or unreadable ones."""
    forecast_set = forecast_set or load_forecasts()
    result = {}
    for forecast in forecast_set:
        try:
            value = parse_probability(store.load(FORECAST_NOTEBOOK, forecast.answer_id) or "")
        except ValueError:
            continue
        if value is not None:
            result[forecast.id] = value
    return result


class BlindForecasts:
    """One box per claim for the student's own chance, as of January 2020."""

    def __init__(self, store: AnswerStore | None = None, forecast_set: ForecastSet | None = None):
        self.store = store or AnswerStore()
        self.forecasts = forecast_set or load_forecasts()
        self.boxes, self.statuses = {}, {}
        rows = []
        for number, forecast in enumerate(self.forecasts, 1):
            saved = self.store.load(FORECAST_NOTEBOOK, forecast.answer_id) or ""
            box = w.Text(value=saved, description=f"Your chance for claim {number} (0–100)", style=LABEL,
                         placeholder="e.g. 70", continuous_update=False, layout=w.Layout(width="22em"))
            status = w.HTML()
            box.observe(lambda change, f=forecast: self.save(f), names="value")
            self.boxes[forecast.id], self.statuses[forecast.id] = box, status
            header = w.HTML(f"<p><strong>{number}.</strong> {escape(forecast.speaker)} ({escape(forecast.paragraph)}): "
                            f"“{escape(forecast.quote)}”<br><em>By when:</em> {escape(forecast.horizon)}<br>"
                            f"<em>Counts as happening if:</em> {escape(forecast.resolution)}</p>")
            rows.append(w.VBox([header, w.HBox([box, status])]))
            self._show(forecast, saved)
        self.count = w.HTML()
        self._count()
        self.rows = rows

    def save(self, forecast) -> None:
        text = self.boxes[forecast.id].value
        try:
            parse_probability(text)
        except ValueError as error:
            self.statuses[forecast.id].value = f"<span role='status'>⚠ {escape(str(error))} Not saved yet.</span>"
            return
        result = self.store.save(FORECAST_NOTEBOOK, forecast.answer_id, text.strip())
        if result.ok:
            self._show(forecast, text)
        else:
            self.statuses[forecast.id].value = f"<span role='status'>⚠ {escape(result.message)}</span>"
        self._count()

    def _show(self, forecast, text: str) -> None:
        value = parse_probability(text) if text.strip() else None
        changed = forecast_since_reveal(self.store, forecast, revealed_at(self.store))[2]
        after = (" (changed after the reveal: your export marks it, and your score keeps the forecast you had "
                 "at the reveal)") if changed else ""
        self.statuses[forecast.id].value = ("<span role='status'>– not answered yet</span>" if value is None else
                                            f"<span role='status'>✓ saved: {value:.0%}{escape(after)}</span>")

    def _count(self) -> None:
        answered = len(student_probabilities(self.store, self.forecasts))
        self.count.value = (f"<p role='status'><strong>{answered} of {len(self.forecasts)}</strong> claims have a "
                            f"saved forecast.</p>")

    def widget(self) -> w.Widget:
        return w.VBox([w.HTML("<h3>Your forecasts, as of January 2020</h3>"), self.count, *self.rows])


class RevealPanel:
    """Outcomes, scores and calibration, hidden until switched on. The first
    reveal is recorded: from then on the forecasts are scored as they stood
    at that moment, and any later change is marked in the export."""

    def __init__(self, store: AnswerStore | None = None, forecast_set: ForecastSet | None = None):
        self.store = store or AnswerStore()
        self.forecasts = forecast_set or load_forecasts()
        self.show = w.Checkbox(value=False, description="Reveal the outcomes (after you have saved your forecasts)",
                               indent=False, layout=w.Layout(width="auto"))
        self.output = w.HTML()
        self.show.observe(self.update, names="value")
        self.update()

    def update(self, change=None) -> None:
        if not self.show.value:
            when = revealed_at(self.store)
            self.output.value = ("<p role='status'><em>Hidden. Save your forecasts in Step 3 first.</em></p>" if not when
                                 else f"<p role='status'><em>Hidden. You revealed the outcomes at {escape(when)}; your "
                                      "forecasts are scored as they stood then.</em></p>")
            return
        record_reveal(self.store)
        records = claim_records(self.store, self.forecasts)
        at_reveal = {r.forecast_id: r.at_reveal for r in records if r.at_reveal is not None}
        changed = {r.forecast_id: r.now for r in records if r.changed_after_reveal and r.now is not None}
        self.output.value = reveal_html(self.forecasts, at_reveal, changed)

    def widget(self) -> w.Widget:
        return w.VBox([self.show, self.output])
