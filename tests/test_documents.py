"""Primary documents, the two reading levels and the ground rules (issue 16)."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from roundtable.core.errors import DataError
from roundtable.core.paths import DATA_DIR, LESSONS_DIR
from roundtable.model.classsettings import LEVEL_ENV, reading_level
from roundtable.model.corpus import load_corpus
from roundtable.model.documents import ALL_DOCUMENTS_NOTEBOOK, load_documents
from roundtable.model.events import load_events
from roundtable.model.exercises import load_bank, load_roleplay
from roundtable.model.groundrules import ground_rules
from roundtable.model.summaries import copied_run, load_summaries
from roundtable.views.documentviews import document_html, document_markdown
from roundtable.views.levelviews import further_reading_html

THEME_NOTEBOOKS = ("02_iran", "03_iraq", "04_syria", "05_assassination_strategy")
DOCUMENTS_FILE = DATA_DIR / "documents.yaml"


def _raw_documents():
    return yaml.safe_load(DOCUMENTS_FILE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "documents.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- the documents ---------------------------------------------------------------

def test_every_excerpt_has_complete_metadata():
    documents = load_documents()
    assert len(documents.documents) >= 10
    for document in documents.documents:
        assert document.speaker and document.what and document.perspective and document.date
        assert document.passages, document.id
        for passage in document.passages:
            source = passage.source
            assert source.publisher and source.title and source.date and source.url.startswith("http"), document.id
            assert passage.text == " ".join(passage.text.split())


def test_the_documents_state_each_position_the_issue_asks_for():
    documents = load_documents()
    speakers = {d.id: d.speaker for d in documents.documents}
    assert "US Department of Defense" in speakers.values()
    assert any("Iran" in s for s in speakers.values())
    assert any("caretaker Prime Minister" in s for s in speakers.values())
    assert any("parliament" in s for s in speakers.values())
    assert any("Special Rapporteur" in s for s in speakers.values())
    assert {d.perspective for d in documents.documents} >= {"American", "Iranian", "Iraqi", "Kurdish", "Syrian",
                                                            "Israeli", "UN"}


@pytest.mark.parametrize("change, message", [
    (lambda d: d["documents"][0]["sources"][0].pop("publisher"), "missing or empty 'publisher'"),
    (lambda d: d["documents"][0].update(date="2020-02-30"), "not a real date"),
    (lambda d: d["documents"][0].update(date=None), "'date' must be quoted text"),
    (lambda d: d["documents"][0]["passages"][0].update(source=3), "'source' must be a number from 1 to 2"),
    (lambda d: d["documents"][0].update(perspective="Martian"), "perspective"),
    (lambda d: d["documents"][0].pop("speaker"), "missing field 'speaker'"),
    (lambda d: d["notebooks"].update({"02_iran": ["no-such-document"]}), "unknown document id(s) ['no-such-document']"),
    (lambda d: d["documents"].append(dict(d["documents"][0])), "us-dod-statement"),
])
def test_a_bad_entry_is_refused_naming_the_file_and_the_problem(tmp_path, change, message):
    data = _raw_documents()
    change(data)
    with pytest.raises(DataError) as caught:
        load_documents(_write(tmp_path, data))
    assert "documents.yaml" in str(caught.value) and message in str(caught.value)


def test_a_passage_is_shown_verbatim_escaped_and_cut_sentences_get_an_ellipsis_outside_the_quotes(tmp_path):
    data = _raw_documents()
    data["documents"][0]["passages"] = [{"text": "<script>alert(1)</script> starts and ends mid-sentence"},
                                        {"text": "A whole sentence."}]
    data["documents"][0]["note"] = "<img src=x onerror=alert(1)>"
    document = load_documents(_write(tmp_path, data))["us-dod-statement"]
    html = document_html(document)
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert "“A whole sentence.”" in html and "… “&lt;script&gt;" not in html  # starts with "<", not lowercase
    assert "mid-sentence” …" in html
    assert "“A whole sentence.” …" not in html
    assert "<script>" not in document_markdown(document)


def test_a_translation_is_marked_as_one():
    documents = load_documents()
    translated = [d for d in documents.documents if d.translation]
    assert translated, "the Iraqi and Syrian texts are translations"
    for document in translated:
        assert "Translation:" in document_html(document)
    for document in documents.documents:
        if not document.translation:
            assert "Translation:" not in document_html(document)


def test_each_theme_notebook_shows_its_documents_and_asks_to_corroborate_a_claim_against_them():
    documents = load_documents()
    for notebook in THEME_NOTEBOOKS:
        shown = {d.id for d in documents.for_notebook(notebook)}
        asking = [p for p in load_bank(notebook).prompts if p.documents]
        assert len(asking) == 1, notebook
        assert set(asking[0].documents) <= shown, notebook
        assert asking[0].paragraphs, "the claim it checks is a roundtable paragraph"
        lesson = (LESSONS_DIR / f"{notebook}.md").read_text(encoding="utf-8")
        assert f'primary_documents("{notebook}")' in lesson and f'"{asking[0].id}"' in lesson


def test_the_synthesis_shows_every_document_and_asks_who_is_not_at_the_table():
    documents = load_documents()
    assert len(documents.for_notebook(ALL_DOCUMENTS_NOTEBOOK)) == len(documents.documents)
    prompt = next(p for p in load_bank("06_synthesis").prompts if p.documents)
    assert "not at the table" in prompt.question and "defends the strike" in prompt.question
    assert set(prompt.documents) == {d.id for d in documents.documents}


def test_every_role_card_links_documents_issued_by_the_evening_of_the_scenario():
    play = load_roleplay()
    documents = load_documents()
    for role in play.roles:
        assert role.documents, role.id
        for document_id in role.documents:
            assert documents[document_id].date.isoformat() <= play.date


def test_a_role_card_linking_a_later_document_is_refused(tmp_path):
    source = (Path(load_roleplay().path)).read_text(encoding="utf-8")
    later = source.replace("documents: [krg-presidency-statement]", "documents: [un-callamard-report]", 1)
    assert later != source
    path = tmp_path / "roleplay.yaml"
    path.write_text(later, encoding="utf-8")
    with pytest.raises(DataError, match="after the scenario's date"):
        load_roleplay(path)


def test_the_role_handouts_print_the_linked_documents_in_full():
    from roundtable.tooling.roleplay_packet import role_handout_html

    play = load_roleplay()
    role = next(r for r in play.roles if r.id == "kurdistan-region")
    html = role_handout_html(play, role)
    assert "What was said officially, in full" in html
    assert "Iraq must not become a battleground for other countries to settle their disputes." in html
    assert "PUKnow" in html
    assert "<details>" not in html and "<details style" not in html  # paper cannot unfold a note


# --- two reading levels --------------------------------------------------------------

def test_every_paragraph_has_a_summary_in_our_own_words():
    summaries = load_summaries()
    corpus = load_corpus()
    assert list(summaries) == corpus.ids
    for paragraph_id, summary in summaries.items():
        assert copied_run(summary, corpus.text_of(paragraph_id)) is None, paragraph_id
        assert len(summary.split()) <= 1.25 * len(corpus.text_of(paragraph_id).split()), paragraph_id


def test_a_summary_that_copies_the_speaker_is_refused_but_a_quotation_is_allowed(tmp_path):
    corpus = load_corpus()
    raw = yaml.safe_load((DATA_DIR / "summaries.yaml").read_text(encoding="utf-8"))
    words = corpus.text_of("dina-1").split()
    copied = " ".join(words[3:13])
    raw["summaries"]["dina-1"] = f"Dina says {copied} and more."
    path = tmp_path / "summaries.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match="summary 'dina-1': copies the paragraph's words"):
        load_summaries(path, corpus)
    raw["summaries"]["dina-1"] = f"Dina says “{copied}” and more."
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert load_summaries(path, corpus)["dina-1"].startswith("Dina says “")
    del raw["summaries"]["dan-1"]
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError, match=r"no summary for paragraph\(s\) \['dan-1'\]"):
        load_summaries(path, corpus)


def test_contested_labels_in_our_summaries_stay_in_quotation_marks():
    for paragraph_id, summary in load_summaries().items():
        outside = re.sub(r"“[^”]*”|\"[^\"]*\"", "", summary)
        assert not re.search(r"\b(terrorist|martyr|resistance)", outside, re.I), paragraph_id


def test_the_reading_level_is_one_setting_and_a_bad_value_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv(LEVEL_ENV, raising=False)
    assert reading_level() in ("basic", "advanced")
    path = tmp_path / "class.yaml"
    path.write_text("reading_level: expert\n", encoding="utf-8")
    with pytest.raises(DataError, match="class.yaml.*reading_level must be one of"):
        reading_level(path)
    path.write_text("reading_level: advanced\nlevel: 2\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown setting"):
        reading_level(path)
    monkeypatch.setenv(LEVEL_ENV, "advanced")
    assert reading_level() == "advanced"


def test_basic_folds_a_marked_summary_under_each_paragraph_with_its_terms_linked(monkeypatch):
    from roundtable import display

    monkeypatch.setenv(LEVEL_ENV, "basic")
    html = unescape(display.show_reading("05_assassination_strategy", "assassination-decapitation").data)
    assert html.count("In plain words: our summary, not Sima's words") >= 2
    summary = re.search(r"<details[^>]*><summary>In plain words[^<]*</summary><p>(.*?)</p></details>", html).group(1)
    assert "<abbr title=" in summary and 'href="#note-' in summary  # a glossary term, linked to its note
    assert further_reading_html("05_assassination_strategy") == ""


def test_advanced_drops_the_summaries_and_lists_the_documents_and_the_events_sources_but_no_later_event(monkeypatch):
    from roundtable import display

    monkeypatch.setenv(LEVEL_ENV, "advanced")
    assert "In plain words" not in display.show_reading("03_iraq", "iraq-partnership").data
    html = further_reading_html("03_iraq")
    assert "Going further" in html and "settle scores on Iraqi soil" not in html  # sources, not the excerpts again
    for document in load_documents().for_notebook("03_iraq"):
        assert document.passages[0].source.url.replace("&", "&amp;") in html
    later = load_events().frame
    for sources in later[later["phase"] == "after"]["sources"]:
        for source in sources:
            assert source.url.replace("&", "&amp;") not in html


def test_the_packets_follow_the_reading_level(monkeypatch):
    from roundtable.tooling.lesson_packet import lesson_packet_html

    monkeypatch.setenv(LEVEL_ENV, "basic")
    basic = lesson_packet_html("04_syria")
    monkeypatch.setenv(LEVEL_ENV, "advanced")
    advanced = lesson_packet_html("04_syria")
    assert "In plain words: our summary" in basic and "<details open" in basic
    assert "In plain words" not in advanced
    assert "Going further" in advanced and "Going further" not in basic
    assert "Syria condemns in strongest terms" in basic and "Syria condemns in strongest terms" in advanced


# --- ground rules ---------------------------------------------------------------------

def test_the_ground_rules_hold_a_hard_conversation():
    rules = ground_rules()
    assert "Content notice" in rules and "counselling" in rules
    assert "celebrate" in rules and "mock" in rules and "condemn" in rules
    for label in ("terrorist", "martyr", "resistance"):
        assert f'"{label}"' in rules
    assert "pseudonym" in rules
