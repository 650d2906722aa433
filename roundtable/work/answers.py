"""The answer store: students' written answers, saved as they type.

Answers live in one SQLite file (stdlib `sqlite3`) in the collection's work
folder, `my-work/answers.sqlite` (gitignored; the README names it). The design
choices all serve one rule, that nobody loses what they wrote:

- every save is one short transaction, so a kernel killed mid-save leaves the
  previous answer intact (SQLite rolls the half-written one back);
- the default rollback journal, not WAL, so the file also works on the network
  home folders of JupyterHubs; a busy timeout lets two notebooks save at once;
- each save also appends to a history table, so an answer wiped by mistake can
  be recovered;
- a file that is not a readable database is moved aside under a new name,
  never overwritten, and a fresh one is started, with a message that says so;
- when nothing can be written (a read-only folder), `save` says so in plain
  words and the caller keeps the text on screen.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..core.paths import work_dir
from .identity import DEFAULT_NAME, clean_name

DB_NAME = "answers.sqlite"
#: Far beyond any real answer; a longer paste is refused, not cut, so that
#: nothing is silently lost.
MAX_ANSWER_CHARS = 1_000_000
SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    student   TEXT NOT NULL,
    notebook  TEXT NOT NULL,
    prompt_id TEXT NOT NULL,
    text      TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    PRIMARY KEY (student, notebook, prompt_id)
);
CREATE TABLE IF NOT EXISTS history (
    student   TEXT NOT NULL,
    notebook  TEXT NOT NULL,
    prompt_id TEXT NOT NULL,
    text      TEXT NOT NULL,
    saved_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS profile (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class SaveResult:
    ok: bool
    message: str
    saved_at: str | None = None


@dataclass(frozen=True)
class Answer:
    prompt_id: str
    text: str
    saved_at: str


class AnswerStore:
    """One clone's answers. `student` fixes the id the answers are filed
    under (tests use it); by default the store makes a stable id the first
    time it is used and keeps it in the file, next to the student's name."""

    def __init__(self, path: Path | str | None = None, student: str | None = None):
        self.path = Path(path) if path else work_dir() / DB_NAME
        self._student = student
        #: Set when a damaged file was moved aside: show it to the student once.
        self.notice: str | None = None
        self._checked = False

    # -- who the student is -------------------------------------------------
    @property
    def student(self) -> str:
        """The stable id the answers are filed under."""
        if self._student is None:
            self._student = self._stable_id()
        return self._student

    def _stable_id(self) -> str:
        """Read the clone's id, or make one; answers saved before ids existed
        (filed under "student") move to it in the same transaction. Where the
        file cannot be written, the old key still reads what is there."""
        try:
            connection = self._connect()
            try:
                connection.execute("BEGIN IMMEDIATE")
                row = connection.execute("SELECT value FROM profile WHERE key = 'id'").fetchone()
                if row:
                    connection.execute("COMMIT")
                    return row[0]
                new = uuid.uuid4().hex
                connection.execute("INSERT INTO profile VALUES ('id', ?)", (new,))
                for table in ("answers", "history"):
                    connection.execute(f"UPDATE {table} SET student = ? WHERE student = ?", (new, DEFAULT_NAME))
                connection.execute("COMMIT")
                return new
            finally:
                connection.close()
        except (sqlite3.Error, OSError):
            return DEFAULT_NAME

    def name(self) -> str | None:
        """The name (or pseudonym) the student gave, or None."""
        return self._profile("name")

    def set_name(self, text: str) -> SaveResult:
        """Store the student's name, cleaned; never raises, it explains."""
        try:
            name = clean_name(text)
        except ValueError as error:
            return SaveResult(False, f"Name not saved: {error}")
        _ = self.student  # make the id first, so that the name and the id live together
        try:
            connection = self._connect()
            try:
                connection.execute("INSERT INTO profile VALUES ('name', ?) ON CONFLICT (key) DO UPDATE SET "
                                   "value = excluded.value", (name,))
            finally:
                connection.close()
        except (sqlite3.Error, OSError) as exc:
            return SaveResult(False, _explain_write_failure(self.path, exc))
        return SaveResult(True, f"Saved: your exports will be named {name}.")

    def _profile(self, key: str) -> str | None:
        try:
            connection = self._connect()
            try:
                row = connection.execute("SELECT value FROM profile WHERE key = ?", (key,)).fetchone()
            finally:
                connection.close()
        except (sqlite3.Error, OSError):
            return None
        return row[0] if row else None

    # -- connection ---------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self._checked:
            self._check_or_quarantine()
        connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 15000")
        return connection

    def _check_or_quarantine(self) -> None:
        """Open the file once and make sure it is a healthy answer database;
        otherwise move it aside and start a new one."""
        try:
            connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
            try:
                status = connection.execute("PRAGMA quick_check").fetchone()[0]
                if status != "ok":
                    raise sqlite3.DatabaseError(f"integrity check failed: {status}")
                connection.executescript(SCHEMA)
            finally:
                connection.close()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not _is_corruption(exc):
                raise  # locked, read-only: not the file's fault, leave it alone
            moved = self._quarantine()
            self.notice = (f"Your answers file {self.path.name} could not be read ({exc}). It was moved, untouched, to "
                           f"{moved}, and a new file was started. Show "
                           f"this message to your instructor: the old answers may still be recoverable.")
            connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
            try:
                connection.executescript(SCHEMA)
            finally:
                connection.close()
        self._checked = True

    def _quarantine(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        counter = 1
        while target.exists():  # never overwrite an earlier damaged copy
            counter += 1
            target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{counter}{self.path.suffix}")
        os.replace(self.path, target)
        for suffix in ("-journal", "-wal", "-shm"):  # a stale journal belongs to the old file
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
        return target

    # -- reading and writing ------------------------------------------------
    def save(self, notebook: str, prompt_id: str, text: str) -> SaveResult:
        """Save one answer; never raises for a failed write, it explains."""
        if not isinstance(text, str):
            return SaveResult(False, f"Not saved: an answer must be text, not {type(text).__name__}.")
        if len(text) > MAX_ANSWER_CHARS:
            return SaveResult(False, f"Not saved: the answer has {len(text):,} characters, more than the "
                                     f"{MAX_ANSWER_CHARS:,} allowed. Your text is still in the box; shorten it.")
        # A lone surrogate cannot be stored as UTF-8; keep it visibly instead of failing.
        stored = re.sub("[\ud800-\udfff]", "\ufffd", text) if _has_surrogates(text) else text
        saved_at = dt.datetime.now().isoformat(timespec="seconds")
        student = self.student  # before the transaction: finding the id may need one of its own
        try:
            connection = self._connect()
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute(
                    "INSERT INTO answers VALUES (?, ?, ?, ?, ?) ON CONFLICT (student, notebook, prompt_id) "
                    "DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at",
                    (student, notebook, prompt_id, stored, saved_at))
                connection.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?)",
                                   (student, notebook, prompt_id, stored, saved_at))
                connection.execute("COMMIT")
            finally:
                connection.close()
        except (sqlite3.Error, OSError) as exc:
            return SaveResult(False, _explain_write_failure(self.path, exc))
        return SaveResult(True, f"Saved at {saved_at[11:]}", saved_at)

    def load(self, notebook: str, prompt_id: str) -> str | None:
        """The saved answer, or None if there is none or it cannot be read."""
        student = self.student
        try:
            connection = self._connect()
            try:
                row = connection.execute(
                    "SELECT text FROM answers WHERE student = ? AND notebook = ? AND prompt_id = ?",
                    (student, notebook, prompt_id)).fetchone()
            finally:
                connection.close()
        except (sqlite3.Error, OSError):
            return None
        return row[0] if row else None

    def answers(self, notebook: str) -> list[Answer]:
        student = self.student
        connection = self._connect()
        try:
            rows = connection.execute(
                "SELECT prompt_id, text, saved_at FROM answers WHERE student = ? AND notebook = ? ORDER BY prompt_id",
                (student, notebook)).fetchall()
        finally:
            connection.close()
        return [Answer(*row) for row in rows]

    def history(self, notebook: str, prompt_id: str) -> list[Answer]:
        student = self.student
        connection = self._connect()
        try:
            rows = connection.execute(
                "SELECT prompt_id, text, saved_at FROM history WHERE student = ? AND notebook = ? AND prompt_id = ? "
                "ORDER BY rowid", (student, notebook, prompt_id)).fetchall()
        finally:
            connection.close()
        return [Answer(*row) for row in rows]


def _is_corruption(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt", "integrity check"))


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _explain_write_failure(path: Path, exc: Exception) -> str:
    return (f"Not saved: the answers file in {path.parent} cannot be written ({exc}). Your text is still in the "
            f"box: copy it somewhere safe, and ask your instructor to make that folder writable.")
