"""The aleppo-map command, as a user runs it."""

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from aleppo_map.cli import main

from conftest import ROOT
from test_geocode import (  # noqa: F401  (fixtures and the fake server's table)
    CITY,
    MISSING_NAME,
    POLYGON_NAME,
    SLOW_NAME,
    _no_proxies,
    nominatim,
)


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_lookup_prints_the_place(run):
    result = run("lookup", "Shaykh Sa'id")
    assert result.exit_code == 0
    assert "Sheikh Saeed  [sheikh-saeed]  matched normalised" in result.output
    assert "شيخ سعيد" in result.output


def test_lookup_near_miss_suggests_and_exits_1(run):
    result = run("lookup", "Sheikh Sayeed")
    assert result.exit_code == 1
    assert "Did you mean" in result.output and "[sheikh-saeed]" in result.output


def test_lookup_ambiguous_lists_candidates(run):
    result = run("lookup", "دوار سبع بحرات")
    assert result.exit_code == 1
    assert "names more than one place" in result.output
    assert "[aqabeh]" in result.output and "[farafira]" in result.output


def test_lookup_json_and_geojson(run):
    payload = json.loads(run("lookup", "Mogambo", "--format", "json").output)
    (place,) = payload["places"]
    assert place["id"] == "mogambo" and place["approximate"] is True
    collection = json.loads(run("lookup", "Ramouseh", "--format", "geojson").output)
    (feature,) = collection["features"]
    assert feature["properties"]["members"] and feature["geometry"]["type"] == "MultiPolygon"


def test_find_lists_seed_mentions_as_csv(run):
    result = CliRunner().invoke(main, ["find", str(ROOT / "seeds")])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 35
    assert {r["place_id"] for r in rows} >= {"sheikh-saeed", "fardous", "salihin", "mogambo"}
    first = rows[0]
    assert first["article"].startswith("000_") and first["surface"] == "al-Salihin"
    assert first["lat"] and first["lon"] and first["sentence"]
    assert "5 articles read, 1 skipped, 35 mentions of 11 places" in result.stderr
    assert "README file, not an article" in result.stderr


def test_find_writes_excel_friendly_csv(run, tmp_path):
    out = tmp_path / "mentions.csv"
    run("find", ROOT / "seeds" / "003_a44deb2fcd8440a6.txt", "-o", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 Arabic correctly
    assert "Fardous" in data.decode("utf-8-sig")


def test_find_skips_bad_files_with_reasons_and_keeps_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("The army took al-Sukkari on Monday.", "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "latin1.txt").write_bytes("Sheikh Sa\xefd".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "page.html").write_text(
        "<html><head><title>t</title></head><body><nav>Menu Home</nav><article>"
        "<h1>Aleppo</h1><p>Government forces captured the al-Fardous district on Monday, "
        "a military source said, as fighting went on in nearby neighbourhoods.</p>"
        "<p>Residents fled towards the west of the city in large numbers overnight.</p>"
        "</article><footer>Copyright</footer></body></html>",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["find", str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["article"], r["place_id"]) for r in rows] == [
        ("good.txt", "sukkari"),
        ("page.html", "fardous"),
    ]
    for expected in [
        "empty.txt: empty file",
        "latin1.txt: not UTF-8",
        "binary.txt: binary file",
        "missing.txt: no such file or folder",
    ]:
        assert expected in result.stderr
    assert "2 articles read, 4 skipped" in result.stderr


def test_bad_gazetteer_gives_one_error_naming_every_problem(tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": {"id": "a", "name": "A"}, "geometry": None},
                    {
                        "type": "Feature",
                        "properties": {"id": "a", "name": "B"},
                        "geometry": {"type": "Point", "coordinates": [500000, 4000000]},
                    },
                ],
            }
        )
    )
    result = CliRunner().invoke(main, ["lookup", "A", "--gazetteer", str(path)])
    assert result.exit_code == 1
    assert "2 problem(s)" in result.stderr or "3 problem(s)" in result.stderr
    assert "no geometry" in result.stderr and "duplicate id 'a'" in result.stderr
    assert "not longitude/latitude" in result.stderr
    assert "Traceback" not in result.stderr


def test_lookup_geocodes_unknown_names_through_nominatim(nominatim, tmp_path):  # noqa: F811
    cache = tmp_path / "cache.json"
    args = [
        "lookup",
        POLYGON_NAME,
        "--geocode",
        "--user-agent",
        "aleppo-map-tests",
        "--nominatim-url",
        f"http://{nominatim.domain}",
        "--geocode-cache",
        str(cache),
        "--format",
        "json",
    ]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    payload = json.loads(first.stdout)
    assert payload["match"] == "geocoded" and payload["places"][0]["approximate"]
    (request,) = nominatim.searches_for(f"{POLYGON_NAME}, {CITY}")
    assert request.params["bounded"] == "1" and request.params["viewbox"]
    # the second run answers from the cache, offline
    second = CliRunner().invoke(main, args)
    assert second.stdout == first.stdout and len(nominatim.requests) == 1
    assert CliRunner().invoke(main, [*args[:1], MISSING_NAME, *args[2:]]).exit_code == 1


def test_geocoder_failure_is_a_clear_message(nominatim, tmp_path):  # noqa: F811
    result = CliRunner().invoke(
        main,
        [
            "lookup",
            SLOW_NAME,
            "--geocode",
            "--user-agent",
            "aleppo-map-tests",
            "--nominatim-url",
            f"http://{nominatim.domain}",
            "--geocode-cache",
            str(tmp_path / "c.json"),
            "--geocode-timeout",
            "0.5",
        ],
    )
    assert result.exit_code == 1
    assert "Error:" in result.stderr and SLOW_NAME in result.stderr
    assert "Traceback" not in result.stderr


def test_geocode_needs_a_user_agent(run):
    result = CliRunner().invoke(main, ["lookup", "Atlantis", "--geocode"])
    assert result.exit_code == 2 and "--user-agent" in result.output


def test_every_option_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    for name, command in main.commands.items():
        assert f"aleppo-map {name}" in readme, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert re.search(re.escape(opt) + r"\b", readme), f"{name} {opt}"
