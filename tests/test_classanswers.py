"""The class's written answers for every notebook (make class-view)."""
from __future__ import annotations

from pathlib import Path

from roundtable.model.lessons import shown_prompts
from roundtable.work.answers import AnswerStore
from roundtable.work.classanswers import class_answers_html, prompt_order, read_class_answers
from roundtable.work.classview import class_view_body, read_exports
from roundtable.work.exports import export_notebook


def _export(tmp_path: Path, name: str, answers: dict[str, str], notebook: str = "02_iran") -> Path:
    store = AnswerStore(tmp_path / f"{name}.sqlite")
    store.set_name(name)
    for prompt, text in answers.items():
        store.save(notebook, prompt, text)
    md, _ = export_notebook(store, notebook, tmp_path / "class")
    return md


def test_answers_are_shown_side_by_side_exit_tickets_first_and_escaped(tmp_path):
    _export(tmp_path, "Ana", {"iran-p01": "Unity is not support.", "iran-p11": "<script>alert(1)</script>"})
    _export(tmp_path, "Bo", {"iran-p01": "روشن است", "iran-p11": "Sadr"})
    (tmp_path / "class" / "broken.md").write_text("not an export", encoding="utf-8")
    html = class_answers_html(tmp_path / "class")
    assert "02_iran (2 students)" in html
    assert html.index("Question 2.7 · exit ticket") < html.index("Question 2.1<")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<td dir='auto'" in html and "روشن است" in html
    assert "broken.md" not in html  # files that are no export are listed once, by the forecast part
    _, skipped, _ = read_exports(tmp_path / "class")
    assert ("broken.md", "not an answers export (it does not start with '# Answers: <notebook>', then the student's name and the export's date)") in skipped
    assert html.count("<em>(no answer)</em>") >= 2  # Question 2.2 and the rest, for both students


def test_prompt_order_is_the_notebooks_with_exit_tickets_first():
    order = prompt_order("03_iraq")
    assert order[0][1] == "3.8" and [n for _, n in order[1:]] == [n for _, n in shown_prompts("03_iraq")][:-1]


def test_the_latest_export_of_a_student_counts_and_symlinks_are_not_followed(tmp_path):
    first = _export(tmp_path, "Ana", {"iran-p01": "first"})
    (tmp_path / "class" / "link.md").symlink_to(first)
    _, skipped, _ = read_exports(tmp_path / "class")
    assert ("link.md", "a link; links are not followed") in skipped
    assert len(read_class_answers(tmp_path / "class").notebooks["02_iran"]) == 1


def test_quiz_first_tries_are_kept_exported_and_counted_in_the_class_view(tmp_path):
    from roundtable.model.exercises import load_bank
    from roundtable.widgets.exercise_widgets import QuizWidget
    from roundtable.work.quizrecord import first_tries

    bank = load_bank("02_iran")
    store = AnswerStore(tmp_path / "ana.sqlite")
    store.set_name("Ana")
    quiz = QuizWidget(list(bank.quiz[:3]), notebook="02_iran", store=store)
    wrong = next(o for o in bank.quiz[0].options if not o.correct)
    quiz.choices[0].value = wrong.text
    quiz.buttons[0].click()
    quiz.choices[0].value = bank.quiz[0].answer.text  # a second try changes nothing
    quiz.buttons[0].click()
    quiz.choices[1].value = bank.quiz[1].answer.text
    quiz.buttons[1].click()
    assert first_tries(store, "02_iran") == {bank.quiz[0].id: False, bank.quiz[1].id: True}
    # Reopened (a new kernel), the score is where it was.
    again = QuizWidget(list(bank.quiz[:3]), notebook="02_iran", store=store)
    assert "1 of 2 right at the first try (1 not yet answered)" in again.score.value
    md, html = export_notebook(store, "02_iran", tmp_path / "class")
    text = md.read_text(encoding="utf-8")
    assert "**Quiz.** 1 of 2 quiz items right at the first try." in text
    assert f"{bank.quiz[0].id}: not right\t(chose: {wrong.text})" in text
    assert text.index(bank.quiz[0].id + ": ") < text.index(bank.quiz[1].id + ": ")  # the notebook's order
    assert "1 of 2 quiz items right" in html.read_text(encoding="utf-8")
    view = class_answers_html(tmp_path / "class")
    assert "<h4>Quiz, first tries</h4>" in view and "<td style='text-align:start'>1 of 2 right</td>" in view


def test_a_hostile_file_name_is_shown_as_text(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "<img src=x onerror=alert(1)>.md").write_text("not an export", encoding="utf-8")
    html = class_view_body(folder)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;.md" in html
