"""Exports for handing in: one student's answers for one notebook, written
to Markdown and to HTML in `my-work/exports/`.

It lists exactly the prompts the notebook shows, in its order and with its
numbers, under the student's name and a short id (the file name carries both,
so two students never overwrite each other's file). The Markdown export can be read back (`read_markdown_export`), which the
round-trip test and the instructor's class view rely on: each answer sits in
a fence of tildes longer than any run of tildes inside it, so no answer can
close its own fence.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..core.paths import work_dir
from ..model.exercises import load_bank
from ..model.forecasts import FORECAST_NOTEBOOK, forecast_questions, load_forecasts
from ..model.lessons import shown_prompts
from ..views.render import inline_markdown_html
from .answers import AnswerStore
from .forecastrecord import scores_appendix
from .quizrecord import quiz_appendix
from .identity import name_slug, short_id

HEADER_LINE = re.compile(r"# Answers: (?P<notebook>\S+)")
SECTION_LINE = re.compile(r"## (?P<prompt>\S+)")
FENCE_LINE = re.compile(r"~{4,}")


class NoName(ValueError):
    """The student has not given a name yet: an export would not say whose it is."""


@dataclass(frozen=True)
class Export:
    notebook: str
    student: str
    exported: str
    answers: dict[str, str]
    student_id: str = ""
    #: Sections that appear more than once (the first is kept; the class view reports them).
    duplicates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    """One item of an export: where its answer is stored, its label as the
    notebook shows it ("Question 2.1"), and its text (Markdown)."""
    id: str
    label: str
    text: str


def export_answers(store: AnswerStore, notebook: str, questions: list[Question], directory: Path | None = None,
                   appendix: tuple[str, str] | None = None) -> tuple[Path, Path]:
    """Write the student's answers to `questions` (exactly those, in that
    order); return both paths. `appendix` is (Markdown, HTML) added at the
    end (notebook 07's scores). Raises NoName before anything is written if
    the student has not given a name."""
    # Read first: a store that cannot be read says why (StoreProblem), rather
    # than looking like a student who has not given a name.
    saved = {a.prompt_id: a for a in store.answers(notebook)}
    name = store.name()
    if name is None:
        raise NoName("Give your name or a pseudonym first (Step 1 of the notebook), so that your instructor "
                     "knows whose answers these are. Then export again.")
    directory = Path(directory) if directory else work_dir() / "exports"
    directory.mkdir(parents=True, exist_ok=True)
    ident = short_id(store.student)
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    markdown = [f"# Answers: {notebook}", "", f"student: {name}", f"student id: {ident}", f"exported: {stamp}", ""]
    html = [f"<!DOCTYPE html><html lang='en'><meta charset='utf-8'><title>Answers: {escape(notebook)}</title>",
            f"<h1>Answers: {escape(notebook)}</h1><p>Student: <span dir='auto'>{escape(name)}</span> "
            f"(id {escape(ident)})<br>Exported: {stamp}</p>"]
    for question in questions:
        answer = saved.get(question.id)
        text = answer.text if answer else ""
        fence = "~" * max(4, 1 + max((len(run) for run in re.findall(r"~+", text)), default=0))
        markdown += [f"## {question.id}", f"**{question.label}.** {question.text}", fence, text, fence, ""]
        shown = (f"<div dir='auto' style='white-space:pre-wrap'>{escape(text)}</div>" if answer and text.strip()
                 else "<p><em>(no answer)</em></p>")
        html.append(f"<section data-prompt='{escape(question.id)}'><h2>{escape(question.label)}</h2>"
                    f"<p>{inline_markdown_html(question.text)}</p>{shown}</section>")
    if appendix:
        markdown += [appendix[0], ""]
        html.append(appendix[1])
    html.append("</html>")
    base = directory / f"{notebook}-{name_slug(name)}-{ident}"
    md_path, html_path = base.with_suffix(".md"), base.with_suffix(".html")
    md_path.write_text("\n".join(markdown), encoding="utf-8")
    html_path.write_text("\n".join(html), encoding="utf-8")
    return md_path, html_path


def read_markdown_export(path: Path | str) -> Export:
    """Read an export back; raises ValueError naming the file if it is not one."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path.name}: cannot be read as UTF-8 text ({exc})") from None
    return parse_export(text, path.name)


def parse_export(text: str, name: str) -> Export:
    """An export from its text, line by line, in time linear in its length
    (a crafted file cannot make it backtrack). A byte-order mark and Windows
    line ends are accepted. Each answer is the text between a fence of four
    or more tildes and the next line that is exactly the same fence. A
    section that appears twice keeps its first answer and is listed in
    `duplicates`. Raises ValueError naming `name` if the text is no export."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    header = HEADER_LINE.fullmatch(lines[0])
    fields = _header_fields(lines)
    if not header or fields is None:
        raise ValueError(f"{name}: not an answers export (it does not start with '# Answers: <notebook>', "
                         "then the student's name and the export's date)")
    (student, ident, exported), start = fields
    # Where each fence line is, once, so that finding a fence's end is a lookup, not a scan.
    fences: dict[str, list[int]] = {}
    for number, line in enumerate(lines):
        if FENCE_LINE.fullmatch(line):
            fences.setdefault(line, []).append(number)
    answers: dict[str, str] = {}
    duplicates: list[str] = []
    number = start
    while number < len(lines):
        section = SECTION_LINE.fullmatch(lines[number])
        number += 1
        if not section:
            continue
        # The fence follows the heading directly, or after the question's one line.
        opening = next((n for n in (number, number + 1) if n < len(lines) and FENCE_LINE.fullmatch(lines[n])), None)
        if opening is None:
            continue
        positions = fences[lines[opening]]
        closing = positions[bisect.bisect_right(positions, opening)] if positions[-1] > opening else None
        if closing is None:
            continue
        prompt = section["prompt"]
        if prompt in answers:
            duplicates.append(prompt)
        else:
            answers[prompt] = "\n".join(lines[opening + 1:closing])
        number = closing + 1
    return Export(header["notebook"], student, exported, answers, ident, tuple(dict.fromkeys(duplicates)))


def _header_fields(lines: list[str]) -> tuple[tuple[str, str, str], int] | None:
    """(student, student id, exported) and the line after the header, or None."""
    if len(lines) < 4 or lines[1] != "" or not lines[2].startswith("student: "):
        return None
    student, number, ident = lines[2][len("student: "):], 3, ""
    if lines[number].startswith("student id: ") and re.fullmatch(r"\S+", lines[number][len("student id: "):]):
        ident, number = lines[number][len("student id: "):], number + 1
    if number >= len(lines) or not lines[number].startswith("exported: "):
        return None
    return (student, ident, lines[number][len("exported: "):]), number + 1


def notebook_questions(notebook: str) -> list[Question]:
    """What a notebook asks, in its order: for the forecast audit, the blind
    forecasts first (Step 3 comes before any prompt), then every prompt the
    lesson shows, with the number it shows."""
    bank = load_bank(notebook)
    questions = []
    if notebook == FORECAST_NOTEBOOK:
        texts = forecast_questions()
        questions += [Question(f.answer_id, f"Forecast, claim {n}", texts[f.answer_id])
                      for n, f in enumerate(load_forecasts(), 1)]
    questions += [Question(pid, f"Question {number}", bank.prompt(pid).question) for pid, number in shown_prompts(notebook)]
    return questions


def export_notebook(store: AnswerStore, notebook: str, directory: Path | None = None) -> tuple[Path, Path]:
    """The export of one notebook as the student hands it in (see export_answers)."""
    parts = [part for part in (quiz_appendix(store, notebook),
                               scores_appendix(store) if notebook == FORECAST_NOTEBOOK else None) if part]
    appendix = ("\n\n".join(p[0] for p in parts), "".join(p[1] for p in parts)) if parts else None
    return export_answers(store, notebook, notebook_questions(notebook), directory, appendix)
