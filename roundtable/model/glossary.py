"""The glossary: people, organisations, places and concepts a student needs.

`data/glossary.yaml` holds each entry's definition (our own words), the
spellings the roundtable uses (`variants`) and, for names, the original
script. Which paragraphs mention an entry is computed here from the text.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.dates import format_dated, parse_any
from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .asof import load_as_of
from .corpus import load_corpus
from .sources import Source, read_sources

GLOSSARY_FILE = DATA_DIR / "glossary.yaml"
KINDS = ("person", "organisation", "place", "concept", "document", "media", "movement")
GLOSSARY_FIELDS = ("id", "term", "kind", "original", "original_language", "variants",
                   "other_spellings", "definition", "sources", "since_2020")
SINCE_FIELDS = ("date", "text", "sources")
#: Kinds whose entries state facts about the world and so must cite a source.
KINDS_NEEDING_SOURCES = ("person", "organisation", "place", "movement", "document", "media")


@dataclass(frozen=True)
class StatusChange:
    """What became of a person or an organisation after January 2020: dated,
    in our words, with its own sources."""
    start: dt.date
    precision: str
    text: str
    sources: tuple[Source, ...]

    @property
    def when(self) -> str:
        return format_dated(self.start, self.precision)


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: str
    kind: str
    definition: str
    variants: tuple[str, ...]
    other_spellings: tuple[str, ...] = ()
    original: str | None = None
    original_language: str | None = None
    sources: tuple[Source, ...] = ()
    since_2020: tuple[StatusChange, ...] = ()

    @property
    def note(self) -> str:
        """The definition followed by what changed since 2020, dated: what
        a footnote or a table shows."""
        if not self.since_2020:
            return self.definition
        return self.definition + " Since 2020: " + " ".join(f"({c.when}) {c.text}" for c in self.since_2020)


@dataclass(frozen=True)
class Mention:
    """One place where a paragraph's text names a glossary entry."""
    entry_id: str
    start: int
    end: int
    matched: str


class Glossary:
    def __init__(self, entries: list[GlossaryEntry], path: Path):
        self.entries = {e.id: e for e in entries}
        self.path = path
        self._variant_owner = {v.casefold(): e.id for e in entries for v in e.variants}
        variants = sorted(self._variant_owner, key=len, reverse=True)
        # Longest variant first so "Abu Mahdi al-Muhandis" wins over "Muhandis";
        # the look-arounds keep "Iran" from matching inside "Iranian".
        alternation = "|".join(re.escape(v) for v in variants) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entry_id: str) -> GlossaryEntry:
        return self.entries[entry_id]

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping mentions in `text`, in order, variants included."""
        return [Mention(self._variant_owner[m.group(0).casefold()], m.start(), m.end(), m.group(0))
                for m in self._pattern.finditer(text)]

    def mentioned_ids(self, text: str) -> list[str]:
        """Entry ids mentioned in `text`, each once, in order of first mention."""
        return list(dict.fromkeys(m.entry_id for m in self.mentions(text)))

    def paragraphs_mentioning(self, corpus) -> dict[str, list[str]]:
        """For each entry, the ids of the paragraphs that mention it."""
        found: dict[str, list[str]] = {entry_id: [] for entry_id in self.entries}
        for row in corpus.paragraphs.itertuples():
            for entry_id in self.mentioned_ids(row.text):
                found[entry_id].append(row.id)
        return found

    def table(self, corpus=None) -> pd.DataFrame:
        """The glossary as a table, with the computed paragraph ids."""

        where = self.paragraphs_mentioning(corpus or load_corpus())
        rows = [{
            "term": e.term,
            "kind": e.kind,
            "original": e.original or "",
            "spellings in the text": ", ".join(e.variants),
            "paragraphs": ", ".join(where[e.id]),
            "definition": e.note,
        } for e in self.entries.values()]
        return pd.DataFrame(rows).sort_values("term", key=lambda s: s.str.casefold(), ignore_index=True)


def load_glossary(path: Path | str | None = None) -> Glossary:
    if path is None:
        return _default_glossary()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_glossary() -> Glossary:
    return _load(GLOSSARY_FILE)


@loads_data()
def _load(path: Path) -> Glossary:
    items = top_list(path, read_yaml(path), "entries")
    entries = [_read_entry(path, index, item) for index, item in enumerate(items)]
    unique_ids(path, "glossary entry", [e.id for e in entries])
    owners: dict[str, str] = {}
    for entry in entries:
        for variant in entry.variants:
            other = owners.setdefault(variant.casefold(), entry.id)
            if other != entry.id:
                raise DataError(path, f"variant {variant!r} also belongs to '{other}'; a spelling may name one entry only",
                                f"glossary entry '{entry.id}'")
    return Glossary(entries, path)


def _read_entry(path: Path, index: int, item) -> GlossaryEntry:
    entry = Entry(path, entry_label("glossary entry", index, item), item)
    entry.check_keys(GLOSSARY_FIELDS)
    kind = entry.choice("kind", KINDS)
    original, language = entry.original_name()
    sources = read_sources(entry, required=False)
    if kind in KINDS_NEEDING_SOURCES and not sources:
        raise entry.fail(f"a {kind} entry needs at least one source under 'sources'")
    return GlossaryEntry(
        id=entry.ident(),
        term=entry.text("term"),
        kind=kind,
        definition=" ".join(entry.text("definition").split()),
        variants=tuple(entry.text_list("variants", allow_empty=True)),
        other_spellings=tuple(entry.text_list("other_spellings", required=False, allow_empty=True)),
        original=original,
        original_language=language,
        sources=sources,
        since_2020=_read_since(entry),
    )


def _read_since(entry: Entry) -> tuple[StatusChange, ...]:
    """`since_2020:` a list of dated changes, oldest first, each sourced."""
    changes = []
    for number, item in enumerate(entry.mapping_list("since_2020", required=False), 1):
        change = Entry(entry.path, f"{entry.label}, since_2020 #{number}", item)
        change.check_keys(SINCE_FIELDS)
        try:
            start, _, precision = parse_any(change.text("date"))
        except ValueError as exc:
            raise change.fail(str(exc)) from None
        if start < dt.date(2020, 1, 1):
            raise change.fail(f"date {start} is before 2020; put earlier facts in the definition")
        if start > load_as_of():
            raise change.fail(f"date {start} is after the collection's as-of date {load_as_of()} (data/as_of.yaml)")
        changes.append(StatusChange(start, precision, " ".join(change.text("text").split()), read_sources(change)))
    if [c.start for c in changes] != sorted(c.start for c in changes):
        raise entry.fail("since_2020: list the changes oldest first")
    return tuple(changes)
