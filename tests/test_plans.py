"""One plan per lesson (lessons/NN_name.plan.yaml): the notebook and the
instructor edition print the same plan, and its minutes are held to what each
part contains."""
from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from roundtable.core.errors import DataError
from roundtable.model.lessons import shown_prompts
from roundtable.model.plans import MAX_EMPTY_PART_MINUTES, load_plans, part_minimum
from roundtable.model.units import load_units
from roundtable.tooling.build import lesson_paths
from roundtable.views.planviews import plans_html, plans_markdown

REPO = Path(__file__).parent.parent
LESSONS = [p.stem for p in lesson_paths() if p.parent.name == "lessons"]


def _words(text: str) -> list[str]:
    """The words a reader sees, markup aside."""
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"[*|]|\\\|", " ", text).replace("---:", " ").replace("---", " ")
    return re.findall(r"[\w’'–.,;:()“”\"]+", text)


@pytest.mark.parametrize("notebook", LESSONS)
def test_each_lesson_has_a_50_and_a_90_minute_plan_that_fill_the_class(notebook):
    plans = load_plans(notebook)
    assert [p.minutes for p in plans] == [50, 90]
    for plan in plans:
        assert sum(part.minutes for part in plan.parts) == plan.minutes
        for part in plan.parts:
            assert part.minutes >= part_minimum(notebook, part), (plan.minutes, part.title)
            assert not part.is_empty or part.minutes <= MAX_EMPTY_PART_MINUTES, part.title
            assert "slack" not in part.title.lower()
        assert set(plan.prompts()) <= {pid for pid, _ in shown_prompts(notebook)}


@pytest.mark.parametrize("notebook", LESSONS)
def test_the_notebook_and_the_instructor_edition_show_the_same_plan(notebook, tmp_path):
    """The committed notebook's plan cell and the instructor edition's file say
    the same words in the same order."""
    from roundtable.tooling.instructor import build_instructor_edition

    cells = json.loads((REPO / "notebooks" / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    shown = [("".join(o["data"]["text/html"])) for c in cells if "instructor" in c.get("metadata", {}).get("tags", [])
             for o in c.get("outputs", []) if "text/html" in o.get("data", {})]
    assert len(shown) == 1, "one plan cell, tagged for the instructor"
    build_instructor_edition(tmp_path)
    edition = (tmp_path / f"{notebook}.md").read_text(encoding="utf-8")
    printed = edition.split("## Lesson plans", 1)[1].split("## Discussion prompts", 1)[0]
    printed = printed.split("\n", 3)[3]  # after the sentence that points to the notebook
    assert _words(shown[0]) == _words(printed)
    assert shown[0] == plans_html(notebook) and plans_markdown(notebook) in edition


def test_the_notebook_does_not_say_how_to_run_it_in_class_a_second_time():
    for notebook in LESSONS:
        text = (REPO / "lessons" / f"{notebook}.md").read_text(encoding="utf-8")
        assert "**How to run it in class" not in text, notebook
        assert "In class: 50 or 90 minutes (plans under “For the instructor”)" in text, notebook


def _plan_error(tmp_path, old: str, new: str, notebook: str = "02_iran") -> str:
    lessons = tmp_path / "lessons"
    shutil.copytree(REPO / "lessons", lessons)
    path = lessons / f"{notebook}.plan.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_plans(notebook, lessons)
    return str(error.value)


@pytest.mark.parametrize("old, new, expected", [
    # a part shorter than what it holds
    ("        minutes: 20\n        steps: [2, 3, 4]", "        minutes: 10\n        steps: [2, 3, 4]",
     "the 50-minute plan, part 2 ('Dina, Michael and Dahlia on Iran'): takes 10 minutes but what it holds needs at least 15"),
    # padding: an empty part longer than an opening
    ("      - title: Opening\n        minutes: 3\n", "      - title: Slack\n        minutes: 13\n",
     "holds no reading, question or activity, so it may take at most 5 minutes, not 13"),
    # a prompt the notebook never shows
    ("prompts: [iran-p01]", "prompts: [iran-p02]", "prompt 'iran-p02' is not one the notebook shows"),
    ("steps: [2, 3, 4]", "steps: [2, 3, 9]", "the notebook has no 'Step 9'"),
    ("  - minutes: 90\n", "  - minutes: 75\n", "'minutes' must be one of (50, 90), not 75"),
    ("notebook: 02_iran", "notebook: 03_iraq", "'notebook:' must be '02_iran'"),
])
def test_a_bad_plan_is_refused_with_its_file_part_and_reason(tmp_path, old, new, expected):
    message = _plan_error(tmp_path, old, new)
    assert "02_iran.plan.yaml" in message and expected in message


def test_a_plan_whose_parts_do_not_add_up_is_refused(tmp_path):
    message = _plan_error(tmp_path, "        minutes: 12\n        prompts: [iran-p03]",
                          "        minutes: 14\n        prompts: [iran-p03]")
    assert "the 50-minute plan: its parts add up to 52 minutes, not 50" in message


def test_quiz_time_scales_with_the_number_of_items():
    from roundtable.model.plans import PlanPart

    one = part_minimum("06_synthesis", PlanPart("x", 1, "", steps=(2,)))
    assert part_minimum("06_synthesis", PlanPart("x", 1, "", steps=(2, 3))) >= one + 8  # Step 3 asks 8 items
    assert part_minimum("02_iran", PlanPart("x", 1, "", review=True)) == 10  # ten review items


def test_the_plans_mark_what_is_left_for_homework_or_optional():
    html = plans_html("02_iran")
    assert "Questions this class leaves out</strong> (set them as homework, or leave them optional): " \
           "Question 2.2 (Step 3), Question 2.3 (Step 4), Question 2.5 (Step 6), Question 2.6 (Step 8)." in html


def test_every_unit_session_uses_a_real_plan_and_the_role_play_precedes_the_escalation_reading():
    units = {u.id: u for u in load_units()}
    assert set(units) == {"pair", "two-weeks"}
    assert [s.plan.minutes for s in units["pair"].sessions] == [50, 90]
    for unit in units.values():
        for session in unit.sessions:
            assert session.before and session.after
        # The blind forecasts (07, Steps 2 and 3) come before the first class.
        assert "blind forecasts" in unit.sessions[0].before
        # The 90-minute class on 05 holds the role-play, before anyone reads michael-2 to michael-4 (Step 5).
        session = next(s for s in unit.sessions if s.plan.notebook == "05_assassination_strategy")
        assert session.plan.minutes == 90
        parts = session.plan.parts
        roleplay = next(i for i, p in enumerate(parts) if p.roleplay)
        escalation = next(i for i, p in enumerate(parts) if 5 in p.steps)
        assert roleplay < escalation
        assert "memo" in session.before
