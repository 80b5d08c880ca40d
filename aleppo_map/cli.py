"""The `aleppo-map` command: a thin layer over the library.

Every command writes to standard output unless `-o FILE` is given; messages,
progress and summaries go to standard error so output can be piped.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from pathlib import Path

import click
from shapely.geometry import mapping

from . import __version__
from .documents import Skipped, read_articles
from .errors import AleppoMapError, GeocodingError
from .gazetteer import Gazetteer, Place

MENTION_COLUMNS = [
    "article",
    "start",
    "end",
    "surface",
    "place_id",
    "place",
    "match",
    "score",
    "candidates",
    "lat",
    "lon",
    "precision",
    "sentence",
]
PROGRESS_EVERY = 500  # articles between progress lines on long runs


def _gazetteer_option(func):
    func = click.option(
        "--gazetteer",
        "gazetteer_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="GeoJSON gazetteer of another city (default: embedded Aleppo).",
    )(func)
    return func


_output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here instead of standard output.",
)


_window_option = click.option(
    "--window",
    type=click.IntRange(0, 30),
    default=1,
    show_default=True,
    help="Days within which disagreeing claims make a place contested.",
)
_initial_option = click.option(
    "--initial",
    "initial_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="CSV of known states at the start (place_id, status, date).",
)


_lexicon_option = click.option(
    "--lexicon",
    "lexicon_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Extraction vocabulary (default: the built-in lexicon.yaml).",
)
_year_option = click.option(
    "--year",
    type=click.IntRange(1900, 2100),
    default=None,
    help=(
        "Year of year-less datelines (BEIRUT, Dec. 12 (Reuters)) and, without one, of "
        "year-less dates ('said on December 7') in texts with no full date."
    ),
)

_jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    default=1,
    show_default=True,
    help="Worker processes reading articles (0: one per CPU); same claims, same order.",
)


def _usable_cpus() -> int:
    """The CPUs this process may run on (a container may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _load_gazetteer(path: Path | None) -> Gazetteer:
    try:
        if path is None:
            return Gazetteer.default()
        return Gazetteer.from_file(path)
    except AleppoMapError as exc:
        raise click.ClickException(str(exc)) from None


def _open_output(output: Path | None, excel: bool = False):
    """A text stream for `-o FILE`, or standard output.

    CSV files get a byte-order mark so Excel reads Arabic names correctly.
    """
    if output is None:
        return click.get_text_stream("stdout")
    encoding = "utf-8-sig" if excel else "utf-8"
    return open(output, "w", encoding=encoding, newline="")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="aleppo-map")
def main() -> None:
    """Map reported control of a city's neighbourhoods from news articles."""


@main.command()
@click.argument("name")
@_gazetteer_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "geojson"]),
    default="text",
    show_default=True,
    help="How to print the answer.",
)
@click.option(
    "--geocode/--no-geocode",
    default=False,
    show_default=True,
    help="Ask Nominatim (geopy) for names the gazetteer lacks.",
)
@click.option(
    "--user-agent",
    default=None,
    help="User agent for the geocoder (required with --geocode; name your project).",
)
@click.option(
    "--geocode-cache",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("geocode-cache.json"),
    show_default=True,
    help="On-disk cache of geocoder answers; a second run is offline.",
)
@click.option(
    "--nominatim-url",
    default="https://nominatim.openstreetmap.org",
    show_default=True,
    help="Nominatim service to ask (e.g. your own instance).",
)
@click.option(
    "--geocode-timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds to wait for the geocoder.",
)
def lookup(
    name, gazetteer_path, fmt, geocode, user_agent, geocode_cache, nominatim_url, geocode_timeout
):
    """Resolve NAME to a place, or list the candidates.

    Exits with status 1 when NAME is unknown or ambiguous.
    """
    gazetteer = _load_gazetteer(gazetteer_path)
    if geocode:
        # The embedded gazetteer is Aleppo's; for another city the viewbox keeps answers local.
        city = "Aleppo, Syria" if gazetteer_path is None else None
        gazetteer.geocoder = _make_geocoder(
            gazetteer, user_agent, geocode_cache, nominatim_url, city, geocode_timeout
        )
    try:
        answer = gazetteer.lookup(name)
    except GeocodingError as exc:
        raise click.ClickException(str(exc)) from None
    out = click.get_text_stream("stdout")
    if fmt == "text":
        out.write(_describe(answer))
    else:
        places = [answer.place] if answer.place else list(answer.candidates)
        payload = {
            "query": name,
            "match": answer.match,
            "score": answer.score,
            "ambiguous": answer.ambiguous,
            "found": answer.place is not None,
        }
        if fmt == "json":
            payload["places"] = [_place_record(p) for p in places]
            out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(_feature_collection(places, payload), ensure_ascii=False) + "\n")
    if answer.place is None:
        sys.exit(1)


def _make_geocoder(gazetteer: Gazetteer, user_agent, cache_path, url, city, timeout):
    from urllib.parse import urlsplit

    from .geocode import NominatimFallback

    if not user_agent:
        raise click.UsageError("--geocode needs --user-agent (Nominatim's usage policy).")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise click.BadParameter(f"{url!r} is not an http(s) URL", param_hint="--nominatim-url")
    # Ask only within the city, slightly enlarged so edge districts still match.
    minx, miny, maxx, maxy = gazetteer.bounds
    pad = 0.02
    try:
        return NominatimFallback(
            user_agent=user_agent,
            scheme=parts.scheme,
            domain=parts.netloc + parts.path,
            cache_path=cache_path,
            city=city,
            timeout=timeout,
            viewbox=(minx - pad, miny - pad, maxx + pad, maxy + pad),
        )
    except (ValueError, GeocodingError) as exc:
        raise click.ClickException(str(exc)) from None


def _describe(answer) -> str:
    place = answer.place
    if place is not None:
        flag = " (approximate location)" if place.approximate else ""
        lines = [
            f"{place.name}  [{place.id}]  matched {answer.match}, score {answer.score:.2f}",
            f"  Arabic: {place.name_ar or '-'}   kind: {place.kind}   precision: "
            f"{place.precision}{flag}",
            f"  point: {place.lat}, {place.lon}",
        ]
        if place.members:
            lines.append(f"  members: {', '.join(place.members)}")
        if place.aliases:
            lines.append(f"  also written: {'; '.join(place.aliases)}")
        if place.source:
            lines.append(f"  source: {place.source}")
        return "\n".join(lines) + "\n"
    if answer.ambiguous:
        names = "\n".join(f"  {p.name}  [{p.id}]" for p in answer.candidates)
        return f"{answer.query!r} names more than one place:\n{names}\n"
    if answer.candidates:
        names = "\n".join(f"  {p.name}  [{p.id}]" for p in answer.candidates)
        return f"No place named {answer.query!r}. Did you mean:\n{names}\n"
    return f"No place named {answer.query!r}, and nothing close.\n"


def _place_record(place: Place) -> dict:
    return {
        "id": place.id,
        "name": place.name,
        "name_ar": place.name_ar,
        "kind": place.kind,
        "precision": place.precision,
        "approximate": place.approximate,
        "lat": place.lat,
        "lon": place.lon,
        "members": list(place.members),
        "aliases": list(place.aliases),
        "source": place.source,
    }


def _feature_collection(places: list[Place], extra: dict | None = None) -> dict:
    return {
        "type": "FeatureCollection",
        **(extra or {}),
        "features": [
            {
                "type": "Feature",
                "id": p.id,
                "properties": _place_record(p),
                "geometry": mapping(p.geometry),
            }
            for p in places
        ],
    }


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_gazetteer_option
@_output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="Output format: one row per mention.",
)
@click.option(
    "--fuzzy/--no-fuzzy",
    default=True,
    show_default=True,
    help="Also match near-miss spellings next to words like 'district'.",
)
def find(paths, gazetteer_path, output, fmt, fuzzy):
    """List the place mentions in articles (files or folders of .txt, .md, .html)."""
    gazetteer = _load_gazetteer(gazetteer_path)
    rows, skipped, n_articles = [], [], 0
    for item in read_articles(paths, infer_dates=False):
        if isinstance(item, Skipped):
            skipped.append(item)
            click.echo(f"skipped {item.path}: {item.reason}", err=True)
            continue
        n_articles += 1
        if n_articles % PROGRESS_EVERY == 0:
            click.echo(f"... {n_articles} articles read", err=True)
        for mention in gazetteer.find(item.text, fuzzy=fuzzy):
            place = gazetteer.get(mention.place_id) if mention.place_id else None
            rows.append(
                {
                    "article": item.name,
                    "start": mention.start,
                    "end": mention.end,
                    "surface": mention.surface,
                    "place_id": mention.place_id or "",
                    "place": place.name if place else "",
                    "match": mention.match,
                    "score": mention.score,
                    "candidates": "; ".join(mention.candidates),
                    "lat": place.lat if place else "",
                    "lon": place.lon if place else "",
                    "precision": place.precision if place else "",
                    "sentence": mention.sentence,
                }
            )
    with _open_output(output, excel=fmt == "csv") as stream:
        if fmt == "csv":
            _write_csv(stream, rows, MENTION_COLUMNS)
        else:
            stream.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    ambiguous = sum(1 for r in rows if not r["place_id"])
    click.echo(
        f"{n_articles} articles read, {len(skipped)} skipped, {len(rows)} mentions "
        f"of {len({r['place_id'] for r in rows if r['place_id']})} places, "
        f"{ambiguous} ambiguous",
        err=True,
    )
    if n_articles == 0:
        raise click.ClickException("no article could be read")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_gazetteer_option
@_output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "geojson"]),
    default="csv",
    show_default=True,
    help="csv: one row per claim; geojson: the same with the place geometry.",
)
@_lexicon_option
@_year_option
@_jobs_option
def extract(paths, gazetteer_path, output, fmt, lexicon_path, year, jobs):
    """Extract control claims from articles (files or folders of .txt, .md, .html).

    Metadata comes from YAML front matter or an articles.csv beside the
    articles; without a given date the publication date is inferred and flagged.
    """
    from .claims import write_claims_csv

    gazetteer = _load_gazetteer(gazetteer_path)
    claims, summary = _extract(paths, gazetteer, lexicon_path, year, jobs)
    with _open_output(output, excel=fmt == "csv") as stream:
        if fmt == "csv":
            write_claims_csv(stream, claims)
        else:
            stream.write(json.dumps(_claims_geojson(claims, gazetteer), ensure_ascii=False) + "\n")
    click.echo(str(summary), err=True)
    if summary.articles == 0:
        raise click.ClickException("no article could be read")


def _extract(paths, gazetteer: Gazetteer, lexicon_path: Path | None, year: int | None, jobs=1):
    """Claims from articles, with skips, progress and warnings on standard error."""
    from .claims import ExtractionSummary, Extractor, Lexicon, extract_claims

    try:
        lexicon = Lexicon.from_file(lexicon_path) if lexicon_path else Lexicon.default()
    except (OSError, ValueError, KeyError) as exc:
        raise click.ClickException(f"{lexicon_path}: cannot use this lexicon ({exc})") from None
    extractor = Extractor(gazetteer, lexicon)
    summary = ExtractionSummary()

    def progress(s: ExtractionSummary) -> None:
        if s.articles % PROGRESS_EVERY == 0:
            click.echo(f"... {s.articles} articles, {s.claims} claims", err=True)

    claims = list(
        extract_claims(
            paths,
            extractor,
            summary,
            on_skip=lambda item: click.echo(f"skipped {item.path}: {item.reason}", err=True),
            on_progress=progress,
            year=year,
            jobs=jobs or _usable_cpus(),
        )
    )
    for warning in dict.fromkeys(summary.warnings):
        click.echo(f"warning: {warning}", err=True)
    return claims, summary


def _claims_geojson(claims, gazetteer: Gazetteer) -> dict:
    features = []
    for claim in claims:
        place = gazetteer.get(claim.place_id)
        features.append(
            {
                "type": "Feature",
                "properties": claim.as_row(),
                "geometry": mapping(place.geometry) if place is not None else None,
            }
        )
    return {"type": "FeatureCollection", "features": features}


@main.command()
@click.argument("claims_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("gold_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--details/--no-details",
    default=False,
    show_default=True,
    help="Also list the false positives, false negatives and wrong dates.",
)
def evaluate(claims_csv, gold_csv, details):
    """Score CLAIMS_CSV against hand-made GOLD_CSV: precision, recall, F1, dates."""
    from .evaluate import evaluate as run_evaluation

    try:
        result = run_evaluation(claims_csv, gold_csv)
    except AleppoMapError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(result.report(details=details), nl=False)


@main.command()
@click.argument("claims_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--at", "at", default=None, help="The day, YYYY-MM-DD (default: the day of the latest claim)."
)
@_gazetteer_option
@_output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "geojson"]),
    default="csv",
    show_default=True,
    help="csv: one row per place; geojson: a layer for QGIS.",
)
@_window_option
@_initial_option
def timeline(claims_csv, at, gazetteer_path, output, fmt, window, initial_path):
    """Print the state of every place on a day, from a claims CSV.

    The most recent claim at or before the day stands; claims that disagree
    within --window days make the place contested; places without claims are
    unknown.
    """
    import datetime as dt

    from .timeline import Timeline, latest_claim_wins, read_claims, read_initial

    gazetteer = _load_gazetteer(gazetteer_path)
    try:
        claims = read_claims(claims_csv, gazetteer)
        initial = read_initial(initial_path, gazetteer) if initial_path else None
    except AleppoMapError as exc:
        raise click.ClickException(str(exc)) from None
    line = Timeline(claims, gazetteer, latest_claim_wins(window), initial)
    if at is None:
        dated = [c.date for c in claims if c.date]
        if not dated:
            raise click.ClickException("no dated claim: give the day with --at")
        day = max(dated)
        click.echo(f"state on {day} (the latest claim); use --at for another day", err=True)
    else:
        try:
            day = dt.date.fromisoformat(at)
        except ValueError:
            raise click.BadParameter(
                f"{at!r} is not a date like 2016-12-13", param_hint="--at"
            ) from None
    rows = line.to_rows(day)
    with _open_output(output, excel=fmt == "csv") as stream:
        if fmt == "csv":
            _write_csv(stream, rows, list(rows[0]) if rows else ["place_id", "status"])
        else:
            collection = {
                "type": "FeatureCollection",
                "name": f"control_{day.isoformat()}",
                "features": [
                    {
                        "type": "Feature",
                        "id": r["place_id"],
                        "properties": r,
                        "geometry": mapping(gazetteer[r["place_id"]].geometry),
                    }
                    for r in rows
                ],
            }
            stream.write(json.dumps(collection, ensure_ascii=False) + "\n")
    counts = Counter(r["status"] for r in rows)
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    skipped = f"; {len(line.undated)} undated and {len(line.city_claims)} city-wide claims aside"
    click.echo(f"{day}: {summary}{skipped}", err=True)


_stances_option = click.option(
    "--stances",
    "stances_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Table grouping the sources by stance (default: the built-in stances.yaml).",
)
_sources_option = click.option(
    "--sources",
    "sources_group",
    default=None,
    help="Use only the claims of one source group (government, opposition, independent, "
    "unknown, or a group of --stances).",
)


def _map_options(func):
    """Options shared by `render` and `build`."""
    options = [
        click.option("--title", default=None, help="Map title (default: the city's name)."),
        click.option(
            "--at",
            "at",
            default=None,
            help="YYYY-MM-DD the slider opens on (default: the latest date).",
        ),
        click.option(
            "--tiles",
            type=click.Choice(["light", "osm", "satellite"]),
            default="light",
            show_default=True,
            help="Base map shown first; the others stay a click away.",
        ),
        click.option(
            "--inline-assets",
            "inline_assets",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Folder with leaflet.js and leaflet.css to write into the page, for offline use.",
        ),
        _window_option,
        _initial_option,
        _sources_option,
        _stances_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _write_map(evidence, gazetteer, output, options: dict):
    """Timeline and map from evidence; the HTML goes to `output` or standard output."""
    import datetime as dt

    from .render import render_map, save_map

    at, title, group = options["at"], options["title"], options["sources_group"]
    day = None
    if at is not None:
        try:
            day = dt.date.fromisoformat(at)
        except ValueError:
            raise click.BadParameter(
                f"{at!r} is not a date like 2016-12-13", param_hint="--at"
            ) from None
    checked = _Checked(
        evidence,
        gazetteer,
        options["window"],
        options["initial_path"],
        options["stances_path"],
        group,
    )
    line, table = checked.timeline, checked.table
    if group:
        title = title or f"Reported control: what {table.label(group).lower()} sources said"
    try:
        fmap = render_map(
            line,
            title=title,
            at=day,
            tiles=options["tiles"],
            inline_assets=options["inline_assets"],
            stances=table,
            views=not group,
        )
    except AleppoMapError as exc:
        raise click.ClickException(str(exc)) from None
    if output is None:
        click.echo(fmap.get_root().render())
        size = None
    else:
        size = save_map(fmap, output)
    dates = fmap.dates
    span = f"{dates[0]} to {dates[-1]}" if dates else "no dated claims"
    where = f"wrote {output} ({size / 1024:.0f} KB): " if output else ""
    click.echo(
        f"{where}{len(line.places())} places, {len(dates)} dates ({span}); "
        f"{len(line.undated)} undated claims not drawn; "
        f"{len(line.city_claims)} city-wide claims in the 'Claimed vs mapped' panel",
        err=True,
    )


@main.command()
@click.argument("claims_csv", type=click.Path(dir_okay=False, path_type=Path))
@_gazetteer_option
@_output_option
@_map_options
def render(claims_csv, gazetteer_path, output, **options):
    """Draw the interactive map (one HTML file) from a claims CSV, extracted or curated."""
    from .timeline import read_claims

    gazetteer = _load_gazetteer(gazetteer_path)
    try:
        evidence = read_claims(claims_csv, gazetteer)
    except AleppoMapError as exc:
        raise click.ClickException(str(exc)) from None
    _write_map(evidence, gazetteer, output, options)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_gazetteer_option
@_output_option
@click.option(
    "--claims",
    "claims_output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the extracted claims here (CSV), to check or curate them.",
)
@_lexicon_option
@_year_option
@_jobs_option
@_map_options
def build(paths, gazetteer_path, output, claims_output, lexicon_path, year, jobs, **options):
    """Articles to map in one go: extract, timeline and render (see those commands)."""
    from .claims import COLUMNS
    from .timeline import evidence_from_claims

    gazetteer = _load_gazetteer(gazetteer_path)
    claims, summary = _extract(paths, gazetteer, lexicon_path, year, jobs)
    rows = [c.as_row() for c in claims]
    if claims_output is not None:
        with _open_output(claims_output, excel=True) as stream:
            _write_csv(stream, rows, COLUMNS)
    click.echo(str(summary), err=True)
    if summary.articles == 0:
        raise click.ClickException("no article could be read")
    if not rows:
        raise click.ClickException("no claims found in the articles: nothing to map")
    try:
        evidence = evidence_from_claims(claims, gazetteer)
    except AleppoMapError as exc:
        raise click.ClickException(str(exc)) from None
    _write_map(evidence, gazetteer, output, options)


# -- checking the claims: compare, disagreements, sources, figure ---------------------


class _Checked:
    """What render, build, compare, disagreements and figure start from.

    The claims (Evidence), the stance table, the initial state, the timeline of
    all claims (`full`) and the one drawn (`timeline`: one group's with --sources).
    """

    def __init__(self, claims, gazetteer, window, initial_path, stances_path, sources_group=None):
        from .sources import StanceTable, filter_by_group
        from .timeline import Timeline, latest_claim_wins, read_initial

        self.gazetteer = gazetteer
        self.claims = claims
        try:
            self.table = (
                StanceTable.from_file(stances_path) if stances_path else StanceTable.default()
            )
            self.initial = read_initial(initial_path, self.gazetteer) if initial_path else None
        except AleppoMapError as exc:
            raise click.ClickException(str(exc)) from None
        self.window = window
        self.policy = latest_claim_wins(window)
        # Everything, whichever group is drawn: the reference area and the disagreements.
        self.full = Timeline(self.claims, self.gazetteer, self.policy, self.initial)
        self.group = sources_group
        self.timeline = self.full
        if sources_group:
            try:
                chosen = filter_by_group(self.claims, sources_group, self.table)
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint="--sources") from None
            click.echo(
                f"{len(chosen)} of {len(self.claims)} claims are from {sources_group} sources",
                err=True,
            )
            self.timeline = Timeline(chosen, self.gazetteer, self.policy, self.initial)

    @classmethod
    def from_csv(cls, claims_csv, gazetteer_path, *args, **kwargs) -> _Checked:
        from .timeline import read_claims

        gazetteer = _load_gazetteer(gazetteer_path)
        try:
            claims = read_claims(claims_csv, gazetteer)
        except AleppoMapError as exc:
            raise click.ClickException(str(exc)) from None
        return cls(claims, gazetteer, *args, **kwargs)


def _parse_dates(text: str) -> list:
    import datetime as dt

    days, bad = [], []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            days.append(dt.date.fromisoformat(part))
        except ValueError:
            bad.append(part)
    if bad:
        listed = ", ".join(repr(b) for b in bad)
        raise click.BadParameter(
            f"{listed}: not a date like 2016-12-13 (give YYYY-MM-DD, separated by commas)",
            param_hint="--dates",
        )
    if not days:
        raise click.BadParameter("give at least one date, e.g. 2016-12-13", param_hint="--dates")
    return days


def _image_format(path: Path, hint: str) -> str:
    from .figure import FigureError, format_of

    try:
        return format_of(path)
    except FigureError as exc:
        raise click.BadParameter(str(exc), param_hint=hint) from None


@main.command()
@click.argument("claims_csv", type=click.Path(dir_okay=False, path_type=Path))
@_gazetteer_option
@_output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="text: an aligned table; csv: every column, for Excel.",
)
@_window_option
@_initial_option
@_stances_option
@_sources_option
@click.option(
    "--chart",
    "chart_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also draw claimed against mapped over time here (.png or .svg).",
)
def compare(
    claims_csv,
    gazetteer_path,
    output,
    fmt,
    window,
    initial_path,
    stances_path,
    sources_group,
    chart_path,
):
    """Set each city-wide figure (percent, km², neighbourhoods) against the map that day.

    The share of the area rebel-held at the start (--initial, or the places the
    claims report as rebel-held, contested or captured) now held by the claim's
    side, the area in km² (UTM), or the count of places; with the share of that
    area still unknown.
    """
    from .compare import COMPARE_COLUMNS, compare_claims, format_table, reference_places

    if chart_path is not None:
        _image_format(chart_path, "--chart")
    checked = _Checked.from_csv(
        claims_csv, gazetteer_path, window, initial_path, stances_path, sources_group
    )
    reference = reference_places(checked.full, checked.initial)
    comparison = compare_claims(checked.timeline, checked.initial, checked.table, reference)
    with _open_output(output, excel=fmt == "csv") as stream:
        if fmt == "csv":
            _write_csv(stream, comparison.rows, COMPARE_COLUMNS)
        elif comparison.rows:
            stream.write(format_table(comparison))
    if not comparison.rows:
        click.echo(
            f"{claims_csv}: no city-wide claims (percent, km², neighbourhoods) to compare",
            err=True,
        )
    click.echo(comparison.describe(), err=True)
    if chart_path is not None:
        from .figure import draw_compare_chart, save

        save(draw_compare_chart(comparison, checked.timeline), chart_path)
        click.echo(f"wrote {chart_path}", err=True)


@main.command()
@click.argument("claims_csv", type=click.Path(dir_okay=False, path_type=Path))
@_gazetteer_option
@_output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="text: each side's quotes under the place; csv: one column of quotes per status.",
)
@_window_option
@_initial_option
@_stances_option
def disagreements(claims_csv, gazetteer_path, output, fmt, window, initial_path, stances_path):
    """List the places and days where sources disagree, with their quotes side by side."""
    from .disagreements import DISAGREEMENT_COLUMNS, find_disagreements, format_disagreements

    checked = _Checked.from_csv(claims_csv, gazetteer_path, window, initial_path, stances_path)
    found = find_disagreements(checked.full, window, checked.table)
    with _open_output(output, excel=fmt == "csv") as stream:
        if fmt == "csv":
            _write_csv(stream, [d.as_row() for d in found], DISAGREEMENT_COLUMNS)
        else:
            stream.write(format_disagreements(found))
    across = sum(1 for d in found if d.across_groups)
    click.echo(
        f"{len(found)} disagreement(s) about {len({d.place_id for d in found})} place(s), "
        f"{across} between source groups",
        err=True,
    )


@main.command()
@click.argument("claims_csv", type=click.Path(dir_okay=False, path_type=Path))
@_output_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv"]),
    default="text",
    show_default=True,
    help="text: a table; csv: for Excel.",
)
@_stances_option
def sources(claims_csv, output, fmt, stances_path):
    """List the sources of a claims CSV with their stance group; unknown ones are flagged."""
    from ._tables import read_rows
    from .sources import SOURCE_COLUMNS, UNKNOWN_GROUP, StanceTable, StanceTableError, source_counts
    from .timeline import ClaimsFileError

    try:
        table = StanceTable.from_file(stances_path) if stances_path else StanceTable.default()
        rows = read_rows(claims_csv, ClaimsFileError, "claims")
    except (StanceTableError, ClaimsFileError) as exc:
        raise click.ClickException(str(exc)) from None
    if rows and "attributed_to" not in rows[0]:
        raise click.ClickException(f"{claims_csv}: no 'attributed_to' column to group")
    counts = source_counts(rows, table)
    with _open_output(output, excel=fmt == "csv") as stream:
        if fmt == "csv":
            _write_csv(stream, [c.as_row() for c in counts], SOURCE_COLUMNS)
        else:
            width = max([len(c.source or "(no source)") for c in counts] + [6])
            stream.write(f"{'source'.ljust(width)}  {'group':<12}  claims  articles\n")
            for c in counts:
                flag = "  <- not in the stance table" if c.group == UNKNOWN_GROUP else ""
                stream.write(
                    f"{(c.source or '(no source)').ljust(width)}  {c.group:<12}  "
                    f"{c.claims:>6}  {c.articles:>8}{flag}\n"
                )
    by_group = Counter()
    for c in counts:
        by_group[c.group] += c.claims
    summary = ", ".join(f"{by_group[g]} {g}" for g in [*table.names, UNKNOWN_GROUP] if by_group[g])
    unknown = sum(1 for c in counts if c.group == UNKNOWN_GROUP)
    click.echo(
        f"{len(counts)} sources, claims by group: {summary or 'none'}; "
        f"{unknown} source(s) not in {table.source}",
        err=True,
    )


@main.command()
@click.argument("claims_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--dates",
    "dates_text",
    required=True,
    help="The days to draw, YYYY-MM-DD separated by commas (one panel each, up to 12).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The image to write: .png or .svg.",
)
@click.option(
    "--dpi",
    type=click.IntRange(50, 1200),
    default=300,
    show_default=True,
    help="Resolution of a PNG (print: 300).",
)
@click.option("--title", default=None, help="Title above the panels.")
@click.option(
    "--credit",
    default=None,
    help="Credit of the neighbourhood polygons (default: the Aleppo source, or the file name).",
)
@_gazetteer_option
@_window_option
@_initial_option
@_stances_option
@_sources_option
def figure(
    claims_csv,
    dates_text,
    output,
    dpi,
    title,
    credit,
    gazetteer_path,
    window,
    initial_path,
    stances_path,
    sources_group,
):
    """Draw small multiples of control on given days, for print (PNG or SVG)."""
    from .figure import FigureError, draw_control_figure, save, source_note
    from .palette import default_title

    _image_format(output, "-o")
    days = _parse_dates(dates_text)
    checked = _Checked.from_csv(
        claims_csv, gazetteer_path, window, initial_path, stances_path, sources_group
    )
    label = checked.table.label(sources_group) if sources_group else ""
    only = f"{label.lower()} sources" if sources_group else ""
    try:
        fig = draw_control_figure(
            checked.timeline,
            days,
            title=title or default_title(checked.gazetteer.city),
            subtitle=f"Claims from {only} only" if only else "",
            credit=credit,
            note=source_note(checked.timeline, window, only),
        )
        save(fig, output, dpi=dpi)
    except FigureError as exc:
        raise click.ClickException(str(exc)) from None
    if not checked.full.city_claims:
        click.echo("no city-wide claims in the file (nothing for `compare`)", err=True)
    click.echo(f"wrote {output}: {len(days)} panel(s)", err=True)


def _write_csv(stream: io.TextIOBase, rows: list[dict], columns: list[str]) -> None:
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


if __name__ == "__main__":  # pragma: no cover
    main()
