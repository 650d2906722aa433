"""The instructor edition: plans that fit the class, keys that stay out of
the students' notebooks."""
from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from roundtable.model.exercises import load_all_banks, load_bank
from roundtable.tooling.instructor import build_instructor_edition, ground_rules

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"


def test_build_writes_plans_keys_and_ground_rules(tmp_path):
    written = {p.name for p in build_instructor_edition(tmp_path)}
    assert {"ground-rules.md", "index.md", "00_start_here.md", "01_timeline.md"} <= written
    timeline = (tmp_path / "01_timeline.md").read_text(encoding="utf-8")
    assert "### How to run it in class: 50 minutes" in timeline and "### How to run it in class: 90 minutes" in timeline
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


def test_every_field_from_data_is_escaped_in_the_instructor_edition(tmp_path, monkeypatch):
    """A data field holding HTML is printed as text, never passed into the Markdown as markup."""
    import dataclasses

    from roundtable.tooling import instructor

    bank = load_bank("02_iran")
    hostile = "<script>alert(1)</script> | <img src=x onerror=alert(2)>"
    prompt = dataclasses.replace(bank.prompts[0], question=hostile, facilitation=hostile)
    item = bank.quiz[0]
    option = dataclasses.replace(item.options[0], text=hostile, feedback=hostile)
    item = dataclasses.replace(item, question=hostile, explanation=hostile, quote=hostile,
                               options=(option, *item.options[1:]))
    bank = dataclasses.replace(bank, prompts=(prompt, *bank.prompts[1:]), quiz=(item, *bank.quiz[1:]))
    text = instructor.bank_markdown(bank)
    assert "<script" not in text and "<img" not in text
    assert text.count("&lt;script>alert(1)&lt;/script>") >= 6
    monkeypatch.setattr(instructor, "ground_rules", lambda: "Rule <script>x</script>")
    written = build_instructor_edition(tmp_path)
    assert "<script" not in (tmp_path / "ground-rules.md").read_text(encoding="utf-8")
    assert all("<script" not in p.read_text(encoding="utf-8") for p in written)
