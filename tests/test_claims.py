"""The synthesis claims table: verbatim quotes, right speakers, and the
agreement view computed from stances."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import data_error
from roundtable.model.claims import CLAIMS_FILE, Claim, Topic, agreement_summary, agreement_table, claims_table, load_claims
from roundtable.model.corpus import load_corpus


@pytest.fixture
def claims_file(tmp_path) -> Path:
    return Path(shutil.copy(CLAIMS_FILE, tmp_path / "claims.yaml"))


def test_every_quote_is_verbatim_in_its_paragraph_and_by_its_speaker():
    corpus = load_corpus()
    topics = load_claims()
    claims = [c for t in topics for c in t.claims]
    assert len(claims) >= 24 and len(topics) >= 8
    for claim in claims:
        row = corpus.paragraph(claim.paragraph)
        assert claim.quote in row["text"], claim.id
        assert row["speaker"] == claim.speaker, claim.id


def test_every_speaker_makes_claims():
    speakers = {c.speaker for t in load_claims() for c in t.claims}
    assert speakers == set(load_corpus().speakers)


def test_table_has_one_row_per_claim_with_quote_marks():
    table = claims_table()
    assert len(table) == sum(len(t.claims) for t in load_claims())
    assert table["verbatim quote"].str.startswith("“").all()


def claim(speaker, stance, n=1):
    return Claim(f"c{n}", "t", speaker, "dina-1", "q", stance, "our words")


def test_split_needs_two_speakers_who_differ():
    own_caveat = Topic("t", "Q?", "P.", (claim("Dina", "agrees"), claim("Dina", "qualifies", 2), claim("Sima", "agrees", 3)))
    split = Topic("u", "R?", "P.", (claim("Dina", "agrees"), claim("Sima", "disagrees", 2)))
    assert not own_caveat.disputed and split.disputed
    table = agreement_table([own_caveat, split])
    assert table["split?"].tolist() == ["no", "yes"]
    assert table.loc[1, "disagrees"] == "Sima" and table.loc[0, "agrees"] == "Dina, Sima"
    assert agreement_summary([own_caveat, split]).startswith("5 claims by 2 speakers on 2 questions. The speakers split on 1")


@pytest.mark.parametrize("mutate, expected", [
    (lambda t: t.replace('quote: "he is replaceable and', 'quote: "he is irreplaceable and', 1), "quote is not verbatim in dina-2"),
    (lambda t: t.replace("speaker: Dina\n", "speaker: Sima\n", 1), "is by 'Dina'"),
    (lambda t: t.replace("stance: agrees", "stance: maybe", 1), "field 'stance' has 'maybe'"),
])
def test_bad_claims_are_named(claims_file, mutate, expected):
    text = claims_file.read_text(encoding="utf-8")
    changed = mutate(text)
    assert changed != text
    claims_file.write_text(changed, encoding="utf-8")
    assert expected in data_error(load_claims, claims_file)
