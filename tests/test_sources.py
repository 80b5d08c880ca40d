"""Sources grouped by stance: the editable table, filters, and unknown sources listed."""

import csv
import datetime as dt
import io

import pytest
from click.testing import CliRunner

from aleppo_map.claims import Lexicon
from aleppo_map.cli import main
from aleppo_map.sources import (
    StanceTable,
    StanceTableError,
    filter_by_group,
    source_counts,
    stance_group,
    unknown_sources,
)
from aleppo_map.timeline import Evidence

# The lexicon's stances, as the table's groups (monitors and narration are independent).
LEXICON_TO_GROUP = {
    "government": "government",
    "opposition": "opposition",
    "monitor": "independent",
    "independent": "independent",
}


@pytest.mark.parametrize(
    "source, group",
    [
        ("Syrian state TV", "government"),
        ("syrian STATE television", "government"),
        ("SANA", "government"),
        ("Syrian military", "government"),
        ("Russian defence ministry", "government"),
        ("a military source", "government"),
        ("rebel source", "opposition"),
        ("activists", "opposition"),
        ("Syrian Civil Defence", "opposition"),
        ("White Helmets", "opposition"),
        ("Syrian Observatory for Human Rights", "independent"),
        ("United Nations", "independent"),
        ("UN envoy Staffan de Mistura", "independent"),
        ("Reuters (reporter)", "independent"),
        ("Military.com (Associated Press) (reporter)", "independent"),  # no 'military' guess
        ("SANA (reporter)", "government"),  # state media narrating is state media
        ("Abu Amer Iqab", "unknown"),  # a speaker nobody grouped: listed, never guessed
        ("", "unknown"),
    ],
)
def test_default_table_groups_sources(source, group):
    assert stance_group(source) == group


def test_every_lexicon_source_is_in_the_group_of_its_lexicon_stance():
    table = StanceTable.default()
    for name, stance in Lexicon.default().sources:
        assert table.group_of(name) == LEXICON_TO_GROUP[stance], name


def test_a_source_two_groups_match_is_unknown():
    table = StanceTable.from_text(
        "groups:\n  government: {patterns: ['.*army.*']}\n  opposition: {patterns: ['free .*']}\n"
    )
    assert table.group_of("Syrian army") == "government"
    assert table.group_of("Free Syrian Army") == "unknown"  # both match: not ours to pick


def test_user_table_problems_are_listed_at_once(tmp_path):
    path = tmp_path / "stances.yaml"
    path.write_text(
        "groups:\n"
        "  unknown: {names: [x]}\n"
        "  Bad Name: {names: [x]}\n"
        "  empty: {}\n"
        "  regex: {patterns: ['(unclosed'], colour: red}\n",
        "utf-8",
    )
    with pytest.raises(StanceTableError) as info:
        StanceTable.from_file(path)
    message = str(info.value)
    assert "5 problem(s)" in message
    expected = ("reserved", "'Bad Name'", "'empty'", "is not a regex", "unknown key(s) colour")
    for fragment in expected:
        assert fragment in message, fragment
    with pytest.raises(StanceTableError, match="not found"):
        StanceTable.from_file(tmp_path / "missing.yaml")
    (tmp_path / "bad.yaml").write_text("groups: [1, 2", "utf-8")
    with pytest.raises(StanceTableError, match="not YAML"):
        StanceTable.from_file(tmp_path / "bad.yaml")


def ev(source, status="government", article="a.txt"):
    return Evidence("sukkari", status, dt.date(2016, 12, 12), attributed_to=source, article=article)


def test_filter_to_one_group_and_list_unknown_sources():
    claims = [
        ev("Syrian state TV"),
        ev("activists", "rebels"),
        ev("Abu Amer Iqab", "rebels", "b.txt"),
        ev("Abu Amer Iqab", "rebels", "c.txt"),
        ev("Reuters (reporter)"),
    ]
    assert [c.attributed_to for c in filter_by_group(claims, "government")] == ["Syrian state TV"]
    assert len(filter_by_group(claims, "unknown")) == 2
    rows = [{"attributed_to": c.attributed_to} for c in claims]
    assert len(filter_by_group(rows, "opposition")) == 1  # rows of a CSV work too
    with pytest.raises(ValueError, match="no source group 'rebelz'"):
        filter_by_group(claims, "rebelz")
    (unknown,) = unknown_sources(claims)
    assert (unknown.source, unknown.claims, unknown.articles) == ("Abu Amer Iqab", 2, 2)
    order = [c.group for c in source_counts(claims)]
    assert order == ["government", "opposition", "independent", "unknown"]


def test_sources_command_flags_unknown_sources_and_takes_a_user_table(tmp_path):
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "place_id,status,date,attributed_to,article\n"
        "sukkari,rebels,2016-12-12,Abu Amer Iqab,a.txt\n"
        "sukkari,government,2016-12-12,SANA,a.txt\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["sources", str(claims)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("Abu Amer Iqab"))
    assert "unknown" in line and "not in the stance table" in line
    assert "1 source(s) not in" in result.stderr

    table = tmp_path / "mine.yaml"
    table.write_text(
        "groups:\n"
        "  government: {names: [SANA]}\n"
        "  residents: {label: Residents, names: [Abu Amer Iqab]}\n",
        "utf-8",
    )
    result = CliRunner().invoke(
        main, ["sources", str(claims), "--stances", str(table), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    rows = {r["source"]: r["group"] for r in csv.DictReader(io.StringIO(result.stdout))}
    assert rows == {"Abu Amer Iqab": "residents", "SANA": "government"}

    bad = CliRunner().invoke(main, ["sources", str(tmp_path / "none.csv")])
    assert bad.exit_code == 1 and "claims file not found" in bad.output
