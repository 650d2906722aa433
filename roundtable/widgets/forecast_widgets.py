"""Widgets of the forecast audit (ipywidgets 8): blind forecasts saved in
the answer store as they are typed, and the reveal behind a switch.

A forecast is typed as a whole number from 0 to 100. Anything else gets a
plain message and is not saved, and the box keeps what was typed, so nothing
is lost. Every control has a label; the reveal starts switched off.
"""
from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path

import ipywidgets as w

from ..model.forecasts import (
    FORECAST_NOTEBOOK,
    ForecastSet,
    load_forecasts,
    parse_probability,
)
from ..views.forecastviews import reveal_html
from ..work.answers import AnswerStore
from ..work.classview import read_class_folder

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
        self.statuses[forecast.id].value = ("<span role='status'>– not answered yet</span>" if value is None else
                                            f"<span role='status'>✓ saved: {value:.0%}</span>")

    def _count(self) -> None:
        answered = len(student_probabilities(self.store, self.forecasts))
        self.count.value = (f"<p role='status'><strong>{answered} of {len(self.forecasts)}</strong> claims have a "
                            f"saved forecast.</p>")

    def widget(self) -> w.Widget:
        return w.VBox([w.HTML("<h4>Your forecasts, as of January 2020</h4>"), self.count, *self.rows])


class RevealPanel:
    """Outcomes, Brier scores and calibration, hidden until switched on."""

    def __init__(self, store: AnswerStore | None = None, forecast_set: ForecastSet | None = None):
        self.store = store or AnswerStore()
        self.forecasts = forecast_set or load_forecasts()
        self.show = w.Checkbox(value=False, description="Reveal the outcomes (after you have saved your forecasts)",
                               indent=False, layout=w.Layout(width="auto"))
        self.recalculate = w.Button(description="Recalculate my score", tooltip="After changing a forecast")
        self.output = w.HTML()
        self.show.observe(self.update, names="value")
        self.recalculate.on_click(self.update)
        self.update()

    def update(self, change=None) -> None:
        if not self.show.value:
            self.output.value = "<p role='status'><em>Hidden. Save your forecasts in Step 3 first.</em></p>"
            return
        self.output.value = reveal_html(self.forecasts, student_probabilities(self.store, self.forecasts))

    def widget(self) -> w.Widget:
        return w.VBox([w.HBox([self.show, self.recalculate]), self.output])


def check_forecast_widgets(folder) -> str:
    """Drive fresh widgets with a throwaway answer store and report what they
    show: the notebook's self-test cell, checked by nbval."""
    with tempfile.TemporaryDirectory() as tmp:
        store = AnswerStore(Path(tmp) / "answers.sqlite")
        blind = BlindForecasts(store)
        first, second = list(blind.boxes)[:2]
        blind.boxes[first].value = "70"
        blind.boxes[second].value = "seventy"
        lines = [f"Typing 70: {blind.statuses[first].value.split('>', 1)[1].split('<')[0]}",
                 f"Typing 'seventy': saved? {store.load(FORECAST_NOTEBOOK, 'forecast-' + second) is not None}; "
                 f"box keeps the text: {blind.boxes[second].value == 'seventy'}"]
        reveal = RevealPanel(store)
        hidden = "Hidden" in reveal.output.value
        reveal.show.value = True
        lines.append(f"Reveal: hidden at first {hidden}; shows your score when switched on {'You: Brier score' in reveal.output.value}")
    view = read_class_folder(folder)
    lines.append(f"Class view of {Path(folder).name}: {view.students} students read, {len(view.skipped)} files skipped.")
    return "\n".join(lines)
