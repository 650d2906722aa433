"""The class's written answers, for every notebook: read from the students'
Markdown exports in one folder and shown prompt by prompt, each student's
answer side by side, exit tickets first, in the notebook's own numbering.
Runs on the instructor's side only (`make class-view`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..core.errors import DataError
from ..model.exercises import load_bank
from ..model.lessons import shown_prompts
from ..views.render import inline_markdown_html
from .classview import read_exports, shown_name, student_key
from .quizrecord import QUIZ_SECTION, quiz_score


@dataclass
class ClassAnswers:
    #: notebook → student → (exported stamp, {prompt id: answer})
    notebooks: dict[str, dict[str, tuple[str, dict[str, str]]]] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def read_class_answers(folder: Path | str) -> ClassAnswers:
    """Every readable export in the folder, the latest per student; exports
    of unknown notebooks and older ones are listed with why."""
    found = ClassAnswers()
    # Files that are no export at all are listed once, by the forecast part of the view.
    exports, _, _ = read_exports(folder)
    for path, export in exports:
        try:
            shown_prompts(export.notebook)
        except DataError:  # an export naming a notebook this collection does not have
            found.skipped.append((shown_name(path.name), f"names notebook {shown_name(export.notebook)!r}, which is not in this collection"))
            continue
        students = found.notebooks.setdefault(export.notebook, {})
        student = student_key(export, path)
        if student in students and students[student][0] >= export.exported:
            found.skipped.append((shown_name(path.name), f"an older export by {student}"))
            continue
        students[student] = (export.exported, export.answers)
    return found


def prompt_order(notebook: str) -> list[tuple[str, str]]:
    """(prompt id, number) as the notebook shows them, exit tickets first."""
    bank = load_bank(notebook)
    shown = shown_prompts(notebook)
    tickets = [p for p in shown if bank.prompt(p[0]).format == "exit-ticket"]
    return tickets + [p for p in shown if p not in tickets]


def class_answers_html(folder: Path | str) -> str:
    found = read_class_answers(folder)
    out = ["<h2>Written answers, notebook by notebook</h2>",
           "<p>Each question as the notebook numbers it, exit tickets first, and each student's latest "
           "export side by side. Answers are shown as typed (as text, never as HTML).</p>"]
    for notebook in sorted(found.notebooks):
        students = found.notebooks[notebook]
        names = sorted(students)
        bank = load_bank(notebook)
        out.append(f"<h3>{escape(notebook)} ({len(names)} student{'s' if len(names) != 1 else ''})</h3>")
        scores = [quiz_score(students[s][1].get(QUIZ_SECTION)) for s in names]
        cells = "".join(f"<td style='text-align:start'>{f'{sc[0]} of {sc[1]} right' if sc else '(no quiz item tried)'}</td>"
                        for sc in scores)
        heads = "".join(f"<th scope='col' style='text-align:start'>{escape(s)}</th>" for s in names)
        out.append(f"<h4>Quiz, first tries</h4><table><thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr></tbody></table>")
        for prompt_id, number in prompt_order(notebook):
            prompt = bank.prompt(prompt_id)
            kind = " · exit ticket" if prompt.format == "exit-ticket" else ""
            cells = "".join(
                f"<td dir='auto' style='text-align:start;vertical-align:top;white-space:pre-wrap'>"
                f"{escape(students[s][1].get(prompt_id, '').strip()) or '<em>(no answer)</em>'}</td>" for s in names)
            heads = "".join(f"<th scope='col' style='text-align:start'>{escape(s)}</th>" for s in names)
            out.append(f"<h4>Question {escape(number)}{kind}</h4><p>{inline_markdown_html(prompt.question)}</p>"
                       f"<table><thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr></tbody></table>")
    if found.skipped:
        out.append("<h3>Files not read</h3><ul>" + "".join(
            f"<li><code>{escape(name)}</code>: {escape(reason)}</li>" for name, reason in found.skipped) + "</ul>")
    return "".join(out)
