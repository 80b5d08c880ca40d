"""Size and build time of the map file against folium's two time-slider plugins.

What it measures
    The same synthetic story drawn three ways, in the same process:
    - aleppo_map's `render_map` (geometry once as encoded polylines, a letter
      per place per date, evidence as one table of claims; popups included);
    - folium.plugins.TimestampedGeoJson, which needs one feature, with its
      geometry, per place per date;
    - folium.plugins.TimeSliderChoropleth, which stores the geometry once and a
      style per feature per date (and has no per-feature popups).
    For each: HTML size in bytes and build time from the Timeline to the page
    text (best of --repeat runs, each including the per-date states it needs).
    It prints the ratios and whether the goals are met: at most 300 KB for the
    whole file, evidence included, and a faster build than TimeSliderChoropleth's.

The data
    Every place of the embedded Aleppo gazetteer (126 polygons and 4 points),
    state changes on --dates distinct dates (default 120), and --claims short
    synthetic claims (default 500) from a fixed random seed, with quotes,
    sources, outlets and links like real ones. Some claims on the same day
    disagree, so some places are contested.

Run
    python benchmarks/bench_map.py [--dates 120] [--claims 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import sys
import time

import folium
import folium.plugins
from shapely.geometry import mapping

from aleppo_map import Gazetteer, Timeline, __version__, render_map
from aleppo_map.palette import STATUS_COLORS
from aleppo_map.timeline import Evidence

GOAL_BYTES = 300 * 1024
SOURCES = [
    ("Syrian state TV", "government"),
    ("Syrian Observatory for Human Rights", "rebels"),
    ("a rebel official", "rebels"),
    ("a military source", "government"),
    ("activists", "rebels"),
    ("the Russian defence ministry", "government"),
]
OUTLETS = ["Reuters", "AFP", "Al Jazeera", "BBC News", "The Guardian"]


def synthetic_claims(gazetteer: Gazetteer, n_dates: int, n_claims: int, seed: int = 7):
    """`n_claims` claims making a change of state on each of `n_dates` days.

    Every day one place that was quiet for three days changes side; the other
    claims back such a change with more sources, or dispute it (which makes the
    place contested: still a change, as its previous state was not).
    """
    rng = random.Random(seed)
    places = [p for p in gazetteer if not p.members]
    start = dt.date(2016, 11, 15)
    changes = []  # (day, place, status, index of the place's previous change)
    latest: dict[str, int] = {}
    for i in range(n_dates):
        day = start + dt.timedelta(days=i)
        quiet = [p for p in places if p.id not in latest or i - latest[p.id] > 3]
        place = rng.choice(quiet)
        previous = changes[latest[place.id]][2] if place.id in latest else ""
        status = rng.choice([s for s in ("government", "rebels") if s != previous])
        changes.append((day, place, status, latest.get(place.id)))
        latest[place.id] = i
    # Decided in date order, so that a dispute never follows a disputed day.
    disputed = set()
    for k, (_, _, _, previous) in enumerate(changes):
        if rng.random() < 0.2 and previous not in disputed:
            disputed.add(k)
    picks = [(k, "") for k in range(n_dates)] + [(k, "dispute") for k in sorted(disputed)]
    while len(picks) < n_claims:
        k = rng.randrange(n_dates)
        picks.append((k, "dispute" if k in disputed and rng.random() < 0.5 else "back"))
    claims = []
    for i, (k, kind) in enumerate(picks):
        day, place, status, _ = changes[k]
        if kind == "dispute":
            status = "rebels" if status == "government" else "government"
        source = rng.choice([name for name, side in SOURCES if side == status])
        verb = {"government": "took", "rebels": "still hold"}[status]
        claims.append(
            Evidence(
                place_id=place.id,
                status=status,
                date=day,
                attributed_to=source,
                outlet=rng.choice(OUTLETS),
                url=f"https://news.example.org/{day:%Y/%m/%d}/story-{i}",
                quote=f"{source.capitalize()} said forces {verb} {place.name} on {day:%A}.",
                article=f"{i:04d}.txt",
            )
        )
    return claims


def build_ours(timeline: Timeline, dates) -> str:
    return render_map(timeline, dates=dates).get_root().render()


def _states(timeline: Timeline, dates):
    """Day -> place id -> state, from the same fast per-place runs render_map uses."""
    runs = timeline.runs(dates)
    return {day: {pid: run[i] for pid, run in runs.items()} for i, day in enumerate(dates)}


def build_timestamped(timeline: Timeline, dates) -> str:
    """TimestampedGeoJson: a feature per place per date, each with its geometry."""
    gazetteer, features = timeline.gazetteer, []
    for day, states in _states(timeline, dates).items():
        for place_id, state in states.items():
            colour = STATUS_COLORS[state.status]
            features.append(
                {
                    "type": "Feature",
                    "geometry": mapping(gazetteer[place_id].geometry),
                    "properties": {
                        "times": [day.isoformat()],
                        "popup": gazetteer[place_id].name,
                        "style": {"color": "#ffffff", "fillColor": colour, "fillOpacity": 0.7},
                    },
                }
            )
    fmap = folium.Map(location=[36.2, 37.15], zoom_start=12)
    folium.plugins.TimestampedGeoJson(
        {"type": "FeatureCollection", "features": features}, period="P1D", add_last_point=False
    ).add_to(fmap)
    return fmap.get_root().render()


def build_choropleth(timeline: Timeline, dates) -> str:
    """TimeSliderChoropleth: geometry once, a style per feature per date."""
    gazetteer = timeline.gazetteer
    places = timeline.places()
    features = [
        {"type": "Feature", "id": str(i), "geometry": mapping(gazetteer[pid].geometry)}
        for i, pid in enumerate(places)
    ]
    styledict = {str(i): {} for i in range(len(places))}
    for day, states in _states(timeline, dates).items():
        stamp = str(int(dt.datetime(day.year, day.month, day.day).timestamp()))
        for i, pid in enumerate(places):
            styledict[str(i)][stamp] = {"color": STATUS_COLORS[states[pid].status], "opacity": 0.7}
    fmap = folium.Map(location=[36.2, 37.15], zoom_start=12)
    folium.plugins.TimeSliderChoropleth(
        json.dumps({"type": "FeatureCollection", "features": features}), styledict=styledict
    ).add_to(fmap)
    return fmap.get_root().render()


def best_time(build, repeat: int) -> tuple[float, str]:
    best, page = float("inf"), ""
    for _ in range(repeat):
        started = time.perf_counter()
        page = build()
        best = min(best, time.perf_counter() - started)
    return best, page


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=120)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    gazetteer = Gazetteer.default()
    claims = synthetic_claims(gazetteer, args.dates, args.claims)
    timeline = Timeline(claims, gazetteer)
    dates = timeline.change_dates()
    print(
        f"aleppo_map {__version__}, folium {folium.__version__}, Python "
        f"{platform.python_version()}, {platform.machine()}"
    )
    print(
        f"data: {len(timeline.places())} places drawn, {len(claims)} claims, "
        f"{len(dates)} dates with a change"
    )
    runs = {
        "aleppo_map render_map": lambda: build_ours(timeline, dates),
        "TimeSliderChoropleth": lambda: build_choropleth(timeline, dates),
        "TimestampedGeoJson": lambda: build_timestamped(timeline, dates),
    }
    results = {}
    for name, build in runs.items():
        seconds, page = best_time(build, args.repeat)
        results[name] = (len(page.encode("utf-8")), seconds)
        print(f"  {name:<24} {results[name][0] / 1024:>10,.0f} KB  {seconds:>7.2f} s", flush=True)
    ours_size, ours_time = results["aleppo_map render_map"]
    for name in ("TimeSliderChoropleth", "TimestampedGeoJson"):
        size, seconds = results[name]
        print(
            f"{name}: {size / ours_size:,.1f}x the size of aleppo_map's file, "
            f"{seconds / ours_time:,.1f}x its build time"
        )
    size_ok = ours_size <= GOAL_BYTES
    time_ok = ours_time < results["TimeSliderChoropleth"][1]
    print(
        f"goal: at most {GOAL_BYTES // 1024} KB: {'met' if size_ok else 'NOT met'} "
        f"({ours_size / 1024:,.0f} KB); faster build than TimeSliderChoropleth: "
        f"{'met' if time_ok else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
