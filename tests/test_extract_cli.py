"""`aleppo-map extract` and `evaluate` as a user runs them."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from aleppo_map.claims import COLUMNS
from aleppo_map.cli import main

from conftest import ROOT

GOLD = ROOT / "tests" / "gold" / "seeds_claims.csv"


def test_extract_seeds_meets_the_goal_against_the_gold_claims(tmp_path):
    out = tmp_path / "claims.csv"
    result = CliRunner().invoke(main, ["extract", str(ROOT / "seeds"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 articles read" in result.stderr and "claims" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert list(rows[0])[: len(COLUMNS)] == COLUMNS
    report = CliRunner().invoke(main, ["evaluate", str(out), str(GOLD)])
    assert report.exit_code == 0
    f1 = float(report.stdout.split("F1 ")[1].split()[0])
    assert f1 >= 0.9, report.stdout
    # dates right: every matched claim with a gold date is exact or within a day
    line = next(x for x in report.stdout.splitlines() if "exact or within a day" in x)
    got, total = line.split(": ")[1].split(" of ")
    assert got == total


def test_extract_is_deterministic_and_quotes_are_the_sentences(tmp_path):
    first = CliRunner().invoke(main, ["extract", str(ROOT / "seeds")]).stdout
    second = CliRunner().invoke(main, ["extract", str(ROOT / "seeds")]).stdout
    assert first == second
    rows = list(csv.DictReader(io.StringIO(first)))
    texts = {p.name: p.read_text("utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    for row in rows:
        assert row["quote"] in texts[row["article"]]
        assert row["status"] in {"government", "rebels", "kurdish", "contested"}
        assert row["published"] and row["date"] <= row["published"]


def test_extract_geojson_carries_place_geometry():
    result = CliRunner().invoke(
        main, ["extract", str(ROOT / "seeds" / "002_26bb532be2815d85.txt"), "--format", "geojson"]
    )
    collection = json.loads(result.stdout)
    places = [f for f in collection["features"] if f["properties"]["scope"] == "place"]
    assert places and all(
        f["geometry"]["type"] in ("Polygon", "MultiPolygon", "Point") for f in places
    )
    city = [f for f in collection["features"] if f["properties"]["scope"] == "city"]
    assert city and all(f["geometry"] is None for f in city)


def test_extract_reports_bad_files_and_undated_claims(tmp_path):
    (tmp_path / "ok.txt").write_text("Rebels retook al-Sakhour on Monday.", "utf-8")
    (tmp_path / "latin1.txt").write_bytes("Troops took al-Sakhour".encode("utf-16"))
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["place_id"], r["status"], r["date"], r["undated"]) for r in rows] == [
        ("sakhour", "rebels", "", "True")
    ]
    assert "skipped" in result.stderr and "latin1.txt" in result.stderr
    assert "1 articles read" in result.stderr and "1 undated claims" in result.stderr


def test_evaluate_reports_missing_columns_clearly(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", "utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(bad), str(GOLD)])
    assert result.exit_code == 1 and "needs columns" in result.stderr
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "nope.csv"), str(GOLD)])
    assert result.exit_code == 1 and "not found" in result.stderr


def test_year_dates_yearless_wire_datelines(tmp_path):
    (tmp_path / "wire.txt").write_text(
        "BEIRUT, Dec. 7 (Reuters) - Syrian troops captured al-Sakhour on Tuesday, "
        "a military source said.",
        "utf-8",
    )
    without = CliRunner().invoke(main, ["extract", str(tmp_path)])
    rows = list(csv.DictReader(io.StringIO(without.stdout)))
    assert [(r["published"], r["date"], r["undated"]) for r in rows] == [("", "", "True")]
    with_year = CliRunner().invoke(main, ["extract", str(tmp_path), "--year", "2016"])
    rows = list(csv.DictReader(io.StringIO(with_year.stdout)))
    assert [(r["published"], r["published_source"], r["date"]) for r in rows] == [
        ("2016-12-07", "dateline", "2016-12-06")
    ]


def test_yearless_datelines_take_the_corpus_year(tmp_path):
    (tmp_path / "a_wire.txt").write_text(
        "BEIRUT, Dec. 7 (Reuters) - Syrian troops captured al-Sakhour on Tuesday, "
        "a military source said.",
        "utf-8",
    )
    for day in (5, 6):
        (tmp_path / f"dated_{day}.txt").write_text(
            f"ALEPPO, Syria, Dec {day}, 2016 - Rebels still hold al-Sukkari, activists said.",
            "utf-8",
        )
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = {r["article"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    wire = rows["a_wire.txt"]
    assert (wire["published"], wire["published_source"], wire["date"]) == (
        "2016-12-07",
        "dateline, corpus year",
        "2016-12-06",
    )
    assert "took 2016, the year of most dated articles" in result.stderr
    assert "3 articles read (3 with an inferred date)" in result.stderr


def test_yearless_dates_in_the_text_take_the_corpus_year(tmp_path):
    # no dateline, no full date: "on December 7" dates the article in the corpus's year
    (tmp_path / "a_copy.txt").write_text(
        "The army captured the Old City on Wednesday, the Observatory said on December 7.",
        "utf-8",
    )
    # a date that opens a period says nothing of when the article was written
    (tmp_path / "b_since.txt").write_text(
        "Rebels still hold al-Sukkari, where fighting has raged since the 15th of November.",
        "utf-8",
    )
    (tmp_path / "dated.txt").write_text(
        "ALEPPO, Syria, Dec 5, 2016 - Rebels still hold al-Sukkari, activists said.", "utf-8"
    )
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = {r["article"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    copy = rows["a_copy.txt"]
    assert (copy["published"], copy["published_source"], copy["date"]) == (
        "2016-12-07",
        "latest-date, corpus year",
        "2016-12-07",
    )
    assert "a_copy.txt: the dates in the text give no year; took 2016" in result.stderr
    since = rows["b_since.txt"]
    assert (since["published"], since["date"], since["undated"]) == ("", "", "True")


def test_a_date_that_starts_a_period_does_not_date_the_article(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Rebels still hold al-Sukkari. The army started its offensive on the east on 15 November.",
        "utf-8",
    )
    (tmp_path / "dated.txt").write_text(
        "ALEPPO, Syria, Dec 5, 2016 - Rebels still hold al-Sukkari, activists said.", "utf-8"
    )
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    rows = {r["article"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert (rows["a.txt"]["published"], rows["a.txt"]["undated"]) == ("", "True")


def _corpus_of_every_kind(folder):
    """Enough articles for many batches, a file to skip, and a year-less dateline."""
    for copy in range(14):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            (folder / f"{copy:02d}_{seed.name}").write_text(seed.read_text("utf-8"), "utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00 not text")
    (folder / "wire.txt").write_text(
        "BEIRUT, Dec. 7 (Reuters) - Syrian troops captured al-Sakhour on Tuesday.", "utf-8"
    )


def test_jobs_give_the_same_claims_order_and_summary_as_one_process(tmp_path):
    _corpus_of_every_kind(tmp_path)
    one = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert one.exit_code == 0, one.output
    summary = one.stderr.strip().splitlines()[-1]
    assert "71 articles read" in summary and "1 skipped" in summary
    for jobs in ("2", "3", "0"):  # 0: one per CPU
        many = CliRunner().invoke(main, ["extract", str(tmp_path), "--jobs", jobs])
        assert many.exit_code == 0, many.output
        assert many.stdout == one.stdout
        assert many.stderr.strip().splitlines()[-1] == summary
        # the year-less dateline still takes the corpus year, last
        assert many.stdout.strip().splitlines()[-1].startswith("wire.txt,2016-12-07")
    bad = CliRunner().invoke(main, ["extract", str(tmp_path), "--jobs", "-1"])
    assert bad.exit_code == 2 and "--jobs" in bad.stderr


def test_jobs_work_where_workers_are_spawned_not_forked(tmp_path, monkeypatch):
    # macOS and Windows start workers afresh: the extractor travels to them pickled
    import multiprocessing

    from aleppo_map.claims import ExtractionSummary, Extractor, extract_claims

    _corpus_of_every_kind(tmp_path)
    extractor = Extractor()
    one = ExtractionSummary()
    expected = [c.as_row() for c in extract_claims([tmp_path], extractor, one)]
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    two = ExtractionSummary()
    assert [c.as_row() for c in extract_claims([tmp_path], extractor, two, jobs=2)] == expected
    assert str(two) == str(one)
    with pytest.raises(ValueError, match="jobs"):
        list(extract_claims([tmp_path], extractor, jobs=0))
