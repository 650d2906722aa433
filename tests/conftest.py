"""Shared fixtures: a small valid data set that tests copy and break on purpose."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    """A writable copy of the fixture data files; tests edit them to break them."""
    for name in ("roundtable.yaml", "participants.yaml", "glossary.yaml", "places.yaml", "eras.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    shutil.copytree(FIXTURES / "events", tmp_path / "events")
    return tmp_path


def load_mini(data: Path):
    """Corpus, glossary, places and events from a copy of the fixtures."""
    from roundtable.model.corpus import load_corpus
    from roundtable.model.events import load_events
    from roundtable.model.glossary import load_glossary
    from roundtable.model.places import load_places

    corpus = load_corpus(data / "roundtable.yaml", data / "participants.yaml")
    glossary = load_glossary(data / "glossary.yaml")
    places = load_places(data / "places.yaml")
    log = load_events(data / "events", corpus=corpus, glossary=glossary, places=places)
    return corpus, glossary, places, log


def data_error(load, path: Path, *args) -> str:
    """The message of the DataError that loading a broken file raises; it
    must name the file."""
    from roundtable.core.errors import DataError

    with pytest.raises(DataError) as caught:
        load(path, *args)
    message = str(caught.value)
    assert path.name in message, message
    return message


def rewrite(path: Path, old: str, new: str) -> Path:
    """Replace one exact piece of a fixture file (and insist it was there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture does not contain {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path
