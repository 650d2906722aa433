"""The instructor edition: plans that fit the class, keys that stay out of
the students' notebooks."""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from roundtable.model.exercises import load_all_banks, load_bank
from roundtable.tooling.instructor import build_instructor_edition, ground_rules, lesson_plan

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"


@pytest.mark.parametrize("minutes", [50, 90])
def test_lesson_plans_fill_the_class_exactly_and_end_with_the_exit_ticket(minutes):
    for bank in load_all_banks():
        rows = lesson_plan(bank, minutes)
        assert sum(length for _, _, length in rows) == minutes, bank.notebook
        assert all(start + length == following for (start, _, length), (following, _, _) in zip(rows, rows[1:]))
        assert rows[0][1].startswith("Opening")
        tickets = [r for r in rows if r[1].startswith("Exit ticket")]
        if any(p.format == "exit-ticket" for p in bank.prompts):
            assert tickets and rows.index(tickets[0]) >= len(rows) - 2


def test_a_longer_class_uses_more_prompts():
    bank = load_bank("01_timeline")
    def prompt_rows(minutes):
        return [r for r in lesson_plan(bank, minutes) if r[1].startswith("timeline-p")]
    assert len(prompt_rows(90)) > len(prompt_rows(50))


def test_build_writes_plans_keys_and_ground_rules(tmp_path):
    written = {p.name for p in build_instructor_edition(tmp_path)}
    assert {"ground-rules.md", "index.md", "00_start_here.md", "01_timeline.md"} <= written
    timeline = (tmp_path / "01_timeline.md").read_text(encoding="utf-8")
    assert "### 50-minute class" in timeline and "### 90-minute class" in timeline
    assert "**✓ right** US or coalition casualties" in timeline
    assert "The event is the rocket attack on K-1" in timeline  # facilitation notes
    assert "Claims need evidence" in (tmp_path / "ground-rules.md").read_text(encoding="utf-8")
    assert "Claims need evidence" in ground_rules()


def test_student_notebooks_never_show_keys_or_facilitation_notes():
    banks = load_all_banks()
    notes = [p.facilitation for b in banks for p in b.prompts]
    for path in NOTEBOOKS.glob("*.ipynb"):
        raw = path.read_text(encoding="utf-8")
        text = json.dumps(json.loads(raw), ensure_ascii=False)
        for note in notes:
            assert note[:60] not in text, f"{path.name} shows a facilitation note"
        for bank in banks:
            for item in bank.quiz:
                feedback = escape(item.answer.feedback)[:50]
                for cell in json.loads(raw)["cells"]:
                    for output in cell.get("outputs", []):
                        html = "".join(output.get("data", {}).get("text/html", ""))
                        if feedback in html:  # only inside the folded answer
                            before = html.split(feedback)[0]
                            assert before.rfind("<details>") > before.rfind("</details>"), path.name


def test_role_cards_cover_the_required_roles_and_cite_real_paragraphs():
    from roundtable.model.corpus import load_corpus
    from roundtable.model.exercises import load_roleplay

    play = load_roleplay()
    required = {"us-administration", "iran-leadership", "iraq-caretaker-government", "sadr-movement",
                "iraqi-protesters", "kurdistan-region", "sdf", "israel"}
    assert required <= {r.id for r in play.roles}
    ids = set(load_corpus().ids)
    for role in play.roles:
        assert role.interests and role.constraints and role.roundtable and role.questions, role.id
        assert {p for p, _ in role.roundtable} <= ids
    assert play.date == "2020-01-05" and "## " in play.memo_template


def test_student_handout_has_cards_but_no_facilitation(tmp_path):
    from roundtable.model.exercises import load_roleplay

    build_instructor_edition(tmp_path)
    handout = (tmp_path / "roleplay-student-handout.md").read_text(encoding="utf-8")
    play = load_roleplay()
    assert play.facilitation[:80] not in handout and "## Facilitation" not in handout
    assert all(role.name in handout for role in play.roles)


def test_a_role_citing_an_unknown_paragraph_is_named(tmp_path):
    import shutil

    from roundtable.core.errors import DataError
    from roundtable.model.exercises import ROLEPLAY_FILE, load_roleplay

    copy = tmp_path / "roleplay.yaml"
    shutil.copy(ROLEPLAY_FILE, copy)
    text = copy.read_text(encoding="utf-8")
    first = text.index("paragraph: ", text.index("  - id: us-administration"))
    end = text.index("\n", first)
    copy.write_text(text[:first] + "paragraph: dan-99" + text[end:], encoding="utf-8")
    with pytest.raises(DataError, match=r"roleplay.yaml, role 'us-administration' \(entry 1\): 'roundtable' cites unknown paragraph 'dan-99'"):
        load_roleplay(copy)


def test_synthesis_edition_has_the_essay_rubric(tmp_path):
    build_instructor_edition(tmp_path)
    text = (tmp_path / "06_synthesis.md").read_text(encoding="utf-8")
    essay = load_bank("06_synthesis").essay
    assert "## Closing essay (600–900 words" in text
    for criterion in essay.rubric:
        assert f"| {criterion.criterion} | {criterion.weight} |" in text
