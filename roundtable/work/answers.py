"""The answer store: students' written answers, saved as they type.

Answers live in one SQLite file (stdlib `sqlite3`) in the collection's work
folder, `my-work/answers.sqlite` (gitignored; the README names it). The design
choices all serve one rule, that nobody loses what they wrote:

- every save is one short transaction, so a kernel killed mid-save leaves the
  previous answer intact (SQLite rolls the half-written one back);
- the default rollback journal, not WAL, so the file also works on the network
  home folders of JupyterHubs; a busy timeout lets two notebooks save at once;
- each save also keeps a version in a history table, so an answer wiped by
  mistake can be recovered; typing within half a minute updates the latest
  version instead of adding one (unless much was deleted), and each prompt
  keeps its last 50 versions plus one an hour, so the file stays proportional
  to the answers however long the typing;
- the file carries a schema version (PRAGMA user_version): an older file is
  migrated, a newer one is left untouched with a message saying so;
- a file that is not a readable database has every answer that can still be
  read copied into a fresh file first; then it is moved aside under a new
  name, never overwritten, with a message that says how many were recovered;
- another program's database, or a folder where the file should be, is left
  alone with a message;
- when nothing can be written, `save` says why in plain words (a full disk, a
  read-only folder, a path that is no answers file) and the caller keeps the
  text on screen. Reading for an export raises StoreProblem with the same
  words, never a traceback.
"""
from __future__ import annotations

import datetime as dt
import errno
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
CREATE INDEX IF NOT EXISTS history_by_prompt ON history (student, notebook, prompt_id);
"""
#: The schema this code writes: 1 had no index and no version; 2 adds both.
SCHEMA_VERSION = 2
OUR_TABLES = {"answers", "history", "profile"}
#: Typing within this many seconds of the last version updates it in place.
VERSION_SECONDS = 30
#: Each prompt keeps its last versions, plus the latest of every hour.
KEEP_VERSIONS = 50
#: Characters deleted at once that make a new version even while typing (a wipe).
BIG_DELETION = 20
#: Rowids probed one by one when a damaged table cannot be read in one pass.
MAX_PROBES = 200_000


class StoreProblem(Exception):
    """The answers file cannot be used; the message says why and what to do."""


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

    def __init__(self, path: Path | str | None = None, student: str | None = None, clock=None):
        self.path = Path(path) if path else work_dir() / DB_NAME
        self._student = student
        #: Returns the current time; tests pass a fake one.
        self.clock = clock or dt.datetime.now
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
        except (sqlite3.Error, OSError, StoreProblem):
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
        except (sqlite3.Error, OSError, StoreProblem) as exc:
            return SaveResult(False, "Name not saved: " + explain_failure(self.path, exc) + KEEP_TEXT)
        return SaveResult(True, f"Saved: your exports will be named {name}.")

    def _profile(self, key: str) -> str | None:
        try:
            connection = self._connect()
            try:
                row = connection.execute("SELECT value FROM profile WHERE key = ?", (key,)).fetchone()
            finally:
                connection.close()
        except (sqlite3.Error, OSError, StoreProblem):
            return None
        return row[0] if row else None

    # -- connection ---------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise StoreProblem(f"{self.path} is a folder, not an answers file. Rename that folder (or move it "
                               f"away) so that the collection can create its answers file there.")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self._checked:
            self._check_or_quarantine()
        connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 15000")
        return connection

    def _check_or_quarantine(self) -> None:
        """Open the file once: migrate an older answers file, refuse a newer
        one or another program's database (untouched), and salvage then move
        aside a damaged one."""
        try:
            connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
            try:
                status = connection.execute("PRAGMA quick_check").fetchone()[0]
                if status != "ok":
                    raise sqlite3.DatabaseError(f"integrity check failed: {status}")
                tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                version = connection.execute("PRAGMA user_version").fetchone()[0]
                if tables and "answers" not in tables:
                    raise StoreProblem(f"{self.path} is another program's database, not this collection's answers "
                                       f"file; it was left untouched. Move it away, or set ROUNDTABLE_WORK_DIR to "
                                       f"another folder.")
                if version > SCHEMA_VERSION:
                    raise StoreProblem(f"{self.path} was written by a newer version of this collection (answers "
                                       f"file version {version}; this one reads up to {SCHEMA_VERSION}). It was "
                                       f"left untouched: update the collection (git pull, or ask your instructor), "
                                       f"then your answers are all there.")
                if version < SCHEMA_VERSION:
                    connection.execute("BEGIN IMMEDIATE")
                    for statement in SCHEMA.split(";"):
                        if statement.strip():
                            connection.execute(statement)
                    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                    connection.execute("COMMIT")
            finally:
                connection.close()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not _is_corruption(exc):
                raise  # locked, read-only, full: not the file's fault, leave it alone
            profile, rows = salvage(self.path)
            moved = self._quarantine()
            self._create(profile, rows)
            recovered = (f"{len(rows)} answer{'s were' if len(rows) != 1 else ' was'} recovered into a new file"
                         if rows else "no answer could be recovered from it, and a new file was started")
            self.notice = (f"Your answers file {self.path.name} was damaged ({exc}): {recovered}. The damaged file "
                           f"was moved, untouched, to {moved}. Show this message to your instructor if an answer "
                           f"you wrote is missing.")
        self._checked = True

    def _create(self, profile: dict[str, str], rows: list[tuple]) -> None:
        """A fresh answers file, holding what was salvaged."""
        connection = sqlite3.connect(self.path, timeout=15, isolation_level=None)
        try:
            connection.executescript(SCHEMA)
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany("INSERT OR IGNORE INTO profile VALUES (?, ?)", sorted(profile.items()))
            connection.executemany("INSERT OR IGNORE INTO answers VALUES (?, ?, ?, ?, ?)", rows)
            connection.executemany("INSERT INTO history VALUES (?, ?, ?, ?, ?)", rows)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        finally:
            connection.close()

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
        now = self.clock()
        saved_at = now.isoformat(timespec="seconds")
        student = self.student  # before the transaction: finding the id may need one of its own
        try:
            connection = self._connect()
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute(
                    "INSERT INTO answers VALUES (?, ?, ?, ?, ?) ON CONFLICT (student, notebook, prompt_id) "
                    "DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at",
                    (student, notebook, prompt_id, stored, saved_at))
                self._keep_version(connection, (student, notebook, prompt_id), stored, now)
                connection.execute("COMMIT")
            finally:
                connection.close()
        except (sqlite3.Error, OSError, StoreProblem) as exc:
            return SaveResult(False, "Not saved: " + explain_failure(self.path, exc) + KEEP_TEXT)
        return SaveResult(True, f"Saved at {saved_at[11:]}", saved_at)

    @staticmethod
    def _keep_version(connection: sqlite3.Connection, key: tuple[str, str, str], text: str, now: dt.datetime) -> None:
        """Keep `text` as a version of the answer: in place of the latest one
        while the student is typing, as a new one after a pause or a big
        deletion; then drop versions beyond the last KEEP_VERSIONS, except the
        latest of each hour."""
        saved_at = now.isoformat(timespec="seconds")
        last = connection.execute("SELECT rowid, saved_at, text FROM history WHERE student = ? AND "
                                  "notebook = ? AND prompt_id = ? ORDER BY rowid DESC LIMIT 1", key).fetchone()
        typing = False
        if last:
            try:
                recent = 0 <= (now - dt.datetime.fromisoformat(last[1])).total_seconds() < VERSION_SECONDS
            except ValueError:
                recent = False
            typing = recent and _small_edit(last[2], text)
        if typing:
            connection.execute("UPDATE history SET text = ?, saved_at = ? WHERE rowid = ?", (text, saved_at, last[0]))
            return
        connection.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?)", (*key, text, saved_at))
        connection.execute(
            "DELETE FROM history WHERE student = ? AND notebook = ? AND prompt_id = ? "
            "AND rowid NOT IN (SELECT rowid FROM history WHERE student = ? AND notebook = ? AND prompt_id = ? "
            "                  ORDER BY rowid DESC LIMIT ?) "
            "AND rowid NOT IN (SELECT max(rowid) FROM history WHERE student = ? AND notebook = ? AND prompt_id = ? "
            "                  GROUP BY substr(saved_at, 1, 13))",
            (*key, *key, KEEP_VERSIONS, *key))

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
        except (sqlite3.Error, OSError, StoreProblem):
            return None
        return row[0] if row else None

    def _read(self, query: str, parameters: tuple) -> list[tuple]:
        """Rows for a query; a file that cannot be read raises StoreProblem
        with the reason and what to do, never a database traceback."""
        try:
            connection = self._connect()
            try:
                return connection.execute(query, parameters).fetchall()
            finally:
                connection.close()
        except StoreProblem:
            raise
        except (sqlite3.Error, OSError) as exc:
            raise StoreProblem(explain_failure(self.path, exc)) from None

    def answers(self, notebook: str) -> list[Answer]:
        rows = self._read("SELECT prompt_id, text, saved_at FROM answers WHERE student = ? AND notebook = ? "
                          "ORDER BY prompt_id", (self.student, notebook))
        return [Answer(*row) for row in rows]

    def history(self, notebook: str, prompt_id: str) -> list[Answer]:
        rows = self._read("SELECT prompt_id, text, saved_at FROM history WHERE student = ? AND notebook = ? "
                          "AND prompt_id = ? ORDER BY rowid", (self.student, notebook, prompt_id))
        return [Answer(*row) for row in rows]


def _is_corruption(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt", "integrity check"))


def _small_edit(before: str, after: str) -> bool:
    """Whether `after` is `before` with a few characters typed or deleted in
    one place (typing), rather than a wipe or a rewrite: what both share at
    the start and at the end covers all but BIG_DELETION characters of it."""
    prefix = len(os.path.commonprefix([before, after]))
    rest_before, rest_after = before[prefix:], after[prefix:]
    suffix = len(os.path.commonprefix([rest_before[::-1], rest_after[::-1]]))
    shared = prefix + suffix
    return shared >= max(1, len(before) - BIG_DELETION)


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def explain_failure(path: Path, exc: BaseException) -> str:
    """Why the answers file could not be used, and what to do, in plain words:
    one piece of advice per cause (the caller says what happened to the text)."""
    if isinstance(exc, StoreProblem):
        return str(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    number = getattr(exc, "errno", None)
    text = str(exc).lower()
    if number == errno.ENOSPC or code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return (f"the disk that holds {path.parent} is full ({exc}). Free some space, or ask your instructor, "
                f"then try again.")
    if path.is_dir():
        return f"{path} is a folder, not an answers file. Rename that folder, or move it away, then try again."
    if code == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return f"{path} is not an answers file ({exc}). Show this message to your instructor."
    if (number in (errno.EACCES, errno.EPERM, errno.EROFS) or code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN)
            or "readonly" in text or "read-only" in text or "permission" in text):
        return (f"the folder {path.parent} cannot be written ({exc}). Ask your instructor to make that folder "
                f"writable.")
    return f"the answers file {path} could not be used ({exc}). Show this message to your instructor."


KEEP_TEXT = " Your text is still in the box: copy it somewhere safe."


def salvage(path: Path) -> tuple[dict[str, str], list[tuple]]:
    """Everything still readable in a damaged answers file: the profile (the
    student's id and name) and one row per answer, read in one pass if the
    table allows it, else row by row, skipping damaged pages. Where an answer's
    own row is lost, its latest readable version in the history stands in.

    It reads a copy, padded with empty pages up to the size its header gives:
    SQLite refuses a file cut short (the usual damage: a copy or a sync that
    stopped), although all but its last pages are intact."""
    copy = path.with_name(f".{path.name}.salvage")
    try:
        raw = path.read_bytes()
        copy.write_bytes(raw + b"\0" * max(0, _header_size(raw) - len(raw)))
    except OSError:
        return {}, []
    try:
        connection = sqlite3.connect(f"file:{copy}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        copy.unlink(missing_ok=True)
        return {}, []
    try:
        profile = {key: value for key, value in _readable(connection, "profile", "key, value")
                   if isinstance(key, str) and isinstance(value, str)}
        columns = "student, notebook, prompt_id, text, saved_at"
        answers = {row[:3]: row for row in _readable(connection, "answers", columns)
                   if all(isinstance(v, str) for v in row)}
        latest = {row[:3]: row for row in _readable(connection, "history", columns)  # rowid order: later wins
                  if all(isinstance(v, str) for v in row)}
        for key, row in latest.items():
            answers.setdefault(key, row)
        return profile, list(answers.values())
    finally:
        connection.close()
        copy.unlink(missing_ok=True)


def _header_size(raw: bytes) -> int:
    """The file size an SQLite header announces (page size × page count), or 0."""
    if len(raw) < 100 or not raw.startswith(b"SQLite format 3\0"):
        return 0
    page_size = int.from_bytes(raw[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return page_size * int.from_bytes(raw[28:32], "big")


def _readable(connection: sqlite3.Connection, table: str, columns: str) -> list[tuple]:
    """A table's rows in rowid order: in one pass if it can be read whole,
    else each rowid on its own, so that one damaged page loses only its rows."""
    try:
        return connection.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()
    except sqlite3.DatabaseError:
        pass
    try:
        top = connection.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        top = None
    rows = []
    for rowid in range(1, min(top or MAX_PROBES, MAX_PROBES) + 1):
        try:
            row = connection.execute(f"SELECT {columns} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row:
            rows.append(row)
    return rows
