"""What each lesson (lessons/NN_name.md) shows, read from its text, and how
long it takes a student alone.

The lesson is the one source of a notebook, so the prompts a student meets,
and the number each carries, are read from its `answer_box(...)` calls, never
listed twice. The export uses them to list exactly those prompts, in the
notebook's order and with its numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..core.errors import DataError
from ..core.paths import LESSONS_DIR
from .corpus import load_corpus
from .documents import load_documents
from .exercises import load_bank
from .forecasts import load_forecasts
from .readings import load_reading, load_readings, reading_minutes

ANSWER_BOX = re.compile(r'\banswer_box\(\s*"(?P<notebook>[\w-]+)"\s*,\s*"(?P<prompt>[\w-]+)"'
                        r'(?:\s*,\s*"(?P<number>[^"]*)")?\s*\)')


def shown_prompts(notebook: str, lessons_dir: Path | None = None) -> list[tuple[str, str]]:
    """(prompt id, number as shown) for every answer box in the lesson, in order."""
    return list(_shown_prompts(notebook, Path(lessons_dir or LESSONS_DIR)))


@lru_cache(maxsize=32)
def _shown_prompts(notebook: str, lessons_dir: Path) -> tuple[tuple[str, str], ...]:
    path = lessons_dir / f"{notebook}.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(path, f"cannot be read ({exc.strerror or exc})") from None
    found = []
    for match in ANSWER_BOX.finditer(text):
        where = f"answer_box for {match['prompt']!r}"
        if match["notebook"] != notebook:
            raise DataError(path, f"names notebook {match['notebook']!r}, not {notebook!r}", where)
        if not match["number"]:
            raise DataError(path, "has no number (write answer_box(notebook, prompt, \"2.1\"))", where)
        found.append((match["prompt"], match["number"]))
    return tuple(found)


# --- How long a lesson takes, computed from what it shows ----------------------

READING_CALL = re.compile(r'\bshow_reading\(\s*"(?P<notebook>[\w-]+)"\s*,\s*"(?P<part>[\w-]+)"\s*\)')
PASSAGES_CALL = re.compile(r'\bshow_passages\(\s*section\s*=\s*"(?P<section>[\w-]+)"\s*\)')
DOCUMENTS_CALL = re.compile(r'\bprimary_documents\(\s*"(?P<notebook>[\w-]+)"\s*\)')


def documents_words(notebook: str) -> str:
    """The words of the primary documents a notebook shows: what each is and
    its passages (the citations are skimmed, not read)."""
    return " ".join(" ".join([d.what, *(p.text for p in d.passages)])
                    for d in load_documents().for_notebook(notebook))
CHECK_QUIZ_CALL = re.compile(r'\bcheck_quiz\(\s*"(?P<notebook>[\w-]+)"\s*,\s*"(?P<part>[\w-]+)"\s*\)')
QUIZ_CALL = re.compile(r'\bquiz\(\s*"(?P<notebook>[\w-]+)"\s*(?:,\s*\[(?P<items>[^\]]*)\])?\s*\)')
REVIEW_CALL = re.compile(r'\breview_quiz\(\s*"(?P<notebook>[\w-]+)"\s*\)')
FORECASTS_CALL = re.compile(r'\bblind_forecasts\(\s*\)')
#: About a minute to answer a quiz item and read its feedback; half a minute
#: to think about and type one blind forecast.
QUIZ_ITEM_MINUTES = 1
FORECAST_MINUTES = 0.5


@dataclass(frozen=True)
class LessonTime:
    """A student's time alone with a lesson, in minutes, by kind of work."""
    reading: int
    prompts: int
    quiz_items: int
    forecasts: int
    essay: int

    @property
    def without_essay(self) -> int:
        return round(self.reading + self.prompts + self.quiz_items * QUIZ_ITEM_MINUTES
                     + self.forecasts * FORECAST_MINUTES)


def review_items(notebook: str) -> list[str]:
    """Quiz items that no reading part uses as its check: the end-of-notebook review."""
    readings = load_readings()
    used = {q for part in readings[notebook].parts for q in part.check_quiz} if notebook in readings else set()
    return [q.id for q in load_bank(notebook).quiz if q.id not in used]


def lesson_time(notebook: str, lessons_dir: Path | None = None) -> LessonTime:
    """Reading time of the lesson's own prose and of the readings and
    passages it shows (at WORDS_PER_MINUTE), each shown prompt's minutes, the quiz items it asks,
    the blind forecasts, and the essay apart."""
    path = Path(lessons_dir or LESSONS_DIR) / f"{notebook}.md"
    text = path.read_text(encoding="utf-8")
    bank, corpus = load_bank(notebook), load_corpus()
    # The lesson's own prose (its Markdown, without the front matter and code).
    prose = re.sub(r"```\{code-cell\}.*?```", " ", text.split("\n---\n", 1)[-1], flags=re.S)
    reading = reading_minutes(prose)
    for match in READING_CALL.finditer(text):
        part = load_reading(match["notebook"]).part(match["part"])
        words = " ".join([part.context, *(corpus.paragraph(p)["text"] for p in part.paragraphs)])
        reading += reading_minutes(words)
    for match in PASSAGES_CALL.finditer(text):
        reading += reading_minutes(" ".join(corpus.filter(section=match["section"])["text"]))
    for match in DOCUMENTS_CALL.finditer(text):
        reading += reading_minutes(documents_words(match["notebook"]))
    prompts = essay = 0
    for prompt_id, _ in shown_prompts(notebook, lessons_dir):
        prompt = next(p for p in bank.answerable if p.id == prompt_id)
        if prompt.format == "essay":
            essay += prompt.minutes
        else:
            prompts += prompt.minutes
    items = sum(len(load_reading(m["notebook"]).part(m["part"]).check_quiz) for m in CHECK_QUIZ_CALL.finditer(text))
    for match in QUIZ_CALL.finditer(text):
        listed = [i for i in re.findall(r'"([\w-]+)"', match["items"] or "")]
        items += len(listed) if match["items"] is not None else len(bank.quiz)
    items += sum(len(review_items(m["notebook"])) for m in REVIEW_CALL.finditer(text))
    forecasts = len(load_forecasts()) * len(FORECASTS_CALL.findall(text))
    return LessonTime(reading, prompts, items, forecasts, essay)


def read_paragraphs(notebook: str, lessons_dir: Path | None = None) -> set[str]:
    """The paragraphs the lesson shows in full as readings: its reading parts
    and the sections it prints. A question about any other paragraph must
    show that paragraph with it."""
    return set(_read_paragraphs(notebook, Path(lessons_dir or LESSONS_DIR)))


@lru_cache(maxsize=32)
def _read_paragraphs(notebook: str, lessons_dir: Path) -> frozenset[str]:
    path = lessons_dir / f"{notebook}.md"
    text = path.read_text(encoding="utf-8")
    shown = {p for m in READING_CALL.finditer(text) for p in load_reading(m["notebook"]).part(m["part"]).paragraphs}
    corpus = load_corpus()
    for match in PASSAGES_CALL.finditer(text):
        shown |= set(corpus.filter(section=match["section"])["id"])
    return frozenset(shown)


def referenced_paragraphs(notebook: str, lessons_dir: Path | None = None) -> list[str]:
    """Paragraphs the lesson's questions (shown prompts and quiz items) are
    about but that it does not show as readings, in reading order: the
    lesson shows them once, in a section of their own."""
    text = (Path(lessons_dir or LESSONS_DIR) / f"{notebook}.md").read_text(encoding="utf-8")
    bank = load_bank(notebook)
    wanted = [p for pid, _ in shown_prompts(notebook, lessons_dir)
              for p in next(q for q in bank.answerable if q.id == pid).paragraphs]
    items = [item for m in CHECK_QUIZ_CALL.finditer(text) for item in load_reading(m["notebook"]).part(m["part"]).check_quiz]
    for match in QUIZ_CALL.finditer(text):
        items += re.findall(r'"([\w-]+)"', match["items"]) if match["items"] else [q.id for q in bank.quiz]
    items += [i for m in REVIEW_CALL.finditer(text) for i in review_items(m["notebook"])]
    by_id = {q.id: q for q in bank.quiz}
    wanted += [by_id[i].paragraph for i in items if i in by_id]
    read = read_paragraphs(notebook, lessons_dir)
    order = list(load_corpus().paragraphs["id"])
    return sorted({p for p in wanted if p not in read}, key=order.index)
