"""The class view reads files students hand in: nothing in the folder may
hang it, crash it, lead it outside the folder or forge its report (issue 17).

The alarm in some tests is a guard against a hang (the old reader blocked
for ever on a named pipe and took minutes on a crafted file), not a
measure of speed: speed is measured by `make bench`.
"""
from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

import pytest

from roundtable.model.forecasts import load_forecasts, parse_probability
from roundtable.work import classview
from roundtable.work.classview import read_class_folder, read_exports, read_limited, shown_name
from roundtable.work.exports import parse_export


@contextlib.contextmanager
def hang_guard(seconds: int = 60):
    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: the reader hangs")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def export_text(student: str = "Ana", ident: str = "a1b2c3", forecast: str = "70", extra: str = "") -> str:
    answer_id = load_forecasts().forecasts[0].answer_id
    return (f"# Answers: 07_forecast_audit\n\nstudent: {student}\nstudent id: {ident}\nexported: 2026-11-01T10:00:00\n\n"
            f"## {answer_id}\n**Forecast, claim 1.** A claim.\n~~~~\n{forecast}\n~~~~\n{extra}")


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "class"
    path.mkdir()
    return path


def test_a_link_out_of_the_folder_is_never_followed(folder, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text(export_text("Mallory", "ffffff"), encoding="utf-8")
    (folder / "passwd.md").symlink_to("/etc/passwd")
    (folder / "someone.md").symlink_to(outside)
    (folder / "zero.md").symlink_to("/dev/zero")
    exports, skipped, notes = read_exports(folder)
    assert exports == []
    assert dict(skipped) == {n: "a link; links are not followed" for n in ("passwd.md", "someone.md", "zero.md")}
    assert read_class_folder(folder).students == 0


def test_a_socket_and_a_hard_link_are_listed_not_read(folder, tmp_path):
    import socket

    outside = tmp_path / "outside.md"
    outside.write_text(export_text("Mallory", "ffffff"), encoding="utf-8")
    os.link(outside, folder / "linked.md")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "socket.md"))
        exports, skipped, notes = read_exports(folder)
    assert exports == []
    assert dict(skipped) == {"linked.md": "a hard link to a file that is also elsewhere; copy the export in instead",
                             "socket.md": "a socket, not a file"}


def test_a_named_pipe_is_listed_not_opened(folder):
    os.mkfifo(folder / "pipe.md")
    with hang_guard():
        exports, skipped, notes = read_exports(folder)
    assert exports == [] and skipped == [("pipe.md", "a named pipe, not a file")]


def test_a_file_swapped_for_a_pipe_after_the_listing_is_refused_once_open(tmp_path):
    os.mkfifo(tmp_path / "late.md")
    with hang_guard(), pytest.raises(ValueError, match="a named pipe"):
        read_limited(tmp_path / "late.md")


def test_at_most_the_limit_plus_one_byte_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 100_000)
    read = []
    real_read = os.read

    def counting(handle, size):
        data = real_read(handle, size)
        read.append(len(data))
        return data

    monkeypatch.setattr(classview.os, "read", counting)
    with pytest.raises(ValueError, match="larger than 1,000 bytes"):
        read_limited(big, limit=1000)
    assert sum(read) == 1001


def test_a_crafted_file_just_under_the_limit_is_read_in_linear_time(folder):
    # Fences of every length from 4 up, none of which ever closes: the old
    # regular expression scanned the rest of the file from each of them.
    crafted = export_text()
    length = 4
    while len(crafted) + length + 6 < classview.MAX_FILE_BYTES - 10:
        crafted += f"## x\n{'~' * length}\n"
        length += 1
    (folder / "crafted.md").write_text(crafted, encoding="utf-8")
    with hang_guard():
        exports, skipped, notes = read_exports(folder)
    assert len(exports) == 1 and exports[0][1].student == "Ana"


def test_a_section_given_twice_is_reported_and_the_first_is_kept(folder):
    answer_id = load_forecasts().forecasts[0].answer_id
    twice = export_text(forecast="70", extra=f"\n## {answer_id}\n**Again.**\n~~~~\n5\n~~~~\n")
    (folder / "twice.md").write_text(twice, encoding="utf-8")
    exports, skipped, notes = read_exports(folder)
    assert exports[0][1].answers[answer_id] == "70"
    assert skipped == [] and notes == [("twice.md", f"section {answer_id} appears more than once; the first "
                                                    "was read, the others were not")]
    view = read_class_folder(folder)
    assert f"Read twice.md, but section {answer_id} appears more than once" in view.report()


def test_a_byte_order_mark_and_windows_line_ends_are_accepted(folder):
    (folder / "bom.md").write_bytes(("\ufeff" + export_text()).replace("\n", "\r\n").encode("utf-8"))
    exports, skipped, notes = read_exports(folder)
    assert skipped == [] and exports[0][1].student == "Ana"
    assert read_class_folder(folder).students == 1


@pytest.mark.parametrize("typed", ["１００", "²", "٧٠", "7\u00b2"])
def test_only_ascii_digits_count_as_a_number(typed):
    with pytest.raises(ValueError, match="Type a whole number from 0 to 100"):
        parse_probability(typed)


def test_a_pasted_non_ascii_number_is_reported_in_plain_words(folder):
    (folder / "wide.md").write_text(export_text(forecast="１００"), encoding="utf-8")
    view = read_class_folder(folder)
    assert "Type a whole number from 0 to 100" in view.report() and "invalid literal" not in view.report()


def test_a_hostile_file_name_cannot_forge_or_colour_a_line_of_the_report(folder):
    name = "evil\nSkipped nothing: all fine\x1b[31m\u202e.md"
    (folder / name).write_text("not an export", encoding="utf-8")
    report = read_class_folder(folder).report()
    assert "\x1b" not in report and "\u202e" not in report
    assert len(report.splitlines()) == 2  # the count, and one line for the file
    assert "evil\\nSkipped nothing" in report
    assert shown_name("plain-name.md") == "plain-name.md" and shown_name("علی.md") == "علی.md"


def test_the_parser_reads_what_the_exporter_writes():
    text = export_text(extra="## other\n~~~~~\nan answer with ~~~~ inside\n\n~~~~ and more\n~~~~~\n")
    export = parse_export(text, "x.md")
    assert export.answers["other"] == "an answer with ~~~~ inside\n\n~~~~ and more"
    with pytest.raises(ValueError, match="x.md: not an answers export"):
        parse_export("# Answers: 07\nstudent: no blank line\n", "x.md")
