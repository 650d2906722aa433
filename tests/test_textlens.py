"""The text lens: keyword in context, speaker × theme counts, distinctive
vocabulary and hedge words, on the real corpus with known answers."""
from __future__ import annotations

import pytest

from roundtable.model.corpus import load_corpus
from roundtable.analysis.textlens import (MAX_QUERY_CHARS, clean_query, distinctive_words, hedges_by_paragraph,
                                 hedging_profile, kwic, kwic_summary, speaker_theme_counts, tokens)


def test_kwic_finds_every_occurrence_with_context_in_reading_order():
    results = kwic("militia")
    assert results["paragraph"].tolist() == ["renad-1", "renad-1", "thanassis-3", "aron-3"]
    first = results.iloc[0]
    assert first["match"] == "militia" and first["left"].endswith("anti-Iran and anti-")
    assert kwic_summary(results, "militia") == "“militia” occurs 4 times in 3 paragraphs of the roundtable: Renad 2, Thanassis 1, Aron 1."


def test_kwic_whole_words_or_parts():
    assert len(kwic("militia", whole_words=True)) == 4
    assert len(kwic("militia", whole_words=False)) > 4  # militias too


def test_kwic_treats_both_apostrophes_alike():
    assert kwic("won't")["paragraph"].tolist() == ["aron-2", "aron-8"]
    assert kwic("won’t")["paragraph"].tolist() == ["aron-2", "aron-8"]


def test_kwic_is_case_insensitive_and_filters_by_speaker():
    assert set(kwic("ISIS", speaker="Dan")["speaker"]) == {"Dan"}
    assert len(kwic("isis")) == len(kwic("ISIS"))


@pytest.mark.parametrize("query", ["(", "[a-z]+", "*", "\\", "a|b", "<script>alert(1)</script>", "  ", ""])
def test_student_queries_are_plain_text_never_patterns(query):
    results = kwic(query)
    assert results.empty or (results["match"].str.lower() == clean_query(query).lower()).all()


def test_long_queries_are_cut():
    assert len(clean_query("x" * 10_000)) == MAX_QUERY_CHARS
    assert kwic("Soleimani " * 500).empty


def test_empty_query_says_what_to_do():
    assert kwic_summary(kwic(""), "").startswith("Type a word")


def test_speaker_theme_counts_add_up():
    corpus = load_corpus()
    paragraphs = speaker_theme_counts(measure="paragraphs")
    assert int(paragraphs.to_numpy().sum()) == sum(len(t) for t in corpus.paragraphs["themes"])
    assert int(speaker_theme_counts(main_only=True).to_numpy().sum()) == len(corpus.paragraphs)
    assert paragraphs.loc["Aron", "Syria"] == 8 and paragraphs.loc["Renad", "Iraq"] == 1
    words = speaker_theme_counts(measure="words", main_only=True)
    assert int(words.to_numpy().sum()) == sum(len(tokens(t)) for t in corpus.paragraphs["text"])


def test_unknown_measure_is_refused():
    with pytest.raises(ValueError, match="measure must be one of"):
        speaker_theme_counts(measure="letters")


def test_tokens_drop_the_speaker_label_and_unify_apostrophes():
    assert tokens("Dina: Iran’s crowds") == ["iran's", "crowds"]


def test_distinctive_words_leave_out_function_words_and_names_in_labels():
    table = distinctive_words()
    assert table["speaker"].tolist() == load_corpus().speakers
    dina = table.set_index("speaker").loc["Dina", "most distinctive words (times used)"]
    assert dina.startswith("iranians (6)")
    for words in table["most distinctive words (times used)"]:
        assert " the (" not in f" {words}" and "dina (" not in words


def test_hedges_longest_phrase_wins_and_counts_match_the_text():
    hedges = hedges_by_paragraph()
    aron8 = hedges[hedges["paragraph"] == "aron-8"]
    assert aron8["word"].tolist() == ["unlikely", "probably won’t", "going to"]
    assert aron8["probability"].tolist() == [0.30, 0.30, 0.93]
    profile = hedging_profile().set_index("speaker")
    assert profile.loc["Aron", "hedge words"] == len(hedges[hedges["speaker"] == "Aron"])
