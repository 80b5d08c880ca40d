"""Reported against mapped: city-wide figures set against the timeline's areas and counts.

Areas are checked against an independent computation (pyproj + shapely, in
the test) on a hand-made three-polygon city in UTM zone 38N.
"""

import csv
import datetime as dt
import io

import pytest
import shapely
from click.testing import CliRunner
from pyproj import Transformer
from shapely.geometry import shape

from aleppo_map import Gazetteer
from aleppo_map.cli import main
from aleppo_map.compare import (
    COMPARE_COLUMNS,
    PlaceAreas,
    compare_claims,
    daily_series,
    reference_places,
    utm_epsg,
)
from aleppo_map.sources import filter_by_group
from aleppo_map.timeline import Evidence, Timeline, read_claims, read_initial

from conftest import ROOT, THREE_CITY

D = dt.date


def utm_area(geometry, epsg: int) -> float:
    """Area in m² in a UTM zone, computed here with pyproj, independently of the package."""
    to_utm = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    return shapely.transform(geometry, to_utm.transform, interleaved=False).area


def km2(place_id: str) -> float:
    """The area of a test polygon (UTM zone 38N), in km²."""
    return utm_area(shape(THREE_CITY[place_id]), 32638) / 1e6


def claim(place, status, day, source="x", rule="", measure="", value="", article="a.txt"):
    row = {"rule": rule, "measure": measure, "value": str(value)}
    return Evidence(place, status, day, attributed_to=source, article=article, row=row)


def city(status, day, measure, value, source="Syrian state TV", article="a.txt"):
    return claim("city", status, day, source, f"figure-{measure}", measure, value, article)


@pytest.fixture
def gaz(three_city):
    return Gazetteer.from_file(three_city)


def write_csv(path, rows):
    columns = ["place_id", "status", "date", "attributed_to", "rule", "scope", "measure", "value"]
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(dict(zip(columns, row, strict=False)))
    return path


def test_areas_are_metric_in_the_utm_zone_of_the_city(gaz):
    areas = PlaceAreas(gaz)
    assert areas.epsg == 32638  # Mosul's zone, chosen from the gazetteer, not Aleppo's
    for pid in THREE_CITY:
        assert areas.km2[pid] == pytest.approx(km2(pid), rel=1e-9)
    assert areas.km2["market"] is None  # a point has no area, none is invented
    assert PlaceAreas(Gazetteer.default()).epsg == 32637 == utm_epsg(37.15, 36.2)


def test_percent_with_an_initial_state_is_a_share_of_the_start_rebel_area(gaz):
    initial = {"old-town": ("rebels", D(2016, 11, 15)), "riverside": ("rebels", D(2016, 11, 15))}
    line = Timeline(
        [
            claim("old-town", "government", D(2016, 12, 1), rule="capture"),
            city("government", D(2016, 12, 2), "percent", 90),
            city("rebels", D(2016, 12, 2), "percent", 5, source="Syrian Observatory"),
        ],
        gaz,
        initial=initial,
    )
    result = compare_claims(line, initial)
    assert result.reference.place_ids == {"old-town", "riverside"}
    start = km2("old-town") + km2("riverside")
    by_status = {r["status"]: r for r in result.rows}
    gov, reb = by_status["government"], by_status["rebels"]
    assert gov["mapped"] == pytest.approx(100 * km2("old-town") / start, abs=0.05)
    assert gov["claimed"] == 90.0
    assert gov["difference"] == pytest.approx(gov["mapped"] - 90, abs=0.05)
    assert reb["mapped"] == pytest.approx(100 * km2("riverside") / start, abs=0.05)
    assert gov["unknown_share"] == 0.0
    assert gov["reference_km2"] == pytest.approx(start, abs=0.005)
    assert gov["group"] == "government" and reb["group"] == "independent"


def test_default_reference_is_what_claims_report_rebel_contested_or_captured(gaz):
    line = Timeline(
        [
            claim("old-town", "government", D(2016, 12, 1), rule="capture"),
            claim("riverside", "rebels", D(2016, 12, 3)),
            claim("market", "contested", D(2016, 12, 3)),
            # held, not captured: says nothing about the start
            claim("hilltop", "government", D(2016, 12, 1), rule="government-held"),
        ],
        gaz,
    )
    reference = reference_places(line)
    assert reference.place_ids == {"old-town", "riverside", "market"}
    assert reference.basis == "claims"
    assert "1 of them point-only" in reference.describe(PlaceAreas(gaz))


def test_unknown_share_shows_the_gap_on_the_claims_date(gaz):
    line = Timeline(
        [
            claim("old-town", "government", D(2016, 12, 1), rule="capture"),
            claim("riverside", "rebels", D(2016, 12, 3)),
            city("government", D(2016, 12, 2), "percent", 99),
        ],
        gaz,
    )
    (row,) = compare_claims(line).rows
    start = km2("old-town") + km2("riverside")
    # on 2 December nobody has yet said anything about riverside
    assert row["unknown_share"] == pytest.approx(100 * km2("riverside") / start, abs=0.05)
    assert row["mapped"] == pytest.approx(100 * km2("old-town") / start, abs=0.05)


def test_km2_and_neighbourhood_counts_leave_points_without_area(gaz):
    line = Timeline(
        [
            claim("riverside", "rebels", D(2016, 12, 3)),
            claim("hilltop", "rebels", D(2016, 12, 3)),
            claim("market", "rebels", D(2016, 12, 3)),
            city("rebels", D(2016, 12, 4), "km2", 4, source="Middle East Eye (reporter)"),
            city("rebels", D(2016, 12, 4), "neighbourhoods", 6, source="Syrian military"),
        ],
        gaz,
    )
    rows = {r["measure"]: r for r in compare_claims(line).rows}
    assert rows["km2"]["mapped"] == pytest.approx(km2("riverside") + km2("hilltop"), abs=0.005)
    assert rows["km2"]["unit"] == "km²"
    assert rows["km2"]["point_places"] == 1 and "point-only" in rows["km2"]["note"]
    assert rows["neighbourhoods"]["mapped"] == 3  # the point is a named place: counted
    assert rows["neighbourhoods"]["difference"] == -3


def test_undated_and_repeated_figures(gaz):
    line = Timeline(
        [
            claim("old-town", "rebels", D(2016, 12, 1)),
            city("government", D(2016, 12, 2), "percent", 98),
            city("government", D(2016, 12, 2), "percent", 98),  # headline and lede
            city("government", None, "percent", 97),
        ],
        gaz,
    )
    rows = compare_claims(line).rows
    assert [r["claimed"] for r in rows] == [98.0, 97.0]
    assert rows[-1]["mapped"] == "" and rows[-1]["note"].startswith("undated")


def test_no_city_wide_claims_says_so(gaz):
    result = compare_claims(Timeline([claim("old-town", "rebels", D(2016, 12, 1))], gaz))
    assert result.rows == []
    assert result.notes and "no city-wide claims" in result.notes[0]
    assert list(result.frame().columns) == COMPARE_COLUMNS


def test_daily_series_bounds_the_mapped_value_by_the_unknown(gaz):
    line = Timeline(
        [
            claim("old-town", "government", D(2016, 12, 1), rule="capture"),
            claim("riverside", "government", D(2016, 12, 3), rule="capture"),
        ],
        gaz,
    )
    reference = reference_places(line)
    days = [D(2016, 12, 1), D(2016, 12, 2), D(2016, 12, 3)]
    series = daily_series(line, days, "percent", "government", reference, PlaceAreas(gaz))
    share = 100 * km2("old-town") / (km2("old-town") + km2("riverside"))
    assert series[0][1] == pytest.approx(share) and series[0][2] == pytest.approx(100 - share)
    assert series[2][1] == pytest.approx(100) and series[2][2] == pytest.approx(0)


def test_seeds_compare_against_the_timeline_areas_in_utm_37n(gazetteer, seed_claims):
    line = Timeline(read_claims(seed_claims, gazetteer), gazetteer)
    result = compare_claims(line)
    tv = next(r for r in result.rows if r["source"] == "Syrian state TV")
    assert (tv["claimed"], tv["status"], tv["measure"], tv["date"]) == (
        99.0,
        "government",
        "percent",
        "2016-12-12",
    )
    # recompute the share independently: EPSG:32637 areas of the reference places
    area = {pid: utm_area(gazetteer[pid].geometry, 32637) for pid in result.reference.place_ids}
    states = line.states(D(2016, 12, 12))
    held = sum(a for pid, a in area.items() if states[pid].status == "government")
    assert tv["mapped"] == pytest.approx(100 * held / sum(area.values()), abs=0.05)
    assert "EPSG:32637" in result.describe()


@pytest.fixture(scope="module")
def seed_claims(tmp_path_factory):
    """The claims `extract` finds in the five seed articles."""
    out = tmp_path_factory.mktemp("seeds") / "claims.csv"
    result = CliRunner().invoke(main, ["extract", str(ROOT / "seeds"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_compare_command_prints_the_table_and_writes_csv_and_chart(tmp_path, seed_claims):
    claims = seed_claims
    result = CliRunner().invoke(main, ["compare", str(claims)])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header[:6] == ["date", "source", "group", "figure", "claimed", "mapped"]
    assert "Syrian state TV" in result.stdout and "99%" in result.stdout
    assert "reference area" in result.stderr and "EPSG:32637" in result.stderr

    out, chart = tmp_path / "compare.csv", tmp_path / "chart.png"
    result = CliRunner().invoke(
        main, ["compare", str(claims), "--format", "csv", "-o", str(out), "--chart", str(chart)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert list(rows[0]) == COMPARE_COLUMNS
    assert {r["measure"] for r in rows} == {"percent", "km2", "neighbourhoods"}
    assert chart.stat().st_size > 10_000


def test_compare_with_an_initial_state_and_one_source_group(tmp_path, gazetteer, seed_claims):
    claims = seed_claims
    initial = tmp_path / "initial.csv"
    initial.write_text(
        "place_id,status,date\n"
        "sheikh-saeed,rebels,2016-11-15\n"
        "fardous,rebels,2016-11-15\n"
        "sukkari,rebels,2016-11-15\n"
        "kalasa,rebels,2016-11-15\n",
        "utf-8",
    )
    result = CliRunner().invoke(
        main,
        ["compare", str(claims), "--initial", str(initial), "--format", "csv"]
        + ["--sources", "government"],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["group"] for r in rows} == {"government"}
    assert all(r["reference_places"] == "4" for r in rows)
    # government sources say nothing about kalasa or sukkari: rebel-held since the start
    line = Timeline(
        filter_by_group(read_claims(claims, gazetteer), "government"),
        gazetteer,
        initial=read_initial(initial, gazetteer),
    )
    states = line.states(D(2016, 12, 12))
    assert states["kalasa"].status == "rebels"
    tv = next(r for r in rows if r["source"] == "Syrian state TV")
    area = {
        pid: utm_area(gazetteer[pid].geometry, 32637)
        for pid in ("sheikh-saeed", "fardous", "sukkari", "kalasa")
    }
    held = sum(a for pid, a in area.items() if states[pid].status == "government")
    assert float(tv["mapped"]) == pytest.approx(100 * held / sum(area.values()), abs=0.05)


def test_compare_without_city_wide_claims_says_so_and_still_draws(tmp_path, three_city):
    claims = write_csv(tmp_path / "c.csv", [("old-town", "rebels", "2016-12-01", "activists")])
    chart = tmp_path / "chart.svg"
    result = CliRunner().invoke(
        main,
        ["compare", str(claims), "--gazetteer", str(three_city), "--chart", str(chart)],
    )
    assert result.exit_code == 0, result.output
    assert "no city-wide claims" in result.stderr
    assert chart.read_text("utf-8").startswith("<?xml")


def test_compare_bad_input_gives_clear_errors(tmp_path, seed_claims):
    missing = CliRunner().invoke(main, ["compare", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 1 and "claims file not found" in missing.output
    claims = seed_claims
    bad_chart = CliRunner().invoke(main, ["compare", str(claims), "--chart", "chart.jpg"])
    assert bad_chart.exit_code == 2 and ".png or .svg" in bad_chart.output
    bad_group = CliRunner().invoke(main, ["compare", str(claims), "--sources", "rebelz"])
    assert bad_group.exit_code == 2 and "no source group 'rebelz'" in bad_group.output
