"""Every data file, broken in every way we could think of, gives a DataError
naming the file, and nothing else (issue 17): truncations, swapped types,
duplicate keys, impossible dates and wrong encodings, fed to every loader."""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
import yaml

from roundtable.core.errors import DataError
from roundtable.core.paths import DATA_DIR, EXERCISES_DIR, LESSONS_DIR
from roundtable.core.yamlfile import read_yaml
from roundtable.model.asof import load_as_of
from roundtable.model.claims import load_claims
from roundtable.model.classsettings import LEVEL_ENV, reading_level
from roundtable.model.corpus import load_corpus
from roundtable.model.documents import load_documents
from roundtable.model.eras import load_eras
from roundtable.model.estimative import load_estimative_words
from roundtable.model.events import load_events
from roundtable.model.exercises import load_bank, load_roleplay
from roundtable.model.forecasts import load_forecasts
from roundtable.model.glossary import load_glossary
from roundtable.model.participants import load_participants
from roundtable.model.places import load_places
from roundtable.model.plans import load_plans
from roundtable.model.readings import load_readings
from roundtable.model.summaries import load_summaries
from roundtable.model.units import load_units


def _plans(path: Path):
    lessons = path.parent
    shutil.copy(LESSONS_DIR / "03_iraq.md", lessons / "03_iraq.md")
    return load_plans("03_iraq", lessons)


def _events(path: Path):
    return load_events(path.parent)


#: (data file, how to load a copy of it, the name the copy must have)
LOADERS = {
    "glossary": (DATA_DIR / "glossary.yaml", load_glossary),
    "events": (DATA_DIR / "events" / "crisis.yaml", _events),
    "documents": (DATA_DIR / "documents.yaml", load_documents),
    "summaries": (DATA_DIR / "summaries.yaml", lambda p: load_summaries(p, load_corpus())),
    "class settings": (DATA_DIR / "class.yaml", reading_level),
    "question bank": (EXERCISES_DIR / "03_iraq.yaml", load_bank),
    "role-play": (EXERCISES_DIR / "roleplay.yaml", load_roleplay),
    "forecasts": (DATA_DIR / "forecasts.yaml", load_forecasts),
    "readings": (DATA_DIR / "readings.yaml", load_readings),
    "places": (DATA_DIR / "places.yaml", load_places),
    "eras": (DATA_DIR / "eras.yaml", lambda p: load_eras(load_events(), p)),
    "claims": (DATA_DIR / "claims.yaml", load_claims),
    "estimative words": (DATA_DIR / "estimative_words.yaml", load_estimative_words),
    "participants": (DATA_DIR / "participants.yaml", load_participants),
    "as of": (DATA_DIR / "as_of.yaml", load_as_of),
    "corpus": (DATA_DIR / "roundtable.yaml", load_corpus),
    "unit plans": (LESSONS_DIR / "unit.yaml", load_units),
    "lesson plans": (LESSONS_DIR / "03_iraq.plan.yaml", _plans),
}
VALUES = [None, 42, 3.5, True, "text", [], {}, [1, "two"], {"a": 1}, "2020-02-30"]


def truncations(text: str, rng: random.Random):
    for fraction in (0.05, 0.3, 0.5, 0.77, 0.97):
        cut = int(len(text) * fraction)
        yield f"cut at {fraction:.0%}", text[:cut].encode("utf-8")
    yield "cut mid-line", text[:text.index("\n", len(text) // 3) - 3].encode("utf-8")


def swapped_types(text: str, rng: random.Random, count: int = 12):
    document = yaml.safe_load(text)
    slots = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                slots.append((path, key))
                walk(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                slots.append((path, index))
                walk(value, path + (index,))
    walk(document, ())
    for path, key in rng.sample(slots, min(count, len(slots))):
        changed = yaml.safe_load(text)
        node = changed
        for step in path:
            node = node[step]
        value = rng.choice(VALUES)
        node[key] = value
        yield f"{'/'.join(map(str, path + (key,)))} := {value!r}", yaml.safe_dump(changed, allow_unicode=True).encode()


def duplicate_keys(text: str, rng: random.Random, count: int = 3):
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]+: \S", line)]
    for index in rng.sample(candidates, min(count, len(candidates))):
        line = lines[index]
        indent = len(line) - len(line.lstrip(" ")) + (2 if line.lstrip().startswith("- ") else 0)
        copy = " " * indent + line.strip().removeprefix("- ")
        changed = lines[:index + 1] + [copy] + lines[index + 1:]
        yield f"line {index + 1} given twice", "\n".join(changed).encode("utf-8")


def bad_dates(text: str, rng: random.Random):
    match = re.search(r'(date|as_of): "?(\d{4}-\d{2}-\d{2})"?', text)
    if match:
        for bad in ("2020-02-30", '"2020-02-30"', '"2020-13-45"', "2020-13-45", "0000-00-00"):
            yield f"date {bad}", text.replace(match.group(0), f"{match.group(1)}: {bad}", 1).encode("utf-8")


def wrong_encodings(text: str, rng: random.Random):
    yield "UTF-16", text.encode("utf-16")
    yield "Latin-1", text.encode("latin-1", errors="replace")
    yield "leading garbage bytes", b"\xff\xfe\x00" + text.encode("utf-8")
    yield "a NUL byte", text.replace("\n", "\n\x00", 1).encode("utf-8")
    yield "empty", b""
    yield "deep nesting", ("[" * 5000).encode()


MUTATIONS = (truncations, swapped_types, duplicate_keys, bad_dates, wrong_encodings)


@pytest.mark.parametrize("name", list(LOADERS))
def test_every_broken_file_gives_a_data_error_naming_it_and_nothing_else(name, tmp_path, monkeypatch):
    monkeypatch.delenv(LEVEL_ENV, raising=False)
    original, load = LOADERS[name]
    text = original.read_text(encoding="utf-8")
    rng = random.Random(f"fuzz {name}")
    tried = 0
    for mutation in MUTATIONS:
        for what, data in mutation(text, rng):
            folder = tmp_path / f"case{tried}"
            folder.mkdir()
            if name == "events":  # the loader reads a folder: the other event files stay intact
                for other in original.parent.glob("*.yaml"):
                    shutil.copy(other, folder / other.name)
            broken = folder / original.name
            broken.write_bytes(data)
            try:
                load(broken)
            except DataError as error:
                assert original.name in str(error), (name, what, str(error))
            except Exception as error:  # noqa: BLE001 - the point of the test
                pytest.fail(f"{name}, {what}: {type(error).__name__}: {error}")
            tried += 1
    assert tried >= 12


def test_a_duplicate_key_is_refused_naming_the_file_the_line_and_the_key(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("entries:\n  - id: a\n    term: A\n    definition: one\n    definition: two\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"glossary.yaml.*line 5: the key 'definition' appears twice .*line 4"):
        read_yaml(path)


@pytest.mark.parametrize("written", ["2020-02-30", '"2020-02-30"'])
def test_an_impossible_date_gets_our_message_quoted_or_not(tmp_path, written):
    path = tmp_path / "as_of.yaml"
    path.write_text(f"as_of: {written}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"as_of.yaml.*not a real date"):
        load_as_of(path)


def test_a_source_date_is_checked_against_the_calendar(tmp_path):
    data = yaml.safe_load((DATA_DIR / "documents.yaml").read_text(encoding="utf-8"))
    data["documents"][0]["sources"][0]["date"] = "2020-13-45"
    path = tmp_path / "documents.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"documents.yaml.*sources #1: date '2020-13-45' is not a real date"):
        load_documents(path)


def test_a_paragraph_id_cited_in_prompt_prose_must_exist(tmp_path):
    text = (EXERCISES_DIR / "03_iraq.yaml").read_text(encoding="utf-8")
    broken = text.replace("(This leads to prompt iraq-p06.)", "(Compare dan-9.)", 1)
    assert broken != text
    path = tmp_path / "03_iraq.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataError, match=r"03_iraq.yaml.*iraq-p01.*cites paragraph 'dan-9'"):
        load_bank(path)
