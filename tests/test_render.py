"""Passages as HTML: escaped text, marked glossary terms, footnotes."""
from __future__ import annotations

import pytest

from roundtable.model.corpus import load_corpus
from roundtable.model.glossary import load_glossary
from roundtable.views.render import passage_html, passages_html


@pytest.fixture
def mini(mini_data):
    corpus = load_corpus(mini_data / "roundtable.yaml", mini_data / "participants.yaml")
    return corpus, load_glossary(mini_data / "glossary.yaml")


def test_text_is_escaped(mini):
    corpus, _ = mini
    html = passage_html(corpus.paragraph("dina-1"))
    assert "&lt;b&gt;not bold&lt;/b&gt;" in html and "<b>" not in html


def test_definitions_are_escaped_in_titles_and_footnotes(mini):
    corpus, glossary = mini
    html = passage_html(corpus.paragraph("intro-1"), glossary)
    assert 'title="Commander of the Quds Force &lt;until 2020&gt;."' in html
    assert "<strong>Qassem Soleimani</strong>: Commander of the Quds Force &lt;until 2020&gt;.</li>" in html
    assert "<until" not in html


def test_terms_are_marked_with_abbr_and_numbered_once(mini):
    corpus, glossary = mini
    html = passage_html(corpus.paragraph("dan-1"), glossary)
    assert html.count("<abbr") == 2  # al-Muhandis and Mohandes: one entry, two mentions
    assert html.count('aria-label="note 1">1</a></sup>') == 2 and "note 2" not in html
    assert html.count("<li ") == 1


def test_header_names_speaker_section_and_id(mini):
    corpus, _ = mini
    html = passage_html(corpus.paragraph("dan-1"))
    assert "<strong>Dan</strong> · Collateral Damage: Partnership with Iraq · <code>dan-1</code>" in html
    intro = passage_html(corpus.paragraph("intro-1"))
    assert "<strong>Introduction</strong> · Introduction (our label)" in intro


def test_text_survives_marking_letter_for_letter():
    """Strip the markup again: what remains is the verbatim paragraph."""
    import html as html_module
    import re

    corpus, glossary = load_corpus(), load_glossary()
    for _, row in corpus.paragraphs.iterrows():
        rendered = passage_html(row, glossary)
        body = re.search(r"<p>(.*)</p>", rendered, re.S).group(1)
        plain = html_module.unescape(re.sub(r"<sup>.*?</sup>|<[^>]+>", "", body))
        assert plain == row["text"], row["id"]


def test_a_note_is_printed_once_per_reading_and_later_mentions_link_to_it():
    corpus, glossary = load_corpus(), load_glossary()
    frame = corpus.paragraphs[corpus.paragraphs["id"].isin(["dina-1", "dina-2"])]
    html = passages_html(frame, glossary)
    # Soleimani is named in both paragraphs: one note, under dina-1, and links to it.
    assert html.count("<strong>Qassem Soleimani</strong>:") == 1
    first = html.index('id="note-dina-1-')
    assert first < html.index('id="dina-2"')
    anchor = html[first:].split('"')[1]
    assert html.count(f'href="#{anchor}"') >= 3


def test_passages_keep_frame_order(mini):
    corpus, glossary = mini
    html = passages_html(corpus.paragraphs.iloc[::-1], glossary)
    assert html.index('id="dan-1"') < html.index('id="intro-1"')


def test_tables_show_full_escaped_text():
    import pandas as pd

    from roundtable.display import table

    long = "word " * 80 + "<script>x</script>"
    html = table(pd.DataFrame({"definition": [long]})).data
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert "word " * 80 in html  # not cut short with "..."
