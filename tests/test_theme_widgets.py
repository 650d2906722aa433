"""The theme notebooks' widgets, driven by setting values as a student
would, and the views around the readings."""
from __future__ import annotations

from html import escape, unescape

import pytest

from roundtable.model.corpus import load_corpus
from roundtable.model.events import load_events
from roundtable.model.readings import load_readings
from roundtable.views.figcache import cached_figure
from roundtable.widgets.theme_widgets import (ALL_THEMES, KeywordSearch, NextEventsToggle, SpeakerComparison, ThemeHeatmap,
                                      comparison_table)
from roundtable.views.themeviews import (context_html, next_events_static, notebook_paragraphs, reading_html,
                                   theme_events, theme_places)


def articles(html: str) -> int:
    return html.count('class="rt-passage"')


def test_comparison_shows_each_speakers_paragraphs_on_the_theme():
    comparison = SpeakerComparison("iran", "Dina", "Michael")
    assert articles(comparison.left.value) == 2 and articles(comparison.right.value) == 4
    comparison.theme.value = "assassination-strategy"
    assert "Dina has no paragraph on Assassination as strategy" in comparison.left.value
    assert articles(comparison.right.value) == 5
    comparison.second.value = "Dina"
    assert "the same speaker twice" in comparison.status.value


def test_comparison_table_is_the_static_companion():
    table = comparison_table("syria").set_index("speaker")
    assert table.loc["Aron", "paragraphs"] == ", ".join(f"aron-{i}" for i in range(1, 9))
    assert table.loc["Dina", "paragraphs"] == "(none)"
    assert len(comparison_table(ALL_THEMES)) == len(load_corpus().speakers)


def test_keyword_search_updates_and_escapes_what_is_typed():
    search = KeywordSearch()
    assert "Type a word" in search.output.value
    search.query.value = "Feish Khabour"
    assert "occurs once in 1 paragraph of the roundtable: Aron 1" in search.output.value
    search.query.value = "<img src=x onerror=alert(1)>"
    assert "<img" not in search.output.value and "&lt;img src=x onerror=alert(1)&gt;" in search.output.value
    search.query.value = "militia"
    search.speaker.value = "Renad"
    assert search.results()["speaker"].tolist() == ["Renad", "Renad"]
    search.whole_words.value = False
    search.speaker.value = None
    assert len(search.results()) > 4


def test_keyword_search_says_when_a_query_is_cut():
    search = KeywordSearch()
    search.query.value = "Iran " * 100
    assert "Only the first 80 characters are searched" in search.output.value


def test_heatmap_redraws_and_says_so_in_words():
    heat = ThemeHeatmap()
    first_png, first_text = heat.png, heat.summary.value
    assert first_png.startswith(b"\x89PNG") and "paragraphs, counting main and secondary" in first_text
    heat.measure.value = "words"
    assert heat.png != first_png and "words, counting main and secondary" in heat.summary.value
    heat.main_only.value = True
    assert "main theme only" in heat.summary.value


def test_what_happened_next_is_hidden_until_ticked():
    toggle = NextEventsToggle("04_syria")
    assert toggle.show.value is False and "Hidden" in toggle.output.value
    toggle.show.value = True
    assert "(refers to aron-" in unescape(toggle.output.value)
    toggle.show.value = False
    assert "Hidden" in toggle.output.value


def test_static_next_events_are_folded_away():
    html = next_events_static("03_iraq")
    assert html.count("<details>") == 1 and "<details open" not in html
    assert "Show what happened next" in html


def test_theme_events_are_derived_from_the_paragraph_links():
    log = load_events()
    events = theme_events(["aron-7"], log)
    assert set(events["phase"]) <= {"before", "crisis"}
    assert all("aron-7" in ids for ids in events["paragraphs"])
    later = theme_events(["aron-7"], log, include_after=True)
    assert set(later["phase"]) == {"after"} and "us-troop-reduction-syria-2025" in set(later["id"])


def test_theme_places_include_places_named_in_the_text():
    assert "feish-khabour" in theme_places(["aron-7"])


def test_synthesis_reads_the_whole_roundtable():
    assert notebook_paragraphs("06_synthesis") == load_corpus().ids
    assert notebook_paragraphs("02_iran") == load_readings()["02_iran"].paragraphs


def test_context_box_is_escaped_and_cites_its_sources():
    part = load_readings()["02_iran"].part("iran-rally")
    html = context_html(part)
    assert "Context: Dina: Iranians rally against an external enemy" in html
    assert html.count("<li>") == len(part.events) + len(part.terms) and 'href="https://' in html
    reading = reading_html("02_iran", "iran-rally")
    assert reading.index("rt-context") < reading.index('id="dina-1"') < reading.index('id="dina-2"')


@pytest.mark.parametrize("notebook", sorted(load_readings()))
def test_every_part_renders(notebook):
    for part in load_readings()[notebook].parts:
        html = reading_html(notebook, part.id)
        assert articles(html) == len(part.paragraphs)


def test_heatmap_opens_on_the_cached_figure_and_draws_only_on_a_change():
    heat = ThemeHeatmap()
    cached = cached_figure("heatmap_chart")
    assert heat.drawing is None and heat.png == cached.png and heat.title == cached.title
    assert f"alt='{escape(cached.title)}'" in heat.image.value
    heat.measure.value = "words"
    assert heat.drawing is not None
    heat.measure.value = "paragraphs"
    # Back to the opening view: the same words as the cached figure says.
    assert heat.summary.value == "<pre role='status'>" + escape(cached.summary) + "</pre>"


def test_search_by_speaker_names_the_speaker_and_the_dropdown_starts_on_everyone():
    search = KeywordSearch("escalation")
    assert search.speaker.value == "" and search.speaker.label == "Everyone"
    search.speaker.value = "Dahlia"
    assert "of Dahlia's paragraphs" in unescape(search.output.value)
    search.query.value = "nuclear"
    assert "“nuclear” does not occur in Dahlia's paragraphs." in unescape(search.output.value)


def test_search_follows_the_typing_and_finds_the_texts_own_spellings():
    search = KeywordSearch()
    assert search.query.continuous_update is True
    search.query.value = "Muhandis"
    matches = set(search.results()["match"])
    assert "Mohandes" in matches and any("Muhandis" in m for m in matches)
    assert "other spellings" in search.output.value
