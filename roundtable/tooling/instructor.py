"""The instructor edition: lesson plans, answer keys, facilitation notes and
ground rules, built from the question banks into build/instructor/ (`make
instructor`). Students' notebooks never show these keys."""
from __future__ import annotations

from pathlib import Path

from ..core.paths import REPO_ROOT
from ..model.corpus import THEME_TITLES, load_corpus
from ..model.documents import load_documents
from ..model.exercises import Bank, load_all_banks, load_roleplay
from ..views.documentviews import document_markdown
from ..model.groundrules import ground_rules
from ..model.lessons import shown_prompts
from ..views.planviews import plans_markdown
from ..views.render import markdown_text
from .unitplan import unit_markdown

BUILD_DIR = REPO_ROOT / "build" / "instructor"
M = markdown_text


def T(text: str) -> str:  # noqa: N802 (a data field inside a Markdown table cell)
    return markdown_text(text, in_table=True)


def bank_markdown(bank: Bank, corpus=None) -> str:
    """Lesson plans (the notebook's own, lessons/NN.plan.yaml), then the answer
    key and facilitation notes of one bank. Every field from data is escaped."""
    title = THEME_TITLES.get(bank.theme, bank.theme.capitalize())
    numbers = dict(shown_prompts(bank.notebook))
    out = [f"# {bank.notebook}: {M(title)} (instructor edition)", "",
           "## Lesson plans", "", "The notebook shows the same plans, under \"For the instructor\".", "",
           plans_markdown(bank.notebook), "",
           "## Discussion prompts and facilitation notes", "",
           "Prompts the notebook shows carry its number; the others are spare, for a class that wants more.", ""]
    shown = [p for p in bank.prompts if p.id in numbers]
    shown.sort(key=lambda p: list(numbers).index(p.id))
    spare = [p for p in bank.prompts if p.id not in numbers]
    for prompt in shown + spare:
        label = f"Question {numbers[prompt.id]}" if prompt.id in numbers else "Spare prompt"
        out += [f"### {label} ({prompt.id}) · {prompt.bloom} · {prompt.format} · {prompt.minutes} min", "",
                M(prompt.question), "", f"*Paragraphs:* {M(', '.join(prompt.paragraphs))}", "",
                *([f"*Documents:* {M(', '.join(prompt.documents))} (data/documents.yaml)", ""] if prompt.documents else []),
                f"**Facilitation.** {M(prompt.facilitation)}", ""]
    if bank.essay:
        out += [essay_markdown(bank.essay), ""]
    out += ["## Quiz answer key", ""]
    for number, item in enumerate(bank.quiz, 1):
        out += [f"{number}. {M(item.question)}", ""]
        for option in item.options:
            mark = "**✓ right**" if option.correct else "✗"
            out.append(f"   - {mark} {M(option.text)}: {M(option.feedback)}")
        out += ["", f"   *Why:* {M(item.explanation)} Evidence ({M(item.paragraph)}): “{M(item.quote)}”", ""]
    return "\n".join(out)


def essay_markdown(essay) -> str:
    """The closing essay and its rubric as a Markdown table (also the
    students' copy: the rubric is shared with them in advance)."""
    low, high = essay.words
    out = [f"## Closing essay ({low}–{high} words, about {essay.minutes} minutes)", "", M(essay.question), "",
           f"*Suggested paragraphs:* {M(', '.join(essay.paragraphs))}", "", "### Rubric", "",
           "| criterion | weight | " + " | ".join(f"{lv.score} {T(lv.label)}" for lv in essay.rubric[0].levels) + " |",
           "|---|---:|" + "---|" * len(essay.rubric[0].levels)]
    for criterion in essay.rubric:
        cells = " | ".join(T(lv.descriptor) for lv in criterion.levels)
        out.append(f"| {T(criterion.criterion)} | {criterion.weight} | {cells} |")
    return "\n".join(out)


def roleplay_markdown(for_students: bool = False) -> str:
    """The role-play; the students' handout leaves out the facilitation notes."""
    play = load_roleplay()
    edition = "handout" if for_students else "instructor edition"
    out = [f"# Role-play: {M(play.title)} ({edition})", "",
           f"*Set on {play.date}; {play.minutes_in_class(memo_as_homework=False)} minutes in class, or "
           f"{play.minutes_in_class(memo_as_homework=True)} with the memo written as homework.*",
           "", "## Situation", "", M(play.situation), "", "## Task", "", M(play.task), ""]
    if not for_students:
        out += ["## Facilitation", "", M(play.facilitation), ""]
    out += ["## Role cards", ""]
    for role in play.roles:
        out += [f"### {M(role.name)}", "", "**Interests**", ""] + [f"- {M(i)}" for i in role.interests]
        out += ["", "**Constraints**", ""] + [f"- {M(c)}" for c in role.constraints]
        out += ["", "**What the roundtable says**", ""] + [f"- `{p}`: {M(s)}" for p, s in role.roundtable]
        if role.documents:
            documents = load_documents()
            out += ["", "**What governments said officially that week**", ""]
            for document_id in role.documents:
                out += [document_markdown(documents[document_id]), ""]
        out += ["", "**Questions for the memo**", ""] + [f"- {M(q)}" for q in role.questions] + [""]
    out += ["## Position-memo template", "", M(play.memo_template)]
    return "\n".join(out)


def build_instructor_edition(directory: Path | None = None) -> list[Path]:
    """Write every instructor file; return the paths written."""
    directory = Path(directory or BUILD_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus()
    written = []

    def write(name: str, text: str) -> None:
        path = directory / name
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)

    banks = load_all_banks(corpus=corpus)
    write("ground-rules.md", "# Ground rules for discussing a killing and the threat of war\n\n" + M(ground_rules()))
    write("unit.md", unit_markdown())
    for bank in banks:
        write(f"{bank.notebook}.md", bank_markdown(bank, corpus))
    if (REPO_ROOT / "exercises" / "roleplay.yaml").exists():
        write("roleplay.md", roleplay_markdown())
        write("roleplay-student-handout.md", roleplay_markdown(for_students=True))
    index = ["# Instructor edition", "", "Not for students: these files hold answer keys.", ""]
    index += [f"- [{p.stem}]({p.name})" for p in written]
    write("index.md", "\n".join(index))
    return written


if __name__ == "__main__":
    for path in build_instructor_edition():
        print(path.relative_to(REPO_ROOT))
