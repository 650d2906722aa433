"""Question banks (exercises/NN_name.yaml): discussion prompts with Bloom
level, format, minutes and facilitation notes; quiz items whose options each
carry feedback and whose evidence is a verbatim quote from a paragraph.

The loader validates every bank against the corpus: a quote that is not in
its paragraph, a "who said it?" answer that is not the paragraph's speaker,
or an item without exactly one right option stops with a message naming the
file and the item.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.errors import DataError
from ..core.paths import EXERCISES_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, unique_ids, loads_data
from .corpus import load_corpus
from .documents import load_documents
from .rubrics import Criterion, read_rubric
from .rubrics import prose as _prose

BLOOM_LEVELS = ("remember", "understand", "apply", "analyze", "evaluate", "create")
FORMATS = ("think-pair-share", "structured-academic-controversy", "claim-evidence-reasoning", "role-play",
           "exit-ticket")
QUIZ_KINDS = ("multiple-choice", "who-said-it")
BANK_THEMES = ("start", "timeline", "iran", "iraq", "syria", "assassination-strategy", "synthesis", "forecasts")
BANK_FIELDS = ("notebook", "theme", "prompts", "quiz", "essay")
ESSAY_FIELDS = ("id", "question", "words", "minutes", "paragraphs", "rubric")
PROMPT_FIELDS = ("id", "question", "bloom", "format", "minutes", "paragraphs", "facilitation", "documents")
QUIZ_FIELDS = ("id", "kind", "question", "options", "explanation", "evidence")
OPTION_FIELDS = ("text", "correct", "feedback")


@dataclass(frozen=True)
class Prompt:
    id: str
    question: str
    bloom: str
    format: str
    minutes: int
    paragraphs: tuple[str, ...]
    facilitation: str
    #: Primary documents (data/documents.yaml) the prompt asks students to
    #: check the roundtable against: sourcing and corroboration.
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class QuizItem:
    id: str
    kind: str
    question: str
    options: tuple[Option, ...]
    explanation: str
    paragraph: str
    quote: str

    @property
    def answer(self) -> Option:
        return next(o for o in self.options if o.correct)

    @property
    def shuffled_options(self) -> tuple[Option, ...]:
        """The options in the order students see them. Banks list the right
        answer first for their authors' convenience; this order is mixed,
        but the same on every run and machine (a hash, not a random draw),
        so that stored notebooks and printouts match."""
        def key(option: Option) -> str:
            return hashlib.sha256(f"{self.id}\n{option.text}".encode()).hexdigest()
        return tuple(sorted(self.options, key=key))


@dataclass(frozen=True)
class Essay:
    """A closing essay: its prompt, length, suggested paragraphs and rubric."""
    id: str
    question: str
    words: tuple[int, int]
    minutes: int
    paragraphs: tuple[str, ...]
    rubric: tuple[Criterion, ...]

    def rubric_table(self):
        """The rubric as a table: one row per criterion, one column per level."""

        return pd.DataFrame([{"criterion": c.criterion, "weight (%)": c.weight,
                              **{f"{lv.score} · {lv.label}": lv.descriptor for lv in c.levels}}
                             for c in self.rubric])

    def as_prompt(self) -> Prompt:
        """The essay as an answerable prompt, so the answer box and the
        exports treat it like any other question."""
        low, high = self.words
        return Prompt(self.id, f"{self.question} ({low}–{high} words.)", "create", "essay", self.minutes,
                      self.paragraphs, "")


@dataclass(frozen=True)
class Bank:
    notebook: str
    theme: str
    prompts: tuple[Prompt, ...]
    quiz: tuple[QuizItem, ...]
    path: Path
    essay: Essay | None = None

    @property
    def answerable(self) -> tuple[Prompt, ...]:
        """Everything a student writes an answer to: prompts, then the essay."""
        return self.prompts + ((self.essay.as_prompt(),) if self.essay else ())

    def prompt(self, prompt_id: str) -> Prompt:
        for prompt in self.answerable:
            if prompt.id == prompt_id:
                return prompt
        raise KeyError(f"no prompt {prompt_id!r} in {self.path.name}")

    def quiz_items(self, ids=None) -> list[QuizItem]:
        """Quiz items in bank order, or the given ones in the given order."""
        if ids is None:
            return list(self.quiz)
        by_id = {q.id: q for q in self.quiz}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise KeyError(f"no quiz item(s) {missing} in {self.path.name}")
        return [by_id[i] for i in ids]


def load_bank(name_or_path, corpus=None) -> Bank:
    """A bank by notebook name ("02_iran") or by path."""
    path = Path(name_or_path)
    if path.suffix != ".yaml":
        path = EXERCISES_DIR / f"{name_or_path}.yaml"
    if corpus is None and path.parent == EXERCISES_DIR:
        return _default_bank(path)
    return _load(path, corpus)


@lru_cache(maxsize=None)
def _default_bank(path: Path) -> Bank:
    return _load(path, None)


def load_all_banks(directory: Path | None = None, corpus=None) -> list[Bank]:
    directory = directory or EXERCISES_DIR
    return [_load(path, corpus) for path in sorted(directory.glob("[0-9][0-9]_*.yaml"))]


@loads_data()
def _load(path: Path, corpus) -> Bank:
    corpus = corpus or load_corpus()
    document = read_yaml(path)
    top = Entry(path, "the bank", document)
    top.check_keys(BANK_FIELDS)
    notebook = top.text("notebook")
    if notebook != path.stem:
        raise DataError(path, f"'notebook' is {notebook!r} but the file is named for {path.stem!r}")
    theme = top.choice("theme", BANK_THEMES)
    prompts = tuple(_read_prompt(path, i, item, corpus) for i, item in enumerate(top.mapping_list("prompts")))
    quiz = tuple(_read_quiz(path, i, item, corpus) for i, item in enumerate(top.mapping_list("quiz", required=False)))
    essay = _read_essay(path, top.item["essay"], corpus) if "essay" in top.item else None
    unique_ids(path, "item", [p.id for p in prompts] + [q.id for q in quiz] + ([essay.id] if essay else []))
    return Bank(notebook, theme, prompts, quiz, path, essay)


def _read_essay(path: Path, item, corpus) -> Essay:
    entry = Entry(path, "the essay", item)
    entry.check_keys(ESSAY_FIELDS)
    words = entry.item.get("words")
    if (not isinstance(words, list) or len(words) != 2 or not all(isinstance(n, int) and not isinstance(n, bool)
                                                                   for n in words) or not 0 < words[0] < words[1]):
        raise entry.fail(f"'words' must be [fewest, most] with 0 < fewest < most, got {words!r}")
    minutes = entry.integer("minutes")
    criteria = read_rubric(entry)
    return Essay(entry.ident(), _prose(entry, "question"), (words[0], words[1]), minutes,
                 _paragraph_ids(entry, corpus), criteria)


def _paragraph_ids(entry: Entry, corpus, key: str = "paragraphs") -> tuple[str, ...]:
    ids = entry.text_list(key)
    unknown = [p for p in ids if p not in set(corpus.ids)]
    if unknown:
        raise entry.fail(f"unknown roundtable paragraph id(s) {unknown}")
    return tuple(ids)


#: A paragraph id as our prose cites it: a speaker's (or the introduction's)
#: name in lower case, a hyphen and a number ("dan-2").
CITED_ID = re.compile(r"(?<![\w-])((?:intro|[a-z]+)-\d+)(?![\w-])")


def check_cited_ids(entry: Entry, corpus, *texts: str) -> None:
    """Every paragraph id that prose cites must be one the roundtable has:
    a typo such as "dan-9" would send students to a paragraph that is not there."""
    speakers = {pid.rsplit("-", 1)[0] for pid in corpus.ids}
    known = set(corpus.ids)
    for text in texts:
        for cited in CITED_ID.findall(text or ""):
            if cited.rsplit("-", 1)[0] in speakers and cited not in known:
                raise entry.fail(f"the text cites paragraph {cited!r}, which the roundtable does not have")


def _read_prompt(path: Path, index: int, item, corpus) -> Prompt:
    entry = Entry(path, entry_label("prompt", index, item), item)
    entry.check_keys(PROMPT_FIELDS)
    minutes = entry.integer("minutes")
    if not 1 <= minutes <= 60:
        raise entry.fail(f"'minutes' must be between 1 and 60, got {minutes}")
    documents = tuple(entry.text_list("documents", required=False) or ())
    if documents:
        known = load_documents()
        unknown = [d for d in documents if d not in known]
        if unknown:
            raise entry.fail(f"unknown document id(s) {unknown} (see {known.path.name})")
    check_cited_ids(entry, corpus, _prose(entry, "question"), _prose(entry, "facilitation"))
    return Prompt(entry.ident(), _prose(entry, "question"), entry.choice("bloom", BLOOM_LEVELS),
                  entry.choice("format", FORMATS), minutes, _paragraph_ids(entry, corpus),
                  _prose(entry, "facilitation"), documents)


def _read_quiz(path: Path, index: int, item, corpus) -> QuizItem:
    entry = Entry(path, entry_label("quiz item", index, item), item)
    entry.check_keys(QUIZ_FIELDS)
    kind = entry.choice("kind", QUIZ_KINDS)
    options = []
    for number, raw in enumerate(entry.mapping_list("options"), 1):
        unknown = sorted(set(raw) - set(OPTION_FIELDS))
        if unknown:
            raise entry.fail(f"option {number}: unknown field(s) {unknown}")
        text, feedback, correct = raw.get("text"), raw.get("feedback"), raw.get("correct", False)
        if not isinstance(text, str) or not text.strip():
            raise entry.fail(f"option {number}: missing 'text'")
        if not isinstance(feedback, str) or not feedback.strip():
            raise entry.fail(f"option {number} ({text!r}): missing 'feedback'")
        if not isinstance(correct, bool):
            raise entry.fail(f"option {number}: 'correct' must be true or false")
        options.append(Option(" ".join(text.split()), correct, " ".join(feedback.split())))
    if not 2 <= len(options) <= 5:
        raise entry.fail(f"needs 2 to 5 options, has {len(options)}")
    right = [o for o in options if o.correct]
    if len(right) != 1:
        raise entry.fail(f"needs exactly one option with 'correct: true', has {len(right)}")
    evidence = Entry(path, entry.label + " evidence", entry.item.get("evidence"))
    evidence.check_keys(("paragraph", "quote"))
    paragraph = evidence.text("paragraph")
    if paragraph not in set(corpus.ids):
        raise entry.fail(f"evidence paragraph {paragraph!r} is not in the roundtable")
    quote = evidence.text("quote")
    if quote not in corpus.text_of(paragraph):
        raise entry.fail(f"evidence quote is not verbatim in {paragraph}: {quote!r}")
    question = _prose(entry, "question")
    check_cited_ids(entry, corpus, question, _prose(entry, "explanation"), *(o.feedback for o in options))
    if kind == "who-said-it":
        speaker = corpus.paragraph(paragraph)["speaker"]
        if right[0].text != speaker:
            raise entry.fail(f"the right answer is {right[0].text!r} but {paragraph} is by {speaker}")
        if quote not in question:
            raise entry.fail("a who-said-it question must quote its evidence")
    return QuizItem(entry.ident(), kind, question, tuple(options), _prose(entry, "explanation"), paragraph, quote)


# The role-play has its own module (it reads the events too); its names stay
# importable from here, where they were first defined.
from .roleplay import ROLEPLAY_FILE, Role, RolePlay, load_roleplay  # noqa: E402,F401
