"""Words of estimative probability: Kent's bands, our documented mappings,
and the validation of the mapping file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import data_error, rewrite
from roundtable.model.estimative import ESTIMATIVE_FILE, load_estimative_words


@pytest.fixture
def scale_file(tmp_path) -> Path:
    return Path(shutil.copy(ESTIMATIVE_FILE, tmp_path / "estimative_words.yaml"))


def test_kent_bands_have_his_values():
    bands = load_estimative_words().bands
    assert {b: bands[b].point for b in ("certain", "almost-certain", "probable", "even", "probably-not",
                                         "almost-certainly-not", "impossible")} == {
        "certain": 1.0, "almost-certain": 0.93, "probable": 0.75, "even": 0.5, "probably-not": 0.3,
        "almost-certainly-not": 0.07, "impossible": 0.0}
    assert bands["probable"].width == pytest.approx(0.24)
    assert bands["possible"].width > bands["even"].width


def test_every_mapping_of_ours_says_why():
    scale = load_estimative_words()
    assert all(p.note for p in scale.phrases if p.basis == "ours")
    assert scale.sources and all(s.url.startswith("https://") for s in scale.sources)


def test_find_prefers_longer_phrases_and_whole_words():
    scale = load_estimative_words()
    found = [(h.matched, h.band.id) for h in scale.find("It almost certainly not willingly may, probably won’t")]
    assert found == [("almost certainly not", "almost-certainly-not"), ("may", "possible"),
                     ("probably won’t", "probably-not")]


def test_implied_probability_is_the_governing_phrase():
    scale = load_estimative_words()
    assert scale.implied_probability(["unlikely", "will"]) == 0.30
    with pytest.raises(ValueError):
        scale.implied_probability([])
    with pytest.raises(KeyError, match="not in estimative_words.yaml"):
        scale.band_of("perchance")


def test_table_lists_every_phrase_from_firmest():
    table = load_estimative_words().table()
    assert len(table) == len(load_estimative_words().phrases)
    assert table.iloc[0]["probability"] == "100%"


@pytest.mark.parametrize("old, new, expected", [
    ("    point: 0.75\n    low: 0.63", "    point: 0.75\n    low: 0.80", "needs 0 ≤ low ≤ point ≤ high ≤ 1"),
    ("  - phrase: likely\n    band: probable", "  - phrase: likely\n    band: plausible", "field 'band' has 'plausible'"),
    ("    note: The everyday synonym of \"probable\".\n", "", "a mapping of ours needs a 'note'"),
    ("  - phrase: perhaps", "  - phrase: may", "duplicate id 'may'"),
])
def test_bad_mappings_are_named(scale_file, old, new, expected):
    rewrite(scale_file, old, new)
    assert expected in data_error(load_estimative_words, scale_file)
