"""Printable packets (`make handouts`): what each holds, what the students'
never hold (answer keys, facilitation notes, what was learned later), and,
with Chromium and pdftotext, the PDFs' pages and text."""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
from html import escape, unescape
from pathlib import Path

import pytest

from roundtable.model.corpus import load_corpus
from roundtable.model.exercises import load_bank
from roundtable.model.lessons import shown_prompts
from roundtable.model.roleplay import load_roleplay
from roundtable.tooling import handouts
from roundtable.tooling.lesson_packet import lesson_packet_html
from roundtable.tooling.roleplay_packet import chronology_html, news_desk_html, role_handout_html, session_html

CORPUS = load_corpus()


def _text(html: str) -> str:
    """What a reader of the page sees: no tags, no entities, single spaces."""
    html = re.sub(r"<sup>.*?</sup>", "", html)  # glossary note numbers
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.fixture(scope="module")
def pages():
    return handouts.handout_pages()


def test_every_notebook_has_a_students_and_an_instructors_packet_and_the_role_play_its_handouts(pages):
    play = load_roleplay()
    for notebook in handouts.notebooks():
        assert f"students/{notebook}.html" in pages and f"instructor/{notebook}.html" in pages
    for role in play.roles:
        assert f"students/roleplay-role-{role.id}.html" in pages
    for name in ("chronology", "memo-rubric", "news-desk", "session"):
        assert f"students/roleplay-{name}.html" in pages
    assert "instructor/roleplay-facilitation.html" in pages


def test_a_packet_numbers_the_questions_as_the_notebook_does_and_holds_no_code(pages):
    for notebook in handouts.notebooks():
        html = pages[f"students/{notebook}.html"]
        numbers = re.findall(r"Question (\d+\.\d+)", html)
        shown = [n for _, n in shown_prompts(notebook)]
        assert [n for n in dict.fromkeys(numbers)] == shown, notebook
        assert "from roundtable" not in html and "import " not in html and "<script" not in html, notebook


def test_a_packet_prints_each_glossary_note_once(pages):
    html = pages["students/02_iran.html"]
    terms = re.findall(r'<li value="\d+" id="note-[\w-]+"><strong>([^<]+)</strong>', html)
    assert len(terms) >= 5 and len(terms) == len(set(terms)), terms


def test_the_students_packets_hold_no_key_no_facilitation_and_no_later_events(pages):
    for notebook in handouts.notebooks():
        bank = load_bank(notebook)
        students, instructor = pages[f"students/{notebook}.html"], pages[f"instructor/{notebook}.html"]
        for prompt in bank.prompts:
            assert escape(prompt.facilitation)[:60] not in students, (notebook, prompt.id)
        for item in bank.quiz:
            assert escape(item.explanation)[:60] not in students, (notebook, item.id)
        assert "Answer: " not in students and "How to run it in class" not in students
        if bank.quiz:
            assert "Answer: " in instructor  # the key is in the instructor's packet
        assert "How to run it in class" in instructor
    assert "What happened next is not printed here" in pages["students/02_iran.html"]
    assert "later events refer to these readings" in pages["instructor/02_iran.html"]


def test_the_role_play_handouts_give_every_cited_paragraph_in_full_and_keep_later_news_for_the_instructor():
    play = load_roleplay()
    for role in play.roles:
        html = _text(role_handout_html(play, role))
        for paragraph, _ in role.roundtable:
            assert " ".join(CORPUS.paragraph(paragraph)["text"].split()) in html, (role.id, paragraph)
        assert "memo" in html.lower()
    desk = _text(news_desk_html(play))
    for item in play.news_desk:
        assert " ".join(item.text.split()) in desk
        assert " ".join(item.learned_later.split())[:60] not in desk
        assert all(s.date <= item.date.isoformat() for s in item.sources)  # as reported then
    facilitation = _text(session_html(play, instructor=True))
    assert all(" ".join(i.learned_later.split())[:60] in facilitation for i in play.news_desk)
    assert "debrief" in facilitation.lower()
    assert f"{play.minutes_in_class(False)} minutes" in facilitation and f"{play.minutes_in_class(True)} minutes" in facilitation


def test_the_chronology_is_numbered_and_stops_on_5_january_2020():
    play = load_roleplay()
    html = chronology_html(play)
    assert play.chronology and all(e.start.isoformat() <= "2020-01-05" for e in play.chronology)
    assert "<ol" in html and all(e.title in _text(html) for e in play.chronology)
    # Nothing after the scenario's evening: each event is dated by the day it began.
    assert "Chronology up to 5 January 2020" in _text(html)
    assert "7 January" not in _text(html) and "(still going on): Mass funeral processions in Iran" in _text(html)


def test_data_fields_are_escaped_in_the_handouts():
    play = load_roleplay()
    role = dataclasses.replace(play.roles[0], name="<script>alert(1)</script>",
                               interests=("<img src=x onerror=alert(2)>",))
    html = role_handout_html(dataclasses.replace(play, roles=(role, *play.roles[1:])), role)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _missing_pdf_tools() -> str | None:
    from roundtable.tooling.pdf import pdf_unavailable

    return pdf_unavailable() or (None if shutil.which("pdftotext") else "pdftotext is missing (apt-get install poppler-utils)")


def test_the_pdfs_have_sensible_page_counts_and_the_expected_text(tmp_path):
    reason = _missing_pdf_tools()
    if reason:
        if os.environ.get("ROUNDTABLE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"PDF packets are required here (ROUNDTABLE_REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(f"PDF packets skipped: {reason}")
    html, pdfs, why = handouts.build_handouts(tmp_path)
    assert why is None and len(pdfs) == len(html)

    def pages_and_text(relative: str) -> tuple[int, str]:
        pdf = tmp_path / relative
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", info)[1]), " ".join(text.split())

    count, text = pages_and_text("students/roleplay-chronology.pdf")
    assert count == 1 and "Rocket attack on the K-1 base near Kirkuk" in text
    count, text = pages_and_text("students/roleplay-memo-rubric.pdf")
    assert count <= 2 and "rubric" in text.lower()
    count, text = pages_and_text("students/roleplay-role-us-administration.pdf")
    assert 2 <= count <= 12 and "The US administration" in text
    assert " ".join(CORPUS.paragraph("dan-1")["text"].split())[:60] in text
    count, text = pages_and_text("students/02_iran.pdf")
    assert 5 <= count <= 40 and "Question 2.1" in text and "Question 2.6" in text and "Answer:" not in text
    count, text = pages_and_text("instructor/02_iran.pdf")
    assert "Answer:" in text and "How to run it in class: 90 minutes" in text


def _roleplay_error(tmp_path, old: str, new: str) -> str:
    from roundtable.core.errors import DataError

    source = Path(__file__).parent.parent / "exercises" / "roleplay.yaml"
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "roleplay.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_roleplay(path)
    return str(error.value)


@pytest.mark.parametrize("old, new, expected", [
    ("  - event: kerman-stampede\n    date: \"2020-01-07\"", "  - event: kerman-stampede\n    date: \"2020-01-04\"",
     "announced on 2020-01-04, not after the scenario's date"),
    ("  - event: kerman-stampede\n", "  - event: no-such-event\n", "'event' 'no-such-event' is not an event in data/events/"),
    ("  - event: kerman-stampede\n    date: \"2020-01-07\"", "  - event: kerman-stampede\n    date: \"2020-01-06\"",
     "announced on 2020-01-06, before the event begins (2020-01-07)"),
    ("(\"Rocket attack on\n    the K-1 base near Kirkuk\")", "(\"A rocket attack nobody recorded\")",
     "the situation quotes 'A rocket attack nobody recorded', which is not the title of any event"),
])
def test_a_bad_role_play_entry_is_refused_with_its_file_and_reason(tmp_path, old, new, expected):
    message = _roleplay_error(tmp_path, old, new)
    assert "roleplay.yaml" in message and expected in message
