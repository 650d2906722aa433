"""Widgets for exercises (ipywidgets 8): an answer box that saves as the
student types, and a quiz with feedback in words and symbols.

Right and wrong are told by a symbol and a word (✓ Right / ✗ Not quite), never
by colour alone. Every control has a label and works from the keyboard: Tab
to the options, arrow keys to choose, Enter or Space on the button. Each
quiz question is a radio group named by the question (`keyboard.ChoiceGroup`).
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

import ipywidgets as w

from ..core.paths import work_dir
from ..model.exercises import Bank, Prompt, QuizItem
from ..views.render import inline_markdown_html
from ..work.answers import AnswerStore, StoreProblem, explain_failure
from ..work.debounce import Debouncer, flush_all
from ..work.exports import NoName, export_notebook
from ..work.quizrecord import first_tries, record_first_try
from .keyboard import ChoiceGroup

FULL = w.Layout(width="95%")


def prompt_html(prompt: Prompt, number: str | None = None) -> str:
    """The prompt as students see it: no facilitation notes."""
    label = f"Question {number}" if number else "Question"
    refs = ", ".join(prompt.paragraphs)
    return (f"<p><strong>{escape(label)}</strong> ({escape(prompt.format.replace('-', ' '))}, "
            f"about {prompt.minutes} min; see {escape(refs)})</p><p>{inline_markdown_html(prompt.question)}</p>")


class AnswerBox:
    """A text box bound to one prompt; what is typed is saved as it is typed
    (at most once a second while typing, see work/debounce.py)."""

    def __init__(self, notebook: str, prompt: Prompt, store: AnswerStore | None = None, number: str | None = None,
                 references: str = ""):
        self.notebook, self.prompt = notebook, prompt
        self.store = store or AnswerStore()
        self.saver = Debouncer(self._save)
        saved = self.store.load(notebook, prompt.id)
        self.text = w.Textarea(value=saved or "", placeholder="Type your answer here; it is saved as you type.",
                               description=f"Your answer ({prompt.id})", style={"description_width": "initial"},
                               layout=w.Layout(width="95%", height="8em"), continuous_update=True)
        self.status = w.HTML()
        self.notice = w.HTML()
        if self.store.notice:
            self.notice.value = f"<p>⚠ <strong>Note:</strong> {escape(self.store.notice)}</p>"
        if saved:
            self._show_status(f"Loaded your saved answer ({len(saved):,} characters).", ok=True)
        else:  # neither done nor wrong: no check mark
            self.status.value = "<p role='status'>ℹ Nothing saved yet.</p>"
        self.text.observe(self.on_change, names="value")
        self.header = w.HTML(prompt_html(prompt, number) + references)

    def on_change(self, change=None) -> None:
        if not self.saver.push(self.text.value):
            self.status.value = "<p role='status'>✎ Saving…</p>"

    def _save(self, text: str) -> None:
        result = self.store.save(self.notebook, self.prompt.id, text)
        if self.store.notice and not self.notice.value:
            self.notice.value = f"<p>⚠ <strong>Note:</strong> {escape(self.store.notice)}</p>"
        self._show_status(result.message, ok=result.ok)

    def _show_status(self, message: str, ok: bool) -> None:
        symbol = "✓" if ok else "⚠"
        self.status.value = f"<p role='status'>{symbol} {escape(message)}</p>"

    def widget(self) -> w.Widget:
        return w.VBox([self.header, self.notice, self.text, self.status])


class QuizWidget:
    """Quiz items one under another, feedback on each check, and a score."""

    def __init__(self, items: list[QuizItem], references: dict[str, str] | None = None, notebook: str | None = None,
                 store: AnswerStore | None = None):
        self.items = list(items)
        #: item id → the paragraph the item is about, folded, where the notebook does not show it
        self.references = references or {}
        # With a notebook, first tries are kept in the answer store (and exported), and come back on reopening.
        self.notebook = notebook
        self.store = store if store is not None or notebook is None else AnswerStore()
        ids = {item.id for item in self.items}
        self.first_try: dict[str, bool] = ({k: v for k, v in first_tries(self.store, notebook).items() if k in ids}
                                           if notebook else {})
        self.choices, self.buttons, self.feedback = [], [], []
        for number, item in enumerate(self.items, 1):
            choice = ChoiceGroup(label=f"{number}. {item.question}", note_html=self.references.get(item.id, ""),
                                 options=[o.text for o in item.shuffled_options], layout=FULL)
            button = w.Button(description=f"Check answer {number}", tooltip="Check this answer",
                              layout=w.Layout(width="auto", align_self="flex-start"))
            button.on_click(lambda _button, index=number - 1: self.check(index))
            self.choices.append(choice)
            self.buttons.append(button)
            self.feedback.append(w.HTML())
        self.score = w.HTML(self._score_text())

    def check(self, index: int) -> None:
        item, choice = self.items[index], self.choices[index]
        if choice.value is None:
            self.feedback[index].value = "<p>ℹ Choose an option first.</p>"
            return
        option = next(o for o in item.options if o.text == choice.value)
        if item.id not in self.first_try and self.notebook:
            record_first_try(self.store, self.notebook, item.id, option.text, option.correct)
        self.first_try.setdefault(item.id, option.correct)
        self.feedback[index].value = feedback_html(item, option)
        self.score.value = self._score_text()

    def _score_text(self) -> str:
        tried = len(self.first_try)
        right = sum(self.first_try.values())
        done = " All questions answered." if tried == len(self.items) else ""
        return (f"<p role='status'><strong>Score:</strong> {right} of {tried} right at the first try "
                f"({len(self.items) - tried} not yet answered).{done}</p>")

    def widget(self) -> w.Widget:
        rows = [w.VBox([choice, button, feedback])
                for choice, button, feedback in zip(self.choices, self.buttons, self.feedback)]
        box = w.VBox(rows + [self.score])
        box.add_class("rt-quiz")
        return box


def feedback_html(item: QuizItem, option) -> str:
    verdict = "✓ <strong>Right.</strong>" if option.correct else "✗ <strong>Not quite.</strong>"
    return (f"<div role='status'><p>{verdict} {escape(_without_verdict(option.feedback))}</p>"
            f"<p>{escape(item.explanation)}</p>"
            f"<blockquote>“{escape(item.quote)}” ({escape(item.paragraph)})</blockquote></div>")


def quiz_static_html(items: list[QuizItem], references: dict[str, str] | None = None) -> str:
    """The quiz for readers without a kernel: each question with its options
    and a collapsed answer that opens on click (<details>)."""
    parts = []
    references = references or {}
    for number, item in enumerate(items, 1):
        options = "".join(f"<li>{escape(o.text)}</li>" for o in item.shuffled_options)
        parts.append(
            f"<div><p><strong>{number}.</strong> {escape(item.question)}</p>{references.get(item.id, '')}"
            f"<ol type='a'>{options}</ol>"
            f"<details><summary>Show the answer</summary><p>✓ {escape(as_sentence(item.answer.text))} "
            f"{escape(_without_verdict(item.answer.feedback))}</p><p>{escape(item.explanation)}</p>"
            f"<blockquote>“{escape(item.quote)}” ({escape(item.paragraph)})</blockquote></details></div>")
    return "".join(parts)


def _without_verdict(feedback: str) -> str:
    """The bank's feedback without a leading "Right." or "Not quite.": the
    widget says the verdict itself."""
    return re.sub(r"^(?:Right|Correct|Yes|Not quite|No)[.!,:]\s*", "", feedback.strip())


def as_sentence(text: str) -> str:
    """`text` ending in exactly one full stop (or its own punctuation)."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…", "”", '"', ")")) else text + "."


def answer_boxes(bank: Bank, prompt_ids=None, store: AnswerStore | None = None, numbers=None) -> w.Widget:
    """Answer boxes for some (or all) prompts of a bank, in one widget."""
    store = store or AnswerStore()
    prompts = [bank.prompt(p) for p in prompt_ids] if prompt_ids else list(bank.prompts)
    numbers = numbers or [None] * len(prompts)
    return w.VBox([AnswerBox(bank.notebook, p, store, n).widget() for p, n in zip(prompts, numbers)])


class NameBox:
    """The student's name or pseudonym, given once per clone and kept in the
    answer store; it can be changed at any time (answers are filed under a
    stable id, so nothing is lost)."""

    def __init__(self, store: AnswerStore | None = None):
        self.store = store or AnswerStore()
        current = self.store.name()
        self.text = w.Text(value=current or "", description="Your name or a pseudonym", placeholder="e.g. Sam K.",
                           style={"description_width": "initial"}, continuous_update=False,
                           layout=w.Layout(width="30em", max_width="100%"))
        self.button = w.Button(description="Save my name", tooltip="Save the name your exports carry",
                               layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.button.on_click(self.save)
        self.text.observe(self.save, names="value")
        if current:
            self._show(f"Your exports are named {current}.", True)
        else:  # not an error, not a success either: say so in words and symbol
            self.status.value = ("<p role='status'>ℹ No name yet: type one and press Enter (or Save). "
                                 "You give it once for all the notebooks.</p>")

    def save(self, change=None) -> None:
        if self.text.value.strip() == (self.store.name() or ""):
            return
        result = self.store.set_name(self.text.value)
        self._show(result.message, result.ok)

    def _show(self, message: str, ok: bool) -> None:
        self.status.value = f"<p role='status'>{'✓' if ok else '⚠'} {escape(message)}</p>"

    def widget(self) -> w.Widget:
        return w.VBox([w.HBox([self.text, self.button]), self.status])


class ExportButton:
    """Writes the notebook's answers for handing in, when the student asks."""

    def __init__(self, notebook: str, store: AnswerStore | None = None, directory=None):
        self.notebook, self.directory = notebook, directory
        self.store = store or AnswerStore()
        self.button = w.Button(description="Export my answers", tooltip="Write them to my-work/exports/",
                               layout=w.Layout(width="auto"))
        self.status = w.HTML("<p role='status'>Nothing exported yet.</p>")
        self.button.on_click(self.export)

    def export(self, button=None) -> None:
        flush_all()  # what was typed in the last second is saved before it is read
        try:
            md, html = export_notebook(self.store, self.notebook, self.directory)
        except NoName as error:
            self.status.value = f"<p role='status'>⚠ {escape(str(error))}</p>"
            return
        except StoreProblem as problem:
            self.status.value = (f"<p role='status'>⚠ Not exported: {escape(str(problem))} Nothing was changed in "
                                 "your saved answers.</p>")
            return
        except OSError as error:
            where = Path(self.directory or work_dir() / "exports") / f"{self.notebook}.md"
            self.status.value = (f"<p role='status'>⚠ Not exported: {escape(explain_failure(where, error))} "
                                 "Your answers are still saved.</p>")
            return
        # Shown from the folder that holds my-work (the clone), so the message
        # reads the same wherever the work folder is put.
        base = work_dir().parent
        shown = [p.relative_to(base).as_posix() if p.is_relative_to(base) else str(p) for p in (md, html)]
        self.status.value = (f"<p role='status'>✓ Written: <code>{escape(shown[0])}</code> and "
                             f"<code>{escape(shown[1])}</code>. Hand in the .md file (or the .html).</p>")

    def widget(self) -> w.Widget:
        return w.VBox([self.button, self.status])
