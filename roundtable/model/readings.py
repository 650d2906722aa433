"""The readings of the theme notebooks (data/readings.yaml).

Each theme notebook shows its paragraphs in parts: a context box in our words,
the passages, and a formative check from the notebook's question bank. The
loader checks every id against the corpus, the events, the glossary and the
bank, and refuses a part whose class time is shorter than its reading time or
longer than the longest stretch allowed without a check.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .corpus import load_corpus
from .events import load_events
from .exercises import load_bank
from .glossary import load_glossary

READINGS_FILE = DATA_DIR / "readings.yaml"
#: Careful reading of dense analytical prose, aloud or alone, in class.
WORDS_PER_MINUTE = 120
#: No stretch of material runs longer than this without a formative check.
MAX_MINUTES_WITHOUT_CHECK = 15
NOTEBOOK_FIELDS = ("notebook", "parts")
PART_FIELDS = ("id", "title", "minutes", "context", "events", "terms", "paragraphs", "check")
CHECK_FIELDS = ("quiz", "prompt")


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    minutes: int
    context: str
    events: tuple[str, ...]
    terms: tuple[str, ...]
    paragraphs: tuple[str, ...]
    check_quiz: tuple[str, ...]
    check_prompt: str | None


@dataclass(frozen=True)
class Reading:
    notebook: str
    parts: tuple[Part, ...]

    def part(self, part_id: str) -> Part:
        for part in self.parts:
            if part.id == part_id:
                return part
        raise KeyError(f"no part {part_id!r} in the readings of {self.notebook}")

    @property
    def paragraphs(self) -> list[str]:
        return [p for part in self.parts for p in part.paragraphs]

    @property
    def minutes(self) -> int:
        return sum(part.minutes for part in self.parts)


def reading_minutes(text: str) -> int:
    """Minutes to read `text` carefully, rounded up."""
    return math.ceil(len(text.split()) / WORDS_PER_MINUTE)


def load_readings(path: Path | str | None = None, *, corpus=None, events=None,
                  glossary=None) -> dict[str, Reading]:
    """Readings by notebook name; cached for the default files."""
    if path is None and corpus is None and events is None and glossary is None:
        return _default_readings()
    return _load(Path(path or READINGS_FILE), corpus, events, glossary)


@lru_cache(maxsize=1)
def _default_readings() -> dict[str, Reading]:
    return _load(READINGS_FILE, None, None, None)


def load_reading(notebook: str) -> Reading:
    readings = load_readings()
    if notebook not in readings:
        raise KeyError(f"no readings for notebook {notebook!r} in {READINGS_FILE.name}; "
                       f"known: {sorted(readings)}")
    return readings[notebook]


@loads_data()
def _load(path: Path, corpus, events, glossary) -> dict[str, Reading]:
    corpus = corpus or load_corpus()
    glossary = glossary or load_glossary()
    events = events or load_events()
    readings = {}
    for index, item in enumerate(top_list(path, read_yaml(path), "notebooks")):
        entry = Entry(path, entry_label("notebook", index, item, "notebook"), item)
        entry.check_keys(NOTEBOOK_FIELDS)
        notebook = entry.text("notebook")
        if notebook in readings:
            raise entry.fail(f"notebook {notebook!r} is listed twice")
        bank = load_bank(notebook)
        parts = tuple(_read_part(path, i, part, corpus, events, glossary, bank)
                      for i, part in enumerate(entry.mapping_list("parts")))
        readings[notebook] = Reading(notebook, parts)
    unique_ids(path, "part", [p.id for r in readings.values() for p in r.parts])
    return readings


def _read_part(path: Path, index: int, item, corpus, events, glossary, bank) -> Part:
    entry = Entry(path, entry_label("part", index, item), item)
    entry.check_keys(PART_FIELDS)
    paragraphs = tuple(entry.text_list("paragraphs"))
    unknown = [p for p in paragraphs if p not in set(corpus.ids)]
    if unknown:
        raise entry.fail(f"unknown roundtable paragraph id(s) {unknown}")
    event_ids = tuple(entry.text_list("events", required=False))
    missing = [e for e in event_ids if e not in events.frame["id"].values]
    if missing:
        raise entry.fail(f"unknown event id(s) {missing}; events are in data/events/")
    terms = tuple(entry.text_list("terms", required=False))
    missing = [t for t in terms if t not in glossary.entries]
    if missing:
        raise entry.fail(f"unknown glossary id(s) {missing}")
    context = " ".join(entry.text("context").split())
    minutes = entry.integer("minutes")
    words = context + " " + " ".join(corpus.text_of(p) for p in paragraphs)
    needed = reading_minutes(words)
    if minutes < needed:
        raise entry.fail(f"'minutes' is {minutes} but reading the part takes about {needed} "
                         f"({len(words.split())} words at {WORDS_PER_MINUTE} a minute)")
    if minutes > MAX_MINUTES_WITHOUT_CHECK:
        raise entry.fail(f"'minutes' is {minutes}: split the part, so that no more than "
                         f"{MAX_MINUTES_WITHOUT_CHECK} minutes pass without a check")
    quiz, prompt = _read_check(entry, bank)
    return Part(entry.ident(), entry.text("title"), minutes, context, event_ids, terms, paragraphs, quiz, prompt)


def _read_check(entry: Entry, bank) -> tuple[tuple[str, ...], str | None]:
    check = entry.item.get("check")
    if check is None:
        raise entry.fail("missing field 'check': every part ends with a formative check")
    inner = Entry(entry.path, f"{entry.label}, check", check)
    inner.check_keys(CHECK_FIELDS)
    quiz = tuple(inner.text_list("quiz", required=False))
    prompt = inner.text("prompt", required=False)
    if not quiz and prompt is None:
        raise entry.fail("'check' needs quiz item ids, a prompt id, or both")
    known_quiz = {q.id for q in bank.quiz}
    missing = [q for q in quiz if q not in known_quiz]
    if missing:
        raise entry.fail(f"check: quiz item(s) {missing} are not in {bank.path.name}")
    if prompt is not None and prompt not in {p.id for p in bank.prompts}:
        raise entry.fail(f"check: prompt {prompt!r} is not in {bank.path.name}")
    return quiz, prompt


def covered_paragraphs(readings: dict[str, Reading] | None = None) -> set[str]:
    """Every paragraph id that some theme notebook reads."""
    readings = readings or load_readings()
    return {p for reading in readings.values() for p in reading.paragraphs}


def missing_paragraphs(corpus=None, readings=None) -> list[str]:
    corpus = corpus or load_corpus()
    covered = covered_paragraphs(readings)
    return [p for p in corpus.ids if p not in covered]


def check_covers_corpus(corpus=None, readings=None, path: Path | None = None) -> None:
    """Raise a DataError naming the paragraphs no theme notebook reads."""
    missing = missing_paragraphs(corpus, readings)
    if missing:
        raise DataError(path or READINGS_FILE, f"paragraph(s) {missing} appear in no theme notebook")
