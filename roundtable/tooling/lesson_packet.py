"""A notebook's printed packet, built from its lesson (lessons/NN_name.md).

The lesson is the one source of a notebook, so the packet is made by running
the lesson's own code cells with the same arguments, in a namespace where
the functions of `roundtable.display` (and `show_figure`) are replaced by
their printed versions below. The packet therefore shows what the notebook
shows, in its order and with its numbers, without a line of code: the
lesson's prose, the readings with their context boxes (each glossary note
once in the packet), the prompts with room to write, the quiz questions
without their answers, the figures with their text, and the tables.

The instructor's packet adds, under each prompt, its facilitation notes and,
under each quiz, its answer key; in notebook 07 it also shows the reveal.
A display function with no printed version stops the build, naming the
lesson and the cell, so nothing a notebook shows is silently left out.
"""
from __future__ import annotations

import ast
import builtins
import contextlib
import io
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

import jupytext

from .. import display as notebook_display
from ..core.paths import LESSONS_DIR
from ..model.corpus import load_corpus
from ..model.exercises import QuizItem, load_bank
from ..model.glossary import load_glossary
from ..model.groundrules import ground_rules
from ..model.lessons import read_paragraphs, review_items
from ..model.readings import load_reading
from ..views.figcache import cached_figure
from ..views.forecastviews import reveal_html
from ..views.render import inline_markdown_html, passage_html, references_html
from ..views.tables import table_html
from ..views.themeviews import context_html, next_events_html
from ..widgets.exercise_widgets import as_sentence, prompt_html
from ..views.crisisdays import crisis_days_html
from ..views.planviews import plans_html
from ..views.levelviews import class_summaries, further_reading_html
from .build import INSTRUCTOR_TAG
from .handout_page import document, markdown_html, markdown_inline_html, opened

FOCUS_ROW = re.compile(r"^\|\s*\*\*Focus question\*\*\s*\|\s*(?P<question>.+?)\s*\|\s*$", re.M)
OBJECTIVES = re.compile(r"^\*\*Learning objectives\.\*\*(?P<lead>.*)\n(?P<items>(?:\d+\. .*\n?)+)", re.M)
HEADER_TABLE = re.compile(r"^\| This notebook \|.*?(?:\n\|.*)+\n?", re.M)
NOTEBOOK_LINK = re.compile(r"\]\((\d\d_[\w]+)\.ipynb\)")


class PacketError(ValueError):
    """A lesson shows something the packet cannot print."""


@dataclass
class Printed:
    """HTML for the packet, returned where the notebook would display output."""
    html: str


class PrintedDisplay:
    """The printed counterparts of `roundtable.display`'s functions, for one
    lesson. One glossary `seen` for the whole packet: each note is printed
    once, under the first paragraph that names it; later mentions link back."""

    def __init__(self, notebook: str, instructor: bool, lessons_dir: Path):
        self.notebook, self.instructor, self.lessons_dir = notebook, instructor, lessons_dir
        self.corpus, self.glossary = load_corpus(), load_glossary()
        self.summaries = class_summaries()
        self.seen: dict = {}

    # --- readings and passages ------------------------------------------------

    def _passages(self, ids, glossary=True) -> str:
        """Paragraphs in full; at the basic reading level each summary is
        printed open under its paragraph (paper cannot unfold it)."""
        rows = self.corpus.paragraphs.set_index("id").loc[list(ids)].reset_index()
        summaries = self.summaries or {}
        return opened("".join(passage_html(row, self.glossary if glossary else None, self.seen,
                                           summaries.get(row["id"])) for _, row in rows.iterrows()))

    def show_reading(self, notebook: str, part_id: str) -> Printed:
        part = load_reading(notebook).part(part_id)
        return Printed(opened(context_html(part, glossary=self.glossary)) + self._passages(part.paragraphs))

    def show_passages(self, speaker=None, theme=None, section=None, ids=None, glossary=True) -> Printed:
        frame = self.corpus.filter(speaker=speaker, theme=theme, section=section)
        chosen = [p for p in frame["id"] if ids is None or p in ids]
        return Printed(self._passages(chosen, glossary))

    def show_referenced_paragraphs(self, notebook: str) -> Printed:
        return Printed(notebook_display.show_referenced_paragraphs(notebook).data)

    def launch_links(self) -> Printed:
        return Printed(notebook_display.launch_links().data)

    def primary_documents(self, notebook: str) -> Printed:
        return Printed(opened(notebook_display.primary_documents(notebook).data))

    def further_reading(self, notebook: str) -> Printed:
        return Printed(further_reading_html(notebook))

    def show_ground_rules(self) -> Printed:
        return Printed(markdown_html(ground_rules()))

    # --- questions --------------------------------------------------------------

    def _references(self, paragraph_ids) -> str:
        return references_html([p for p in paragraph_ids if p not in read_paragraphs(self.notebook, self.lessons_dir)])

    def answer_box(self, notebook: str, prompt_id: str, number: str) -> Printed:
        prompt = load_bank(notebook).prompt(prompt_id)
        room = "write long" if prompt.format == "essay" else "write"
        html = (f"<section class='rt-question'>{prompt_html(prompt, number)}{self._references(prompt.paragraphs)}"
                f"<div class='{room}' aria-label='Room for your answer to question {escape(number)}'></div>")
        if self.instructor and prompt.facilitation:
            html += (f"<div class='rt-key'><strong>Facilitation ({escape(prompt.bloom)}).</strong> "
                     f"{inline_markdown_html(prompt.facilitation)}</div>")
        return Printed(html + "</section>")

    def quiz(self, notebook: str, items=None) -> Printed:
        return Printed(self._quiz(load_bank(notebook).quiz_items(items)))

    def check_quiz(self, notebook: str, part_id: str) -> Printed:
        return self.quiz(notebook, load_reading(notebook).part(part_id).check_quiz)

    def review_quiz(self, notebook: str) -> Printed:
        return self.quiz(notebook, review_items(notebook))

    def _quiz(self, items: list[QuizItem]) -> str:
        parts = []
        for number, item in enumerate(items, 1):
            options = item.shuffled_options
            listed = "".join(f"<li>{escape(o.text)}</li>" for o in options)
            html = (f"<div class='rt-quiz-item'><p><strong>{number}.</strong> {escape(item.question)}</p>"
                    f"{self._references([item.paragraph])}<ol type='a'>{listed}</ol>")
            if self.instructor:
                letter = "abcde"[options.index(item.answer)]
                html += (f"<div class='rt-key'><strong>Answer: {letter}.</strong> {escape(as_sentence(item.answer.text))} "
                         f"{escape(item.answer.feedback)} {escape(item.explanation)} Evidence ({escape(item.paragraph)}): "
                         f"“{escape(item.quote)}”</div>")
            parts.append(html + "</div>")
        return "".join(parts)

    def show_rubric(self, notebook: str) -> Printed:
        return Printed(table_html(load_bank(notebook).essay.rubric_table()))

    # --- tables, figures and the static versions of widgets ---------------------

    def table(self, frame) -> Printed:
        return Printed(table_html(frame))

    def show_figure(self, name: str, *args) -> Printed:
        return Printed(cached_figure(name, *args).html())

    def next_events_toggle(self, notebook: str) -> Printed:
        # Paper cannot be folded: the students' packet keeps what happened next
        # for after the discussion, as the notebook does.
        if self.instructor:
            return Printed(next_events_html(notebook))
        return Printed("<p class='note'>What happened next is not printed here: it comes after the discussion. "
                       "Your instructor has it, and the notebook shows it when you open it.</p>")

    def lesson_plans(self, notebook: str) -> Printed:
        return Printed(plans_html(notebook))

    def crisis_days(self) -> Printed:
        return Printed(crisis_days_html())

    def reveal_panel(self) -> Printed:
        if self.instructor:
            return Printed(opened(reveal_html()))
        return Printed("<p class='note'>The reveal is not printed in the students' packet: it names the outcomes, "
                       "and comes only after your own forecasts. Your instructor has it.</p>")

    def _fallback(self, name: str, *args, **kwargs) -> Printed:
        """The static version the notebook shows without a kernel. (Making the
        widget alongside it prints its first state, meant for its own output
        area: that goes nowhere here.)"""
        with contextlib.redirect_stdout(io.StringIO()):
            shown = getattr(notebook_display, name)(*args, **kwargs)
        return Printed(opened(shown.fallback_html))

    @staticmethod
    def _tool(what: str) -> Printed:
        """An interactive tool: on paper, a pointer to it rather than pages of
        its static version."""
        return Printed(f"<p class='note'>In the notebook: {escape(what)}.</p>")

    def compare_speakers(self, *args, **kwargs) -> Printed:
        return self._tool("compare two speakers side by side")

    def keyword_search(self, *args, **kwargs) -> Printed:
        return self._tool("search the whole roundtable for a word or phrase")

    def theme_heatmap(self) -> Printed:
        return self._fallback("theme_heatmap")

    def timeline_explorer(self) -> Printed:
        return self._tool("explore the events by country, actor and kind")

    def place_picker(self) -> Printed:
        return self._tool("pick a place to read the paragraphs and events that name it")

    def blind_forecasts(self) -> Printed:
        return self._fallback("blind_forecasts")


# --- Running a lesson's cells with the printed functions --------------------------

#: The modules whose functions a lesson calls to show something; while a lesson
#: runs for its packet, importing them gives the printed versions instead.
SHOWING_MODULES = ("roundtable.display", "roundtable.views.figcache")


class _PrintedModule:
    """Stands in for a showing module: its names are PrintedDisplay's methods."""

    def __init__(self, printed: PrintedDisplay, module: str, where: str):
        self._printed, self._module, self._where = printed, module, where

    def __getattr__(self, name: str):
        method = getattr(self._printed, name, None)
        if name.startswith("_") or method is None:
            raise PacketError(f"{self._where}: {self._module}.{name} has no printed version; add one to "
                              "roundtable/tooling/lesson_packet.py (PrintedDisplay)")
        return method


def run_cell(source: str, namespace: dict, printed: PrintedDisplay, where: str) -> str:
    """Run one code cell as the notebook does (statements, then the value of
    its last expression is shown) and return what it shows, as HTML."""
    shown: list[str] = []
    real_import = builtins.__import__

    def importing(name, globals=None, locals=None, fromlist=(), level=0):
        if name in SHOWING_MODULES and fromlist:
            return _PrintedModule(printed, name, where)
        if name in SHOWING_MODULES:
            raise PacketError(f"{where}: import {name} with 'from ... import ...' so the packet can print its output")
        return real_import(name, globals, locals, fromlist, level)

    namespace["__builtins__"] = {**vars(builtins), "__import__": importing}
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    # What the cell prints (the lesson's print() and the package's own summary
    # lines) shows above its value, as in the notebook.
    printed_text = io.StringIO()
    with contextlib.redirect_stdout(printed_text):
        exec(compile(tree, where, "exec"), namespace)  # noqa: S102 (our own lesson, run as the notebook runs it)
        value = eval(compile(ast.Expression(last.value), where, "eval"), namespace) if last else None  # noqa: S307
    if printed_text.getvalue().strip():
        shown.append(f"<p class='printed'>{escape(printed_text.getvalue().strip())}</p>")
    if isinstance(value, Printed):
        shown.append(value.html)
    elif value is not None:
        raise PacketError(f"{where}: the cell shows a {type(value).__name__}, which the packet cannot print; "
                          "show it through roundtable.display")
    return "".join(shown)


# --- The packet ---------------------------------------------------------------------


def lesson_brief(text: str) -> tuple[str | None, str | None, list[str]]:
    """The focus question, the objectives' lead-in and the objectives, from
    the lesson's opening (None and [] when it has none)."""
    focus = FOCUS_ROW.search(text)
    objectives = OBJECTIVES.search(text)
    items = [re.sub(r"^\d+\.\s*", "", line) for line in objectives["items"].strip().splitlines()] if objectives else []
    return (focus["question"] if focus else None, objectives["lead"].strip() if objectives else None, items)


def _prose_html(text: str) -> str:
    """A Markdown cell, without the opening table and objectives (the brief
    at the top names them), links to other notebooks pointing at their packets."""
    text = OBJECTIVES.sub("", HEADER_TABLE.sub("", text))
    return markdown_html(NOTEBOOK_LINK.sub(r"](\1.html)", text))


def _brief_html(text: str) -> str:
    """The focus question and the objectives, boxed at the top of the packet."""
    focus, lead, objectives = lesson_brief(text)
    if not focus and not objectives:
        return ""
    html = f"<p><strong>Focus question.</strong> {markdown_inline_html(focus)}</p>" if focus else ""
    if objectives:
        items = "".join(f"<li>{markdown_inline_html(o)}</li>" for o in objectives)
        html += f"<p><strong>Learning objectives.</strong> {markdown_inline_html(lead or '')}</p><ol>{items}</ol>"
    return f"<div class='brief'>{html}</div>"


def lesson_packet_html(notebook: str, instructor: bool = False, lessons_dir: Path | None = None) -> str:
    """The printed packet of one notebook, for students or for the instructor."""
    lessons_dir = Path(lessons_dir or LESSONS_DIR)
    path = lessons_dir / f"{notebook}.md"
    lesson = jupytext.read(path, fmt="md:myst")
    printed = PrintedDisplay(notebook, instructor, lessons_dir)
    namespace: dict = {"__name__": f"packet_{notebook}"}
    title, brief, body = notebook, "", []
    for index, cell in enumerate(lesson.cells, 1):
        if INSTRUCTOR_TAG in cell.metadata.get("tags", []) and not instructor:
            continue  # the instructor's part (plans, libraries) is not in the students' packet
        if cell.cell_type == "markdown":
            text = cell.source
            heading = re.search(r"^# (.+)$", text, re.M)
            if heading and not brief and title == notebook:
                title, brief = heading[1].strip(), _brief_html(text)
                text = text.replace(heading[0], "", 1)
            body.append(_prose_html(text))
        elif cell.cell_type == "code":
            body.append(run_cell(cell.source, namespace, printed, f"{path.name}, cell {index}"))
    edition = "Instructor's packet (answer keys and facilitation notes)" if instructor else "Students' packet"
    return document(title, f"<h1>{escape(title)}</h1>{brief}{''.join(body)}", edition)
