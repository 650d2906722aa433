"""Thin wrappers that turn package results into notebook output."""
from __future__ import annotations

from IPython.display import HTML, Markdown

from .core.paths import REPO_ROOT
from .model.corpus import load_corpus
from .model.exercises import load_bank
from .model.forecasts import FORECAST_NOTEBOOK, forecast_questions
from .model.glossary import load_glossary
from .model.groundrules import ground_rules
from .model.readings import load_reading, load_readings
from .views.render import passages_html
from .views.tables import table
from .views.themeviews import next_events_static, reading_html
from .widgets.exercise_widgets import (
    AnswerBox,
    QuizWidget,
    prompt_html,
    quiz_static_html,
)
from .work.answers import AnswerStore
from .work.exports import export_answers


def show_passages(speaker=None, theme=None, section=None, ids=None, glossary=True) -> HTML:
    """Display roundtable paragraphs, filtered, with glossary terms marked."""
    corpus = load_corpus()
    frame = corpus.filter(speaker=speaker, theme=theme, section=section)
    if ids is not None:
        frame = frame[frame["id"].isin(ids)]
    return HTML(passages_html(frame, load_glossary() if glossary else None))


def show_ground_rules():
    """The ground rules (data/ground_rules.md) as Markdown output."""
    return Markdown(ground_rules())


def show_prompt(notebook: str, prompt_id: str, number: str) -> HTML:
    """A discussion prompt as students see it (no facilitation notes): the
    static companion of its answer box."""

    return HTML(prompt_html(load_bank(notebook).prompt(prompt_id), number))


def answer_box(notebook: str, prompt_id: str):
    """A live answer box for one prompt; the answer saves as it is typed."""

    return AnswerBox(notebook, load_bank(notebook).prompt(prompt_id)).widget()


def quiz(notebook: str, items=None):
    """The notebook's self-check quiz (or some of its items) as a live widget."""

    return QuizWidget(load_bank(notebook).quiz_items(items)).widget()


def quiz_static(notebook: str, items=None) -> HTML:
    """The same quiz for readers without a kernel: answers folded away."""

    return HTML(quiz_static_html(load_bank(notebook).quiz_items(items)))


def show_reading(notebook: str, part_id: str) -> HTML:
    """A part of a theme notebook: context box in our words, then the passages."""

    return HTML(reading_html(notebook, part_id))


def check_quiz(notebook: str, part_id: str):
    """The quiz items that close a reading part, as a live widget."""

    return quiz(notebook, load_reading(notebook).part(part_id).check_quiz)


def check_quiz_static(notebook: str, part_id: str) -> HTML:
    return quiz_static(notebook, load_reading(notebook).part(part_id).check_quiz)


def show_rubric(notebook: str) -> HTML:
    """The closing essay's rubric as a table."""

    return table(load_bank(notebook).essay.rubric_table())


def review_items(notebook: str) -> list[str]:
    """Quiz items that no reading part uses as its check: the end-of-notebook review."""

    readings = load_readings()
    used = {q for part in readings[notebook].parts for q in part.check_quiz} if notebook in readings else set()
    return [q.id for q in load_bank(notebook).quiz if q.id not in used]


def review_quiz(notebook: str):
    """The review quiz as a live widget."""
    return quiz(notebook, review_items(notebook))


def review_quiz_static(notebook: str) -> HTML:
    return quiz_static(notebook, review_items(notebook))


def show_next_events(notebook: str) -> HTML:
    """What happened next, folded away until opened (the toggle's companion)."""

    return HTML(next_events_static(notebook))


def export_my_answers(notebook: str, student: str = "student") -> str:
    """Write this notebook's answers to Markdown and HTML for handing in."""
    extra = forecast_questions() if notebook == FORECAST_NOTEBOOK else None
    md, html = export_answers(AnswerStore(student=student), load_bank(notebook), extra_questions=extra)
    where = lambda p: p.relative_to(REPO_ROOT) if p.is_relative_to(REPO_ROOT) else p  # noqa: E731
    return f"Written: {where(md)} and {where(html)}"


