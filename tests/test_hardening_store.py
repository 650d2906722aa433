"""The answer store under pressure (issue 17): bounded history, a schema
version, salvage before quarantine, and one plain message per cause."""
from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from roundtable.model.exercises import load_bank
from roundtable.widgets.exercise_widgets import AnswerBox, ExportButton
from roundtable.work import answers as answers_module
from roundtable.work.answers import KEEP_VERSIONS, SCHEMA_VERSION, AnswerStore, StoreProblem
from tests.test_answers import read_only

PROMPT = load_bank("02_iran").prompt("iran-p01")


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self):
        self.now = dt.datetime(2026, 11, 2, 9, 0, 0)

    def __call__(self):
        return self.now

    def tick(self, seconds: float):
        self.now += dt.timedelta(seconds=seconds)


def _history_rows(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT COUNT(*) FROM history").fetchone()[0]


def test_an_essay_typed_key_by_key_keeps_a_few_versions_not_one_per_key(tmp_path):
    clock = Clock()
    store = AnswerStore(tmp_path / "answers.sqlite", clock=clock)
    essay = ("The strike changed Iraqi politics because " * 60)[:2000]
    for end in range(1, len(essay) + 1):
        assert store.save("06_synthesis", "synthesis-essay", essay[:end]).ok
        clock.tick(0.25)
    versions = store.history("06_synthesis", "synthesis-essay")
    assert versions[-1].text == essay == store.load("06_synthesis", "synthesis-essay")
    assert len(versions) <= 2000 * 0.25 / 30 + 2  # one per half minute of typing
    assert _history_rows(store.path) == len(versions)


def test_many_edits_of_a_long_answer_keep_the_store_proportional_to_the_answers(tmp_path):
    clock = Clock()
    store = AnswerStore(tmp_path / "answers.sqlite", clock=clock)
    for edit in range(200):
        text = f"edit {edit} " + "y" * 100_000
        assert store.save("02_iran", "iran-p01", text).ok
        clock.tick(60)  # each edit after a pause: a version of its own
    versions = store.history("02_iran", "iran-p01")
    hours = 200 * 60 // 3600 + 1
    assert KEEP_VERSIONS <= len(versions) <= KEEP_VERSIONS + hours
    assert versions[-1].text.startswith("edit 199 ")
    assert store.path.stat().st_size < (KEEP_VERSIONS + hours + 5) * 110_000


def test_a_wipe_keeps_the_text_before_it_as_a_version(tmp_path):
    clock = Clock()
    store = AnswerStore(tmp_path / "answers.sqlite", clock=clock)
    store.save("02_iran", "p", "a long answer that took a while to write")
    clock.tick(1)
    store.save("02_iran", "p", "")
    assert [a.text for a in store.history("02_iran", "p")] == ["a long answer that took a while to write", ""]


def test_a_new_store_carries_the_schema_version_and_an_old_one_is_migrated(tmp_path):
    path = tmp_path / "answers.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as db:  # a store as version 1 wrote it
        db.executescript(answers_module.SCHEMA.split("CREATE INDEX")[0])
        db.execute("INSERT INTO answers VALUES ('student', '02_iran', 'p', 'old answer', '2025-01-01T10:00:00')")
        db.commit()
    store = AnswerStore(path)
    assert store.load("02_iran", "p") == "old answer"
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'history_by_prompt'").fetchone()


def test_a_newer_store_is_left_untouched_with_a_clear_message(tmp_path):
    path = tmp_path / "answers.sqlite"
    AnswerStore(path).save("02_iran", "p", "written by a later version")
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    store = AnswerStore(path)
    result = store.save("02_iran", "p", "new text")
    assert not result.ok and "newer version of this collection" in result.message and "update" in result.message
    assert "writable" not in result.message
    assert path.read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))
    with pytest.raises(StoreProblem, match="newer version"):
        store.answers("02_iran")


def test_a_damaged_store_has_its_answers_salvaged_before_it_is_moved_aside(tmp_path):
    path = tmp_path / "answers.sqlite"
    store = AnswerStore(path)
    store.set_name("Ana")
    for number in range(200):
        store.save("03_iraq", f"q-{number:03d}", f"answer number {number} " + "z" * 300)
    data = path.read_bytes()
    path.write_bytes(data[:-4096])  # the last page is lost
    reopened = AnswerStore(path)
    recovered = [p for p in (f"q-{n:03d}" for n in range(200)) if reopened.load("03_iraq", p)]
    assert len(recovered) >= 150
    assert f"{len(recovered)} answers were recovered" in reopened.notice
    assert reopened.name() == "Ana" and reopened.student == store.student
    assert reopened.load("03_iraq", recovered[0]).startswith("answer number")
    assert list(tmp_path.glob("answers.damaged-*.sqlite"))


def test_a_full_disk_gets_its_own_advice(tmp_path, monkeypatch):
    store = AnswerStore(tmp_path / "answers.sqlite")
    store.save("02_iran", "p", "small")
    connect = AnswerStore._connect

    def tiny(self):
        connection = connect(self)
        connection.execute("PRAGMA max_page_count = 8")  # as good as a full disk
        return connection

    monkeypatch.setattr(AnswerStore, "_connect", tiny)
    result = store.save("02_iran", "p", "x" * 200_000)
    assert not result.ok and "is full" in result.message and "writable" not in result.message
    assert "still in the box" in result.message


def test_export_on_a_read_only_work_folder_says_so_without_a_traceback(tmp_path):
    folder = tmp_path / "my-work"
    folder.mkdir()
    store = AnswerStore(folder / "answers.sqlite")
    store.set_name("Ana")
    store.save("02_iran", "iran-p01", "an answer")
    button = ExportButton("02_iran", store, directory=folder / "exports")
    with read_only(folder):
        button.export()
    assert "⚠ Not exported" in button.status.value and "cannot be written" in button.status.value


def test_a_folder_named_like_the_store_gets_its_own_advice(tmp_path):
    (tmp_path / "answers.sqlite").mkdir()
    store = AnswerStore(tmp_path / "answers.sqlite")
    result = store.save("02_iran", "p", "x")
    assert not result.ok and "is a folder, not an answers file" in result.message
    button = ExportButton("02_iran", store, directory=tmp_path / "exports")
    button.export()
    assert "⚠ Not exported" in button.status.value and "is a folder" in button.status.value


def test_another_programs_database_is_left_alone(tmp_path):
    path = tmp_path / "answers.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE cookies (host TEXT, value TEXT)")
        db.execute("INSERT INTO cookies VALUES ('example.org', 'x')")
        db.commit()
    before = path.read_bytes()
    store = AnswerStore(path)
    result = store.save("02_iran", "p", "x")
    assert not result.ok and "another program's database" in result.message
    assert path.read_bytes() == before
    button = ExportButton("02_iran", store, directory=tmp_path / "exports")
    button.export()
    assert "another program&#x27;s database" in button.status.value
    box = AnswerBox("02_iran", PROMPT, store)
    box.text.value = "kept on screen"
    assert box.text.value == "kept on screen" and "another program&#x27;s database" in box.status.value


class FakeTimers:
    """A scheduler the test runs by hand, and the clock it keeps."""

    def __init__(self):
        self.now = 0.0
        self.waiting = []

    def clock(self):
        return self.now

    def schedule(self, delay, callback):
        timer = [self.now + delay, callback, False]
        self.waiting.append(timer)

        class Handle:
            def cancel(self_inner):
                timer[2] = True
        return Handle()

    def advance(self, seconds):
        self.now += seconds
        for timer in [t for t in self.waiting if t[0] <= self.now and not t[2]]:
            self.waiting.remove(timer)
            timer[1]()


def test_typing_saves_at_most_once_a_second_and_the_last_text_always(tmp_path):
    from roundtable.work.debounce import Debouncer

    timers = FakeTimers()
    store = AnswerStore(tmp_path / "answers.sqlite")
    box = AnswerBox("02_iran", PROMPT, store)
    box.saver = Debouncer(box._save, clock=timers.clock, schedule=timers.schedule)
    writes = []
    save = store.save
    store.save = lambda *args: writes.append(args[2]) or save(*args)
    for text in ("T", "Th", "The", "The s", "The st"):
        box.text.value = text
        timers.advance(0.1)
    assert writes == ["T"] and "Saving" in box.status.value
    timers.advance(1.0)
    assert writes == ["T", "The st"] and store.load("02_iran", PROMPT.id) == "The st"
    assert "✓ Saved at" in box.status.value


def test_an_export_saves_what_was_typed_in_the_last_second_first(tmp_path):
    from roundtable.work.debounce import Debouncer

    timers = FakeTimers()
    store = AnswerStore(tmp_path / "answers.sqlite")
    store.set_name("Ana")
    box = AnswerBox("02_iran", PROMPT, store)
    box.saver = Debouncer(box._save, clock=timers.clock, schedule=timers.schedule)
    box.text.value = "first"
    box.text.value = "first and last words"
    assert store.load("02_iran", PROMPT.id) == "first"
    button = ExportButton("02_iran", store, directory=tmp_path / "exports")
    button.export()
    exported = next((tmp_path / "exports").glob("*.md")).read_text(encoding="utf-8")
    assert "first and last words" in exported


def test_without_an_event_loop_every_change_is_saved_at_once(tmp_path):
    store = AnswerStore(tmp_path / "answers.sqlite")
    box = AnswerBox("02_iran", PROMPT, store)
    for text in ("a", "ab", "abc"):
        box.text.value = text
        assert store.load("02_iran", PROMPT.id) == text
