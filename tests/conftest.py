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
