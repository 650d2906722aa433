"""Exports for handing in: one student's answers for one notebook, written
to Markdown and to HTML in `my-work/exports/`.

The Markdown export can be read back (`read_markdown_export`), which the
round-trip test and the instructor's class view rely on: each answer sits in
a fence of tildes longer than any run of tildes inside it, so no answer can
close its own fence.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..core.paths import work_dir
from .answers import AnswerStore

HEADER = re.compile(r"^# Answers: (?P<notebook>\S+)\n\nstudent: (?P<student>.*)\nexported: (?P<exported>.*)\n")
ANSWER = re.compile(r"^## (?P<prompt>\S+)\n(?:.*?\n)??(?P<fence>~{4,})\n(?P<text>.*?)\n(?P=fence)$",
                    re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Export:
    notebook: str
    student: str
    exported: str
    answers: dict[str, str]


def _safe_name(text: str) -> str:
    cleaned = re.sub(r"[^\w-]+", "-", text, flags=re.UNICODE).strip("-")
    return cleaned[:60] or "student"


def export_answers(store: AnswerStore, bank, directory: Path | None = None,
                   extra_questions: dict[str, str] | None = None) -> tuple[Path, Path]:
    """Write the student's answers for `bank`'s notebook; return both paths.
    `extra_questions` adds answers that are not prompts of the bank (the
    forecasts of notebook 07), by id and question text, after the prompts."""
    directory = Path(directory) if directory else work_dir() / "exports"
    directory.mkdir(parents=True, exist_ok=True)
    saved = {a.prompt_id: a for a in store.answers(bank.notebook)}
    questions = {p.id: p.question for p in bank.answerable}
    extra = {k: v for k, v in (extra_questions or {}).items() if k not in questions}
    questions.update(extra)
    order = [p.id for p in bank.answerable] + list(extra) + sorted(set(saved) - set(questions))
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    markdown = [f"# Answers: {bank.notebook}", "", f"student: {store.student}", f"exported: {stamp}", ""]
    html = [f"<!DOCTYPE html><html lang='en'><meta charset='utf-8'><title>Answers: {escape(bank.notebook)}</title>",
            f"<h1>Answers: {escape(bank.notebook)}</h1><p>Student: {escape(store.student)}<br>Exported: {stamp}</p>"]
    for prompt_id in order:
        answer = saved.get(prompt_id)
        text = answer.text if answer else ""
        fence = "~" * max(4, 1 + max((len(run) for run in re.findall(r"~+", text)), default=0))
        markdown += [f"## {prompt_id}", f"**Question.** {questions.get(prompt_id, '(prompt no longer in the bank)')}",
                     fence, text, fence, ""]
        html.append(f"<section data-prompt='{escape(prompt_id)}'><h2>{escape(prompt_id)}</h2>"
                    f"<p><strong>Question.</strong> {escape(questions.get(prompt_id, ''))}</p>"
                    f"<pre style='white-space:pre-wrap'>{escape(text) if answer else '<em>(no answer)</em>'}</pre></section>")
    html.append("</html>")
    base = directory / f"{bank.notebook}-{_safe_name(store.student)}"
    md_path, html_path = base.with_suffix(".md"), base.with_suffix(".html")
    md_path.write_text("\n".join(markdown), encoding="utf-8")
    html_path.write_text("\n".join(html), encoding="utf-8")
    return md_path, html_path


def read_markdown_export(path: Path | str) -> Export:
    """Read an export back; raises ValueError naming the file if it is not one."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path.name}: cannot be read as UTF-8 text ({exc})") from None
    header = HEADER.match(text)
    if not header:
        raise ValueError(f"{path.name}: not an answers export (it does not start with '# Answers: <notebook>')")
    answers = {m.group("prompt"): m.group("text") for m in ANSWER.finditer(text, header.end())}
    return Export(header.group("notebook"), header.group("student"), header.group("exported"), answers)
