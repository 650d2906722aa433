"""Every malformed data file stops with a message that names the file, the
entry and what is wrong: one small broken fixture per kind of error."""
from __future__ import annotations

import pytest

from conftest import rewrite, data_error
from roundtable.model.corpus import load_corpus
from roundtable.core.errors import DataError
from roundtable.model.glossary import load_glossary
from roundtable.model.participants import load_participants


def corpus_error(data, old, new) -> str:
    rewrite(data / "roundtable.yaml", old, new)
    with pytest.raises(DataError) as caught:
        load_corpus(data / "roundtable.yaml", data / "participants.yaml")
    return str(caught.value)


def glossary_error(data, old, new) -> str:
    rewrite(data / "glossary.yaml", old, new)
    with pytest.raises(DataError) as caught:
        load_glossary(data / "glossary.yaml")
    return str(caught.value)


def test_fixtures_are_valid(mini_data):
    corpus = load_corpus(mini_data / "roundtable.yaml", mini_data / "participants.yaml")
    assert corpus.ids == ["intro-1", "dina-1", "dan-1"]
    assert len(load_glossary(mini_data / "glossary.yaml")) == 4


def test_missing_field(mini_data):
    message = corpus_error(mini_data, "    speaker: Dina\n", "")
    assert "roundtable.yaml" in message and "paragraph 'dina-1' (entry 2)" in message
    assert "missing field 'speaker'" in message


def test_unknown_speaker(mini_data):
    message = corpus_error(mini_data, "speaker: Dina", "speaker: Dinah")
    assert "paragraph 'dina-1'" in message and "'Dinah'" in message and "expected one of" in message


def test_duplicate_id(mini_data):
    message = corpus_error(mini_data, "id: dan-1", "id: dina-1")
    assert "duplicate id 'dina-1' (also entry 2)" in message and "(entry 3)" in message


def test_bad_theme(mini_data):
    message = corpus_error(mini_data, "themes: [iraq, iran]", "themes: [iraq, lebanon]")
    assert "paragraph 'dan-1'" in message and "unknown theme(s) ['lebanon']" in message


def test_too_many_themes(mini_data):
    message = corpus_error(mini_data, "themes: [iraq, iran]", "themes: [iraq, iran, syria]")
    assert "at most one secondary theme" in message


def test_unreadable_yaml(mini_data):
    message = corpus_error(mini_data, "    themes: [iran]\n", "    themes: [iran\n")
    assert "roundtable.yaml" in message and "unreadable YAML at line" in message


def test_unknown_section(mini_data):
    message = corpus_error(mini_data, "section: partnership", "section: elsewhere")
    assert "paragraph 'dan-1'" in message and "'section' has 'elsewhere'" in message


def test_positions_with_a_gap(mini_data):
    message = corpus_error(mini_data, "position: 3", "position: 4")
    assert "positions must run 1..3 once each; missing [3]" in message


def test_unknown_field_is_reported_not_ignored(mini_data):
    message = corpus_error(mini_data, "    speaker: Dan\n", "    speaker: Dan\n    speeker: Dan\n")
    assert "unknown field(s) ['speeker']" in message


def test_missing_file_is_named(mini_data):
    (mini_data / "roundtable.yaml").unlink()
    with pytest.raises(DataError, match="roundtable.yaml: file not found"):
        load_corpus(mini_data / "roundtable.yaml", mini_data / "participants.yaml")


def test_participant_without_paragraph(mini_data):
    rewrite(mini_data / "participants.yaml", "  - name: Dan\n", "  - name: Sima\n    focus: x.\n  - name: Dan\n")
    with pytest.raises(DataError, match=r"participant\(s\) \['Sima'\] have no paragraph"):
        load_corpus(mini_data / "roundtable.yaml", mini_data / "participants.yaml")


def test_participant_name_must_be_a_first_name(mini_data):
    rewrite(mini_data / "participants.yaml", "name: Dan", "name: Dan X.")
    with pytest.raises(DataError, match=r"participants.yaml, participant 'Dan X.' \(entry 2\): 'name' must be a first name"):
        load_participants(mini_data / "participants.yaml")


def test_not_a_list(mini_data):
    (mini_data / "participants.yaml").write_text("participants: Dina\n", encoding="utf-8")
    with pytest.raises(DataError, match="'participants:' must be a non-empty list"):
        load_participants(mini_data / "participants.yaml")


def test_glossary_person_without_source(mini_data):
    text = (mini_data / "glossary.yaml").read_text(encoding="utf-8")
    start = text.index("    sources:\n      - publisher: Test\n        title: Another profile")
    end = text.index("  - id: hezbollah")
    (mini_data / "glossary.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataError, match="glossary entry 'abu-mahdi-al-muhandis' .*needs at least one source"):
        load_glossary(mini_data / "glossary.yaml")


def test_glossary_variant_owned_twice(mini_data):
    message = glossary_error(mini_data, "variants: [Hezbollah, Hizbollah]", "variants: [Hezbollah, Muhandis]")
    assert "glossary entry 'hezbollah'" in message and "'Muhandis' also belongs to 'abu-mahdi-al-muhandis'" in message


def test_glossary_original_without_language(mini_data):
    message = glossary_error(mini_data, "    original_language: Persian\n", "")
    assert "glossary entry 'qassem-soleimani'" in message and "go together" in message


def test_glossary_bad_kind(mini_data):
    message = glossary_error(mini_data, "kind: organisation", "kind: party")
    assert "glossary entry 'hezbollah'" in message and "'kind' has 'party'" in message


def test_source_without_url(mini_data):
    message = glossary_error(mini_data, "url: https://example.org/other", "url: example dot org")
    assert "glossary entry 'abu-mahdi-al-muhandis'" in message and "sources #1: url 'example dot org'" in message


def test_source_with_bad_date(mini_data):
    message = glossary_error(mini_data, 'date: "2020-01-03"', 'date: "3 Jan 2020"')
    assert "sources #1: date '3 Jan 2020'" in message


def test_glossary_duplicate_id(mini_data):
    message = glossary_error(mini_data, "id: iran", "id: hezbollah")
    assert "duplicate id 'hezbollah'" in message


def test_non_utf8_file(mini_data):
    (mini_data / "glossary.yaml").write_bytes("entries: [caf\xe9]".encode("latin-1"))
    with pytest.raises(DataError, match="glossary.yaml: not UTF-8 text"):
        load_glossary(mini_data / "glossary.yaml")


SINCE = """    since_2020:
      - date: "2026-03"
        text: Killed in a <strike>, as reported.
        sources:
          - {publisher: Test, title: Later, date: "2026-03-01", url: "https://example.org/later"}
"""


def with_since(mini_data, block=SINCE):
    return rewrite(mini_data / "glossary.yaml", "    definition: Deputy head of the PMF.\n",
                   "    definition: Deputy head of the PMF.\n" + block)


def test_glossary_status_since_2020_is_dated_sourced_and_shown(mini_data):
    entry = load_glossary(with_since(mini_data))["abu-mahdi-al-muhandis"]
    assert [c.when for c in entry.since_2020] == ["March 2026"]
    assert entry.note == "Deputy head of the PMF. Since 2020: (March 2026) Killed in a <strike>, as reported."
    from roundtable.views.render import passage_html
    from conftest import load_mini
    corpus = load_mini(mini_data)[0]
    row = next(r for _, r in corpus.paragraphs.iterrows() if "Muhandis" in r["text"])
    html = passage_html(row, load_glossary(mini_data / "glossary.yaml"))
    assert "(March 2026) Killed in a &lt;strike&gt;" in html and "<strike>" not in html


@pytest.mark.parametrize("old, new, expected", [
    ('date: "2026-03"', 'date: "2019-03"', "since_2020 #1: date 2019-03-01 is before 2020"),
    ('date: "2026-03"', 'date: "2099-03"', "since_2020 #1: date 2099-03-01 is after the collection's as-of date"),
    ('date: "2026-03"', 'date: "March 2026"', "since_2020 #1: date 'March 2026' must look like"),
    ("          - {publisher: Test, title: Later, date: \"2026-03-01\", url: \"https://example.org/later\"}\n", "",
     "since_2020 #1: missing field 'sources'"),
    ("        text: Killed", "        txt: Killed", "since_2020 #1: unknown field(s) ['txt']"),
])
def test_bad_status_changes_are_named(mini_data, old, new, expected):
    path = with_since(mini_data)
    rewrite(path, old, new)
    message = data_error(load_glossary, path)
    assert "glossary entry 'abu-mahdi-al-muhandis'" in message and expected in message


def test_status_changes_must_be_oldest_first(mini_data):
    later = SINCE.replace('"2026-03"', '"2026-05"') + SINCE.split("    since_2020:\n")[1]
    message = data_error(load_glossary, with_since(mini_data, later))
    assert "oldest first" in message


@pytest.mark.parametrize("field", ["publisher", "url"])
def test_an_event_source_without_url_or_publisher_names_file_and_event(mini_data, field):
    from conftest import load_mini
    path = mini_data / "events" / "after.yaml"
    text = path.read_text(encoding="utf-8")
    value = {"publisher": "publisher: Test, ", "url": ', url: "https://example.org/strikes"'}[field]
    path.write_text(text.replace(value, ""), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_mini(mini_data)
    message = str(caught.value)
    assert "after.yaml" in message and "event 'strikes-on-sites'" in message and f"missing or empty '{field}'" in message


def test_a_source_host_mark_must_be_known(mini_data):
    message = glossary_error(mini_data, "url: https://example.org/other", "url: https://example.org/other\n        host: mirror")
    assert "sources #1: host 'mirror' must be one of ['rehost']" in message
    rewrite(mini_data / "glossary.yaml", "host: mirror", "host: rehost")
    assert load_glossary(mini_data / "glossary.yaml")["abu-mahdi-al-muhandis"].sources[0].rehost
