"""The widgets as each notebook sets them up, driven by setting values as a
student would. (These checks used to run as "for instructors" cells inside
the student's notebooks; they belong here.)"""
from __future__ import annotations

from pathlib import Path

import pytest

from roundtable.model.forecasts import FORECAST_NOTEBOOK
from roundtable.widgets.forecast_widgets import BlindForecasts, RevealPanel
from roundtable.widgets.theme_widgets import ALL_THEMES, KeywordSearch, NextEventsToggle, SpeakerComparison, ThemeHeatmap
from roundtable.widgets.timeline_widgets import PlacePicker, TimelineExplorer
from roundtable.work.answers import AnswerStore
from roundtable.work.classview import read_class_folder

REPO = Path(__file__).parent.parent

# notebook, theme, first speaker, second speaker, search term, whole words: as in the lessons.
THEME_SETUPS = [
    ("02_iran", "iran", "Dina", "Michael", "replace", False),
    ("03_iraq", "iraq", "Dan", "Thanassis", "trust", False),
    ("04_syria", "iran", "Aron", "Michael", "Kurd", False),
    ("05_assassination_strategy", "assassination-strategy", "Dahlia", "Sima", "assassinat", False),
    ("06_synthesis", ALL_THEMES, "Dina", "Aron", "perhaps", True),
]


def test_the_timeline_explorer_and_place_picker_respond():
    explorer = TimelineExplorer()
    at_start = len(explorer.results.options)
    assert at_start > 50 and explorer.show_after.value is False
    explorer.countries.value = ("Syria",)
    syria = len(explorer.results.options)
    assert 0 < syria < at_start
    explorer.show_after.value = True
    assert len(explorer.results.options) > syria
    explorer.results.value = explorer.results.options[0][1]
    assert "<h5>Sources</h5>" in explorer.detail.value
    picker = PlacePicker()
    picker.place.value = "baghdad-airport"
    assert "<li>" in picker.output.value


@pytest.mark.parametrize("notebook, theme, first, second, query, whole_words", THEME_SETUPS,
                         ids=[s[0] for s in THEME_SETUPS])
def test_the_theme_widgets_respond_as_each_notebook_sets_them(notebook, theme, first, second, query, whole_words):
    comparison = SpeakerComparison(theme, first, second)
    left, right = comparison.left.value.count("<article"), comparison.right.value.count("<article")
    assert left > 0 and right > 0
    comparison.theme.value = ALL_THEMES
    assert comparison.left.value.count("<article") >= left and comparison.right.value.count("<article") >= right
    search = KeywordSearch(whole_words=whole_words)
    search.query.value = query
    assert len(search.results()) > 0
    search.query.value = "<b>bold</b>"
    assert "&lt;b&gt;" in search.output.value and "<b>bold" not in search.output.value
    heat = ThemeHeatmap()
    before = heat.summary.value
    heat.measure.value = "words"
    assert before != heat.summary.value and "words" in heat.summary.value
    toggle = NextEventsToggle(notebook)
    assert "Hidden" in toggle.output.value
    toggle.show.value = True
    assert "later events refer to these readings" in toggle.output.value


def test_the_forecast_widgets_save_reveal_and_mark_late_changes(tmp_path):
    store = AnswerStore(tmp_path / "answers.sqlite")
    blind = BlindForecasts(store)
    first, second = list(blind.boxes)[:2]
    blind.boxes[first].value = "70"
    assert "✓ saved: 70%" in blind.statuses[first].value
    blind.boxes[second].value = "seventy"
    assert store.load(FORECAST_NOTEBOOK, "forecast-" + second) is None and blind.boxes[second].value == "seventy"
    reveal = RevealPanel(store)
    assert "Hidden" in reveal.output.value and "did not happen" not in reveal.output.value
    # One switch, no "Recalculate" button (its label was cut off): forecasts count as they stood at the reveal.
    assert [type(c).__name__ for c in reveal.widget().children] == ["Checkbox", "HTML"]
    reveal.show.value = True
    assert "You: Brier score" in reveal.output.value


def test_the_sample_class_reads_its_students():
    view = read_class_folder(REPO / "exercises" / "sample-class")
    assert view.students >= 5 and view.skipped
