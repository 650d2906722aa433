"""Filtering the corpus, and the tables derived from it."""
from __future__ import annotations

import pytest

from roundtable.model.corpus import THEMES, load_corpus
from roundtable.analysis.overview import section_table, theme_table
from roundtable.analysis.overview import participant_table


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_paragraphs_frame_has_documented_columns(corpus):
    assert list(corpus.paragraphs.columns) == [
        "id", "position", "speaker", "section", "section_title", "heading_in_source",
        "themes", "primary_theme", "text"]
    assert len(corpus.paragraphs) == 33


def test_filter_by_speaker_theme_and_section(corpus):
    assert corpus.filter(speaker="Renad")["id"].tolist() == ["renad-1"]
    syria = corpus.filter(theme="syria")
    assert set(syria["speaker"]) == {"Aron"} and len(syria) == 8
    march = corpus.filter(section="a-march-to-war")
    assert march["id"].tolist() == ["thanassis-2", "michael-2", "michael-3", "michael-4", "michael-5"]
    both = corpus.filter(speaker="Michael", theme="iraq")
    assert both["id"].tolist() == ["michael-1", "michael-5", "michael-6"]


def test_secondary_theme_counts_in_filter(corpus):
    iran = corpus.filter(theme="iran")["id"].tolist()
    assert "dahlia-3" in iran  # assassination strategy first, Iran second
    assert corpus.paragraph("dahlia-3")["primary_theme"] == "assassination-strategy"


def test_every_paragraph_has_a_known_theme(corpus):
    assert all(set(themes) <= set(THEMES) for themes in corpus.paragraphs["themes"])
    assert set(corpus.paragraphs["primary_theme"]) == set(THEMES)


@pytest.mark.parametrize("kwargs, message", [
    ({"speaker": "Soleimani"}, "unknown speaker 'Soleimani'"),
    ({"theme": "yemen"}, "unknown theme 'yemen'"),
    ({"section": "nowhere"}, "unknown section 'nowhere'"),
])
def test_filter_rejects_unknown_values_clearly(corpus, kwargs, message):
    with pytest.raises(ValueError, match=message):
        corpus.filter(**kwargs)


def test_unknown_paragraph_id_names_the_id(corpus):
    with pytest.raises(KeyError, match="no paragraph with id 'dan-9'"):
        corpus.paragraph("dan-9")


def test_participant_table_is_derived_from_the_text(corpus):
    table = participant_table(corpus).set_index("name")
    assert table.loc["Dan", "paragraph_ids"] == "dan-1, dan-2, dan-3"
    assert table.loc["Dan", "sections"] == "Collateral Damage: Partnership with Iraq; Mistrust Instead of Cooperation"
    assert table.loc["Thanassis", "paragraphs"] == 3
    assert table.loc["Sima", "sections"] == "Decapitation and the Axis of Resistance"
    assert table.index.tolist() == corpus.speakers


def test_section_table_lists_speakers_per_section(corpus):
    table = section_table(corpus).set_index("section")
    assert table.loc["A March to War?", "speakers"] == "Thanassis, Michael"
    assert table.loc["Introduction (our label)", "speakers"] == "(unsigned)"
    assert len(table) == len(corpus.sections)


def test_theme_table_counts_main_and_any(corpus):
    table = theme_table(corpus).set_index("theme")
    assert table.loc["Syria", "main theme of"] == 8
    assert table["main theme of"].sum() == 33
    assert table.loc["Iran", "main or secondary theme of"] > table.loc["Iran", "main theme of"]
