"""Primary documents (data/documents.yaml): the official positions beside the panel.

Each document is a short set of verbatim passages from a statement, a letter
or a report, with who issued it, when, from which perspective, who translated
it (if anyone) and the copies it is quoted from. The loader refuses an entry
with any of that missing, a date that is not a real day, a passage that names
a source the entry does not have, or a notebook list naming an unknown
document, with a message naming the file and the entry.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..core.dates import parse_dated
from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .sources import Source, read_sources

DOCUMENTS_FILE = DATA_DIR / "documents.yaml"
#: The perspectives the collection shows, in the order a list of documents uses.
PERSPECTIVES = ("American", "Iranian", "Iraqi", "Kurdish", "Syrian", "Israeli", "UN")
DOCUMENT_FIELDS = ("id", "perspective", "speaker", "what", "date", "translation", "passages", "sources", "note")
PASSAGE_FIELDS = ("text", "source")
#: The notebook that shows every document (the synthesis).
ALL_DOCUMENTS_NOTEBOOK = "06_synthesis"


@dataclass(frozen=True)
class Passage:
    text: str
    source: Source

    @property
    def starts_mid_sentence(self) -> bool:
        return self.text[:1].islower()

    @property
    def ends_mid_sentence(self) -> bool:
        return self.text[-1:] not in ".!?"


@dataclass(frozen=True)
class Document:
    id: str
    perspective: str
    speaker: str
    what: str
    date: dt.date
    passages: tuple[Passage, ...]
    sources: tuple[Source, ...]
    translation: str | None = None
    note: str | None = None

    @property
    def when(self) -> str:
        """The date as readers write it: 3 January 2020."""
        return f"{self.date.day} {self.date.strftime('%B %Y')}"


@dataclass(frozen=True)
class DocumentSet:
    documents: tuple[Document, ...]
    notebooks: dict[str, tuple[str, ...]]
    path: Path

    def __getitem__(self, document_id: str) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        raise KeyError(f"no document {document_id!r} in {self.path.name}")

    def __contains__(self, document_id: str) -> bool:
        return any(d.id == document_id for d in self.documents)

    def for_notebook(self, notebook: str) -> tuple[Document, ...]:
        """The documents a notebook shows: its own list, or all of them in the
        synthesis; ordered by perspective, then date."""
        if notebook == ALL_DOCUMENTS_NOTEBOOK:
            chosen = self.documents
        else:
            chosen = tuple(self[i] for i in self.notebooks.get(notebook, ()))
        return tuple(sorted(chosen, key=lambda d: (PERSPECTIVES.index(d.perspective), d.date)))

    def used_in(self, document_id: str) -> list[str]:
        """The notebooks that show a document (the synthesis shows all)."""
        return [nb for nb, ids in self.notebooks.items() if document_id in ids] + [ALL_DOCUMENTS_NOTEBOOK]


def load_documents(path: Path | str | None = None) -> DocumentSet:
    if path is None:
        return _default_documents()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_documents() -> DocumentSet:
    return _load(DOCUMENTS_FILE)


@loads_data()
def _load(path: Path) -> DocumentSet:
    document = read_yaml(path)
    items = top_list(path, document, "documents")
    documents = tuple(_read_document(path, index, item) for index, item in enumerate(items))
    unique_ids(path, "document", [d.id for d in documents])
    known = {d.id for d in documents}
    notebooks = document.get("notebooks") or {}
    if not isinstance(notebooks, dict):
        raise DataError(path, "'notebooks:' must map a notebook name to a list of document ids")
    lists = {}
    for notebook, ids in notebooks.items():
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise DataError(path, f"notebooks: {notebook}: must be a list of document ids")
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise DataError(path, f"notebooks: {notebook}: unknown document id(s) {unknown}")
        lists[str(notebook)] = tuple(ids)
    return DocumentSet(documents, lists, path)


def _read_document(path: Path, index: int, item) -> Document:
    entry = Entry(path, entry_label("document", index, item), item)
    entry.check_keys(DOCUMENT_FIELDS)
    perspective = entry.choice("perspective", PERSPECTIVES)
    raw_date = entry.item.get("date")
    if not isinstance(raw_date, str):
        raise entry.fail(f"'date' must be quoted text such as \"2020-01-03\", got {raw_date!r}")
    try:
        date, _ = parse_dated(raw_date, "day")
    except ValueError as exc:
        raise entry.fail(str(exc)) from None
    sources = read_sources(entry)
    passages = []
    raw_passages = entry.mapping_list("passages")
    for number, raw in enumerate(raw_passages, 1):
        unknown = sorted(set(raw) - set(PASSAGE_FIELDS))
        if unknown:
            raise entry.fail(f"passage {number}: unknown field(s) {unknown}; allowed: {list(PASSAGE_FIELDS)}")
        text = raw.get("text")
        if not isinstance(text, str) or not text.strip():
            raise entry.fail(f"passage {number}: missing 'text'")
        source_number = raw.get("source", 1)
        if not isinstance(source_number, int) or isinstance(source_number, bool) \
                or not 1 <= source_number <= len(sources):
            raise entry.fail(f"passage {number}: 'source' must be a number from 1 to {len(sources)} "
                             f"(the position in 'sources'), got {source_number!r}")
        passages.append(Passage(" ".join(text.split()), sources[source_number - 1]))
    return Document(entry.ident(), perspective, entry.text("speaker").strip(), " ".join(entry.text("what").split()),
                    date, tuple(passages), sources,
                    _optional(entry, "translation"), _optional(entry, "note"))


def _optional(entry: Entry, key: str) -> str | None:
    value = entry.text(key, required=False)
    return " ".join(value.split()) if value else None
