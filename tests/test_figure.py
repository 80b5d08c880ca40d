"""Print figures: rendered, sized, not blank, a legend of the statuses present, stable bytes."""

import datetime as dt
import re

import matplotlib.image
import pytest
import shapely
from click.testing import CliRunner
from matplotlib.patches import Rectangle
from pyproj import Transformer

from aleppo_map import Gazetteer
from aleppo_map.cli import main
from aleppo_map.compare import compare_claims
from aleppo_map.figure import (
    FigureError,
    draw_compare_chart,
    draw_control_figure,
    format_of,
    save,
)
from aleppo_map.palette import STATUS_COLORS, STATUS_LABELS, STATUS_ORDER
from aleppo_map.timeline import Evidence, Timeline

from conftest import ROOT

D = dt.date


@pytest.fixture
def gaz(three_city):
    return Gazetteer.from_file(three_city)


def ev(place, status, day, source="SANA"):
    return Evidence(place, status, day, attributed_to=source, article="a.txt", quote="q")


@pytest.fixture
def line(gaz):
    return Timeline(
        [
            ev("old-town", "government", D(2016, 12, 1)),
            ev("riverside", "government", D(2016, 12, 3)),
            ev("riverside", "rebels", D(2016, 12, 3), "activists"),
            ev("market", "rebels", D(2016, 12, 3), "activists"),
        ],
        gaz,
    )


def legend_texts(fig):
    (legend,) = fig.legends
    return [t.get_text() for t in legend.get_texts()]


def test_the_palette_defines_every_status_once():
    assert set(STATUS_COLORS) == set(STATUS_LABELS) == set(STATUS_ORDER)
    assert len(set(STATUS_COLORS.values())) == len(STATUS_COLORS)


def test_legend_lists_the_statuses_present_in_palette_colours(line):
    fig = draw_control_figure(line, [D(2016, 12, 1), D(2016, 12, 3)])
    texts = legend_texts(fig)
    # 1 Dec: government and unknown; 3 Dec: contested riverside, rebel point
    assert texts == [
        STATUS_LABELS["government"],
        STATUS_LABELS["rebels"],
        STATUS_LABELS["contested"],
        STATUS_LABELS["unknown"],
        "Point-only place (approximate)",
    ]
    assert STATUS_LABELS["kurdish"] not in texts
    (legend,) = fig.legends
    patch = legend.legend_handles[0]
    assert matplotlib.colors.to_hex(patch.get_facecolor()) == STATUS_COLORS["government"].lower()
    assert legend.legend_handles[2].get_hatch()  # contested reads without colour too
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["1 December 2016", "3 December 2016"]


def test_scale_bar_is_true_in_metres(gaz, line):
    fig = draw_control_figure(line, [D(2016, 12, 3)])
    ax = fig.axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    length = sum(p.get_width() for p in bars)
    label = next(t.get_text() for t in ax.texts if t.get_text().endswith(("km", " m")))
    value, unit = label.split()
    assert length == pytest.approx(float(value) * (1000 if unit == "km" else 1))
    # the axes are metres of UTM 38N: the city's width there, computed independently
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32638", always_xy=True)
    city = shapely.union_all([p.geometry for p in gaz])
    minx, _, maxx, _ = shapely.transform(city, to_utm.transform, interleaved=False).bounds
    x0, x1 = ax.get_xlim()
    assert (x1 - x0) == pytest.approx((maxx - minx) * 1.08, rel=0.01)
    assert any(t.get_text() == "N" for t in ax.texts)  # the north arrow


def test_png_has_print_size_and_is_not_blank(tmp_path, line):
    fig = draw_control_figure(line, [D(2016, 12, 1), D(2016, 12, 3)], title="Three places")
    path = save(fig, tmp_path / "fig.png", dpi=150)
    width, height = fig.get_size_inches()
    pixels = matplotlib.image.imread(path)
    assert abs(pixels.shape[0] - height * 150) <= 1 and abs(pixels.shape[1] - width * 150) <= 1
    assert pixels.shape[1] == 1080  # 7.2 inches, a two-column page
    assert pixels[..., :3].std() > 0.05  # not a blank page
    assert 20_000 < path.stat().st_size < 5_000_000
    texts = " ".join(t.get_text() for t in fig.texts)
    assert "Three places" in texts and "Neighbourhoods: three.geojson" in texts
    assert "Source: 4 claims from 1 article (2 sources)" in texts


def test_svg_is_byte_identical_for_the_same_input(tmp_path, line):
    days = [D(2016, 12, 3)]
    first = save(draw_control_figure(line, days), tmp_path / "a.svg").read_bytes()
    second = save(draw_control_figure(line, days), tmp_path / "b.svg").read_bytes()
    assert first == second and first.startswith(b"<?xml")
    assert b"<dc:date>" not in first


def test_bad_requests_are_clear(line):
    with pytest.raises(FigureError, match=r"\.png or \.svg"):
        format_of("map.jpg")
    with pytest.raises(FigureError, match="at least one date"):
        draw_control_figure(line, [])
    with pytest.raises(FigureError, match="at most 12"):
        draw_control_figure(line, [D(2016, 12, 1) + dt.timedelta(n) for n in range(13)])


def test_compare_chart_has_a_panel_per_figure_and_says_when_there_is_none(gaz, line):
    claims = [
        Evidence(
            "old-town", "government", D(2016, 12, 1), attributed_to="SANA", row={"rule": "capture"}
        ),
        Evidence(
            "city",
            "government",
            D(2016, 12, 2),
            attributed_to="Syrian state TV",
            row={"measure": "percent", "value": "90", "rule": "figure-percent"},
        ),
        Evidence(
            "city",
            "rebels",
            D(2016, 12, 2),
            attributed_to="activists",
            row={"measure": "km2", "value": "2", "rule": "figure-km2"},
        ),
    ]
    with_city = Timeline(claims, gaz)
    fig = draw_compare_chart(compare_claims(with_city), with_city)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["Rebels: area (km²)", "Government: share of the reference area (%)"]
    labels = legend_texts(fig)
    assert "Syrian state TV (government)" in labels and "activists (opposition)" in labels
    empty = draw_compare_chart(compare_claims(line), line)
    assert any("No city-wide claims" in t.get_text() for t in empty.texts)
    assert empty.axes == []


def test_figure_command_on_the_seeds(tmp_path):
    claims = tmp_path / "claims.csv"
    CliRunner().invoke(main, ["extract", str(ROOT / "seeds"), "-o", str(claims)])
    out = tmp_path / "aleppo.png"
    dates = "2016-11-15,2016-11-28,2016-12-07,2016-12-13"
    result = CliRunner().invoke(
        main, ["figure", str(claims), "--dates", dates, "-o", str(out), "--dpi", "100"]
    )
    assert result.exit_code == 0, result.output
    assert "4 panel(s)" in result.stderr
    pixels = matplotlib.image.imread(out)
    assert pixels.shape[1] == 720 and pixels[..., :3].std() > 0.05

    svg = tmp_path / "gov.svg"
    result = CliRunner().invoke(
        main,
        ["figure", str(claims), "--dates", "2016-12-13", "-o", str(svg)]
        + ["--sources", "government", "--title", "What the government said"],
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ of \d+ claims are from government sources", result.stderr)
    assert svg.read_bytes().startswith(b"<?xml")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--dates", "13/12/2016,2016-12-14", "-o", "x.png"], "'13/12/2016': not a date"),
        (["--dates", ",", "-o", "x.png"], "at least one date"),
        (["--dates", "2016-12-13", "-o", "x.jpg"], ".png or .svg"),
        (["--dates", "2016-12-13"], "Missing option '-o'"),
    ],
)
def test_figure_command_bad_input(tmp_path, args, message):
    claims = tmp_path / "claims.csv"
    claims.write_text("place_id,status,date\nsukkari,rebels,2016-12-12\n", "utf-8")
    result = CliRunner().invoke(main, ["figure", str(claims), *args])
    assert result.exit_code == 2 and message in result.output


def test_figure_command_missing_claims_file(tmp_path):
    result = CliRunner().invoke(
        main, ["figure", str(tmp_path / "no.csv"), "--dates", "2016-12-13", "-o", "x.png"]
    )
    assert result.exit_code == 1 and "claims file not found" in result.output
