"""A small TopoJSON decoder: enough to draw country outlines with matplotlib.

TopoJSON stores shared borders once, as quantized, delta-encoded "arcs"; a
polygon lists the arcs of its rings by index (a negative index ~i means arc i
reversed). Rings that cross the antimeridian (±180°) are made continuous by
unwrapping their longitudes, then drawn twice when they stick out past ±180,
so that no ring draws a line across the whole map.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Country:
    id: str
    name: str
    #: Each polygon is a list of rings (the first is the outline, the others holes).
    polygons: list[list[Ring]]

    def bounds(self) -> tuple[float, float, float, float]:
        """(west, south, east, north) over all rings."""
        points = [p for polygon in self.polygons for ring in polygon for p in ring]
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        return min(lons), min(lats), max(lons), max(lats)


def decode_arcs(topology: dict) -> list[Ring]:
    """Absolute (lon, lat) points of every arc, undoing quantization."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def ring_from_arcs(indexes: list[int], arcs: list[Ring]) -> Ring:
    """Join the arcs of one ring; each arc after the first starts where the
    previous one ended, so its first point is dropped."""
    ring: Ring = []
    for index in indexes:
        points = arcs[~index][::-1] if index < 0 else arcs[index]
        ring.extend(points if not ring else points[1:])
    return ring


def unwrap_antimeridian(ring: Ring) -> list[Ring]:
    """Return the ring with continuous longitudes, plus a copy shifted by
    360° if it reaches past ±180, so both halves show on a -180..180 map."""
    if not ring:
        return []
    fixed = [ring[0]]
    offset = 0.0
    for (lon0, _), (lon1, lat1) in zip(ring, ring[1:]):
        step = lon1 - lon0
        if step > 180:
            offset -= 360
        elif step < -180:
            offset += 360
        fixed.append((lon1 + offset, lat1))
    lons = [p[0] for p in fixed]
    rings = [fixed]
    if max(lons) > 180:
        rings.append([(lon - 360, lat) for lon, lat in fixed])
    if min(lons) < -180:
        rings.append([(lon + 360, lat) for lon, lat in fixed])
    return rings


def decode_countries(topology: dict, object_name: str = "countries") -> list[Country]:
    """Every country of a world-atlas topology, as polygons of (lon, lat) rings."""
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"][object_name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            raw_polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            raw_polygons = geometry["arcs"]
        else:  # null geometries carry no outline
            continue
        polygons = []
        for raw in raw_polygons:
            outline, *holes = [ring_from_arcs(r, arcs) for r in raw]
            for part in unwrap_antimeridian(outline):
                polygons.append([part, *holes])
        name = (geometry.get("properties") or {}).get("name", "")
        countries.append(Country(str(geometry.get("id", name)), name, polygons))
    return countries


def load_countries(path: Path | str) -> list[Country]:
    return decode_countries(json.loads(Path(path).read_text(encoding="utf-8")))
