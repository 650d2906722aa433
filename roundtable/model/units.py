"""Sequences of classes (lessons/unit.yaml) for the instructor edition: each
session names a notebook and a class length whose plan exists, with the
students' pre-reading and homework."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.paths import LESSONS_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .plans import Plan, load_plans


@dataclass(frozen=True)
class Session:
    plan: Plan
    before: str
    after: str


@dataclass(frozen=True)
class Sequence:
    id: str
    title: str
    about: str
    sessions: tuple[Session, ...]


@loads_data(default=LESSONS_DIR / "unit.yaml")
def load_units(path: Path | None = None) -> tuple[Sequence, ...]:
    path = Path(path or LESSONS_DIR / "unit.yaml")
    sequences = []
    for index, raw in enumerate(top_list(path, read_yaml(path), "sequences")):
        entry = Entry(path, entry_label("sequence", index, raw), raw)
        entry.check_keys(("id", "title", "about", "sessions"))
        sessions = []
        for number, item in enumerate(entry.mapping_list("sessions"), 1):
            session = Entry(path, f"sequence {entry.ident()!r}, session {number}", item)
            session.check_keys(("notebook", "minutes", "before", "after"))
            notebook = session.text("notebook")
            if not (LESSONS_DIR / f"{notebook}.md").is_file():
                raise session.fail(f"no lesson named {notebook!r} in lessons/")
            length = session.integer("minutes")
            plan = next((p for p in load_plans(notebook) if p.minutes == length), None)
            if plan is None:
                raise session.fail(f"{notebook} has no {length}-minute plan")
            sessions.append(Session(plan, " ".join(session.text("before").split()),
                                    " ".join(session.text("after").split())))
        sequences.append(Sequence(entry.ident(), entry.text("title"), " ".join(entry.text("about").split()),
                                  tuple(sessions)))
    unique_ids(path, "sequence", [s.id for s in sequences])
    return tuple(sequences)
