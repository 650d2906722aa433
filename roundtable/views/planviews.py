"""A lesson's plans as the notebook shows them (HTML) and as the instructor
edition prints them (Markdown), from one list of rows, so the two can never
say different things."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..model.exercises import load_bank
from ..model.lessons import shown_prompts
from ..model.plans import Plan, lesson_sections, lesson_steps, load_plans, part_minimum, step_label
from .render import inline_markdown_html, markdown_text


@dataclass(frozen=True)
class PlanRow:
    start: int
    minutes: int
    title: str
    where: str
    holds: str
    do: str

    @property
    def clock(self) -> str:
        return f"{self.start}–{self.start + self.minutes}"


def _span(labels: list[str]) -> str:
    """"Steps 2–4" for consecutive steps, else the labels joined."""
    unique = list(dict.fromkeys(labels))
    numbers = [int(label.split()[1]) for label in unique if label.startswith("Step ")]
    if unique and len(numbers) == len(unique):
        if len(numbers) == 1:
            return f"Step {numbers[0]}"
        if numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"Steps {numbers[0]}–{numbers[-1]}"
        return "Steps " + ", ".join(map(str, numbers))
    return "; ".join(label if label.startswith("Step ") else f"“{label}”" for label in unique)


def _order(notebook: str):
    labels = list(lesson_steps(notebook))
    return labels.index


def plan_rows(plan: Plan) -> list[PlanRow]:
    sections = lesson_sections(plan.notebook)
    numbers = dict(shown_prompts(plan.notebook))
    prompts = {p.id: p for p in load_bank(plan.notebook).answerable}
    rows, clock = [], 0
    for part in plan.parts:
        keys = list(part.prompts) + (["review"] if part.review else []) + (["forecasts"] if part.forecasts else [])
        labels = sorted({step_label(n) for n in part.steps} | {sections[k] for k in keys if k in sections},
                        key=_order(plan.notebook))
        where = _span(labels)
        holds = []
        holds += [f"Question {numbers[p]} ({prompts[p].format.replace('-', ' ')}, {prompts[p].minutes} min)"
                  for p in part.prompts]
        if part.review:
            holds.append("the review quiz")
        if part.forecasts:
            holds.append("the blind forecasts")
        if part.roleplay:
            holds.append("the role-play" + (" (memos written at home)" if part.roleplay == "memo-as-homework" else ""))
        if not part.is_empty:
            holds.append(f"needs at least {part_minimum(plan.notebook, part)} min")
        if where.strip("“”") == part.title:  # a section the part is named after: say it once
            where = ""
        rows.append(PlanRow(clock, part.minutes, part.title, where, "; ".join(holds), part.do))
        clock += part.minutes
    return rows


def left_for_later(plan: Plan) -> list[str]:
    """The notebook's questions this plan leaves out of class: homework, or optional."""
    in_class = set(plan.prompts())
    sections = lesson_sections(plan.notebook)
    return [f"Question {number} ({sections.get(pid, '')})" for pid, number in shown_prompts(plan.notebook)
            if pid not in in_class]


#: JupyterLab right-aligns table cells, and strips <style> from a notebook
#: not yet run (it is not trusted); inline styles survive its sanitizer.
CELL = "style='text-align:left;vertical-align:top'"
NUMBER = "style='text-align:right;vertical-align:top;white-space:nowrap'"


def plans_html(notebook: str) -> str:
    out = ["<div class='rt-plans'>"]
    for plan in load_plans(notebook):
        out.append(f"<h3>How to run it in class: {plan.minutes} minutes</h3>")
        out.append(f"<table class='rt-plan'><thead><tr><th scope='col' {NUMBER}>minutes</th><th scope='col' {NUMBER}>"
                   f"clock</th><th scope='col' {CELL}>part</th><th scope='col' {CELL}>what the class does</th></tr>"
                   "</thead><tbody>")
        for row in plan_rows(plan):
            where = f" ({escape(row.where)})" if row.where else ""
            holds = f"<br><em>{escape(row.holds)}.</em>" if row.holds else ""
            out.append(f"<tr><td {NUMBER}>{row.minutes}</td><td {NUMBER}>{row.clock}</td><td {CELL}>"
                       f"<strong>{escape(row.title)}</strong>{where}</td><td {CELL}>{inline_markdown_html(row.do)}{holds}</td></tr>")
        out.append("</tbody></table>")
        later = left_for_later(plan)
        if plan.homework:
            out.append(f"<p><strong>Homework.</strong> {inline_markdown_html(plan.homework)}</p>")
        if later:
            out.append(f"<p><strong>Questions this class leaves out</strong> (set them as homework, or leave them "
                       f"optional): {escape(', '.join(later))}.</p>")
    out.append("</div>")
    return "".join(out)


def _md(text: str) -> str:
    return markdown_text(text, in_table=True)


def plans_markdown(notebook: str) -> str:
    out = []
    for plan in load_plans(notebook):
        out += [f"### How to run it in class: {plan.minutes} minutes", "",
                "| minutes | clock | part | what the class does |", "|---:|---|---|---|"]
        for row in plan_rows(plan):
            where = f" ({_md(row.where)})" if row.where else ""
            holds = f"<br>*{_md(row.holds)}.*" if row.holds else ""
            out.append(f"| {row.minutes} | {row.clock} | **{_md(row.title)}**{where} | {_md(row.do)}{holds} |")
        out.append("")
        later = left_for_later(plan)
        if plan.homework:
            out += [f"**Homework.** {_md(plan.homework)}", ""]
        if later:
            out += [f"**Questions this class leaves out** (set them as homework, or leave them optional): "
                    f"{_md(', '.join(later))}.", ""]
    return "\n".join(out).rstrip() + "\n"
