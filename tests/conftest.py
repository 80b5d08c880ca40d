import json
from pathlib import Path

import pytest

from aleppo_map import Gazetteer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def square(x: float, y: float, size: float = 0.01) -> dict:
    """A GeoJSON square polygon with its south-west corner at (x, y)."""
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.fixture
def other_city(tmp_path: Path) -> Path:
    """A hand-made three-neighbourhood city (names from Mosul; squares made up)."""
    features = [
        {
            "type": "Feature",
            "properties": {"name": "al-Zuhur", "aliases": ["Zohour", "الزهور"]},
            "geometry": square(43.15, 36.35),
        },
        {
            "type": "Feature",
            "properties": {"name": "Bab al-Tob", "aliases": "Bab al-Toub; باب الطوب"},
            "geometry": square(43.16, 36.35),
        },
        {"type": "Feature", "properties": {"name": "al-Maydan"}, "geometry": square(43.17, 36.35)},
    ]
    path = tmp_path / "mosul.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


def rectangle(x: float, y: float, width: float, height: float) -> dict:
    """A GeoJSON rectangle with its south-west corner at (x, y), in degrees."""
    ring = [[x, y], [x + width, y], [x + width, y + height], [x, y + height], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


# Three rectangles of different sizes and a point-only place, in UTM zone 38N
# (not Aleppo's 37N), for checking areas against an independent computation.
THREE_CITY = {
    "old-town": rectangle(43.150, 36.350, 0.010, 0.010),
    "riverside": rectangle(43.160, 36.350, 0.020, 0.010),
    "hilltop": rectangle(43.150, 36.360, 0.010, 0.015),
}


@pytest.fixture
def three_city(tmp_path: Path) -> Path:
    """A hand-made city of three polygons (old-town, riverside, hilltop) and a point (market)."""
    names = {"old-town": "Old Town", "riverside": "Riverside", "hilltop": "Hilltop"}
    features = [
        {"type": "Feature", "properties": {"id": pid, "name": names[pid]}, "geometry": geometry}
        for pid, geometry in THREE_CITY.items()
    ]
    features.append(
        {
            "type": "Feature",
            "properties": {"id": "market", "name": "Market Square", "precision": "point"},
            "geometry": {"type": "Point", "coordinates": [43.165, 36.365]},
        }
    )
    path = tmp_path / "three.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path
