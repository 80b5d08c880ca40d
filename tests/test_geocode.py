"""Tests for the Nominatim fallback against a fake Nominatim on 127.0.0.1.

The fake answers `/search?format=json` the way Nominatim does (lat/lon as
strings, `geojson` only when `polygon_geojson=1` is asked). Nothing here
touches the internet.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
from geopy.extra.rate_limiter import RateLimiter
from shapely.geometry import Point, Polygon

from aleppo_map.geocode import GeocodeResult, GeocodingError, NominatimFallback

USER_AGENT = "aleppo-map-tests/0.1 (tests@example.invalid)"
CITY = "Aleppo, Syria"

POLYGON_NAME = "Dahiyet al-Assad"
POINT_NAME = "Bab al-Faraj Clock Tower"
MISSING_NAME = "Atlantis"
SLOW_NAME = "Slow Street"
BROKEN_NAME = "Broken Square"

ASSAD_SUBURB_RING = [
    [37.140, 36.205],
    [37.150, 36.205],
    [37.150, 36.215],
    [37.140, 36.215],
    [37.140, 36.205],
]

# Keyed by the exact `q` geopy sends; values are the JSON list Nominatim returns.
ANSWERS: dict[str, list[dict]] = {
    f"{POLYGON_NAME}, {CITY}": [
        {
            "place_id": 1001,
            "osm_type": "relation",
            "osm_id": 5551001,
            "lat": "36.21",
            "lon": "37.145",
            "display_name": "Dahiyet al-Assad, Aleppo, Aleppo Governorate, Syria",
            "class": "boundary",
            "type": "administrative",
            "geojson": {"type": "Polygon", "coordinates": [ASSAD_SUBURB_RING]},
        }
    ],
    f"{POINT_NAME}, {CITY}": [
        {
            "place_id": 1002,
            "osm_type": "node",
            "osm_id": 5551002,
            "lat": "36.2054",
            "lon": "37.1561",
            "display_name": "Bab al-Faraj Clock Tower, Aleppo, Syria",
            "class": "historic",
            "type": "monument",
            "geojson": {"type": "Point", "coordinates": [37.1561, 36.2054]},
        }
    ],
    f"{MISSING_NAME}, {CITY}": [],
}
SLOW_QUERY = f"{SLOW_NAME}, {CITY}"
BROKEN_QUERY = f"{BROKEN_NAME}, {CITY}"


@dataclass
class Recorded:
    """One request as the fake server saw it."""

    path: str
    params: dict[str, str]
    headers: dict[str, str]
    at: float


@dataclass
class FakeNominatim:
    """Handle on the running fake server, for building clients and asserting."""

    port: int
    requests: list[Recorded] = field(default_factory=list)
    # Set at teardown so a handler stuck in the "slow" answer returns at once.
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    def searches_for(self, query: str) -> list[Recorded]:
        return [r for r in self.requests if r.params.get("q") == query]


def _make_handler(state: FakeNominatim) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            params = {k: v[-1] for k, v in parse_qs(url.query).items()}
            state.requests.append(
                Recorded(url.path, params, dict(self.headers.items()), time.monotonic())
            )
            if url.path != "/search" or params.get("format") != "json":
                self._send(400, {"error": "fake server only does /search?format=json"})
                return
            query = params.get("q", "")
            if query == SLOW_QUERY:
                state.release.wait(timeout=10)
                self._send(200, [])
                return
            if query == BROKEN_QUERY:
                self._send(500, {"error": "internal server error"})
                return
            places = json.loads(json.dumps(ANSWERS.get(query, [])))
            if params.get("polygon_geojson") != "1":
                for place in places:
                    place.pop("geojson", None)
            self._send(200, places)

        def _send(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test); nothing to tell it

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep pytest output clean

    return Handler


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    # geopy reads proxy settings from the environment; 127.0.0.1 must be direct.
    for var in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.upper(), raising=False)


@pytest.fixture
def nominatim():
    state = FakeNominatim(port=0)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(state))
    state.port = server.server_address[1]
    # A short poll interval so shutdown() returns promptly at teardown.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def cache_path(tmp_path):
    return tmp_path / "geocode-cache.json"


@pytest.fixture
def make_fallback(nominatim, cache_path):
    def make(**kwargs) -> NominatimFallback:
        options = {
            "user_agent": USER_AGENT,
            "scheme": "http",
            "domain": nominatim.domain,
            "cache_path": cache_path,
            "timeout": 5,
            "min_delay_seconds": 0,
        }
        options.update(kwargs)
        return NominatimFallback(**options)

    return make


def test_polygon_answer_gives_polygon_precision_and_shapely_polygon(make_fallback, nominatim):
    result = make_fallback().lookup(POLYGON_NAME)

    assert isinstance(result, GeocodeResult)
    assert result.precision == "polygon"
    assert isinstance(result.geometry, Polygon)
    assert result.geometry.equals(Polygon(ASSAD_SUBURB_RING))
    assert result.query == f"{POLYGON_NAME}, {CITY}"
    assert result.name == POLYGON_NAME
    assert result.display_name == "Dahiyet al-Assad, Aleppo, Aleppo Governorate, Syria"
    assert (result.osm_type, result.osm_id) == ("relation", 5551001)
    assert result.source == "nominatim"


def test_request_asks_for_geojson_and_one_result(make_fallback, nominatim):
    make_fallback().lookup(POLYGON_NAME)

    (request,) = nominatim.requests
    assert request.path == "/search"
    assert request.params == {
        "q": f"{POLYGON_NAME}, {CITY}",
        "format": "json",
        "limit": "1",
        "polygon_geojson": "1",
    }


def test_point_answer_gives_point_precision_from_lat_lon(make_fallback):
    result = make_fallback().lookup(POINT_NAME)

    assert result is not None
    assert result.precision == "point"
    assert isinstance(result.geometry, Point)
    assert (result.geometry.x, result.geometry.y) == (37.1561, 36.2054)
    assert result.source == "nominatim"


def test_no_result_returns_none_and_is_cached(make_fallback, nominatim, cache_path):
    fallback = make_fallback()

    assert fallback.lookup(MISSING_NAME) is None
    assert fallback.lookup(MISSING_NAME) is None
    assert fallback.lookup("  atlantis ") is None  # same normalised query

    assert len(nominatim.requests) == 1
    cached = json.loads(cache_path.read_text(encoding="utf-8"))
    assert cached == {f"{MISSING_NAME}, {CITY}".casefold(): None}


def test_cache_file_lets_a_second_instance_answer_offline(make_fallback, nominatim, cache_path):
    first = make_fallback()
    answers = [first.lookup(n) for n in (POLYGON_NAME, POINT_NAME, MISSING_NAME)]
    assert len(nominatim.requests) == 3

    text = cache_path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    assert not list(cache_path.parent.glob("*.tmp"))  # temp file was renamed

    second = make_fallback()
    again = [second.lookup(n) for n in (POLYGON_NAME, POINT_NAME, MISSING_NAME)]

    assert again == answers
    assert len(nominatim.requests) == 3  # no new request reached the server


def test_timeout_raises_geocoding_error_naming_query_and_caches_nothing(
    make_fallback, nominatim, cache_path
):
    fallback = make_fallback(timeout=0.3)

    with pytest.raises(GeocodingError) as excinfo:
        fallback.lookup(SLOW_NAME)

    message = str(excinfo.value)
    assert SLOW_QUERY in message
    assert f"http://{nominatim.domain}/search" in message
    assert "timeout" in message
    assert len(nominatim.searches_for(SLOW_QUERY)) == 1  # no silent retry
    assert not cache_path.exists()


def test_http_500_raises_geocoding_error_and_is_asked_again(make_fallback, nominatim, cache_path):
    fallback = make_fallback()

    for _ in range(2):
        with pytest.raises(GeocodingError, match=BROKEN_NAME):
            fallback.lookup(BROKEN_NAME)

    # Not cached as "no result": each lookup asked the service once.
    assert len(nominatim.searches_for(BROKEN_QUERY)) == 2
    assert not cache_path.exists()


def test_failure_does_not_disturb_answers_already_cached(make_fallback, nominatim, cache_path):
    fallback = make_fallback()
    fallback.lookup(POINT_NAME)
    before = cache_path.read_text(encoding="utf-8")

    with pytest.raises(GeocodingError):
        fallback.lookup(BROKEN_NAME)

    assert cache_path.read_text(encoding="utf-8") == before


def test_user_agent_header_reaches_server(make_fallback, nominatim):
    make_fallback().lookup(POINT_NAME)

    (request,) = nominatim.requests
    assert request.headers["User-Agent"] == USER_AGENT


def test_viewbox_is_sent_with_bounded(make_fallback, nominatim):
    viewbox = (37.05, 36.12, 37.25, 36.28)
    make_fallback(viewbox=viewbox).lookup(POINT_NAME)

    (request,) = nominatim.requests
    sent = tuple(float(v) for v in request.params["viewbox"].split(","))
    assert sent == viewbox  # min_lon, min_lat, max_lon, max_lat
    assert request.params["bounded"] == "1"


def test_no_viewbox_sends_no_bounds(make_fallback, nominatim):
    make_fallback().lookup(POINT_NAME)

    (request,) = nominatim.requests
    assert "viewbox" not in request.params
    assert "bounded" not in request.params


def test_city_none_sends_the_bare_name(make_fallback, nominatim):
    make_fallback(city=None).lookup(POINT_NAME)

    (request,) = nominatim.requests
    assert request.params["q"] == POINT_NAME


@pytest.mark.parametrize("user_agent", ["", "   "])
def test_empty_user_agent_is_rejected(user_agent, cache_path):
    with pytest.raises(ValueError, match="user_agent"):
        NominatimFallback(user_agent, cache_path=cache_path)


def test_public_service_refuses_faster_than_one_request_per_second():
    with pytest.raises(ValueError, match="one request per second"):
        NominatimFallback(USER_AGENT, min_delay_seconds=0.5)


def test_rate_limit_spaces_uncached_lookups_by_min_delay(make_fallback, monkeypatch):
    # A fake clock that only moves when RateLimiter sleeps, so every slot after
    # the first must sleep the full delay. RateLimiter has no public clock or
    # sleep hook; `_clock` and `_sleep` are private but are its only seams.
    clock = {"now": 100.0}
    sleeps: list[float] = []

    def fake_sleep(self, seconds: float) -> None:
        sleeps.append(seconds)
        clock["now"] += seconds

    monkeypatch.setattr(RateLimiter, "_clock", lambda self: clock["now"])
    monkeypatch.setattr(RateLimiter, "_sleep", fake_sleep)

    fallback = make_fallback(min_delay_seconds=1.0)
    for name in (POLYGON_NAME, POINT_NAME, MISSING_NAME):
        fallback.lookup(name)
    fallback.lookup(POLYGON_NAME)  # cached: must not wait

    assert sleeps == [1.0, 1.0]


def test_rate_limit_real_time_spacing(make_fallback, nominatim):
    # Long enough that a busy machine's scheduling jitter (tens of ms, seen to fail
    # the check with 0.2 s) stays well inside the 25% allowed below.
    delay = 0.5
    fallback = make_fallback(min_delay_seconds=delay)

    start = time.monotonic()
    for name in (POLYGON_NAME, POINT_NAME, MISSING_NAME):
        fallback.lookup(name)
    elapsed = time.monotonic() - start

    # Three request slots need at least two full delays between them.
    assert elapsed >= 2 * delay
    arrivals = [r.at for r in nominatim.requests]
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert all(gap >= delay * 0.75 for gap in gaps), gaps


@pytest.mark.parametrize(
    "content",
    ['{"al-jamiliyah, aleppo, syria": ', "[1, 2, 3]", '{"x": {"lat": "1"}}'],
    ids=["truncated-json", "not-an-object", "entry-missing-keys"],
)
def test_corrupt_cache_file_raises_error_naming_file(make_fallback, cache_path, content):
    cache_path.write_text(content, encoding="utf-8")

    with pytest.raises(GeocodingError) as excinfo:
        make_fallback()

    assert str(cache_path) in str(excinfo.value)
    assert cache_path.read_text(encoding="utf-8") == content  # not reset


def test_injected_geocoder_is_used(cache_path):
    class StubLocation:
        raw: ClassVar[dict] = {
            "lat": "36.2",
            "lon": "37.1",
            "display_name": "Stub place",
            "osm_type": "way",
            "osm_id": 7,
            "geojson": {
                "type": "LineString",
                "coordinates": [[37.1, 36.2], [37.2, 36.2]],
            },
        }

    class StubGeocoder:
        api = "stub://geocoder/search"

        def __init__(self) -> None:
            self.calls: list[tuple[str, dict]] = []

        def geocode(self, query, **kwargs):
            self.calls.append((query, kwargs))
            return StubLocation()

    stub = StubGeocoder()
    fallback = NominatimFallback(
        USER_AGENT, geocoder=stub, cache_path=cache_path, min_delay_seconds=1.0
    )
    result = fallback.lookup("Some Street")

    assert result is not None
    assert result.precision == "point"  # a line is reduced to Nominatim's centre
    assert (result.geometry.x, result.geometry.y) == (37.1, 36.2)
    ((query, kwargs),) = stub.calls
    assert query == f"Some Street, {CITY}"
    assert kwargs["geometry"] == "geojson"
