import datetime as dt

import pytest

from conftest import load_mini, rewrite
from roundtable.model.eras import load_eras
from roundtable.core.errors import DataError


AS_OF = dt.date(2026, 11, 15)


def eras_of(data):
    return load_eras(load_mini(data)[3], data / "eras.yaml", as_of=AS_OF)


def test_eras_take_their_dates_from_events_or_named_points(mini_data):
    eras = eras_of(mini_data)
    assert [(e.id, e.start, e.end) for e in eras] == [
        ("deal-era", dt.date(2015, 7, 14), dt.date(2019, 12, 31)),
        ("crisis-weeks", dt.date(2019, 12, 31), dt.date(2020, 1, 12)),
        ("aftermath", dt.date(2025, 6, 22), AS_OF),
    ]


def test_the_last_era_ends_at_the_collections_as_of_date():
    from roundtable.model.asof import load_as_of
    from roundtable.model.events import load_events

    assert load_eras(load_events())[-1].end == load_as_of()


@pytest.mark.parametrize("old, new, expected", [
    ("from: deal-concluded", "from: no-such-event", "era 'deal-era' (entry 1): 'from' has 'no-such-event'"),
    ("to: embassy-siege", "to: militia-founded", "era 'deal-era' (entry 1): ends (2013-01-01) before it starts"),
    ("from: embassy-siege", "from: deal-concluded", "era 'crisis-weeks' starts before era 'deal-era' ends"),
])
def test_bad_eras_are_named(mini_data, old, new, expected):
    rewrite(mini_data / "eras.yaml", old, new)
    with pytest.raises(DataError) as caught:
        eras_of(mini_data)
    assert expected in str(caught.value) and "eras.yaml" in str(caught.value)
