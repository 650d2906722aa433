"""One output per interactive piece: the widget view, its static HTML and a
short, stable text/plain in one display bundle (widgets/fallback.py and the
facade functions the lessons call)."""
from __future__ import annotations

import ipywidgets as w
import pytest

from roundtable import display
from roundtable.widgets.fallback import WIDGET_VIEW, Interactive

PIECES = {
    "answer box": lambda: display.answer_box("02_iran", "iran-p01", "2.1"),
    "name": display.my_name,
    "export button": lambda: display.export_button("02_iran"),
    "quiz": lambda: display.quiz("00_start_here"),
    "check quiz": lambda: display.check_quiz("02_iran", "iran-rally"),
    "review quiz": lambda: display.review_quiz("03_iraq"),
    "comparison": lambda: display.compare_speakers("iran", "Dina", "Michael"),
    "keyword search": lambda: display.keyword_search("replace", whole_words=False),
    "heat map": display.theme_heatmap,
    "next events": lambda: display.next_events_toggle("04_syria"),
    "timeline explorer": display.timeline_explorer,
    "place picker": display.place_picker,
    "blind forecasts": display.blind_forecasts,
    "reveal": display.reveal_panel,
}


@pytest.mark.parametrize("name", PIECES)
def test_each_piece_is_one_bundle_with_widget_html_and_a_stable_line(name):
    first, second = PIECES[name](), PIECES[name]()
    bundle, again = first._repr_mimebundle_(), second._repr_mimebundle_()
    assert set(bundle) == {WIDGET_VIEW, "text/html", "text/plain"}
    assert bundle[WIDGET_VIEW]["model_id"] == first.shown.model_id and first.widget in first.shown.children
    assert "line-height:1.45" in first.shown.children[0].value  # text reads single-spaced
    # Two fresh pieces differ only in their widget's model id.
    assert bundle[WIDGET_VIEW] != again[WIDGET_VIEW]
    assert bundle["text/html"] == again["text/html"] and bundle["text/plain"] == again["text/plain"]
    assert "\n" not in bundle["text/plain"] and "Box(" not in bundle["text/plain"]


def test_the_static_versions_carry_the_content_not_a_placeholder():
    quiz = display.check_quiz("02_iran", "iran-rally")._repr_mimebundle_()["text/html"]
    assert quiz.count("<details>") == 3 and "Show the answer" in quiz
    search = display.keyword_search("replace", whole_words=False)._repr_mimebundle_()["text/html"]
    assert "<strong>replace</strong>" in search
    heatmap = display.theme_heatmap()._repr_mimebundle_()["text/html"]
    assert "data:image/png;base64," in heatmap and "alt='" in heatmap and "<table" in heatmap
    reveal = display.reveal_panel()._repr_mimebundle_()["text/html"]
    assert "opens only in the running notebook" in reveal and "happened" not in reveal
    box = display.answer_box("02_iran", "iran-p01", "2.1")._repr_mimebundle_()["text/html"]
    assert box.count("Question 2.1") == 1 and "Dina writes" in box
    forecasts = display.blind_forecasts()._repr_mimebundle_()["text/html"]
    assert "did not happen" not in forecasts and "Brier" not in forecasts


def test_a_piece_without_a_static_version_or_with_a_long_label_is_refused():
    with pytest.raises(ValueError, match="needs a static version"):
        Interactive(w.HTML("x"), " ", "Quiz")
    with pytest.raises(ValueError, match="one short line"):
        Interactive(w.HTML("x"), "<p>x</p>", "two\nlines")


def test_text_typed_into_a_search_is_escaped_in_the_static_version():
    html = display.keyword_search("<script>x</script>")._repr_mimebundle_()["text/html"]
    assert "<script>" not in html and "&lt;script&gt;" in html
