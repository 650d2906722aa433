"""The theme notebooks' readings: validation naming file and part, coverage
of every paragraph, and pacing (no stretch without a check over 15 minutes)."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import data_error, rewrite
from roundtable.model.corpus import load_corpus
from roundtable.model.exercises import load_bank
from roundtable.model.lessons import lesson_time, shown_prompts
from roundtable.core.errors import DataError
from roundtable.tooling.pacing import EXPLORE_MINUTES, FIGURE_MINUTES, longest_stretch, stretches
from roundtable.model.readings import (MAX_MINUTES_WITHOUT_CHECK, READINGS_FILE, check_covers_corpus,
                                 load_readings, missing_paragraphs, reading_minutes)

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
THEME_NOTEBOOKS = ["02_iran", "03_iraq", "04_syria", "05_assassination_strategy"]


@pytest.fixture
def readings_file(tmp_path) -> Path:
    return Path(shutil.copy(READINGS_FILE, tmp_path / "readings.yaml"))


def load_error(path: Path) -> str:
    return data_error(load_readings, path)


def test_every_theme_notebook_has_readings():
    assert sorted(load_readings()) == THEME_NOTEBOOKS


def test_theme_readings_together_cover_every_paragraph():
    assert missing_paragraphs() == []
    check_covers_corpus()


def test_coverage_check_names_what_is_missing(readings_file):
    rewrite(readings_file, "paragraphs: [renad-1]", "paragraphs: [dan-3]")
    readings = load_readings(readings_file)
    assert missing_paragraphs(readings=readings) == ["renad-1"]
    with pytest.raises(DataError, match=r"\['renad-1'\] appear in no theme notebook"):
        check_covers_corpus(readings=readings)


def test_executed_theme_notebooks_show_every_paragraph():
    """The proof on the notebooks themselves: every paragraph's <article>
    is in the stored output of some theme notebook."""
    shown = set()
    for name in THEME_NOTEBOOKS:
        cells = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] != "code" or "show_reading(" not in "".join(cell["source"]):
                continue
            html = "".join("".join(o.get("data", {}).get("text/html", "")) for o in cell["outputs"])
            shown.update(pid for pid in load_corpus().ids if f'class="rt-passage" id="{pid}"' in html)
    assert [p for p in load_corpus().ids if p not in shown] == []


@pytest.mark.parametrize("old, new, expected", [
    ("paragraphs: [dina-1, dina-2]", "paragraphs: [dina-1, dina-9]", "unknown roundtable paragraph id(s) ['dina-9']"),
    ("events: [iran-fuel-protests,", "events: [no-such-event,", "unknown event id(s) ['no-such-event']"),
    ("terms: [quds-force]", "terms: [no-such-term]", "unknown glossary id(s) ['no-such-term']"),
    ("quiz: [iran-q01, iran-q02, iran-q03]", "quiz: [iran-q01, iran-q99]", "quiz item(s) ['iran-q99'] are not in 02_iran.yaml"),
    ("prompt: iran-p01", "prompt: iran-p99", "prompt 'iran-p99' is not in 02_iran.yaml"),
    ("minutes: 12\n        events: [iran-fuel", "minutes: 1\n        events: [iran-fuel", "'minutes' is 1 but reading the part takes about"),
    ("minutes: 12\n        events: [iran-fuel", "minutes: 16\n        events: [iran-fuel", "no more than 15 minutes pass without a check"),
    ("        check:\n          quiz: [iran-q01, iran-q02, iran-q03]\n          prompt: iran-p01\n", "",
     "every part ends with a formative check"),
    ("id: iran-agenda", "id: iran-rally", "duplicate id 'iran-rally'"),
])
def test_bad_parts_are_named_with_their_file(readings_file, old, new, expected):
    rewrite(readings_file, old, new)
    message = load_error(readings_file)
    assert "readings.yaml" in message and expected in message


def test_reading_minutes_rounds_up():
    assert reading_minutes("word " * 120) == 1
    assert reading_minutes("word " * 121) == 2


def test_pacing_counts_parts_figures_and_widgets_and_resets_at_checks():
    part = load_readings()["02_iran"].part("iran-rally")
    cells = ['show_reading("02_iran", "iran-rally")', 'table(theme_event_table("02_iran"))',
             'theme_timeline("02_iran").show()', 'check_quiz("02_iran", "iran-rally")',
             'keyword_search("x")', 'compare_speakers("iran", "Dina", "Aron")', 'heatmap_chart().show()']
    found = stretches(cells)
    assert [s.minutes for s in found] == [part.minutes + FIGURE_MINUTES, 2 * EXPLORE_MINUTES + FIGURE_MINUTES]
    assert found[0].cells == (0, 2)


@pytest.mark.parametrize("name", THEME_NOTEBOOKS + ["06_synthesis", "07_forecast_audit"])
def test_a_formative_check_at_least_every_15_minutes(name):
    longest = longest_stretch(NOTEBOOKS / f"{name}.ipynb")
    assert 0 < longest.minutes <= MAX_MINUTES_WITHOUT_CHECK, longest


def stated_alone_minutes(lesson: str) -> int:
    """The "Alone: about 1 hour 45 minutes" of a lesson's opening table, in minutes."""
    row = next(line for line in lesson.splitlines() if line.startswith("| **Time** |"))
    match = re.search(r"Alone: about (?:(\d+) hours?)?\s*(?:(\d+) minutes)?", row)
    assert match and (match[1] or match[2]), row
    return int(match[1] or 0) * 60 + int(match[2] or 0)


@pytest.mark.parametrize("lesson", sorted((Path(__file__).parent.parent / "lessons").glob("*.md")), ids=lambda p: p.stem)
def test_the_stated_time_alone_is_within_a_fifth_of_the_computed_one(lesson):
    computed = lesson_time(lesson.stem)
    stated = stated_alone_minutes(lesson.read_text(encoding="utf-8"))
    assert abs(stated - computed.without_essay) <= 0.2 * computed.without_essay, (stated, computed)
    if computed.essay:
        assert "essay" in lesson.read_text(encoding="utf-8").split("| **Time** |")[1].splitlines()[0]


def test_lesson_time_counts_reading_prompts_and_quiz_items():
    time = lesson_time("02_iran")
    bank = load_bank("02_iran")
    assert time.prompts == sum(bank.prompt(pid).minutes for pid, _ in shown_prompts("02_iran"))
    assert time.quiz_items == len(bank.quiz)  # the checks and the review ask every item once
    assert time.reading >= sum(reading_minutes(load_corpus().paragraph(p)["text"])
                               for part in load_readings()["02_iran"].parts for p in part.paragraphs) // 2


@pytest.mark.parametrize("lesson", sorted((Path(__file__).parent.parent / "lessons").glob("*.md")), ids=lambda p: p.stem)
def test_every_question_shows_the_paragraphs_it_is_about(lesson):
    """A notebook stands on its own: each prompt and quiz item is about
    paragraphs the notebook shows, as a reading or, once, in its section
    "Other paragraphs the questions refer to", which the question links to."""
    from roundtable import display
    from roundtable.model.lessons import CHECK_QUIZ_CALL, QUIZ_CALL, REVIEW_CALL, read_paragraphs

    name, text = lesson.stem, lesson.read_text(encoding="utf-8")
    assert f'show_referenced_paragraphs("{name}")' in text
    readings = read_paragraphs(name)
    section = display.show_referenced_paragraphs(name).data
    shown_once = {p for p in re.findall(r'<article class="rt-passage" id="([\w-]+)"', section)}

    def check(paragraph, question_html, what):
        if paragraph in readings:
            return
        assert paragraph in shown_once, f"{what}: {paragraph} is shown nowhere in {name}"
        assert f"href='#{paragraph}'" in question_html, f"{what}: no link to {paragraph}"

    bank = load_bank(name)
    for prompt_id, number in shown_prompts(name):
        html = display.answer_box(name, prompt_id, number)._repr_mimebundle_()["text/html"]
        for paragraph in bank.prompt(prompt_id).paragraphs:
            check(paragraph, html, prompt_id)
    quizzes = ([display.check_quiz(m["notebook"], m["part"]) for m in CHECK_QUIZ_CALL.finditer(text)]
               + [display.quiz(m["notebook"], re.findall(r'"([\w-]+)"', m["items"]) if m["items"] else None)
                  for m in QUIZ_CALL.finditer(text)]
               + [display.review_quiz(m["notebook"]) for m in REVIEW_CALL.finditer(text)])
    assert quizzes, f"{name} asks no quiz"
    for quiz in quizzes:
        html = quiz._repr_mimebundle_()["text/html"]
        about = re.findall(r"\(([a-z]+-\d+)\)</blockquote>", html)
        assert about
        for paragraph in about:
            check(paragraph, html, "quiz")
