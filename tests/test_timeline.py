"""Claims to states per place per date: the conflict policy and the timeline command."""

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner

from aleppo_map import Gazetteer
from aleppo_map.cli import main
from aleppo_map.timeline import (
    ClaimsFileError,
    Evidence,
    Timeline,
    latest_claim_wins,
    read_claims,
)

D = dt.date


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.default()


def ev(place, status, day, source="x"):
    return Evidence(place, status, day, attributed_to=source)


def test_latest_claim_stands_and_unknown_before_any(gazetteer):
    line = Timeline(
        [ev("sukkari", "rebels", D(2016, 12, 1)), ev("sukkari", "government", D(2016, 12, 12))],
        gazetteer,
    )
    assert line.state("sukkari", D(2016, 11, 30)).status == "unknown"
    assert line.state("sukkari", D(2016, 12, 5)).status == "rebels"
    assert line.state("sukkari", D(2016, 12, 13)).status == "government"
    assert line.state("abraj", D(2016, 12, 13)).status == "unknown"


def test_disagreement_within_the_window_is_contested_with_both_sides_kept(gazetteer):
    claims = [
        ev("fardous", "government", D(2016, 12, 12), "Syrian military"),
        ev("fardous", "rebels", D(2016, 12, 12), "Observatory"),
    ]
    state = Timeline(claims, gazetteer).state("fardous", D(2016, 12, 12))
    assert state.status == "contested" and state.disputed
    assert {e.attributed_to for e in state.evidence} == {"Syrian military", "Observatory"}
    # with no window, a claim two days later settles it
    later = claims + [ev("fardous", "government", D(2016, 12, 14))]
    assert (
        Timeline(later, gazetteer, latest_claim_wins(1)).state("fardous", D(2016, 12, 14)).status
        == "government"
    )
    assert (
        Timeline(later, gazetteer, latest_claim_wins(3)).state("fardous", D(2016, 12, 14)).status
        == "contested"
    )


def test_initial_state_and_groups_reach_their_members(gazetteer):
    line = Timeline(
        [ev("ramouseh", "government", D(2016, 12, 5))],
        gazetteer,
        initial={"sukkari": ("rebels", D(2016, 11, 15))},
    )
    assert line.state("sukkari", D(2016, 11, 20)).status == "rebels"
    members = gazetteer["ramouseh"].members
    assert all(line.state(m, D(2016, 12, 6)).status == "government" for m in members)
    assert "ramouseh" not in line.places()  # groups are drawn through their members
    assert line.state(members[0], D(2016, 12, 6)).evidence[0].via == "ramouseh"


def test_change_dates_are_the_days_something_changed(gazetteer):
    line = Timeline(
        [
            ev("sukkari", "rebels", D(2016, 12, 1)),
            ev("sukkari", "rebels", D(2016, 12, 3)),
            ev("sukkari", "government", D(2016, 12, 9)),
        ],
        gazetteer,
    )
    assert line.change_dates() == [D(2016, 12, 1), D(2016, 12, 9)]


def test_geodataframe_has_one_row_per_place(gazetteer):
    frame = Timeline([ev("sukkari", "rebels", D(2016, 12, 1))], gazetteer).to_geodataframe(
        D(2016, 12, 2)
    )
    assert len(frame) == len([p for p in gazetteer if not p.members])
    assert frame.crs.to_epsg() == 4326
    assert frame.set_index("place_id").loc["sukkari", "status"] == "rebels"


def write(tmp_path, text, name="claims.csv"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_curated_csv_with_place_names_and_undated_rows(tmp_path, gazetteer):
    path = write(
        tmp_path,
        "place,status,date,attributed_to\n"
        "Sheik Saeed,government,2016-12-12,SANA\n"
        "al-Fardous,rebels,,activists\n",
    )
    claims = read_claims(path, gazetteer)
    assert [(c.place_id, c.status, c.date) for c in claims] == [
        ("sheikh-saeed", "government", D(2016, 12, 12)),
        ("fardous", "rebels", None),
    ]
    line = Timeline(claims, gazetteer)
    assert len(line.undated) == 1  # kept aside, not dropped


def test_bad_claims_file_lists_every_problem(tmp_path, gazetteer):
    path = write(
        tmp_path,
        "place_id,status,date\n"
        "nowhere,government,2016-12-12\n"
        "sukkari,winning,2016-12-12\n"
        "sukkari,rebels,12/12/2016\n",
    )
    with pytest.raises(ClaimsFileError) as info:
        read_claims(path, gazetteer)
    message = str(info.value)
    assert "3 problem(s)" in message and "unknown place 'nowhere'" in message
    assert "status 'winning'" in message and "'12/12/2016' is not YYYY-MM-DD" in message


def test_timeline_command_csv_and_geojson(tmp_path):
    claims = tmp_path / "claims.csv"
    from conftest import ROOT

    CliRunner().invoke(main, ["extract", str(ROOT / "seeds"), "-o", str(claims)])
    result = CliRunner().invoke(main, ["timeline", str(claims), "--at", "2016-12-13"])
    assert result.exit_code == 0, result.output
    rows = {r["place_id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert rows["sheikh-saeed"]["status"] == "government"
    assert rows["fardous"]["status"] == "contested"  # the military and the Observatory disagree
    assert rows["abraj"]["status"] == "unknown"
    early = CliRunner().invoke(main, ["timeline", str(claims), "--at", "2016-12-01"])
    assert {r["status"] for r in csv.DictReader(io.StringIO(early.stdout))} <= {
        "unknown",
        "contested",
    }
    layer = json.loads(
        CliRunner()
        .invoke(main, ["timeline", str(claims), "--at", "2016-12-13", "--format", "geojson"])
        .stdout
    )
    assert {"place", "place_id", "status"} <= set(layer["features"][0]["properties"])
    bad = CliRunner().invoke(main, ["timeline", str(claims), "--at", "13/12/2016"])
    assert bad.exit_code == 2 and "not a date" in bad.output
