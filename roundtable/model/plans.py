"""Lesson plans (lessons/NN_name.plan.yaml): what a class does with a
notebook in 50 or 90 minutes, part by part, in order.

A plan is the one source of "How to run it in class": the notebook shows it
and the instructor edition prints it, both rendered from here, so they cannot
disagree. The minutes are the teacher's, but the loader holds them to what
each part contains:

- a part takes at least the reading time of the readings it holds (their
  context box and paragraphs, at the readings' pace) plus a minute per check
  item, plus each prompt's own minutes, a minute per quiz item, half a minute
  per blind forecast, and the role-play's time in class;
- a prompt or reading in a plan is one the notebook shows;
- a part with nothing in it (an opening, a wrap-up) is short, so no "slack"
  row can pad a plan;
- the parts add up to the class's length exactly.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..core.errors import DataError
from ..core.paths import LESSONS_DIR
from ..core.yamlfile import Entry, read_yaml, loads_data
from .corpus import load_corpus
from .exercises import load_bank
from .roleplay import load_roleplay
from .forecasts import load_forecasts
from .lessons import (ANSWER_BOX, CHECK_QUIZ_CALL, DOCUMENTS_CALL, FORECAST_MINUTES, FORECASTS_CALL, PASSAGES_CALL,
                      QUIZ_CALL, QUIZ_ITEM_MINUTES, READING_CALL, REVIEW_CALL, review_items, shown_prompts, documents_words)
from .readings import load_reading, reading_minutes

CLASS_LENGTHS = (50, 90)
#: An opening or a wrap-up holds no reading or question of its own; longer
#: than this, it is padding.
MAX_EMPTY_PART_MINUTES = 5
PART_FIELDS = ("title", "minutes", "do", "steps", "prompts", "review", "forecasts", "roleplay")
ROLEPLAY_MODES = ("full", "memo-as-homework")


@dataclass(frozen=True)
class PlanPart:
    title: str
    minutes: int
    do: str
    #: Step numbers, or the headings of other sections ("Ground rules for this discussion")
    steps: tuple[int | str, ...] = ()
    prompts: tuple[str, ...] = ()
    review: bool = False
    forecasts: bool = False
    roleplay: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.steps or self.prompts or self.review or self.forecasts or self.roleplay)


@dataclass(frozen=True)
class Plan:
    notebook: str
    minutes: int
    parts: tuple[PlanPart, ...]
    homework: str

    def prompts(self) -> list[str]:
        return [p for part in self.parts for p in part.prompts]


def part_minimum(notebook: str, part: PlanPart, lessons_dir: Path | None = None) -> int:
    """The least time a part can take, from what it holds."""
    sections = lesson_steps(notebook, lessons_dir)
    minutes = float(sum(step_minutes(notebook, sections[step_label(n)]) for n in part.steps))
    prompts = {p.id: p for p in load_bank(notebook).answerable}
    minutes += sum(prompts[p].minutes for p in part.prompts)
    if part.review:
        minutes += len(review_items(notebook)) * QUIZ_ITEM_MINUTES
    if part.forecasts:
        minutes += len(load_forecasts()) * FORECAST_MINUTES
    if part.roleplay:
        minutes += load_roleplay().minutes_in_class(memo_as_homework=part.roleplay == "memo-as-homework")
    return math.ceil(minutes)


def step_minutes(notebook: str, body: str) -> float:
    """Reading one step of a lesson: its own prose, the readings and passages
    it shows (context box and paragraphs), and a minute per check item."""
    corpus, bank = load_corpus(), load_bank(notebook)
    prose = re.sub(r"```\{code-cell\}.*?```", " ", body, flags=re.S)
    words = [prose]
    items = 0
    for match in READING_CALL.finditer(body):
        reading = load_reading(match["notebook"]).part(match["part"])
        words += [reading.context, *(corpus.paragraph(p)["text"] for p in reading.paragraphs)]
    for match in PASSAGES_CALL.finditer(body):
        words += list(corpus.filter(section=match["section"])["text"])
    for match in DOCUMENTS_CALL.finditer(body):
        words.append(documents_words(match["notebook"]))
    for match in CHECK_QUIZ_CALL.finditer(body):
        items += len(load_reading(match["notebook"]).part(match["part"]).check_quiz)
    for match in QUIZ_CALL.finditer(body):
        items += len(re.findall(r'"([\w-]+)"', match["items"])) if match["items"] is not None else len(bank.quiz)
    return reading_minutes(" ".join(words)) + items * QUIZ_ITEM_MINUTES


def plan_path(notebook: str, lessons_dir: Path | None = None) -> Path:
    return Path(lessons_dir or LESSONS_DIR) / f"{notebook}.plan.yaml"


def load_plans(notebook: str, lessons_dir: Path | None = None) -> tuple[Plan, ...]:
    """The lesson's plans, shortest class first, validated."""
    return _load_plans(notebook, Path(lessons_dir or LESSONS_DIR))


@loads_data(lambda a: plan_path(a["notebook"], a["lessons_dir"]))
@lru_cache(maxsize=32)
def _load_plans(notebook: str, lessons_dir: Path) -> tuple[Plan, ...]:
    path = plan_path(notebook, lessons_dir)
    top = Entry(path, "the plans", read_yaml(path))
    top.check_keys(("notebook", "plans"))
    if top.item.get("notebook") != notebook:
        raise top.fail(f"'notebook:' must be {notebook!r}")
    shown = {pid for pid, _ in shown_prompts(notebook, lessons_dir)}
    lesson = (lessons_dir / f"{notebook}.md").read_text(encoding="utf-8")
    steps = set(lesson_steps(notebook, lessons_dir))
    plans = []
    for index, raw in enumerate(top.mapping_list("plans")):
        entry = Entry(path, f"plan {index + 1}", raw)
        entry.check_keys(("minutes", "parts", "homework"))
        length = entry.integer("minutes")
        if length not in CLASS_LENGTHS:
            raise entry.fail(f"'minutes' must be one of {CLASS_LENGTHS}, not {length}")
        entry = Entry(path, f"the {length}-minute plan", raw)
        parts = [_read_part(path, length, number, item, shown, steps, lesson)
                 for number, item in enumerate(entry.mapping_list("parts"), 1)]
        plan = Plan(notebook, length, tuple(parts), " ".join((entry.text("homework") or "").split()))
        _check_plan(path, entry, plan)
        plans.append(plan)
    lengths = [p.minutes for p in plans]
    if sorted(lengths) != list(CLASS_LENGTHS):
        raise top.fail(f"needs one 50-minute and one 90-minute plan, found {lengths}")
    return tuple(sorted(plans, key=lambda p: p.minutes))


def _read_part(path, length, number, item, shown, steps, lesson) -> PlanPart:
    entry = Entry(path, f"the {length}-minute plan, part {number}", item)
    entry.check_keys(PART_FIELDS)
    numbers = entry.item.get("steps") or []
    if not isinstance(numbers, list) or not all(isinstance(n, (int, str)) and not isinstance(n, bool) for n in numbers):
        raise entry.fail("'steps' must be a list of step numbers or section headings, such as [2, 3]")
    for step in numbers:
        if step_label(step) not in steps:
            raise entry.fail(f"the notebook has no {step_label(step)!r}")
    prompts = tuple(entry.text_list("prompts", required=False, allow_empty=True) or ())
    for prompt in prompts:
        if prompt not in shown:
            raise entry.fail(f"prompt {prompt!r} is not one the notebook shows")
    review = bool(entry.item.get("review", False))
    forecasts = bool(entry.item.get("forecasts", False))
    if review and not REVIEW_CALL.search(lesson):
        raise entry.fail("'review: true' but the notebook has no review quiz")
    if forecasts and not FORECASTS_CALL.search(lesson):
        raise entry.fail("'forecasts: true' but the notebook has no blind forecasts")
    roleplay = entry.choice("roleplay", ROLEPLAY_MODES, required=False)
    return PlanPart(entry.text("title"), entry.integer("minutes"), " ".join(entry.text("do").split()),
                    tuple(numbers), prompts, review, forecasts, roleplay)


def _check_plan(path, entry, plan: Plan) -> None:
    seen = set()
    for number, part in enumerate(plan.parts, 1):
        where = f"the {plan.minutes}-minute plan, part {number} ({part.title!r})"
        if part.minutes <= 0:
            raise DataError(path, "minutes must be positive", where)
        if part.is_empty and part.minutes > MAX_EMPTY_PART_MINUTES:
            raise DataError(path, f"holds no reading, question or activity, so it may take at most "
                                  f"{MAX_EMPTY_PART_MINUTES} minutes, not {part.minutes}", where)
        least = part_minimum(plan.notebook, part)
        if part.minutes < least:
            raise DataError(path, f"takes {part.minutes} minutes but what it holds needs at least {least}", where)
        held = {step_label(n) for n in part.steps} | set(part.prompts)
        if seen & held:
            raise DataError(path, f"repeats {sorted(seen & held)} from an earlier part", where)
        seen |= held
    total = sum(p.minutes for p in plan.parts)
    if total != plan.minutes:
        raise entry.fail(f"its parts add up to {total} minutes, not {plan.minutes}")


# --- Where things are in the notebook -------------------------------------------

HEADING = re.compile(r"^## (?P<title>.+)$", re.M)
STEP = re.compile(r"^(Step \d+)\.")


def step_label(step: int | str) -> str:
    """How a plan names a section: 3 is "Step 3"; a heading is itself."""
    return f"Step {step}" if isinstance(step, int) else step.strip()


def lesson_steps(notebook: str, lessons_dir: Path | None = None) -> dict[str, str]:
    """Each section of the lesson, by label ("Step 3", or its heading, such
    as "Check yourself: review"), with its text."""
    return dict(_lesson_steps(notebook, Path(lessons_dir or LESSONS_DIR)))


@lru_cache(maxsize=32)
def _lesson_steps(notebook: str, lessons_dir: Path) -> tuple[tuple[str, str], ...]:
    text = (lessons_dir / f"{notebook}.md").read_text(encoding="utf-8")
    headings = list(HEADING.finditer(text))
    out = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        step = STEP.match(heading["title"])
        # "What happened next (open after the discussion)" is named without its aside.
        label = step.group(1) if step else re.sub(r"\s*\(.*\)$", "", heading["title"].strip())
        out.append((label, text[heading.end():end]))
    return tuple(out)


def lesson_sections(notebook: str, lessons_dir: Path | None = None) -> dict[str, str]:
    """Prompt ids, "review" and "forecasts" → the label of the section that shows them."""
    where = {}
    for label, body in lesson_steps(notebook, lessons_dir).items():
        for match in ANSWER_BOX.finditer(body):
            where.setdefault(match["prompt"], label)
        if REVIEW_CALL.search(body):
            where.setdefault("review", label)
        if FORECASTS_CALL.search(body):
            where.setdefault("forecasts", label)
    return where
