"""The corpus reproduces the source: every paragraph, verbatim, in order,
attributed to the right speaker. These tests run with or without ../shared:
the checksum below stands in for the source file when it is absent."""
from __future__ import annotations

import hashlib
import re
from collections import Counter

import pytest

from roundtable.model.corpus import INTRODUCTION, load_corpus
from roundtable.core.paths import REPO_ROOT

SOURCE = REPO_ROOT.parent / "shared" / "source" / "roundtable.txt"
#: sha256 of the source file, as its README gives it.
SOURCE_SHA256 = "9709165b9bd706ab3d5ef26e330e74a0ed782882b56419e291d3eddf3e8088b1"
#: sha256 of the source's lines without image leftovers, blank lines and the
#: photo caption, joined with "\n": what the corpus must give back.
CLEAN_TEXT_SHA256 = "225c569b0793d4721814bc331cd162a58139dba9bdfecdc2ef9d4d287d4c1231"
LEFTOVER = re.compile(r"^[a-z]+(?:-[a-z]+)*-300x300")
SPEAKER_PREFIX = re.compile(r"^(Dina|Dan|Renad|Thanassis|Michael|Aron|Dahlia|Sima): ")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def clean_source_lines() -> list[str]:
    """The source read independently of the package: leftovers cut off,
    blank lines and the caption dropped."""
    raw = SOURCE.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SOURCE_SHA256, "the shared source file has changed"
    lines = [LEFTOVER.sub("", line) for line in raw.decode("utf-8").split("\n")]
    return [line for line in lines if line.strip() and not line.startswith("Header photo:")]


def test_corpus_gives_back_the_clean_source_by_checksum(corpus):
    rebuilt = "\n".join(corpus.source_lines())
    assert hashlib.sha256(rebuilt.encode("utf-8")).hexdigest() == CLEAN_TEXT_SHA256


@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/source/roundtable.txt not present; checksum test covers it")
def test_corpus_gives_back_every_source_line_in_order(corpus):
    expected = clean_source_lines()
    rebuilt = corpus.source_lines()
    for number, (want, got) in enumerate(zip(expected, rebuilt), 1):
        assert got == want, f"line {number} differs"
    assert len(rebuilt) == len(expected)


@pytest.mark.skipif(not SOURCE.exists(), reason="../shared/source/roundtable.txt not present")
def test_every_paragraph_is_attributed_as_in_the_source(corpus):
    """Walk the source: a `Name:` line starts a contribution; the lines after
    it belong to the same speaker until the next name."""
    speaker, expected = INTRODUCTION, []
    headings = {s.title for s in corpus.sections.values() if s.heading_in_source}
    for line in clean_source_lines():
        if line in headings:
            continue
        match = SPEAKER_PREFIX.match(line)
        if match:
            speaker = match.group(1)
        expected.append((line, speaker))
    assert list(zip(corpus.paragraphs["text"], corpus.paragraphs["speaker"])) == expected


def test_paragraph_counts_per_speaker(corpus):
    assert Counter(corpus.paragraphs["speaker"]) == {
        "introduction": 2, "Dina": 2, "Dan": 3, "Renad": 1, "Thanassis": 3,
        "Michael": 6, "Aron": 8, "Dahlia": 4, "Sima": 4,
    }


def test_speakers_in_order_of_first_appearance(corpus):
    assert corpus.speakers == ["Dina", "Dan", "Renad", "Thanassis", "Michael", "Aron", "Dahlia", "Sima"]


def test_ids_are_speaker_and_running_number(corpus):
    counts = Counter()
    for row in corpus.paragraphs.itertuples():
        prefix = "intro" if row.speaker == INTRODUCTION else row.speaker.lower()
        counts[prefix] += 1
        assert row.id == f"{prefix}-{counts[prefix]}"
    assert corpus.paragraphs["position"].tolist() == list(range(1, 34))


def test_image_leftovers_and_caption_are_not_text(corpus):
    texts = "\n".join(corpus.paragraphs["text"])
    assert "300x300" not in texts
    assert "Header photo" not in texts and "Getty Images" not in texts
    photo = corpus.source["header_photo"]
    assert photo["credit"] == "Chris McGrath/Getty Images"
    assert photo["caption"].startswith("People hold posters")
    if SOURCE.exists():
        last = SOURCE.read_text(encoding="utf-8").rstrip("\n").split("\n")[-1]
        assert photo["line_in_source"] == last


@pytest.mark.parametrize("paragraph_id, slip", [
    ("michael-3", "policial"),
    ("michael-6", "assasination"),
    ("thanassis-3", "afermath"),
    ("thanassis-3", "Mohandes"),
    ("sima-2", "Qassim Soleimani"),
    ("sima-4", "Anise Naccahe"),
    ("sima-2", "Quds force"),
    ("dahlia-3", "Hizbollah"),
    ("intro-2", "TCF’s foreign policy researchers"),
    ("dina-1", "The “maximum pressure” campaign"),
    ("dina-2", "regional policy—though"),
    ("dan-1", "U.S.–Iraq relations"),
])
def test_original_spellings_and_punctuation_are_kept(corpus, paragraph_id, slip):
    assert slip in corpus.text_of(paragraph_id)


def test_arons_unclosed_quotation_is_kept(corpus):
    text = corpus.text_of("aron-1")
    assert text.endswith("“Syria’s loss as much as Iran’s.")
    assert text.count("“") == 1 and "”" not in text


def test_sections_without_a_heading_are_marked_as_our_labels(corpus):
    ours = {s.id for s in corpus.sections.values() if not s.heading_in_source}
    assert ours == {"introduction", "iranians-rally", "decapitation-and-the-axis"}
    first_speakers = corpus.paragraphs.drop_duplicates("section").set_index("section")["speaker"]
    assert first_speakers["iranians-rally"] == "Dina"
    assert first_speakers["decapitation-and-the-axis"] == "Sima"
