"""The answer store and the answer box: nothing a student writes is lost,
whatever they type and whatever happens to the kernel or the file."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from roundtable.work.answers import MAX_ANSWER_CHARS, AnswerStore
from roundtable.widgets.exercise_widgets import AnswerBox
from roundtable.model.exercises import Prompt
from roundtable.core.paths import REPO_ROOT

PROMPT = Prompt("iran-p01", "Why did crowds gather?", "understand", "think-pair-share", 10, ("dina-1",),
                "Listen for evidence.")
TRICKY = {
    "arabic": "قُتل قاسم سليماني في بغداد — ما الذي تغيّر؟",
    "persian": "مردم ایران در تشییع جنازه شرکت کردند؛ چرا؟",
    "html": "<img src=x onerror=alert(1)> <script>alert('x')</script> &amp; </textarea>",
    "fences": "~~~~\nnot a fence end\n~~~~~~ and ``` too",
    "newlines": "line one\n\nline three\n",
    "empty": "",
    "nul": "before\x00after",
}


@pytest.fixture
def store(tmp_path):
    return AnswerStore(tmp_path / "my-work" / "answers.sqlite")


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_odd_text_comes_back_exactly(store, name):
    assert store.save("02_iran", name, TRICKY[name]).ok
    assert store.load("02_iran", name) == TRICKY[name]


def test_a_100000_character_answer_is_saved_whole(store):
    text = ("Soleimani’s death " * 6000)[:100_000]
    assert store.save("02_iran", "long", text).ok
    assert store.load("02_iran", "long") == text


def test_a_paste_beyond_the_limit_is_refused_with_a_reason_not_cut(store):
    store.save("02_iran", "p", "first version")
    result = store.save("02_iran", "p", "x" * (MAX_ANSWER_CHARS + 1))
    assert not result.ok and "more than the 1,000,000 allowed" in result.message
    assert store.load("02_iran", "p") == "first version"


def test_a_lone_surrogate_does_not_stop_the_save(store):
    result = store.save("02_iran", "p", "half an emoji \ud83d here")
    assert result.ok and store.load("02_iran", "p") == "half an emoji \ufffd here"


def test_every_save_is_kept_in_the_history(store):
    for text in ("one", "two", ""):
        store.save("02_iran", "p", text)
    assert [a.text for a in store.history("02_iran", "p")] == ["one", "two", ""]
    assert store.load("02_iran", "p") == ""


def test_answers_survive_a_new_store_as_after_a_kernel_restart(tmp_path):
    path = tmp_path / "answers.sqlite"
    AnswerStore(path).save("03_iraq", "iraq-p01", "kept")
    assert AnswerStore(path).load("03_iraq", "iraq-p01") == "kept"


def run_writer(path: Path, label: str, count: int, size: int = 10) -> subprocess.Popen:
    code = (
        "import sys\n"
        "from roundtable.work.answers import AnswerStore\n"
        f"store = AnswerStore({str(path)!r})\n"
        f"for i in range({count}):\n"
        f"    result = store.save('02_iran', f'{label}-{{i % 20}}', f'{label} {{i}} ' + 'x' * {size})\n"
        "    if not result.ok:\n"
        "        sys.exit('failed: ' + result.message)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True)


def test_two_notebooks_saving_at_once_lose_nothing(tmp_path):
    path = tmp_path / "answers.sqlite"
    AnswerStore(path).save("02_iran", "warm-up", "creates the file")
    writers = [run_writer(path, "a", 150), run_writer(path, "b", 150)]
    for writer in writers:
        assert writer.wait(timeout=120) == 0, writer.stderr.read()
    store = AnswerStore(path)
    for label in ("a", "b"):  # every prompt's latest version is its answer (typing updates it in place)
        for number in range(20):
            answer = store.load("02_iran", f"{label}-{number}")
            assert store.history("02_iran", f"{label}-{number}")[-1].text == answer
    assert store.load("02_iran", "a-9") == "a 149 " + "x" * 10
    assert store.load("02_iran", "b-0") == "b 140 " + "x" * 10


def test_a_writer_killed_mid_save_leaves_a_healthy_file(tmp_path):
    path = tmp_path / "answers.sqlite"
    store = AnswerStore(path)
    store.save("02_iran", "a-0", "saved before the crash")
    for delay in (0.3, 0.5, 0.8):
        writer = run_writer(path, "a", 100_000, size=200_000)
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        with contextlib.closing(sqlite3.connect(path)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        text = AnswerStore(path).load("02_iran", "a-0")
        assert text == "saved before the crash" or text.startswith("a ")
    fresh = AnswerStore(path)
    assert fresh.save("02_iran", "after", "still works").ok and fresh.notice is None


def test_a_corrupted_file_is_moved_aside_and_a_new_one_started(tmp_path):
    path = tmp_path / "answers.sqlite"
    garbage = b"this is not a database " * 100
    path.write_bytes(garbage)
    store = AnswerStore(path)
    assert store.save("02_iran", "p", "new answer").ok
    moved = list(tmp_path.glob("answers.damaged-*.sqlite"))
    assert len(moved) == 1 and moved[0].read_bytes() == garbage
    assert "was damaged" in store.notice and moved[0].name in store.notice
    # A second damaged file does not overwrite the first copy.
    path.write_bytes(b"second garbage " * 100)
    again = AnswerStore(path)
    assert again.save("02_iran", "p", "newer").ok
    copies = sorted(p.read_bytes() for p in tmp_path.glob("answers.damaged-*.sqlite"))
    assert copies == sorted([garbage, b"second garbage " * 100])


def test_a_truncated_database_is_treated_as_damaged(tmp_path):
    path = tmp_path / "answers.sqlite"
    AnswerStore(path).save("02_iran", "p", "x" * 50_000)
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * 50 + data[150:len(data) // 2])
    store = AnswerStore(path)
    assert store.save("02_iran", "p", "fresh").ok
    assert store.notice and list(tmp_path.glob("answers.damaged-*"))


@contextlib.contextmanager
def read_only(folder: Path):
    """Make a folder unwritable, even for root (chattr +i) where needed."""
    if os.geteuid() == 0:
        if not shutil.which("chattr"):
            pytest.skip("running as root without chattr: cannot make a folder read-only")
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_a_read_only_folder_gives_a_clear_message_and_keeps_the_text(tmp_path):
    folder = tmp_path / "my-work"
    folder.mkdir()
    store = AnswerStore(folder / "answers.sqlite")
    box = AnswerBox("02_iran", PROMPT, store)
    with read_only(folder):
        box.text.value = "My answer, which must not vanish."
        assert box.text.value == "My answer, which must not vanish."
        assert "⚠ Not saved: the folder" in box.status.value and "cannot be written" in box.status.value
        assert "still in the box" in box.status.value
    box.text.value += " Saved now."
    assert "✓ Saved at" in box.status.value
    assert store.load("02_iran", PROMPT.id) == "My answer, which must not vanish. Saved now."


def test_answer_box_saves_as_you_type_and_reloads(tmp_path):
    store = AnswerStore(tmp_path / "answers.sqlite")
    box = AnswerBox("02_iran", PROMPT, store, number="2.1")
    assert "Nothing saved yet." in box.status.value
    box.text.value = TRICKY["html"]
    assert store.load("02_iran", PROMPT.id) == TRICKY["html"]
    again = AnswerBox("02_iran", PROMPT, AnswerStore(tmp_path / "answers.sqlite"))
    assert again.text.value == TRICKY["html"]
    assert "Loaded your saved answer" in again.status.value
    assert "<strong>Question 2.1</strong>" in box.header.value and "Listen for evidence" not in box.header.value


def test_messages_shown_back_are_escaped(tmp_path):
    folder = tmp_path / "<script>alert(1)<"
    folder.mkdir()
    (folder / "answers.sqlite").write_bytes(b"garbage" * 50)
    box = AnswerBox("02_iran", PROMPT, AnswerStore(folder / "answers.sqlite"))
    box.text.value = "x"
    assert "<script>" not in box.notice.value + box.status.value
    assert "&lt;script&gt;" in box.notice.value


# --- Who the student is ---------------------------------------------------------

def test_names_are_normalised_cleaned_and_bounded():
    from roundtable.work.identity import MAX_NAME_CHARS, clean_name, name_key, name_slug

    assert clean_name("Jose\u0301") == clean_name("Jos\u00e9") == "Jos\u00e9"
    assert clean_name("  Ana\nstudent: forged \x1b[31m red ") == "Ana student: forged [31m red"
    assert clean_name("Ana\u202eevil") == "Anaevil"  # a direction override cannot reorder a report
    with pytest.raises(ValueError, match="Type a name"):
        clean_name(" \n\t ")
    with pytest.raises(ValueError, match=f"at most {MAX_NAME_CHARS}"):
        clean_name("x" * (MAX_NAME_CHARS + 1))
    assert name_key("O'Brien") == name_key("O Brien") == name_key("o-brien")
    assert name_slug("O'Brien") == "O-Brien" and name_slug("ناصر") == "ناصر"


def test_answers_are_filed_under_a_stable_id_so_a_rename_loses_nothing(store):
    assert store.name() is None
    store.save("02_iran", "iran-p01", "my answer")
    ident = store.student
    assert len(ident) == 32 and ident != "student"
    assert store.set_name("Ana").ok and store.name() == "Ana"
    assert store.set_name("Ana B.").ok
    again = AnswerStore(store.path)
    assert again.student == ident and again.name() == "Ana B." and again.load("02_iran", "iran-p01") == "my answer"
    bad = again.set_name("\n")
    assert not bad.ok and "Name not saved" in bad.message and again.name() == "Ana B."


def test_answers_saved_before_ids_existed_move_to_the_new_id(tmp_path):
    path = tmp_path / "answers.sqlite"
    AnswerStore(path, student="student").save("02_iran", "iran-p01", "written in 2025")
    store = AnswerStore(path)
    assert store.load("02_iran", "iran-p01") == "written in 2025"
    assert [a.text for a in store.history("02_iran", "iran-p01")] == ["written in 2025"]
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT COUNT(*) FROM answers WHERE student = 'student'").fetchone()[0] == 0
