"""Where sources disagree: places and date ranges, with each side's quotes."""

import csv
import datetime as dt
import io

import pytest
from click.testing import CliRunner

from aleppo_map import Gazetteer
from aleppo_map.cli import main
from aleppo_map.disagreements import (
    DISAGREEMENT_COLUMNS,
    disputed_places,
    find_disagreements,
    format_disagreements,
)
from aleppo_map.timeline import Evidence, Timeline

from conftest import ROOT

D = dt.date


@pytest.fixture
def gaz(three_city):
    return Gazetteer.from_file(three_city)


def ev(place, status, day, source, quote=""):
    return Evidence(place, status, day, attributed_to=source, quote=quote or f"{source} on {place}")


def test_sides_of_different_groups_on_one_day_and_the_range_it_lasts(gaz):
    line = Timeline(
        [
            ev("old-town", "government", D(2016, 12, 1), "Syrian military", "The army took it."),
            ev("old-town", "rebels", D(2016, 12, 1), "activists", "Rebels still hold it."),
            ev("riverside", "rebels", D(2016, 12, 4), "activists"),  # the period runs to 4 Dec
        ],
        gaz,
    )
    (found,) = find_disagreements(line, window_days=1)
    assert (found.place_id, found.date_from, found.date_to) == (
        "old-town",
        D(2016, 12, 1),
        D(2016, 12, 4),
    )
    assert found.state == "contested" and found.across_groups
    row = found.as_row()
    assert row["statuses"] == "government vs rebels" and row["kind"] == "across groups"
    assert row["government_quotes"] == "Syrian military (government), 2016-12-01: The army took it."
    assert row["rebels_quotes"] == "activists (opposition), 2016-12-01: Rebels still hold it."
    assert row["kurdish_quotes"] == "" and list(row) == DISAGREEMENT_COLUMNS
    assert disputed_places([found], D(2016, 12, 3)) == {"old-town"}
    assert disputed_places([found], D(2016, 11, 30)) == set()


def test_a_later_claim_ends_the_disagreement(gaz):
    line = Timeline(
        [
            ev("old-town", "government", D(2016, 12, 1), "Syrian military"),
            ev("old-town", "rebels", D(2016, 12, 2), "activists"),
            ev("old-town", "government", D(2016, 12, 5), "SANA"),
            ev("riverside", "rebels", D(2016, 12, 8), "activists"),
        ],
        gaz,
    )
    (found,) = find_disagreements(line, window_days=1)
    # disputed from the second claim until the next one settles it
    assert (found.date_from, found.date_to) == (D(2016, 12, 2), D(2016, 12, 4))


def test_claims_further_apart_than_the_window_do_not_disagree(gaz):
    claims = [
        ev("old-town", "rebels", D(2016, 12, 1), "activists"),
        ev("old-town", "government", D(2016, 12, 4), "Syrian military"),
    ]
    assert find_disagreements(Timeline(claims, gaz), window_days=1) == []
    wider = find_disagreements(Timeline(claims, gaz), window_days=3)
    assert [d.date_from for d in wider] == [D(2016, 12, 4)]


def test_disagreement_within_one_group_is_listed_as_such(gaz):
    line = Timeline(
        [
            ev("hilltop", "contested", D(2016, 12, 1), "Syrian Observatory for Human Rights"),
            ev("hilltop", "rebels", D(2016, 12, 1), "Reuters (reporter)"),
        ],
        gaz,
    )
    (found,) = find_disagreements(line)
    assert not found.across_groups and found.as_row()["kind"] == "within a group"


def test_groups_disagree_even_when_the_policy_keeps_one_side(gaz):
    def last_word(claims, at):  # a policy that never says contested
        dated = sorted((c for c in claims if c.date and c.date <= at), key=lambda c: c.date)
        return (dated[-1].status, (dated[-1],)) if dated else ("unknown", ())

    line = Timeline(
        [
            ev("old-town", "rebels", D(2016, 12, 1), "activists"),
            ev("old-town", "government", D(2016, 12, 2), "Syrian state TV"),
        ],
        gaz,
        policy=last_word,
    )
    (found,) = find_disagreements(line, window_days=1)
    assert found.state == "government" and found.across_groups
    assert {e.attributed_to for e in found.evidence} == {"activists", "Syrian state TV"}


def test_text_output_puts_each_side_under_the_place(gaz):
    line = Timeline(
        [
            ev("old-town", "government", D(2016, 12, 1), "SANA", "Troops took Old Town."),
            ev("old-town", "rebels", D(2016, 12, 1), "activists", "Old Town holds out."),
        ],
        gaz,
    )
    text = format_disagreements(find_disagreements(line))
    assert text.splitlines()[0].startswith("Old Town [old-town]  2016-12-01  state: contested")
    assert "  government:\n    - SANA (government), 2016-12-01: Troops took Old Town." in text
    assert "  rebels:\n    - activists (opposition), 2016-12-01: Old Town holds out." in text


def test_disagreements_command_on_the_seeds(tmp_path):
    claims = tmp_path / "claims.csv"
    CliRunner().invoke(main, ["extract", str(ROOT / "seeds"), "-o", str(claims)])
    result = CliRunner().invoke(main, ["disagreements", str(claims)])
    assert result.exit_code == 0, result.output
    assert "al-Fardous [fardous]" in result.stdout
    assert "Syrian military (government)" in result.stdout
    assert "Syrian Observatory for Human Rights (independent)" in result.stdout
    assert "between source groups" in result.stderr
    out = tmp_path / "dis.csv"
    result = CliRunner().invoke(
        main, ["disagreements", str(claims), "--format", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    fardous = next(r for r in rows if r["place_id"] == "fardous")
    assert fardous["government_quotes"] and fardous["contested_quotes"]
    assert fardous["date_from"] == "2016-12-12"
