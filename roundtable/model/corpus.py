"""The roundtable as data: load, validate and filter its paragraphs.

`data/roundtable.yaml` holds every paragraph verbatim with its speaker, section
and themes. `load_corpus()` validates the file and returns a `Corpus` whose
`paragraphs` is a pandas DataFrame in the order of the original.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .participants import load_participants

CORPUS_FILE = DATA_DIR / "roundtable.yaml"
THEMES = ("iran", "iraq", "syria", "assassination-strategy")
THEME_TITLES = {
    "iran": "Iran",
    "iraq": "Iraq",
    "syria": "Syria",
    "assassination-strategy": "Assassination as strategy",
}
#: The speaker value of the two unsigned opening paragraphs.
INTRODUCTION = "introduction"
PARAGRAPH_FIELDS = ("id", "position", "speaker", "section", "themes", "text")
SECTION_FIELDS = ("id", "title", "heading_in_source")
COLUMNS = ["id", "position", "speaker", "section", "section_title", "heading_in_source",
           "themes", "primary_theme", "text"]


def speaker_label(speaker: str) -> str:
    """How a speaker is named on the page: the unsigned paragraphs as "Introduction"."""
    return "Introduction" if speaker == INTRODUCTION else speaker


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    #: False where the original has no heading and the title is our own label.
    heading_in_source: bool


@dataclass(frozen=True)
class Corpus:
    paragraphs: pd.DataFrame
    sections: dict[str, Section]
    source: Mapping
    path: Path

    @property
    def speakers(self) -> list[str]:
        """Speakers in order of first appearance, without the introduction."""
        names = self.paragraphs["speaker"].drop_duplicates().tolist()
        return [n for n in names if n != INTRODUCTION]

    @property
    def ids(self) -> list[str]:
        return self.paragraphs["id"].tolist()

    def paragraph(self, paragraph_id: str) -> pd.Series:
        """One paragraph by id; a clear KeyError naming the id otherwise."""
        rows = self.paragraphs[self.paragraphs["id"] == paragraph_id]
        if rows.empty:
            raise KeyError(f"no paragraph with id {paragraph_id!r} in {self.path.name}")
        return rows.iloc[0]

    def text_of(self, paragraph_id: str) -> str:
        return self.paragraph(paragraph_id)["text"]

    def filter(self, speaker: str | None = None, theme: str | None = None,
               section: str | None = None) -> pd.DataFrame:
        """Paragraphs by speaker, theme (main or secondary) and section id."""
        frame = self.paragraphs
        if speaker is not None:
            known = [INTRODUCTION, *self.speakers]
            if speaker not in known:
                raise ValueError(f"unknown speaker {speaker!r}; expected one of {known}")
            frame = frame[frame["speaker"] == speaker]
        if theme is not None:
            if theme not in THEMES:
                raise ValueError(f"unknown theme {theme!r}; expected one of {list(THEMES)}")
            frame = frame[frame["themes"].map(lambda themes: theme in themes)]
        if section is not None:
            if section not in self.sections:
                raise ValueError(f"unknown section {section!r}; expected one of {list(self.sections)}")
            frame = frame[frame["section"] == section]
        return frame

    def source_lines(self) -> list[str]:
        """The source's lines rebuilt from the data: each heading that the
        original has, followed by the paragraphs under it. Image leftovers
        and the photo caption are not part of the text and do not appear."""
        lines: list[str] = []
        current = None
        for row in self.paragraphs.itertuples():
            if row.section != current:
                current = row.section
                if self.sections[current].heading_in_source:
                    lines.append(self.sections[current].title)
            lines.append(row.text)
        return lines


def load_corpus(path: Path | str | None = None, participants_path: Path | str | None = None) -> Corpus:
    """Load and validate the corpus (cached for the default files)."""
    if path is None and participants_path is None:
        return _default_corpus()
    return _load(Path(path or CORPUS_FILE), participants_path)


@lru_cache(maxsize=1)
def _default_corpus() -> Corpus:
    return _load(CORPUS_FILE, None)


@loads_data()
def _load(path: Path, participants_path) -> Corpus:
    speakers = [p.name for p in load_participants(participants_path)]
    document = read_yaml(path)
    source = document.get("source") if isinstance(document, Mapping) else None
    if not isinstance(source, Mapping):
        raise DataError(path, "missing the 'source:' block (publisher, url, published, header_photo)")
    sections = _read_sections(path, top_list(path, document, "sections"))
    rows = [_read_paragraph(path, index, item, sections, speakers)
            for index, item in enumerate(top_list(path, document, "paragraphs"))]
    unique_ids(path, "paragraph", [row["id"] for row in rows])
    _check_positions(path, rows)
    frame = pd.DataFrame(rows, columns=COLUMNS).sort_values("position", ignore_index=True)
    silent = sorted(set(speakers) - set(frame["speaker"]))
    if silent:
        raise DataError(path, f"participant(s) {silent} have no paragraph")
    return Corpus(paragraphs=frame, sections=sections, source=source, path=path)


def _read_sections(path: Path, items: list) -> dict[str, Section]:
    sections = []
    for index, item in enumerate(items):
        entry = Entry(path, entry_label("section", index, item), item)
        entry.check_keys(SECTION_FIELDS)
        sections.append(Section(entry.ident(), entry.text("title"), entry.boolean("heading_in_source")))
    unique_ids(path, "section", [s.id for s in sections])
    return {s.id: s for s in sections}


def _read_paragraph(path: Path, index: int, item, sections: dict[str, Section], speakers: list[str]) -> dict:
    entry = Entry(path, entry_label("paragraph", index, item), item)
    entry.check_keys(PARAGRAPH_FIELDS)
    ident = entry.ident()
    position = entry.integer("position")
    speaker = entry.choice("speaker", [INTRODUCTION, *speakers])
    section = entry.choice("section", list(sections))
    themes = entry.text_list("themes")
    bad = [t for t in themes if t not in THEMES]
    if bad:
        raise entry.fail(f"unknown theme(s) {bad}; expected among {list(THEMES)}")
    if len(themes) > 2 or len(set(themes)) != len(themes):
        raise entry.fail(f"'themes' takes a main theme and at most one secondary theme, got {themes}")
    text = entry.text("text")
    if text != text.strip():
        raise entry.fail("'text' starts or ends with blank space")
    return {
        "id": ident, "position": position, "speaker": speaker, "section": section,
        "section_title": sections[section].title,
        "heading_in_source": sections[section].heading_in_source,
        "themes": tuple(themes), "primary_theme": themes[0], "text": text,
    }


def _check_positions(path: Path, rows: list[dict]) -> None:
    positions = sorted(row["position"] for row in rows)
    expected = list(range(1, len(rows) + 1))
    if positions != expected:
        missing = sorted(set(expected) - set(positions))
        doubled = sorted({p for p in positions if positions.count(p) > 1})
        raise DataError(path, f"positions must run 1..{len(rows)} once each; missing {missing}, repeated {doubled}")


def read_quotation(entry: Entry, corpus: Corpus) -> tuple[str, str, str]:
    """An entry's `paragraph`, `speaker` and `quote`, checked against the
    text: the paragraph exists, is by that speaker, and holds the quote
    verbatim. Returns (paragraph, speaker, quote)."""
    paragraph = entry.text("paragraph")
    if paragraph not in set(corpus.ids):
        raise entry.fail(f"unknown roundtable paragraph id {paragraph!r}")
    row = corpus.paragraph(paragraph)
    speaker = entry.text("speaker")
    if speaker != row["speaker"]:
        raise entry.fail(f"speaker is {speaker!r} but {paragraph} is by {row['speaker']!r}")
    quote = entry.text("quote")
    if quote not in row["text"]:
        raise entry.fail(f"quote is not verbatim in {paragraph}: {quote!r}")
    return paragraph, speaker, quote
