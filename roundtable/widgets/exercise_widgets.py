"""Widgets for exercises (ipywidgets 8): an answer box that saves as the
student types, and a quiz with feedback in words and symbols.

Right and wrong are told by a symbol and a word (✓ Right / ✗ Not quite), never
by colour alone. Every control has a label and works from the keyboard: Tab
to the options, arrow keys to choose, Enter or Space on the button.
"""
from __future__ import annotations

import re
from html import escape

import ipywidgets as w

from ..model.exercises import Bank, Prompt, QuizItem
from ..work.answers import AnswerStore

FULL = w.Layout(width="95%")


def bold_html(text: str) -> str:
    """Escape `text`, then turn the banks' **bold** marks into <strong>."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(text))


def prompt_html(prompt: Prompt, number: str | None = None) -> str:
    """The prompt as students see it: no facilitation notes."""
    label = f"Question {number}" if number else "Question"
    refs = ", ".join(prompt.paragraphs)
    return (f"<p><strong>{escape(label)}</strong> ({escape(prompt.format.replace('-', ' '))}, "
            f"about {prompt.minutes} min; see {escape(refs)})</p><p>{bold_html(prompt.question)}</p>")


class AnswerBox:
    """A text box bound to one prompt; every change is saved."""

    def __init__(self, notebook: str, prompt: Prompt, store: AnswerStore | None = None, number: str | None = None):
        self.notebook, self.prompt = notebook, prompt
        self.store = store or AnswerStore()
        saved = self.store.load(notebook, prompt.id)
        self.text = w.Textarea(value=saved or "", placeholder="Type your answer here; it is saved as you type.",
                               description=f"Your answer ({prompt.id})", style={"description_width": "initial"},
                               layout=w.Layout(width="95%", height="8em"), continuous_update=True)
        self.status = w.HTML()
        self.notice = w.HTML()
        if self.store.notice:
            self.notice.value = f"<p>⚠ <strong>Note:</strong> {escape(self.store.notice)}</p>"
        self._show_status(f"Loaded your saved answer ({len(saved):,} characters)." if saved else
                          "Nothing saved yet.", ok=True)
        self.text.observe(self.on_change, names="value")
        self.header = w.HTML(prompt_html(prompt, number))

    def on_change(self, change=None) -> None:
        result = self.store.save(self.notebook, self.prompt.id, self.text.value)
        if self.store.notice and not self.notice.value:
            self.notice.value = f"<p>⚠ <strong>Note:</strong> {escape(self.store.notice)}</p>"
        self._show_status(result.message, ok=result.ok)

    def _show_status(self, message: str, ok: bool) -> None:
        symbol = "✓" if ok else "⚠"
        self.status.value = f"<p role='status'>{symbol} {escape(message)}</p>"

    def widget(self) -> w.Widget:
        return w.VBox([self.header, self.notice, self.text, self.status])


#: Long options wrap instead of running into the next one (at any font size,
#: such as the projector's).
QUIZ_STYLE = ("<style>.rt-quiz .widget-radio-box label{display:flex;flex-direction:row-reverse;"
              "justify-content:flex-end;align-items:flex-start;white-space:normal;height:auto;line-height:1.4;"
              "margin:.15em 0}.rt-quiz .widget-radio-box label input{flex:none;margin:.25em .5em 0 0}"
              ".rt-quiz .widget-radio-box{height:auto}</style>")


class QuizWidget:
    """Quiz items one under another, feedback on each check, and a score."""

    def __init__(self, items: list[QuizItem]):
        self.items = list(items)
        self.first_try: dict[str, bool] = {}
        self.choices, self.buttons, self.feedback = [], [], []
        for number, item in enumerate(self.items, 1):
            choice = w.RadioButtons(options=[o.text for o in item.shuffled_options], value=None,
                                    description=f"Answer {number}", style={"description_width": "initial"},
                                    layout=FULL)
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
        rows = []
        for number, (item, choice, button, feedback) in enumerate(
                zip(self.items, self.choices, self.buttons, self.feedback), 1):
            rows.append(w.VBox([w.HTML(f"<p><strong>{number}.</strong> {escape(item.question)}</p>"),
                                choice, button, feedback]))
        box = w.VBox([w.HTML(QUIZ_STYLE)] + rows + [self.score])
        box.add_class("rt-quiz")
        return box


def feedback_html(item: QuizItem, option) -> str:
    verdict = "✓ <strong>Right.</strong>" if option.correct else "✗ <strong>Not quite.</strong>"
    return (f"<div role='status'><p>{verdict} {escape(option.feedback)}</p>"
            f"<p>{escape(item.explanation)}</p>"
            f"<blockquote>“{escape(item.quote)}” ({escape(item.paragraph)})</blockquote></div>")


def quiz_static_html(items: list[QuizItem]) -> str:
    """The quiz for readers without a kernel: each question with its options
    and a collapsed answer that opens on click (<details>)."""
    parts = []
    for number, item in enumerate(items, 1):
        options = "".join(f"<li>{escape(o.text)}</li>" for o in item.shuffled_options)
        parts.append(
            f"<div><p><strong>{number}.</strong> {escape(item.question)}</p><ol type='a'>{options}</ol>"
            f"<details><summary>Show the answer</summary><p>✓ {escape(item.answer.text)}. "
            f"{escape(item.answer.feedback)}</p><p>{escape(item.explanation)}</p>"
            f"<blockquote>“{escape(item.quote)}” ({escape(item.paragraph)})</blockquote></details></div>")
    return "".join(parts)


def answer_boxes(bank: Bank, prompt_ids=None, store: AnswerStore | None = None, numbers=None) -> w.Widget:
    """Answer boxes for some (or all) prompts of a bank, in one widget."""
    store = store or AnswerStore()
    prompts = [bank.prompt(p) for p in prompt_ids] if prompt_ids else list(bank.prompts)
    numbers = numbers or [None] * len(prompts)
    return w.VBox([AnswerBox(bank.notebook, p, store, n).widget() for p, n in zip(prompts, numbers)])
