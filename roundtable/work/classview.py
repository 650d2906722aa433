"""The instructor's class view of the forecast audit.

Point it at a folder of files the students handed in (the Markdown exports
of notebook 07). Each readable export adds one student's forecasts; every
other file is reported with the reason it was skipped (not an export, an
export of another notebook, unreadable, a duplicate), and unreadable numbers
inside an export are reported too. Nothing in the folder can crash the view.
"""
from __future__ import annotations

import os
import stat
import statistics
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from ..model.forecasts import (
    FORECAST_NOTEBOOK,
    OUTCOME_TITLES,
    ForecastSet,
    load_forecasts,
    parse_probability,
)
from ..views.figures import Chart, figure_html
from ..views.tables import table_html
from .exports import Export, parse_export
from .identity import DEFAULT_NAME, name_key

#: Files larger than this are not read (an export of 07 is a few kilobytes).
MAX_FILE_BYTES = 2_000_000


@dataclass
class ClassForecasts:
    #: student → claim id → probability (0–1)
    forecasts: dict[str, dict[str, float]] = field(default_factory=dict)
    #: (file name, reason) for every file that was not used
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: (file name, claim id, what was wrong) for unreadable numbers in used files
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    #: default, shared or look-alike names, reported rather than merged
    name_notes: list[str] = field(default_factory=list)
    #: (file name, note) for files that were read but need a look (a section twice)
    file_notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def students(self) -> int:
        return len(self.forecasts)

    def report(self) -> str:
        lines = [f"{self.students} students' forecasts read."]
        for name, reason in self.skipped:
            lines.append(f"Skipped {name}: {reason}")
        for name, note in self.file_notes:
            lines.append(f"Read {name}, but {note}")
        for name, claim, problem in self.problems:
            lines.append(f"In {name}, {claim}: {problem} (left out)")
        lines += [f"Names: {note}" for note in self.name_notes]
        return "\n".join(lines)


def shown_name(name: str) -> str:
    """A file name as a report may show it: control characters (a newline,
    an ANSI escape) and bidirectional overrides written as escapes, so that a
    hostile name cannot forge or colour a line of the report."""
    return "".join(ch if ch.isprintable() and not 0x202A <= ord(ch) <= 0x202E and not 0x2066 <= ord(ch) <= 0x2069
                   else ch.encode("unicode_escape").decode("ascii") for ch in name)


def _kind(mode: int) -> str | None:
    """Why a directory entry is not read, from its lstat mode; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a link; links are not followed"
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, reading at most `limit` + 1 of them.
    Opened without following a link and without blocking, and checked again
    once open, so that a file swapped for a link, a pipe or a device between
    the listing and the reading is refused. Raises ValueError with the reason."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        raise ValueError(f"cannot be opened ({exc.strerror})") from None
    try:
        kind = _kind(os.fstat(handle).st_mode)
        if kind:
            raise ValueError(kind)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(handle)
    if size > limit:
        raise ValueError(f"larger than {limit:,} bytes, not an export")
    return b"".join(chunks)


def read_exports(folder: Path | str) -> tuple[list[tuple[Path, Export]], list[tuple[str, str]], list[tuple[str, str]]]:
    """Every readable Markdown export in a class folder, in file-name order,
    and (file name, why) for everything else. Only regular files inside the
    folder are opened (lstat, never following a link): links, folders, pipes,
    devices and sockets are listed with what they are. Returns the exports,
    the skipped files, and notes on files that were read: an export with a
    section twice keeps the first, and says so. File names are given as
    `shown_name` writes them."""
    folder, exports, skipped, notes = Path(folder), [], [], []
    if not folder.is_dir():
        return [], [(shown_name(str(folder)), "no such folder")], []
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        name = shown_name(path.name)
        try:
            status = path.lstat()
        except OSError as exc:
            skipped.append((name, f"cannot be read ({exc.strerror})"))
            continue
        kind = _kind(status.st_mode)
        if kind:
            skipped.append((name, kind))
        elif status.st_nlink > 1:
            skipped.append((name, "a hard link to a file that is also elsewhere; copy the export in instead"))
        elif path.suffix.lower() in (".html", ".htm"):
            skipped.append((name, "an HTML copy; the class view reads the Markdown export (.md)"))
        elif path.suffix.lower() != ".md":
            skipped.append((name, "not a Markdown export (.md)"))
        else:
            try:
                text = read_limited(path).decode("utf-8")
                export = parse_export(text, name)
            except UnicodeDecodeError as exc:
                skipped.append((name, f"cannot be read as UTF-8 text ({exc.reason} at byte {exc.start})"))
                continue
            except ValueError as error:
                skipped.append((name, str(error).removeprefix(f"{name}: ")))
                continue
            exports.append((path, export))
            for prompt in export.duplicates:
                notes.append((name, f"section {shown_name(prompt)} appears more than once; the first was read, "
                                    "the others were not"))
    return exports, skipped, notes


def read_class_folder(folder: Path | str, forecast_set: ForecastSet | None = None) -> ClassForecasts:
    folder = Path(folder)
    forecast_set = forecast_set or load_forecasts()
    view = ClassForecasts()
    exports, view.skipped, view.file_notes = read_exports(folder)
    by_answer_id = {f.answer_id: f.id for f in forecast_set}
    owners: dict[str, tuple[str, str]] = {}  # student → (exported stamp, file name)
    view_names: dict[str, tuple[str, str, str]] = {}  # student → (name, id, file name)
    for path, export in exports:
        if export.notebook != FORECAST_NOTEBOOK:
            view.skipped.append((shown_name(path.name), f"an export of {shown_name(export.notebook)}, "
                                                        f"not of {FORECAST_NOTEBOOK}"))
            continue
        student = student_key(export, path)
        if student in owners:
            earlier_stamp, earlier_name = owners[student]
            if export.exported <= earlier_stamp:
                view.skipped.append((shown_name(path.name), f"an older export by {student} than {earlier_name}"))
                continue
            view.skipped.append((earlier_name, f"an older export by {student} than {shown_name(path.name)}"))
        owners[student] = (export.exported, shown_name(path.name))
        numbers = {}
        for answer_id, text in export.answers.items():
            if answer_id not in by_answer_id:
                continue
            try:
                value = parse_probability(text)
            except ValueError as error:
                view.problems.append((shown_name(path.name), by_answer_id[answer_id], f"{text[:30]!r}: {error}"))
                continue
            if value is not None:
                numbers[by_answer_id[answer_id]] = value
        view.forecasts[student] = numbers
        view_names[student] = (export.student.strip(), export.student_id, shown_name(path.name))
    view.name_notes = name_notes(view_names)
    return view


def student_key(export, path: Path) -> str:
    """Exports are told apart by the student's id (two students may share a
    name); older exports without an id by their name."""
    name = shown_name(export.student.strip() or path.stem)
    return f"{name} [{shown_name(export.student_id)}]" if export.student_id else name


def name_notes(students: dict[str, tuple[str, str, str]]) -> list[str]:
    """What an instructor should check about names: exports under the
    default name, two students with one name, and names that only differ in
    case, accents, spaces or punctuation."""
    notes = []
    for name, ident, file in students.values():
        if name.casefold() == DEFAULT_NAME:
            notes.append(f"{file} has no student name of its own ({name!r}): ask who wrote it.")
    by_key: dict[str, list[tuple[str, str, str]]] = {}
    for name, ident, file in students.values():
        by_key.setdefault(name_key(name), []).append((name, ident, file))
    for group in by_key.values():
        if len(group) < 2:
            continue
        listed = ", ".join(f"{name!r} in {file}" for name, _, file in sorted(group, key=lambda g: g[2]))
        same = len({name for name, _, _ in group}) == 1
        notes.append(("two or more students share one name: " if same else "names that look alike: ")
                     + listed + ". They are counted separately; check they are different people.")
    return notes


def class_table(view: ClassForecasts, forecast_set: ForecastSet | None = None) -> pd.DataFrame:
    """Per claim: how many answered, the class median and range, the panel's
    implied chance and the outcome."""
    forecast_set = forecast_set or load_forecasts()
    rows = []
    for number, forecast in enumerate(forecast_set, 1):
        values = [v[forecast.id] for v in view.forecasts.values() if forecast.id in v]
        rows.append({"no.": number, "speaker": forecast.speaker, "paragraph": forecast.paragraph,
                     "answers": len(values),
                     "class median": f"{statistics.median(values):.0%}" if values else "",
                     "class range": f"{min(values):.0%}–{max(values):.0%}" if values else "",
                     "panel": f"{forecast.probability:.0%}", "outcome": OUTCOME_TITLES[forecast.outcome]})
    return pd.DataFrame(rows)


def class_chart(view: ClassForecasts, forecast_set: ForecastSet | None = None) -> Chart:
    """Each claim a row: students' forecasts as dots, the class median as a
    bar, the panel's implied chance as a diamond, the outcome in words."""
    forecast_set = forecast_set or load_forecasts()
    title = "The class's forecasts next to the panel's, with outcomes"
    fig, ax = plt.subplots(figsize=(10, 0.36 * len(forecast_set) + 1.6), layout="constrained")
    lines = [f"{title}. One row per claim; dots are students, a bar the class median, a diamond the panel."]
    for y, forecast in enumerate(forecast_set):
        values = [v[forecast.id] for v in view.forecasts.values() if forecast.id in v]
        ax.scatter(values, [y] * len(values), s=14, color="0.45", zorder=2)
        if values:
            ax.plot([statistics.median(values)] * 2, [y - 0.35, y + 0.35], color="black", linewidth=2, zorder=3)
        ax.scatter([forecast.probability], [y], marker="D", s=40, facecolor="white", edgecolor="black", zorder=4)
        ax.text(1.03, y, OUTCOME_TITLES[forecast.outcome], va="center", fontsize=8, transform=ax.get_yaxis_transform())
        median = f"{statistics.median(values):.0%}" if values else "no answers"
        lines.append(f"{y + 1}. {forecast.speaker} ({forecast.paragraph}): class median {median} from {len(values)}, "
                     f"panel {forecast.probability:.0%}, {OUTCOME_TITLES[forecast.outcome]}.")
    # Deferred on purpose: matplotlib is heavy and only needed once a figure is drawn.
    from matplotlib.lines import Line2D

    ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color="0.45", markersize=4, label="a student"),
                       Line2D([], [], marker="|", linestyle="", color="black", markersize=12, markeredgewidth=2,
                              label="class median"),
                       Line2D([], [], marker="D", linestyle="", markerfacecolor="white", markeredgecolor="black",
                              label="panel (hedge words)")],
              loc="lower center", bbox_to_anchor=(0.5, 1.02), ncol=3, fontsize=8, frameon=False)
    ax.set_yticks(range(len(forecast_set)), [f"{n}. {f.speaker}" for n, f in enumerate(forecast_set, 1)], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("chance given (0 to 1)")
    ax.set_title(title, fontsize=12, loc="left", pad=22)
    ax.grid(axis="x", color="0.9")
    return Chart(fig, title, "\n".join(lines))


def class_view_body(folder: Path | str) -> str:
    """The forecast part of the class view: what was read and skipped, the
    chart (with its text) and the table."""
    view = read_class_folder(folder)
    chart = class_chart(view)
    figure = figure_html(chart.png(), chart.title, chart.summary)
    plt.close(chart.figure)
    report = "".join(f"<li>{escape(line)}</li>" for line in view.report().splitlines())
    return f"<ul>{report}</ul>{figure}{table_html(class_table(view))}"


def class_view_html(folder: Path | str, more_html: str = "") -> str:
    """The whole class view as one HTML page."""
    return ("<!DOCTYPE html><html lang='en'><meta charset='utf-8'><title>Class view</title><main>"
            f"<h1>Class view</h1><p>Folder: <code>{escape(str(folder))}</code></p><h2>Forecast audit (07)</h2>"
            f"{class_view_body(folder)}{more_html}</main></html>")
