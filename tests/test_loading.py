"""Loading another city's gazetteer, and one clear error for a bad file."""

import json

import pytest

from aleppo_map import Gazetteer, GazetteerError
from aleppo_map.gazetteer import default_path

from conftest import square


def write(tmp_path, payload, name="city.geojson"):
    path = tmp_path / name
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload), "utf-8")
    return path


def test_another_city_works_without_code_changes(other_city):
    gaz = Gazetteer.from_file(other_city)
    assert len(gaz) == 3
    assert gaz.resolve("Zohour").name == "al-Zuhur"
    assert gaz.resolve("الزهور").name == "al-Zuhur"
    assert gaz.resolve("Bab el-Toub").name == "Bab al-Tob"  # aliases given as "a; b"
    assert gaz.resolve("al-Midan").name == "al-Maydan"  # generic folding, no alias needed
    found = gaz.find("Iraqi forces entered al-Zuhur and Bab al-Tob on Monday.")
    assert [m.place_id for m in found] == ["al-zuhur", "bab-al-tob"]
    assert gaz.overlaps() == []


def test_custom_field_names(tmp_path):
    features = [
        {
            "type": "Feature",
            "properties": {"NAME": "Hay A", "CODE": "A1", "ALT": "Alpha"},
            "geometry": square(10, 10),
        }
    ]
    path = write(tmp_path, {"type": "FeatureCollection", "features": features})
    gaz = Gazetteer.from_file(path, id_field="CODE", name_field="NAME", alias_fields=["ALT"])
    assert gaz.resolve("Alpha").id == "A1"


def test_every_problem_is_reported_at_once(tmp_path):
    bad_ring = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]  # a bow-tie: self-intersecting
    features = [
        {"type": "Feature", "properties": {"id": "x", "name": "One"}, "geometry": square(1, 1)},
        {"type": "Feature", "properties": {"id": "x", "name": "Two"}, "geometry": square(2, 2)},
        {"type": "Feature", "properties": {"name": "Three"}, "geometry": None},
        {
            "type": "Feature",
            "properties": {"name": "Four"},
            "geometry": {"type": "Polygon", "coordinates": [bad_ring]},
        },
        {"type": "Feature", "properties": {"name": "Five"}, "geometry": square(400000, 4000000)},
        {"type": "Feature", "properties": {"label": "no name"}, "geometry": square(3, 3)},
    ]
    collection = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32637"}},
        "features": features,
    }
    with pytest.raises(GazetteerError) as info:
        Gazetteer.from_file(write(tmp_path, collection))
    message = str(info.value)
    assert len(info.value.problems) == 6
    for expected in [
        "EPSG::32637",
        "duplicate id 'x'",
        "'Three'): no geometry",
        "'Four'): invalid geometry (Self-intersection",
        "'Five'): coordinates",
        "feature 6: no 'name' property",
    ]:
        assert expected in message
    assert "city.geojson" in message


@pytest.mark.parametrize(
    "payload,expected",
    [
        ("{not json", "not JSON"),
        ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": []}', "no features"),
        (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", '
            '"properties": {"name": "A"}, "geometry": {"type": "Polygon", "coordinates": 5}}]}',
            "unreadable geometry",
        ),
    ],
)
def test_broken_files_give_a_clear_error(tmp_path, payload, expected):
    with pytest.raises(GazetteerError, match=expected):
        Gazetteer.from_file(write(tmp_path, payload))


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(GazetteerError, match="file not found"):
        Gazetteer.from_file(tmp_path / "nope.geojson")
    path = tmp_path / "latin1.geojson"
    path.write_bytes('{"name": "Sa\xefd"}'.encode("latin-1"))
    with pytest.raises(GazetteerError, match="not UTF-8"):
        Gazetteer.from_file(path)


def test_gazetteer_error_is_a_value_error():
    assert issubclass(GazetteerError, ValueError)


def test_group_members_must_exist(tmp_path):
    features = [
        {
            "type": "Feature",
            "properties": {"name": "Whole", "members": ["part-a"]},
            "geometry": square(1, 1),
        },
    ]
    with pytest.raises(GazetteerError, match="member 'part-a' is not in the gazetteer"):
        Gazetteer.from_file(write(tmp_path, {"type": "FeatureCollection", "features": features}))


def test_default_gazetteer_is_the_repository_file():
    assert default_path().name == "gazetteer.geojson"
    assert len(Gazetteer.default()) == 134
