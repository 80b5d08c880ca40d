"""The map file: encoding, determinism, escaping, size growth, commands (no browser here)."""

import csv
import datetime as dt
import html
import json
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from aleppo_map import Gazetteer, Timeline, render_map
from aleppo_map.cli import main
from aleppo_map.render import RenderError, encode_polyline, run_length, save_map, script_json
from aleppo_map.timeline import Evidence, read_claims

from conftest import ROOT

LEAFLET_DIST = ROOT / "tests/browser/node_modules/leaflet/dist"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> {{ 7*7 }} </script>'


def decode_polyline(text: str) -> list[tuple[float, float]]:
    """Google's published decoding, written out independently of render.py: (lat, lon)."""
    values, index = [], 0
    while index < len(text):
        result, shift = 0, 0
        while True:
            byte = ord(text[index]) - 63
            index += 1
            result |= (byte & 0x1F) << shift
            shift += 5
            if byte < 0x20:
                break
        values.append(~(result >> 1) if result & 1 else result >> 1)
    lat = lon = 0
    points = []
    for dlat, dlon in zip(values[::2], values[1::2], strict=True):
        lat, lon = lat + dlat, lon + dlon
        points.append((lat / 1e5, lon / 1e5))
    return points


def page_data(page: str) -> dict:
    """The data object the page hands to its script."""
    match = re.search(r"aleppoControlMap\(\w+, (\{.*\})\);", page)
    assert match, "the page does not call aleppoControlMap"
    return json.loads(match.group(1))


def letters(data: dict, view: int = 0) -> list[str]:
    """The status letters per place of one view, run-length decoding written out here."""
    out = []
    for runs in data["views"][view]["s"]:
        out.append("".join(letter * int(n) for letter, n in re.findall(r"([a-zA-Z])(\d+)", runs)))
    return out


def write_claims(path: Path, rows: list[dict]) -> Path:
    columns = ["place_id", "status", "date", "attributed_to", "outlet", "url", "quote", "article"]
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


@pytest.fixture
def city(other_city) -> Gazetteer:
    return Gazetteer.from_file(other_city)


def test_polyline_encoding_matches_googles_published_example():
    # developers.google.com/maps/documentation/utilities/polylinealgorithm
    points = [(-120.2, 38.5), (-120.95, 40.7), (-126.453, 43.252)]  # (lon, lat)
    assert encode_polyline(points) == "_p~iF~ps|U_ulLnnqC_mqNvxq`@"


def test_geometry_survives_encoding_at_1e5_degrees(gazetteer):
    timeline = Timeline([], gazetteer)
    data = page_data(render_map(timeline, dates=[]).get_root().render())
    by_id = {p["id"]: p for p in data["places"]}
    for place_id in ("sheikh-saeed", "bustan-al-qasr"):
        geometry = gazetteer[place_id].geometry
        exterior = list(geometry.exterior.coords) if geometry.geom_type == "Polygon" else None
        if exterior is None:
            exterior = list(max(geometry.geoms, key=lambda g: g.area).exterior.coords)
        rings = [ring for polygon in by_id[place_id]["g"] for ring in polygon]
        decoded = [decode_polyline(ring) for ring in rings]
        best = max(decoded, key=len)
        assert len(best) == len(exterior) - 1  # closing vertex left to Leaflet
        for (lat, lon), (x, y) in zip(best, exterior[:-1], strict=True):
            assert abs(lat - y) <= 0.6e-5 and abs(lon - x) <= 0.6e-5
    points = [p for p in gazetteer if p.precision == "point"]
    assert points and all("pt" in by_id[p.id] and "g" not in by_id[p.id] for p in points)
    groups = [p for p in gazetteer if p.members]
    assert groups and not any(g.id in by_id for g in groups)  # groups drawn as their parts


def test_states_are_a_letter_per_place_per_date_and_evidence_is_shared(city):
    days = [dt.date(2016, 12, d) for d in (1, 3, 5)]
    claims = [
        Evidence("al-zuhur", "rebels", days[0], "Observatory", quote="Rebels hold al-Zuhur."),
        Evidence("al-zuhur", "government", days[1], "State TV", quote="Army took al-Zuhur."),
        Evidence("bab-al-tob", "government", days[1], "State TV", quote="Army took both."),
        Evidence("bab-al-tob", "rebels", days[1], "Rebel official", quote="We still hold it."),
    ]
    data = page_data(render_map(Timeline(claims, city)).get_root().render())
    assert data["dates"] == [d.isoformat() for d in days[:2]]  # days where something changed
    states = dict(zip([p["id"] for p in data["places"]], letters(data), strict=True))
    assert states == {"al-zuhur": "rg", "bab-al-tob": "uC", "al-maydan": "uu"}  # C: disputed
    assert data["start"] == 1  # opens on the latest date
    bab = data["views"][0]["e"][[p["id"] for p in data["places"]].index("bab-al-tob")]
    assert bab[0] == [0, []] and len(bab[1][1]) == 2  # both sides kept
    quotes = sorted(c[5] for c in data["c"])
    assert quotes == sorted(c.quote for c in claims)  # each claim stored once


def test_same_inputs_give_byte_identical_html(tmp_path, gazetteer):
    claims = [Evidence("sheikh-saeed", "government", dt.date(2016, 12, 12), "SANA")]
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    save_map(render_map(Timeline(claims, gazetteer)), first)
    save_map(render_map(Timeline(claims, gazetteer)), second)
    assert first.read_bytes() == second.read_bytes()
    assert not re.search(r"[0-9a-f]{32}", first.read_text("utf-8"))  # no random folium ids


def test_untrusted_text_cannot_leave_its_string(city):
    claims = [
        Evidence("al-zuhur", "rebels", dt.date(2016, 12, 1), XSS, outlet=XSS, quote=XSS),
    ]
    page = render_map(Timeline(claims, city), title=XSS).get_root().render()
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    assert "49" not in page  # {{ 7*7 }} was not evaluated by the template engine
    data = page_data(page)
    assert data["c"][0][5] == XSS and data["c"][0][2] == XSS and data["title"] == XSS
    assert script_json("</script>") == '"\\u003c/script\\u003e"'


def test_script_json_round_trips_any_text_without_jinja_or_html_openers():
    rng = random.Random(3)
    alphabet = '{}%#<>&"\\/ab \u2028\u2029صx'
    for _ in range(2000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        data = {"k": [value, {"v": value}], value: {}}
        text = script_json(data)
        assert json.loads(text) == data
        assert not any(opener in text for opener in ("{{", "{%", "{#", "<", ">", "&"))


def test_file_grows_by_bytes_per_place_per_date_not_by_geometry(city):
    def size(n_days: int) -> int:
        odd, even = ("rebels", "government", "rebels"), ("government", "rebels", "kurdish")
        claims = [
            Evidence(pid, status, dt.date(2016, 1, 1) + dt.timedelta(days=day), "S", quote="q")
            for day in range(n_days)
            for pid, status in zip(
                ("al-zuhur", "bab-al-tob", "al-maydan"),
                odd if day % 2 else even,
                strict=True,
            )
        ]
        return len(render_map(Timeline(claims, city)).get_root().render().encode())

    grown = size(80) - size(40)
    # 40 more dates: the states and evidence references, and one short claim
    # row per new claim; the geometry is not written again.
    per_place_per_date = grown / (40 * 3)
    assert per_place_per_date < 40


def test_only_leaflet_is_loaded(gazetteer):
    page = render_map(Timeline([], gazetteer), dates=[]).get_root().render()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert [s.rsplit("/", 1)[-1] for s in scripts] == ["leaflet.js"]
    assert [s.rsplit("/", 1)[-1] for s in styles] == ["leaflet.css"]
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_title_and_credits_default_from_the_gazetteer(gazetteer, city):
    data = page_data(render_map(Timeline([], gazetteer), dates=[]).get_root().render())
    assert data["title"] == "Aleppo: reported control by neighbourhood"
    assert any("Columbia Center for Spatial Research" in line for line in data["about"])
    data = page_data(render_map(Timeline([], city), dates=[]).get_root().render())
    assert data["title"] == "Reported control by neighbourhood"


def test_inline_assets_write_leaflet_into_the_page(city):
    if not LEAFLET_DIST.is_dir():
        pytest.skip("npm leaflet not installed: npm ci --prefix tests/browser")
    page = render_map(Timeline([], city), dates=[], inline_assets=LEAFLET_DIST.parent)
    html = page.get_root().render()
    assert "cdn.jsdelivr.net" not in html and "<script src=" not in html
    assert (LEAFLET_DIST / "leaflet.js").read_text("utf-8")[:200] in html


def test_missing_inline_assets_and_unknown_tiles_are_clear_errors(tmp_path, city):
    with pytest.raises(RenderError, match="no leaflet.js and leaflet.css"):
        render_map(Timeline([], city), inline_assets=tmp_path)
    with pytest.raises(RenderError, match="unknown tiles"):
        render_map(Timeline([], city), tiles="watercolour")


def test_jupyter_displays_the_map_inline(gazetteer):
    fmap = render_map(Timeline([], gazetteer), dates=[])
    shown = fmap._repr_html_()
    frame = re.search(r'<iframe srcdoc="([^"]*)"', shown)
    assert frame, "no iframe in the notebook output"
    inner = html.unescape(frame.group(1))
    assert page_data(inner)["title"] == "Aleppo: reported control by neighbourhood"


def test_render_command_on_a_curated_csv(tmp_path, other_city):
    claims = write_claims(
        tmp_path / "claims.csv",
        [
            {"place_id": "al-zuhur", "status": "rebels", "date": "2016-12-01", "quote": "a"},
            {"place_id": "Bab al-Toub", "status": "government", "date": "2016-12-02"},
            {"place_id": "al-maydan", "status": "government", "date": ""},
        ],
    )
    out = tmp_path / "map.html"
    result = CliRunner().invoke(
        main,
        [
            "render",
            str(claims),
            "--gazetteer",
            str(other_city),
            "-o",
            str(out),
            "--at",
            "2016-12-01",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "3 places, 2 dates (2016-12-01 to 2016-12-02); 1 undated" in result.output
    data = page_data(out.read_text("utf-8"))
    assert data["start"] == 0 and letters(data) == ["rr", "ug", "uu"]
    assert any("without a date" in line for line in data["about"])
    # no -o: the page goes to standard output
    result = CliRunner().invoke(main, ["render", str(claims), "--gazetteer", str(other_city)])
    assert result.exit_code == 0 and "aleppoControlMap(" in result.output


def test_render_command_errors_name_the_problem(tmp_path, other_city):
    bad = write_claims(tmp_path / "bad.csv", [{"place_id": "nowhere", "status": "rebels"}])
    result = CliRunner().invoke(main, ["render", str(bad), "--gazetteer", str(other_city)])
    assert result.exit_code != 0 and "unknown place 'nowhere'" in result.output
    good = write_claims(tmp_path / "ok.csv", [{"place_id": "al-zuhur", "status": "rebels"}])
    result = CliRunner().invoke(
        main, ["render", str(good), "--gazetteer", str(other_city), "--at", "13/12/2016"]
    )
    assert result.exit_code != 0 and "is not a date like 2016-12-13" in result.output
    result = CliRunner().invoke(main, ["render", str(tmp_path / "missing.csv")])
    assert result.exit_code != 0 and "missing.csv" in result.output


def test_build_equals_extract_then_render(tmp_path):
    built, rendered = tmp_path / "built.html", tmp_path / "rendered.html"
    claims = tmp_path / "claims.csv"
    runner = CliRunner()
    result = runner.invoke(
        main, ["build", str(ROOT / "seeds"), "-o", str(built), "--claims", str(claims)]
    )
    assert result.exit_code == 0, result.output
    assert "38 claims" in result.output and "wrote" in result.output
    result = runner.invoke(main, ["render", str(claims), "-o", str(rendered)])
    assert result.exit_code == 0, result.output
    assert built.read_bytes() == rendered.read_bytes()
    gazetteer = Gazetteer.default()
    assert len(read_claims(claims, gazetteer)) == 38


def test_build_with_no_claims_says_so(tmp_path):
    article = tmp_path / "weather.txt"
    article.write_text("BEIRUT, Dec 12, 2016 - It rained in the city on Monday.\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "m.html")])
    assert result.exit_code != 0 and "no claims found" in result.output


def test_run_length_round_trips():
    assert run_length("uuuuggC") == "u4g2C1"
    assert run_length("") == ""


def test_runs_equal_the_state_of_every_day(gazetteer):
    days = [dt.date(2016, 12, d) for d in range(1, 20)]
    claims = [
        Evidence("sheikh-saeed", "rebels", days[2], "A"),
        Evidence("sheikh-saeed", "government", days[9], "B"),
        Evidence("sheikh-saeed", "rebels", days[10], "C"),
        Evidence("ramouseh", "contested", days[4], "D"),
    ]

    def not_stepwise(claims, at):  # a policy the timeline may not shortcut
        dated = [c for c in claims if c.date and c.date <= at]
        return ("rebels" if (at.day % 2 and dated) else "unknown"), tuple(dated)

    for policy in (None, not_stepwise):
        timeline = Timeline(claims, gazetteer, policy)
        runs = timeline.runs(days)
        for i, day in enumerate(days):
            states = timeline.states(day)
            assert {pid: run[i] for pid, run in runs.items()} == states


def test_a_view_per_source_group_that_made_claims(city):
    claims = [
        Evidence("al-zuhur", "government", dt.date(2016, 12, 1), "Syrian state TV"),
        Evidence("al-zuhur", "rebels", dt.date(2016, 12, 1), "a rebel spokesman"),
        Evidence("bab-al-tob", "rebels", dt.date(2016, 12, 2), "Mr Nobody"),
    ]
    data = page_data(render_map(Timeline(claims, city)).get_root().render())
    names = [view["name"] for view in data["views"]]
    assert names == ["All sources", "Government-aligned", "Opposition-aligned", "Unknown sources"]
    assert [view["n"] for view in data["views"]] == [3, 1, 1, 1]
    by_view = {name: letters(data, k) for k, name in enumerate(names)}
    assert by_view["All sources"][0] == "CC"  # disputed
    assert by_view["Government-aligned"][0] == "gg"
    assert by_view["Opposition-aligned"][0] == "rr"
    assert by_view["Unknown sources"][1] == "ur"
    single = page_data(render_map(Timeline(claims[:1], city)).get_root().render())
    assert len(single["views"]) == 1  # one group only: no menu


def test_compare_panel_rows_or_a_note(city, tmp_path):
    data = page_data(render_map(Timeline([], city), dates=[]).get_root().render())
    assert data["compare"]["rows"] == [] and "No city-wide figures" in data["compare"]["note"]
    claims_csv = tmp_path / "claims.csv"
    result = CliRunner().invoke(
        main,
        ["build", str(ROOT / "seeds"), "-o", str(tmp_path / "m.html"), "--claims", str(claims_csv)],
    )
    assert result.exit_code == 0, result.output
    data = page_data((tmp_path / "m.html").read_text("utf-8"))
    rows = data["compare"]["rows"]
    assert rows and all(len(row) == 6 for row in rows)
    state_tv = [row for row in rows if row[1] == "Syrian state TV"]
    assert state_tv and state_tv[0][3] == "99%" and state_tv[0][4].endswith("%")
    assert "reference area" in data["compare"]["note"]


def test_render_one_source_group(tmp_path):
    claims_csv = tmp_path / "claims.csv"
    out = tmp_path / "gov.html"
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(ROOT / "seeds"), "-o", str(claims_csv)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main, ["render", str(claims_csv), "-o", str(out), "--sources", "government"]
    )
    assert result.exit_code == 0, result.output
    assert "claims are from government sources" in result.output
    data = page_data(out.read_text("utf-8"))
    assert len(data["views"]) == 1 and "government-aligned" in data["title"]
    sources = {claim[2] for claim in data["c"]}
    assert sources and "Syrian Observatory for Human Rights" not in sources
    result = runner.invoke(main, ["render", str(claims_csv), "--sources", "martians"])
    assert result.exit_code != 0 and "--sources" in result.output


def test_claims_show_how_they_were_dated(city):
    day = dt.date(2016, 12, 1)
    claims = [
        Evidence(
            "al-zuhur",
            "rebels",
            day,
            "A",
            quote="On Thursday rebels held al-Zuhur.",
            row={"date_source": "sentence"},
        ),
        Evidence(
            "bab-al-tob",
            "government",
            day,
            "B",
            quote="The army took Bab al-Tob.",
            row={"date_source": "article"},
        ),
        Evidence(
            "al-maydan",
            "contested",
            day,
            "C",
            quote="Meanwhile, fighting in al-Maydan.",
            row={"date_source": "previous sentence"},
        ),
    ]
    data = page_data(render_map(Timeline(claims, city)).get_root().render())
    flags = {c[5]: c[7] for c in data["c"]}
    assert flags["On Thursday rebels held al-Zuhur."] == []
    assert flags["The army took Bab al-Tob."] == [
        "no date in the sentence: dated by the day the article reports on"
    ]
    assert flags["Meanwhile, fighting in al-Maydan."] == [
        "no date in the sentence: dated by the sentence before"
    ]
