"""Question banks: schema validation naming file and item, verbatim
evidence, the quiz widget's feedback and score, the static fallback, and
the export round trip."""
from __future__ import annotations

import shutil
from html import unescape
from pathlib import Path

import pytest
import traitlets

from conftest import FIXTURES, data_error, rewrite
from roundtable.work.answers import AnswerStore
from roundtable.model.corpus import load_corpus
from roundtable.core.errors import DataError
from roundtable.widgets.exercise_widgets import QuizWidget, quiz_static_html
from roundtable.model.exercises import BLOOM_LEVELS, load_all_banks, load_bank
from roundtable.model.lessons import shown_prompts
from roundtable.work.exports import NoName, Question, export_answers, export_notebook, read_markdown_export
from roundtable.work.identity import short_id

THEMES = {"02_iran": "iran", "03_iraq": "iraq", "04_syria": "syria", "05_assassination_strategy": "assassination-strategy"}


@pytest.fixture
def bank_file(mini_data) -> Path:
    shutil.copy(FIXTURES / "bank.yaml", mini_data / "bank.yaml")
    return mini_data / "bank.yaml"


@pytest.fixture
def mini_corpus(mini_data):
    return load_corpus(mini_data / "roundtable.yaml", mini_data / "participants.yaml")


@pytest.fixture
def bank(bank_file, mini_corpus):
    return load_bank(bank_file, mini_corpus)


def bank_error(bank_file, corpus, old, new) -> str:
    rewrite(bank_file, old, new)
    with pytest.raises(DataError) as caught:
        load_bank(bank_file, corpus)
    return str(caught.value)


def test_fixture_bank_loads(bank):
    assert [p.id for p in bank.prompts] == ["iran-p01"]
    assert bank.quiz[0].answer.text == "Dina"


@pytest.mark.parametrize("old, new, expected", [
    ("quote: has escalated the conflict", "quote: has escalated the war",
     "quiz item 'iran-q02' (entry 2): evidence quote is not verbatim in intro-1"),
    ("quote: brought “unity” — and Hizbollah", "quote: brought \"unity\" - and Hizbollah",
     "quiz item 'iran-q01' (entry 1): evidence quote is not verbatim in dina-1"),
    ("      - text: Dina\n        correct: true", "      - text: Dan\n        correct: true",
     "quiz item 'iran-q01' (entry 1): the right answer is 'Dan' but dina-1 is by Dina"),
    ("        feedback: It says the opposite.", "        correct: true\n        feedback: It says the opposite.",
     "quiz item 'iran-q02' (entry 2): needs exactly one option with 'correct: true', has 2"),
    ("        feedback: Not in the text.\n", "",
     "quiz item 'iran-q02' (entry 2): option 3 ('Peace followed'): missing 'feedback'"),
    ("bloom: understand", "bloom: memorise", "prompt 'iran-p01' (entry 1): field 'bloom' has 'memorise'"),
    ("format: think-pair-share", "format: debate", "prompt 'iran-p01' (entry 1): field 'format' has 'debate'"),
    ("minutes: 10", "minutes: 0", "prompt 'iran-p01' (entry 1): 'minutes' must be between 1 and 60"),
    ("paragraphs: [dina-1]", "paragraphs: [dina-7]", "prompt 'iran-p01' (entry 1): unknown roundtable paragraph id(s) ['dina-7']"),
    ("  - id: iran-q02", "  - id: iran-q01", "duplicate id 'iran-q01'"),
    ("notebook: bank", "notebook: 02_iran", "'notebook' is '02_iran' but the file is named for 'bank'"),
    ("    facilitation: Listen for evidence.\n", "", "prompt 'iran-p01' (entry 1): missing field 'facilitation'"),
])
def test_bad_items_are_named_with_their_file(bank_file, mini_corpus, old, new, expected):
    message = bank_error(bank_file, mini_corpus, old, new)
    assert "bank.yaml" in message and expected in message


def test_quiz_feedback_is_words_and_symbols_and_scores_first_tries(bank):
    quiz = QuizWidget(list(bank.quiz))
    quiz.buttons[0].click()
    assert "Choose an option first" in quiz.feedback[0].value
    quiz.choices[0].value = "Dan"
    quiz.buttons[0].click()
    assert "✗ <strong>Not quite.</strong> Dan writes about Iraq." in quiz.feedback[0].value
    assert "“brought “unity” — and Hizbollah” (dina-1)" in quiz.feedback[0].value
    quiz.choices[0].value = "Dina"
    quiz.buttons[0].click()
    assert "✓ <strong>Right.</strong>" in quiz.feedback[0].value
    assert "0 of 1 right at the first try (1 not yet answered)" in quiz.score.value
    quiz.choices[1].value = "The conflict escalated"
    quiz.buttons[1].click()
    assert "1 of 2 right at the first try (0 not yet answered). All questions answered." in quiz.score.value
    assert "Right &lt;b&gt;so&lt;/b&gt;." in quiz.feedback[1].value  # feedback text is escaped


def test_a_quiz_choice_must_be_one_of_its_options(bank):
    quiz = QuizWidget(list(bank.quiz))
    with pytest.raises(traitlets.TraitError, match="not one of this question's options"):
        quiz.choices[0].value = "Nobody"
    quiz.choices[0].value = None  # no choice is allowed


def test_quiz_is_labelled_for_keyboard_users(bank):
    """Each option group is named by its numbered question (the legend of its
    fieldset), and each button by its number."""
    quiz = QuizWidget(list(bank.quiz))
    assert [c.label for c in quiz.choices] == [f"{n}. {item.question}" for n, item in enumerate(bank.quiz, 1)]
    assert [b.description for b in quiz.buttons] == ["Check answer 1", "Check answer 2"]


def test_static_fallback_hides_answers_in_details(bank):
    html = quiz_static_html(list(bank.quiz))
    assert html.count("<details><summary>Show the answer</summary>") == 2
    before_details = html.split("<details>")[0]
    assert "Yes, in her opening paragraph" not in before_details
    assert "&lt;b&gt;so&lt;/b&gt;" in html


def test_export_round_trip(tmp_path):
    store = AnswerStore(tmp_path / "answers.sqlite")
    assert store.set_name("Ana <b>\nstudent: forged").ok
    texts = {"iran-p01": "سلام — “quoted” <script>x</script>\n~~~~~ tildes\n", "iran-p04": ""}
    for prompt_id, text in texts.items():
        store.save("02_iran", prompt_id, text)
    questions = [Question("iran-p01", "Question 2.1", "What did **the crowds** show?"),
                 Question("iran-p04", "Question 2.2", "Second.")]
    md, html = export_answers(store, "02_iran", questions, tmp_path / "exports")
    back = read_markdown_export(md)
    # The newline in the name cannot forge a header line.
    assert back.notebook == "02_iran" and back.student == "Ana <b> student: forged"
    assert back.student_id == short_id(store.student)
    assert back.answers == texts
    page = html.read_text(encoding="utf-8")
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<strong>the crowds</strong>" in page and "**" not in page
    answer = page.split("<div dir='auto' style='white-space:pre-wrap'>")[1].split("</div>")[0]
    assert unescape(answer) == texts["iran-p01"]
    assert md.name == f"02_iran-Ana-b-student-forged-{short_id(store.student)}.md"


def test_an_export_lists_exactly_the_prompts_the_notebook_shows_in_its_order(tmp_path):
    store = AnswerStore(tmp_path / "answers.sqlite")
    store.set_name("Ana")
    store.save("02_iran", "iran-p02", "a prompt 02 never shows")
    md, _ = export_notebook(store, "02_iran", tmp_path)
    text = md.read_text(encoding="utf-8")
    shown = shown_prompts("02_iran")
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == [pid for pid, _ in shown]
    assert "iran-p02" not in text
    assert [n for _, n in shown] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7"]
    assert "**Question 2.1.**" in text


def test_no_name_no_export_and_nothing_is_written(tmp_path):
    store = AnswerStore(tmp_path / "answers.sqlite")
    with pytest.raises(NoName, match="Give your name"):
        export_notebook(store, "02_iran", tmp_path / "exports")
    assert not (tmp_path / "exports").exists()


def test_two_students_with_one_name_never_overwrite_each_other(tmp_path):
    paths = set()
    for n, name in enumerate(["O'Brien", "O Brien", "O-Brien", "Jose\u0301", "Jos\u00e9", "Jos\u00e9"]):
        store = AnswerStore(tmp_path / f"s{n}.sqlite")
        store.set_name(name)
        md, _ = export_notebook(store, "00_start_here", tmp_path / "exports")
        paths.add(md.name)
    assert len(paths) == 6


def test_reading_a_foreign_file_says_what_is_wrong(tmp_path):
    other = tmp_path / "notes.md"
    other.write_text("# My notes\n", encoding="utf-8")
    with pytest.raises(ValueError, match="notes.md: not an answers export"):
        read_markdown_export(other)


# --- the real banks -----------------------------------------------------------

@pytest.fixture(scope="module")
def banks():
    return {b.notebook: b for b in load_all_banks()}  # validates schema and every quote


@pytest.mark.parametrize("notebook", sorted(THEMES))
def test_each_theme_bank_is_big_and_varied_enough(banks, notebook):
    bank = banks[notebook]
    assert bank.theme == THEMES[notebook]
    assert len(bank.prompts) >= 8 and len({p.bloom for p in bank.prompts}) >= 4
    assert len(bank.quiz) >= 8
    assert {p.bloom for p in bank.prompts} <= set(BLOOM_LEVELS)


@pytest.mark.parametrize("notebook", sorted(THEMES))
def test_every_paragraph_of_a_theme_is_used_by_its_bank(banks, notebook):
    bank = banks[notebook]
    used = {p for prompt in bank.prompts for p in prompt.paragraphs} | {q.paragraph for q in bank.quiz}
    theme_ids = set(load_corpus().filter(theme=THEMES[notebook])["id"])
    frame = load_corpus().paragraphs
    primary = set(frame[frame["primary_theme"] == THEMES[notebook]]["id"])
    assert primary <= used, sorted(primary - used)
    assert used & theme_ids


# --- The synthesis bank's closing essay and its rubric ---------------------

ESSAY_BANK = Path(__file__).parent.parent / "exercises" / "06_synthesis.yaml"


@pytest.fixture
def essay_bank_file(tmp_path) -> Path:
    return Path(shutil.copy(ESSAY_BANK, tmp_path / "06_synthesis.yaml"))


def test_essay_has_a_rubric_with_four_levels_and_weights_adding_to_100():
    essay = load_bank("06_synthesis").essay
    assert essay is not None and essay.words[0] < essay.words[1]
    assert sum(c.weight for c in essay.rubric) == 100
    assert all([lv.score for lv in c.levels] == [4, 3, 2, 1] for c in essay.rubric)


def test_essay_is_answerable_and_exported(tmp_path):
    bank = load_bank("06_synthesis")
    essay = bank.prompt(bank.essay.id)
    assert essay.format == "essay" and essay.question.endswith("words.)")
    store = AnswerStore(tmp_path / "answers.sqlite")
    store.set_name("Ana")
    store.save(bank.notebook, bank.essay.id, "My thesis <b>is</b> this.")
    md, _ = export_notebook(store, bank.notebook, tmp_path / "exports")
    assert read_markdown_export(md).answers[bank.essay.id] == "My thesis <b>is</b> this."


@pytest.mark.parametrize("old, new, expected", [
    ("weight: 25", "weight: 30", "rubric weights must add up to 100, they add up to 105"),
    ("words: [600, 900]", "words: [900, 600]", "'words' must be [fewest, most]"),
    ("score: 3", "score: 5", "needs 4 levels scored 4 down to 1"),
])
def test_bad_essays_are_named(essay_bank_file, old, new, expected):
    rewrite(essay_bank_file, old, new)
    assert expected in data_error(load_bank, essay_bank_file)


def test_students_do_not_always_find_the_right_answer_first():
    for bank in load_all_banks():
        positions = [next(i for i, o in enumerate(q.shuffled_options) if o.correct) for q in bank.quiz]
        if len(positions) >= 4:
            assert len(set(positions)) > 1, bank.notebook
    item = load_bank("02_iran").quiz[0]
    assert sorted(o.text for o in item.shuffled_options) == sorted(o.text for o in item.options)


def test_mixed_order_is_the_same_in_every_process():
    """Stored notebooks and printouts must match what students see: the
    order may not depend on Python's per-process hash seed or on chance."""
    import os
    import subprocess
    import sys

    script = ("from roundtable.model.exercises import load_all_banks; "
              "print([[o.text for o in q.shuffled_options] for b in load_all_banks() for q in b.quiz])")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=Path(__file__).parent.parent, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] and runs[0].startswith("[[")


def test_quiz_widget_shows_the_mixed_order(bank):
    widget = QuizWidget(list(bank.quiz))
    assert list(widget.choices[0].options) == [o.text for o in bank.quiz[0].shuffled_options]


def test_quiz_options_wrap_at_any_font_size(bank):
    """Options are our own labels (not ipywidgets' one-line ones): the text
    sits in a flexible box beside its radio button and wraps."""
    from roundtable.widgets.keyboard import ChoiceGroup

    widget = QuizWidget(list(bank.quiz)).widget()
    assert "rt-quiz" in widget._dom_classes
    assert ".rt-choices label { display: flex;" in ChoiceGroup._css and "nowrap" not in ChoiceGroup._css
    assert QuizWidget(list(bank.quiz)).buttons[0].layout.width == "auto"


def test_feedback_says_right_once_and_static_answers_end_in_one_full_stop():
    from roundtable.widgets.exercise_widgets import as_sentence, feedback_html

    item = load_bank("07_forecast_audit").quiz[0]
    right = next(o for o in item.options if o.correct)
    assert right.feedback.startswith("Right.")  # the bank says it too: the widget must not repeat it
    html = feedback_html(item, right)
    assert html.count("Right") == 1, html
    assert as_sentence("Islamic Republic.") == "Islamic Republic." and as_sentence("Yes") == "Yes."
    static = quiz_static_html(list(load_bank("02_iran").quiz))
    assert ".." not in static.replace("...", "") and "Right. Right." not in static
