"""The TopoJSON decoder, on small hand-made topologies and on known countries."""
from __future__ import annotations

import pytest

from roundtable.model.mapdata import load_world
from roundtable.model.topojson import decode_arcs, decode_countries, ring_from_arcs, unwrap_antimeridian

SQUARE = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "Square"}},
        {"type": "Polygon", "arcs": [[~1, ~0]], "id": "2", "properties": {"name": "Reversed"}},
        {"type": None, "id": "3", "properties": {"name": "Nothing"}},
    ]}},
}


def test_arcs_are_dequantized_and_delta_decoded():
    arcs = decode_arcs(SQUARE)
    assert arcs[0] == [(10.0, 20.0), (11.0, 20.0), (11.0, 21.0)]
    assert arcs[1] == [(11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]


def test_rings_join_arcs_without_repeating_shared_points():
    arcs = decode_arcs(SQUARE)
    assert ring_from_arcs([0, 1], arcs) == [(10, 20), (11, 20), (11, 21), (10, 21), (10, 20)]
    assert ring_from_arcs([~1, ~0], arcs) == [(10, 20), (10, 21), (11, 21), (11, 20), (10, 20)]


def test_null_geometries_are_skipped():
    names = [c.name for c in decode_countries(SQUARE)]
    assert names == ["Square", "Reversed"]


def test_ring_across_the_antimeridian_is_unwrapped_and_copied():
    ring = [(179.0, -17.0), (-179.5, -17.0), (-179.5, -16.0), (179.0, -16.0), (179.0, -17.0)]
    parts = unwrap_antimeridian(ring)
    assert parts[0] == [(179.0, -17.0), (180.5, -17.0), (180.5, -16.0), (179.0, -16.0), (179.0, -17.0)]
    assert parts[1][1] == (-179.5, -17.0)
    for part in parts:
        assert all(abs(b[0] - a[0]) < 180 for a, b in zip(part, part[1:]))


def test_ring_away_from_the_antimeridian_is_unchanged():
    ring = [(40.0, 30.0), (41.0, 30.0), (41.0, 31.0), (40.0, 30.0)]
    assert unwrap_antimeridian(ring) == [ring]


@pytest.fixture(scope="module")
def world():
    return {c.name: c for c in load_world()}


@pytest.mark.parametrize("name, west, south, east, north", [
    ("Iraq", 38.8, 29.1, 48.6, 37.4),
    ("Iran", 44.0, 25.1, 63.3, 39.8),
    ("Syria", 35.7, 32.3, 42.4, 37.3),
    ("Lebanon", 35.1, 33.1, 36.6, 34.7),
])
def test_known_countries_have_their_extent(world, name, west, south, east, north):
    bounds = world[name].bounds()
    assert bounds == pytest.approx((west, south, east, north), abs=0.25)


def test_countries_crossing_the_antimeridian_draw_no_line_across_the_map(world):
    for name in ("Fiji", "Russia"):
        for polygon in world[name].polygons:
            outline = polygon[0]
            assert all(abs(b[0] - a[0]) < 180 for a, b in zip(outline, outline[1:])), name
    fiji_lons = [p[0] for poly in world["Fiji"].polygons for p in poly[0]]
    assert min(fiji_lons) < -179 and max(fiji_lons) > 179  # both sides are drawn


def test_the_whole_atlas_decodes(world):
    assert len(world) > 230
    assert {"Israel", "Palestine", "Jordan", "Turkey", "Kuwait", "Saudi Arabia"} <= set(world)
