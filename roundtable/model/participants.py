"""The eight speakers: names and a line on each one's focus, typed in
data/participants.yaml. Their sections and paragraphs are derived here from
the corpus, never typed by hand."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data

PARTICIPANTS_FILE = DATA_DIR / "participants.yaml"


@dataclass(frozen=True)
class Participant:
    name: str
    focus: str


@loads_data(default=PARTICIPANTS_FILE)
def load_participants(path: Path | str | None = None) -> list[Participant]:
    path = Path(path or PARTICIPANTS_FILE)
    items = top_list(path, read_yaml(path), "participants")
    people = []
    for index, item in enumerate(items):
        entry = Entry(path, entry_label("participant", index, item, id_key="name"), item)
        entry.check_keys(("name", "focus"))
        name = entry.text("name")
        if not name.isalpha() or not name[0].isupper():
            raise entry.fail(f"'name' must be a first name as the text writes it, got {name!r}")
        people.append(Participant(name, " ".join(entry.text("focus").split())))
    unique_ids(path, "participant", [p.name for p in people])
    return people
