"""The facade the lessons call: thin wrappers that turn package results into
notebook output.

Each interactive piece is one call that returns one output (see
widgets/fallback.py): the live widget where a kernel runs, its static HTML
everywhere else. The lessons never show a widget and its static copy side by
side.
"""
from __future__ import annotations

from html import escape

from IPython.display import HTML, Markdown

from .analysis.textlens import kwic, speaker_theme_counts
from .model.corpus import THEME_TITLES, load_corpus
from .model.documents import load_documents
from .model.launch import collection_repository, notebook_launch_rows
from .core.paths import REPO_ROOT
from .model.events import load_events
from .model.exercises import load_bank
from .model.glossary import load_glossary
from .model.groundrules import ground_rules
from .model.lessons import read_paragraphs, referenced_paragraphs, review_items
from .model.readings import load_reading
from .views.eventviews import event_summary, event_table, places_overview
from .views.figcache import cached_figure
from .views.forecastviews import forecast_table, reveal_static_html
from .views.planviews import plans_html
from .views.crisisdays import crisis_days_html
from .views.documentviews import documents_html
from .views.levelviews import class_summaries, further_reading_html
from .work.classanswers import class_answers_html
from .work.classview import class_view_body
from .views.render import STYLE, passages_html, references_html
from .views.tables import table, table_html
from .views.themeviews import next_events_static, reading_html
from .widgets.exercise_widgets import AnswerBox, ExportButton, NameBox, QuizWidget, prompt_html, quiz_static_html
from .widgets.fallback import Interactive
from .widgets.forecast_widgets import BlindForecasts, RevealPanel
from .widgets.theme_widgets import (
    ALL_THEMES,
    KeywordSearch,
    NextEventsToggle,
    SpeakerComparison,
    ThemeHeatmap,
    comparison_table,
    kwic_html,
)
from .widgets.timeline_widgets import PlacePicker, TimelineExplorer


def show_passages(speaker=None, theme=None, section=None, ids=None, glossary=True) -> HTML:
    """Display roundtable paragraphs, filtered, with glossary terms marked
    (and, at the basic reading level, each one's summary folded under it)."""
    corpus = load_corpus()
    frame = corpus.filter(speaker=speaker, theme=theme, section=section)
    if ids is not None:
        frame = frame[frame["id"].isin(ids)]
    return HTML(passages_html(frame, load_glossary() if glossary else None, class_summaries()))


def primary_documents(notebook: str) -> HTML:
    """The primary documents a notebook shows beside its readings
    (data/documents.yaml): the official positions in their own words."""
    return HTML(documents_html(load_documents().for_notebook(notebook)))


def further_reading(notebook: str) -> HTML:
    """The extension reading list at the advanced reading level (data/class.yaml);
    nothing at the basic level."""
    return HTML(further_reading_html(notebook))


def show_ground_rules():
    """The ground rules (data/ground_rules.md) as Markdown output."""
    return Markdown(ground_rules())


def answer_box(notebook: str, prompt_id: str, number: str) -> Interactive:
    """A prompt, numbered as the notebook shows it, with its answer box: the
    answer saves as it is typed. Without a kernel, the prompt and a line
    saying how to get the box. (The export reads the numbers from the lesson.)"""

    prompt = load_bank(notebook).prompt(prompt_id)
    refs = _references([p for p in prompt.paragraphs], notebook)
    note = ("<p><em>✎ Run the notebook to write your answer here. It is saved as you type, in "
            "<code>my-work/</code>.</em></p>")
    return Interactive(AnswerBox(notebook, prompt, number=number, references=refs).widget(),
                       prompt_html(prompt, number) + refs + note,
                       f"Question {number} with its answer box (run the notebook to write in it)")


def _references(paragraph_ids, notebook: str) -> str:
    """A link to each paragraph a question is about that this notebook does
    not show as a reading (they are shown once, by show_referenced_paragraphs)."""
    return references_html([p for p in paragraph_ids if p not in read_paragraphs(notebook)])


def show_referenced_paragraphs(notebook: str) -> HTML:
    """Every paragraph the notebook's questions are about that it does not
    show as a reading, once each, so that the notebook stands on its own.
    (Verbatim, without glossary notes: the readings carry those.)"""
    ids = referenced_paragraphs(notebook)
    if not ids:
        return HTML("<p><em>Every question in this notebook is about the readings above.</em></p>")
    return show_passages(ids=ids, glossary=False)


def my_name() -> Interactive:
    """The student's name or pseudonym, given once for all the notebooks."""

    note = ("<p><em>Run the notebook to give your name or a pseudonym (once for all the notebooks): it goes on "
            "your exports, so that your instructor knows whose answers they are.</em></p>")
    return Interactive(NameBox().widget(), note, "Your name (run the notebook to give it)")


def export_button(notebook: str) -> Interactive:
    """Export the notebook's answers for handing in, when the student presses
    the button (never on Run All)."""

    note = ("<p><em>Run the notebook, then press <strong>Export my answers</strong>: your answers are written "
            "to <code>my-work/exports/</code> as Markdown and HTML, to hand in.</em></p>")
    return Interactive(ExportButton(notebook).widget(), note, "Export button (run the notebook to export)")


def quiz(notebook: str, items=None) -> Interactive:
    """The notebook's self-check quiz (or some of its items): a live widget,
    or, without a kernel, the questions with their answers folded away."""

    chosen = load_bank(notebook).quiz_items(items)
    refs = {item.id: html for item in chosen if (html := _references([item.paragraph], notebook))}
    count = f"{len(chosen)} question{'s' if len(chosen) != 1 else ''}"
    return Interactive(QuizWidget(chosen, refs, notebook).widget(), quiz_static_html(chosen, refs),
                       f"Quiz, {count} (run the notebook to check your answers)")


def class_view(folder: str) -> HTML:
    """The instructor's class view of a folder of student exports: the
    forecasts of 07 against the panel and the outcomes, then every
    notebook's answers and quiz scores (for the instructor's notebook only)."""
    return HTML(f"<p>Folder: <code>{escape(str(folder))}</code></p><h2>Forecast audit (07)</h2>"
                + class_view_body(folder) + class_answers_html(folder))


def launch_links() -> HTML:
    """Where else the notebooks open: an "Open in Colab" link for each, made
    from the collection's public address (lessons/collection.yaml); until it
    has one, how to get the links."""
    repo = collection_repository()
    notebooks = sorted(p.name for p in (REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    try:
        rows = notebook_launch_rows(repo, notebooks) if repo else []
    except ValueError:
        rows = []
    if not rows:
        return HTML("<p><em>This copy of the collection has no public GitHub address yet, so there are no "
                    "\"Open in Colab\" links here. Your instructor can make them with <code>make link "
                    "REPO=…</code> once it has one (README: \"Launch links\").</em></p>")
    items = "".join(f"<li><a href='{escape(link)}' target='_blank' rel='noopener'>Open {escape(name)} in Colab</a></li>"
                    for name, link in rows)
    return HTML("<p>In Colab, run the first code cell: it fetches the collection and installs what it needs. "
                "Your answers there vanish with the session: export them and download the files from "
                "<code>roundtable-collection/my-work/exports/</code>.</p><ul>" + items + "</ul>")


def crisis_days() -> HTML:
    """The crisis weeks day by day, in large type for the projector."""
    return HTML(crisis_days_html())


def lesson_plans(notebook: str) -> HTML:
    """How to run the notebook in class, in 50 and in 90 minutes
    (lessons/NN_name.plan.yaml); the instructor edition prints the same plans."""
    return HTML(plans_html(notebook))


def show_reading(notebook: str, part_id: str) -> HTML:
    """A part of a theme notebook: context box in our words, then the passages
    (at the basic reading level, each with its summary folded under it)."""

    return HTML(reading_html(notebook, part_id, summaries=class_summaries()))


def check_quiz(notebook: str, part_id: str) -> Interactive:
    """The quiz items that close a reading part."""

    return quiz(notebook, load_reading(notebook).part(part_id).check_quiz)


def show_rubric(notebook: str) -> HTML:
    """The closing essay's rubric as a table."""

    return table(load_bank(notebook).essay.rubric_table())


def review_quiz(notebook: str) -> Interactive:
    """The review quiz: the items no reading part uses as its check."""
    return quiz(notebook, review_items(notebook))


def next_events_toggle(notebook: str) -> Interactive:
    """What happened next, off until the student switches it on; without a
    kernel, the same list folded away until opened."""

    return Interactive(NextEventsToggle(notebook).widget(), next_events_static(notebook),
                       "What happened next, hidden until opened")


def compare_speakers(theme: str, first: str, second: str) -> Interactive:
    """Two speakers side by side; without a kernel, every speaker's
    paragraphs, words and hedge words on the theme."""

    label = "all themes" if theme == ALL_THEMES else THEME_TITLES[theme]
    static = (f"<p><strong>Every speaker on {escape(label)}</strong> (run the notebook to compare two "
              f"side by side):</p>" + table_html(comparison_table(theme)))
    return Interactive(SpeakerComparison(theme, first, second).widget(), static,
                       f"Speaker comparison on {label} (run the notebook to choose speakers)")


def keyword_search(query: str, whole_words: bool = True) -> Interactive:
    """Keyword in context, starting from `query`; without a kernel, the
    results for `query`."""

    static = (f"<p><strong>Keyword in context: “{escape(query)}”</strong> (run the notebook to search for "
              f"another word)</p>" + STYLE + kwic_html(kwic(query, whole_words=whole_words), query))
    return Interactive(KeywordSearch(query, whole_words=whole_words).widget(), static,
                       f"Keyword search for “{query}” (run the notebook to search)")


def theme_heatmap() -> Interactive:
    """The speaker × theme heat map with its controls; without a kernel, the
    figure (with its text) and the counts."""

    static = (cached_figure("heatmap_chart").html("640px")
              + "<p>Paragraphs per speaker and theme (main and second themes):</p>" + table_html(speaker_theme_counts()))
    return Interactive(ThemeHeatmap().widget(), static, "Speaker × theme heat map (run the notebook to change it)")


def timeline_explorer() -> Interactive:
    """The event explorer; without a kernel, every event up to the crisis
    weeks as a table."""

    frame = load_events().filter(include_after=False)
    static = f"<p>{escape(event_summary(frame, False))}</p>" + table_html(event_table(frame))
    return Interactive(TimelineExplorer().widget(), static, "Timeline explorer (run the notebook to filter events)")


def place_picker() -> Interactive:
    """Pick a place; without a kernel, every place with its events and passages."""

    return Interactive(PlacePicker().widget(), table_html(places_overview()),
                       "Place picker (run the notebook to choose a place)")


def blind_forecasts() -> Interactive:
    """The blind forecast boxes; without a kernel, the claims as a table
    (no outcomes)."""

    static = ("<p><strong>The claims to forecast</strong> (run the notebook to enter and save your "
              "forecasts; no outcomes here):</p>" + table_html(forecast_table()))
    return Interactive(BlindForecasts().widget(), static, "Blind forecasts (run the notebook to enter yours)")


def reveal_panel() -> Interactive:
    """The reveal, off until switched on; without a kernel, the panel's
    outcomes and scores folded away until opened."""

    return Interactive(RevealPanel().widget(), reveal_static_html(), "The reveal, hidden until opened")
