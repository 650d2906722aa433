"""Glossary mentions: variant spellings, longest match, word boundaries; and
the real glossary checked against the real text."""
from __future__ import annotations

import pytest

from roundtable.model.corpus import load_corpus
from roundtable.model.glossary import load_glossary


@pytest.fixture
def mini(mini_data):
    return load_glossary(mini_data / "glossary.yaml"), load_corpus(mini_data / "roundtable.yaml", mini_data / "participants.yaml")


def test_variant_spellings_are_found(mini):
    glossary, _ = mini
    found = glossary.mentions("Qassim Soleimani met Muhandis; later Mohandes and Hizbollah.")
    assert [(m.entry_id, m.matched) for m in found] == [
        ("qassem-soleimani", "Qassim Soleimani"),
        ("abu-mahdi-al-muhandis", "Muhandis"),
        ("abu-mahdi-al-muhandis", "Mohandes"),
        ("hezbollah", "Hizbollah"),
    ]


def test_longest_variant_wins_and_offsets_are_exact(mini):
    glossary, _ = mini
    text = "Dan: Abu Mahdi al-Muhandis was killed."
    (mention,) = glossary.mentions(text)
    assert mention.matched == "Abu Mahdi al-Muhandis"
    assert text[mention.start:mention.end] == mention.matched


def test_case_differences_and_possessives_match(mini):
    glossary, _ = mini
    assert glossary.mentioned_ids("SOLEIMANI’s legacy and soleimani's") == ["qassem-soleimani"]
    assert len(glossary.mentions("SOLEIMANI’s legacy and soleimani's")) == 2


def test_no_match_inside_a_longer_word(mini):
    glossary, _ = mini
    assert glossary.mentions("Iranian and Iranians") == []
    assert [m.matched for m in glossary.mentions("Iran, Iran’s")] == ["Iran", "Iran"]


def test_paragraphs_mentioning_is_computed_from_text(mini):
    glossary, corpus = mini
    where = glossary.paragraphs_mentioning(corpus)
    assert where["qassem-soleimani"] == ["intro-1", "dina-1"]
    assert where["abu-mahdi-al-muhandis"] == ["dan-1"]
    assert where["hezbollah"] == ["dina-1"]


# --- the real glossary ------------------------------------------------------

@pytest.fixture(scope="module")
def real():
    return load_glossary(), load_corpus()


def test_glossary_has_at_least_forty_entries_of_each_needed_kind(real):
    glossary, _ = real
    assert len(glossary) >= 40
    kinds = {e.kind for e in glossary.entries.values()}
    assert {"person", "organisation", "place", "concept"} <= kinds


def test_every_variant_is_spelled_as_in_the_text(real):
    glossary, corpus = real
    text = "\n".join(corpus.paragraphs["text"]).casefold()
    missing = [(e.id, v) for e in glossary.entries.values() for v in e.variants if v.casefold() not in text]
    assert missing == []


@pytest.mark.parametrize("spelling, entry_id", [
    ("Qassem Soleimani", "qassem-soleimani"),
    ("Qassim Soleimani", "qassem-soleimani"),
    ("Muhandis", "abu-mahdi-al-muhandis"),
    ("Mohandes", "abu-mahdi-al-muhandis"),
    ("Hizbollah", "hezbollah"),
    ("Quds force", "quds-force"),
    ("Anise Naccahe", "anis-naccache"),
    ("PMF", "pmf"),
    ("Islamic State", "isis"),
])
def test_text_spellings_resolve_to_their_entry(real, spelling, entry_id):
    glossary, _ = real
    assert glossary.mentioned_ids(f"… {spelling} …") == [entry_id]


def test_names_carry_their_original_script_and_sources(real):
    glossary, _ = real
    soleimani = glossary["qassem-soleimani"]
    assert soleimani.original and soleimani.original_language == "Persian"
    people = [e for e in glossary.entries.values() if e.kind in ("person", "organisation")]
    assert all(e.sources for e in people)


def test_the_speakers_are_not_glossary_entries(real):
    glossary, corpus = real
    terms = {e.term for e in glossary.entries.values()}
    assert not terms & set(corpus.speakers)


def test_key_figures_are_mentioned_where_expected(real):
    glossary, corpus = real
    where = glossary.paragraphs_mentioning(corpus)
    assert "thanassis-3" in where["abu-mahdi-al-muhandis"]  # spelled "Mohandes" and "Muhandis" there
    assert "sima-4" in where["imad-mughniyeh"]
    assert "aron-7" in where["feish-khabour"]


@pytest.mark.parametrize("entry_id", ["ali-khamenei", "hassan-nasrallah", "bashar-al-assad", "us-led-coalition",
                                      "jcpoa", "donald-trump"])
def test_entries_whose_status_changed_since_2020_say_so(real, entry_id):
    entry = real[0][entry_id]
    assert entry.since_2020 and "Since 2020:" in entry.note
    assert all(change.sources for change in entry.since_2020)
