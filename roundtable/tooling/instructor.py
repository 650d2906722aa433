"""The instructor edition: lesson plans, answer keys, facilitation notes and
ground rules, built from the question banks into build/instructor/ (`make
instructor`). Students' notebooks never show these keys."""
from __future__ import annotations

import math
from pathlib import Path

from ..core.paths import REPO_ROOT
from ..model.corpus import THEME_TITLES, load_corpus
from ..model.exercises import BLOOM_LEVELS, Bank, load_all_banks, load_roleplay
from ..model.groundrules import ground_rules

BUILD_DIR = REPO_ROOT / "build" / "instructor"
#: Reading speed for planning: a careful classroom pace, not a skim.
WORDS_PER_MINUTE = 150
OPENING_MINUTES, QUIZ_MINUTES = 5, 8


def reading_minutes(bank: Bank, corpus=None) -> int:
    corpus = corpus or load_corpus()
    theme = bank.theme if bank.theme in THEME_TITLES else None
    frame = corpus.filter(theme=theme) if theme else corpus.paragraphs.iloc[0:0]
    words = sum(len(text.split()) for text in frame["text"])
    return max(5, math.ceil(words / WORDS_PER_MINUTE))


def lesson_plan(bank: Bank, class_minutes: int, corpus=None) -> list[tuple[int, str, int]]:
    """(start minute, activity, minutes) rows that fit in `class_minutes`:
    opening, reading, a formative quiz, prompts from lower to higher Bloom
    levels as time allows, and an exit ticket to close."""
    reading = reading_minutes(bank, corpus)
    exit_tickets = [p for p in bank.prompts if p.format == "exit-ticket"]
    closing = exit_tickets[0] if exit_tickets else None
    budget = class_minutes - OPENING_MINUTES - reading - (QUIZ_MINUTES if bank.quiz else 0) - (closing.minutes if closing else 0)
    chosen = []
    for prompt in sorted((p for p in bank.prompts if p is not closing), key=lambda p: BLOOM_LEVELS.index(p.bloom)):
        if prompt.minutes <= budget:
            chosen.append(prompt)
            budget -= prompt.minutes
    rows, clock = [], 0

    def add(activity: str, minutes: int) -> None:
        nonlocal clock
        rows.append((clock, activity, minutes))
        clock += minutes

    add("Opening: focus question, objectives, ground rules reminder", OPENING_MINUTES)
    add("Reading the theme's paragraphs (in the notebook, or printed)", reading)
    if bank.quiz:
        add(f"Formative check: self-check quiz ({len(bank.quiz)} items)", QUIZ_MINUTES)
    for prompt in chosen:
        add(f"{prompt.id} ({prompt.bloom}, {prompt.format}): {prompt.question}", prompt.minutes)
    if closing:
        add(f"Exit ticket {closing.id}: {closing.question}", closing.minutes)
    if budget > 0:
        add("Slack: questions, recap, or a prompt continued", budget)
    return rows


def _plan_markdown(bank: Bank, minutes: int, corpus) -> str:
    lines = [f"### {minutes}-minute class", "", "| start | activity | minutes |", "|---:|---|---:|"]
    for start, activity, length in lesson_plan(bank, minutes, corpus):
        lines.append(f"| {start} | {activity.replace('|', '/')} | {length} |")
    return "\n".join(lines)


def bank_markdown(bank: Bank, corpus=None) -> str:
    """Lesson plans, then the answer key and facilitation notes of one bank."""
    corpus = corpus or load_corpus()
    title = THEME_TITLES.get(bank.theme, bank.theme.capitalize())
    out = [f"# {bank.notebook}: {title} (instructor edition)", "",
           "## Lesson plans", "", _plan_markdown(bank, 50, corpus), "", _plan_markdown(bank, 90, corpus), "",
           "## Discussion prompts and facilitation notes", ""]
    for prompt in bank.prompts:
        out += [f"### {prompt.id} · {prompt.bloom} · {prompt.format} · {prompt.minutes} min", "",
                prompt.question, "", f"*Paragraphs:* {', '.join(prompt.paragraphs)}", "",
                f"**Facilitation.** {prompt.facilitation}", ""]
    if bank.essay:
        out += [essay_markdown(bank.essay), ""]
    out += ["## Quiz answer key", ""]
    for number, item in enumerate(bank.quiz, 1):
        out += [f"{number}. {item.question}", ""]
        for option in item.options:
            mark = "**✓ right**" if option.correct else "✗"
            out.append(f"   - {mark} {option.text}: {option.feedback}")
        out += ["", f"   *Why:* {item.explanation} Evidence ({item.paragraph}): “{item.quote}”", ""]
    return "\n".join(out)


def essay_markdown(essay) -> str:
    """The closing essay and its rubric as a Markdown table (also the
    students' copy: the rubric is shared with them in advance)."""
    low, high = essay.words
    out = [f"## Closing essay ({low}–{high} words, about {essay.minutes} minutes)", "", essay.question, "",
           f"*Suggested paragraphs:* {', '.join(essay.paragraphs)}", "", "### Rubric", "",
           "| criterion | weight | " + " | ".join(f"{lv.score} {lv.label}" for lv in essay.rubric[0].levels) + " |",
           "|---|---:|" + "---|" * len(essay.rubric[0].levels)]
    for criterion in essay.rubric:
        cells = " | ".join(lv.descriptor.replace("|", "/") for lv in criterion.levels)
        out.append(f"| {criterion.criterion} | {criterion.weight} | {cells} |")
    return "\n".join(out)


def roleplay_markdown(for_students: bool = False) -> str:
    """The role-play; the students' handout leaves out the facilitation notes."""
    play = load_roleplay()
    edition = "handout" if for_students else "instructor edition"
    out = [f"# Role-play: {play.title} ({edition})", "",
           f"*Set on {play.date}; {play.minutes_in_class(memo_as_homework=False)} minutes in class, or "
           f"{play.minutes_in_class(memo_as_homework=True)} with the memo written as homework.*",
           "", "## Situation", "", play.situation, "", "## Task", "", play.task, ""]
    if not for_students:
        out += ["## Facilitation", "", play.facilitation, ""]
    out += ["## Role cards", ""]
    for role in play.roles:
        out += [f"### {role.name}", "", "**Interests**", ""] + [f"- {i}" for i in role.interests]
        out += ["", "**Constraints**", ""] + [f"- {c}" for c in role.constraints]
        out += ["", "**What the roundtable says**", ""] + [f"- `{p}`: {s}" for p, s in role.roundtable]
        out += ["", "**Questions for the memo**", ""] + [f"- {q}" for q in role.questions] + [""]
    out += ["## Position-memo template", "", play.memo_template]
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
    write("ground-rules.md", "# Ground rules for discussing a killing and the threat of war\n\n" + ground_rules())
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
