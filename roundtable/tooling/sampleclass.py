"""Writes the made-up students' exports of notebook 03 in exercises/sample-class/
with the package's own exporter (current format: student id, quiz section), so
the class view has answers and quiz scores to show. Not real students' work:
the answers are our own short examples. Run: python -m roundtable.tooling.sampleclass
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from ..core.paths import REPO_ROOT
from ..model.exercises import load_bank
from ..work.answers import AnswerStore
from ..work.exports import export_notebook
from ..work.quizrecord import record_first_try

FOLDER = REPO_ROOT / "exercises" / "sample-class"
NOTEBOOK = "03_iraq"

#: Made-up students: their answers (prompt id → text) and how many of the
#: first quiz items they got right at the first try (of the first four).
STUDENTS = {
    "Sample student A": ({
        "iraq-p11": "Cooperation against ISIS has halted (dan-2), and Shia parties have united against the United "
                    "States while the protests are pushed aside (renad-1).",
        "iraq-p01": "Dan says the strike sacrificed the partnership; the words \"without Iraq's consent\" weigh most, "
                    "because they make it a question of sovereignty, not only of policy.",
    }, 3),
    "Sample student B": ({
        "iraq-p11": "Iraqis who wanted US troops to stay can no longer say so openly (thanassis-3).",
        "iraq-p07": "The roundtable names help against ISIS and a counterweight to Iran and the militias (dan-3). "
                    "It says little about what Iraqi civilians gained or lost.",
    }, 2),
    "Sample student C": ({
        "iraq-p11": "انتقال الاحتجاجات إلى الهامش (renad-1)، وتوقف التعاون ضد داعش (dan-2).",
    }, 1),
}


def write_sample_exports(folder: Path = FOLDER) -> list[Path]:
    quiz = load_bank(NOTEBOOK).quiz[:4]
    written = []
    with tempfile.TemporaryDirectory(prefix="roundtable-sample-") as scratch:
        for number, (name, (answers, right)) in enumerate(STUDENTS.items()):
            store = AnswerStore(Path(scratch) / f"student-{number}.sqlite")
            store.set_name(name)
            for prompt_id, text in answers.items():
                store.save(NOTEBOOK, prompt_id, text)
            for index, item in enumerate(quiz):
                option = item.answer if index < right else next(o for o in item.options if not o.correct)
                record_first_try(store, NOTEBOOK, item.id, option.text, option.correct)
            for old in folder.glob(f"{NOTEBOOK}-{name.replace(' ', '-')}-*"):
                old.unlink()
            md, html = export_notebook(store, NOTEBOOK, folder)
            html.unlink()  # the class view reads the Markdown; one HTML copy in the folder is enough
            written.append(md)
    return written


if __name__ == "__main__":
    for path in write_sample_exports():
        print(path.relative_to(REPO_ROOT))
    sys.exit(0)
