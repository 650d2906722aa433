"""A student's first try at each quiz item, kept in the answer store beside
the written answers (rows named "quiz:<item id>", so no new table and nothing
to migrate), exported with the notebook's answers and counted in the class view.

Only the first try counts: the quiz is for practice, and a student may check
again as often as they like."""
from __future__ import annotations

import re
from html import escape

from ..model.exercises import load_bank
from .answers import AnswerStore

QUIZ_KEY_PREFIX = "quiz:"
#: The export's section holding the first tries (read back by the class view).
QUIZ_SECTION = "quiz-first-tries"
RIGHT, NOT_RIGHT = "right", "not right"
_LINE = re.compile(r"^(?P<item>[\w-]+): (?P<verdict>right|not right)(?:\t.*)?$", re.M)


def record_first_try(store: AnswerStore, notebook: str, item_id: str, option_text: str, correct: bool) -> bool:
    """Keep the first try at an item; later tries change nothing. True when recorded now."""
    key = QUIZ_KEY_PREFIX + item_id
    if store.load(notebook, key) is not None:
        return False
    return store.save(notebook, key, f"{RIGHT if correct else NOT_RIGHT}: {option_text}").ok


def first_try_records(store: AnswerStore, notebook: str) -> dict[str, tuple[bool, str]]:
    """Item id → (right at the first try, the option chosen), in the bank's
    order (the notebook's), for every item tried."""
    tried = {}
    for answer in store.answers(notebook):
        if answer.prompt_id.startswith(QUIZ_KEY_PREFIX):
            verdict, _, option = answer.text.partition(": ")
            tried[answer.prompt_id.removeprefix(QUIZ_KEY_PREFIX)] = (verdict == RIGHT, option)
    order = [item.id for item in load_bank(notebook).quiz]
    return dict(sorted(tried.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))


def first_tries(store: AnswerStore, notebook: str) -> dict[str, bool]:
    """Item id → right at the first try, for every item tried in the notebook."""
    return {item: ok for item, (ok, _) in first_try_records(store, notebook).items()}


def quiz_appendix(store: AnswerStore, notebook: str) -> tuple[str, str] | None:
    """The export's quiz section (Markdown, HTML), or None if no item was tried."""
    tries = first_try_records(store, notebook)
    if not tries:
        return None
    right = sum(ok for ok, _ in tries.values())
    summary = f"{right} of {len(tries)} quiz items right at the first try."
    # One line per item, the option after a tab, so that the verdict stays machine-readable.
    lines = "\n".join(f"{item}: {RIGHT if ok else NOT_RIGHT}\t(chose: {' '.join(option.split())})"
                      for item, (ok, option) in tries.items())
    markdown = f"## {QUIZ_SECTION}\n**Quiz.** {summary}\n~~~~\n{lines}\n~~~~"
    items = "".join(f"<li>{escape(item)}: {'✓ right' if ok else '✗ not right'} (chose: {escape(option)})</li>"
                    for item, (ok, option) in tries.items())
    return markdown, f"<section><h2>Quiz</h2><p>{escape(summary)}</p><ul>{items}</ul></section>"


def quiz_score(section_text: str | None) -> tuple[int, int] | None:
    """(right, tried) from an export's quiz section, or None if it has none."""
    if not section_text:
        return None
    verdicts = [m["verdict"] for m in _LINE.finditer(section_text)]
    return (verdicts.count(RIGHT), len(verdicts)) if verdicts else None
