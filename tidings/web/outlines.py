"""Country outlines for the dashboard map, from an installed package.

The outlines come from the ``countryinfo`` package (MIT; low-resolution
Natural Earth-derived GeoJSON, one file per country), so the map needs no
tile server and nothing from the network. They are simplified once
(Douglas-Peucker, rounded coordinates) and cached on disk and in memory.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Optional

TOLERANCE = 0.03     # degrees: invisible at the zoom levels a world map reaches
DIGITS = 2
CACHE_VERSION = 1


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tidings" / f"countries-v{CACHE_VERSION}.geojson"


def _perpendicular(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(ring: list, tolerance: float = TOLERANCE) -> list:
    """Douglas-Peucker on one ring (iterative: rings can be long)."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, index = 0.0, -1
        for i in range(lo + 1, hi):
            d = _perpendicular(ring[i], ring[lo], ring[hi])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.extend(((lo, index), (index, hi)))
    return [p for p, k in zip(ring, keep) if k]


def _ring(ring: list) -> Optional[list]:
    out = []
    for x, y in simplify(ring):
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != point:
            out.append(point)
    return out if len(out) >= 4 else None


def _polygons(geometry: dict) -> list:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    out = []
    for polygon in polygons:
        rings = [r for r in (_ring(ring) for ring in polygon) if r]
        if rings:
            out.append(rings)
    return out


def build() -> dict:
    """Simplified outlines as a GeoJSON FeatureCollection keyed by ISO alpha-2."""
    from importlib import resources

    features = []
    data = resources.files("countryinfo") / "data"
    for entry in sorted(data.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        polygons = []
        for feature in (info.get("geoJSON") or {}).get("features", []):
            polygons.extend(_polygons(feature.get("geometry") or {}))
        if not iso or not polygons:
            continue
        features.append({"type": "Feature", "id": iso,
                         "properties": {"iso": iso, "name": info.get("name")},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return {"type": "FeatureCollection", "features": features}


@functools.lru_cache(maxsize=1)
def geojson_bytes() -> bytes:
    path = _cache_path()
    try:
        return path.read_bytes()
    except OSError:
        pass
    body = json.dumps(build(), separators=(",", ":")).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(body)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still gets the map, built per process
    return body


@functools.lru_cache(maxsize=1)
def regions() -> dict:
    """ISO alpha-2 -> (region, subregion, intermediate region, name), for the ACLED export."""
    from importlib import resources

    out = {}
    for entry in (resources.files("countryinfo") / "data").iterdir():
        if entry.name.endswith(".json"):
            info = json.loads(entry.read_text(encoding="utf-8"))
            iso = (info.get("ISO") or {}).get("alpha2")
            if iso:
                out[iso.upper()] = (info.get("region") or "", info.get("subregion") or "",
                                   info.get("intermediateregion") or "", info.get("name") or "")
    return out
