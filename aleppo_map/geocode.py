"""Optional Nominatim (OpenStreetMap) fallback for names the gazetteer lacks.

Every answer, including "no result", is kept in an on-disk JSON cache keyed by
the normalised query, so a second run makes no requests and gives the same
answers. Requests go through geopy's `RateLimiter` because Nominatim's usage
policy (https://operations.osmfoundation.org/policies/nominatim/) allows at
most one request per second and requires an identifying user agent.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import threading
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geopy.adapters import RequestsAdapter
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, options
from shapely.errors import ShapelyError
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

from .errors import GeocodingError

__all__ = ["GeocodeResult", "GeocodingError", "NominatimFallback"]

PUBLIC_NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"

_POLYGON_TYPES = frozenset({"Polygon", "MultiPolygon"})
# What a malformed answer (from the service or a hand-edited cache) raises.
_BAD_ANSWER = (KeyError, TypeError, ValueError, AttributeError, ShapelyError)
_ENTRY_KEYS = frozenset({"display_name", "geojson", "lat", "lon", "osm_id", "osm_type"})


@dataclass(frozen=True)
class GeocodeResult:
    """One place found by Nominatim.

    Attributes
    ----------
    query : str
        The query string sent to Nominatim (name plus city).
    name : str
        The name passed to `NominatimFallback.lookup`.
    display_name : str
        Nominatim's full label, kept so a reader can check the match.
    geometry : shapely.geometry.base.BaseGeometry
        Polygon/MultiPolygon when Nominatim had an area, else a Point;
        EPSG:4326, x = longitude.
    precision : str
        ``"polygon"`` or ``"point"``.
    osm_type, osm_id : str or None, int or None
        The OpenStreetMap object, for tracing the answer back to its source.
    source : str
        Always ``"nominatim"``: marks the place as geocoded, not gazetteer data.
    """

    query: str
    name: str
    display_name: str
    geometry: BaseGeometry
    precision: str
    osm_type: str | None
    osm_id: int | None
    source: str = "nominatim"


def normalise_query(query: str) -> str:
    """Return the cache key for `query`: NFC, case-folded, whitespace collapsed.

    Parameters
    ----------
    query : str
        The query string as sent to Nominatim.

    Returns
    -------
    str
    """
    # NFC so precomposed and decomposed Arabic/Latin spellings share one entry.
    text = unicodedata.normalize("NFC", query)
    return re.sub(r"\s+", " ", text).strip().casefold()


class NominatimFallback:
    """Resolve place names through Nominatim, with a persistent cache.

    Parameters
    ----------
    user_agent : str
        Identifies this application to Nominatim (required by its usage policy),
        e.g. ``"aleppo-map/0.1 (you@example.org)"``.
    domain, scheme : str
        Where the Nominatim service lives; point these at a self-hosted instance
        or a test server.
    cache_path : str or os.PathLike, optional
        JSON file holding every answer; created on first write. Without it
        answers are cached in memory for this instance only.
    city : str, optional
        Appended to each name (``"<name>, <city>"``) to keep answers local.
    viewbox : tuple of float, optional
        ``(min_lon, min_lat, max_lon, max_lat)``; results outside it are
        rejected by Nominatim (``bounded=1``).
    timeout : float
        Seconds to wait for one response.
    min_delay_seconds : float
        Minimum spacing between requests; at least 1 for the public service.
    geocoder : geopy geocoder, optional
        Used instead of building a `geopy.geocoders.Nominatim` (for tests).

    Raises
    ------
    ValueError
        For an empty user agent, a bad viewbox, or a request rate the public
        service forbids.
    GeocodingError
        If `cache_path` exists but is not a valid cache file.

    Notes
    -----
    The cache key is the normalised query only: changing `viewbox` does not
    invalidate earlier answers, so delete the cache file after changing it.
    """

    def __init__(
        self,
        user_agent: str,
        *,
        domain: str = PUBLIC_NOMINATIM_DOMAIN,
        scheme: str = "https",
        cache_path: str | os.PathLike[str] | None = None,
        city: str | None = "Aleppo, Syria",
        viewbox: tuple[float, float, float, float] | None = None,
        timeout: float = 10,
        min_delay_seconds: float = 1.0,
        geocoder: Any = None,
    ) -> None:
        if not isinstance(user_agent, str) or not user_agent.strip():
            raise ValueError(
                "user_agent must be a non-empty string that identifies your "
                "application, e.g. 'aleppo-map/0.1 (you@example.org)', as Nominatim's "
                "usage policy requires: "
                "https://operations.osmfoundation.org/policies/nominatim/"
            )
        if min_delay_seconds < 0:
            raise ValueError(f"min_delay_seconds must be >= 0, got {min_delay_seconds!r}")
        if domain.strip("/") == PUBLIC_NOMINATIM_DOMAIN and min_delay_seconds < 1.0:
            raise ValueError(
                f"min_delay_seconds={min_delay_seconds!r} is too fast for "
                f"{PUBLIC_NOMINATIM_DOMAIN}: its usage policy allows at most one "
                "request per second (use min_delay_seconds >= 1)"
            )
        self.user_agent = user_agent
        self.city = city
        self.viewbox = _check_viewbox(viewbox)
        self.timeout = timeout
        self.min_delay_seconds = min_delay_seconds
        # An injected geocoder knows its own URL; name that one in errors.
        self.service_url = getattr(geocoder, "api", f"{scheme}://{domain.strip('/')}/search")
        self.cache_path = Path(cache_path) if cache_path is not None else None

        if geocoder is None:
            try:
                geocoder = Nominatim(
                    user_agent=user_agent,
                    domain=domain,
                    scheme=scheme,
                    timeout=timeout,
                    adapter_factory=_adapter_factory_without_retries(),
                )
            except GeopyError as exc:
                # geopy refuses its own sample user agents on the public service.
                raise ValueError(f"cannot use Nominatim at {self.service_url}: {exc}") from exc
        self._geocoder = geocoder
        # max_retries=0 and swallow_exceptions=False: failures must reach lookup()
        # so they become GeocodingError and are never cached as "no result".
        # error_wait_seconds is unused without retries but must be >= min delay.
        self._geocode = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            error_wait_seconds=min_delay_seconds,
            swallow_exceptions=False,
        )
        self._lock = threading.Lock()
        # Loaded eagerly so a broken cache file is reported before any request.
        self._cache: dict[str, dict[str, Any] | None] = self._load_cache()

    def build_query(self, name: str) -> str:
        """Return the query string sent to Nominatim for `name`.

        Parameters
        ----------
        name : str

        Returns
        -------
        str
        """
        clean = re.sub(r"\s+", " ", name).strip()
        if not clean:
            raise ValueError("name must be a non-empty string")
        return f"{clean}, {self.city}" if self.city else clean

    def lookup(self, name: str) -> GeocodeResult | None:
        """Find `name` in Nominatim, answering from the cache when possible.

        Parameters
        ----------
        name : str
            A place name the gazetteer does not know.

        Returns
        -------
        GeocodeResult or None
            None when Nominatim has no match (this answer is cached too).

        Raises
        ------
        GeocodingError
            On network errors, timeouts, HTTP errors or an unreadable answer;
            nothing is cached for the query then.
        ValueError
            If `name` is empty.
        """
        query = self.build_query(name)
        key = normalise_query(query)
        with self._lock:
            if key in self._cache:
                try:
                    return _result_from_entry(self._cache[key], query=query, name=name)
                except _BAD_ANSWER as exc:
                    raise GeocodingError(
                        f"geocode cache {self.cache_path}: entry for {query!r} is "
                        f"unreadable ({type(exc).__name__}: {exc}); fix or delete it"
                    ) from exc

        try:
            location = self._geocode(
                query,
                exactly_one=True,
                geometry="geojson",
                viewbox=self._geopy_viewbox(),
                bounded=self.viewbox is not None,
            )
            entry = None if location is None else _entry_from_raw(location.raw)
            result = _result_from_entry(entry, query=query, name=name)
        except GeopyError as exc:
            raise GeocodingError(
                f"geocoding {query!r} via {self.service_url} failed: "
                f"{type(exc).__name__}: {exc}. Check the network connection and "
                "that the service is up, raise `timeout` (now "
                f"{self.timeout}s), or rerun with a `cache_path` that already "
                "holds this answer to work offline."
            ) from exc
        except _BAD_ANSWER as exc:
            raise GeocodingError(
                f"geocoding {query!r} via {self.service_url}: unexpected answer "
                f"format ({type(exc).__name__}: {exc}); is this a Nominatim "
                "/search endpoint?"
            ) from exc

        with self._lock:
            self._cache[key] = entry
            self._save_cache()
        return result

    def _geopy_viewbox(self) -> list[tuple[float, float]] | None:
        if self.viewbox is None:
            return None
        min_lon, min_lat, max_lon, max_lat = self.viewbox
        # geopy wants two (lat, lon) corners and writes them as lon,lat,lon,lat.
        return [(min_lat, min_lon), (max_lat, max_lon)]

    def _load_cache(self) -> dict[str, dict[str, Any] | None]:
        path = self.cache_path
        if path is None or not path.exists():
            return {}
        hint = "fix it or delete it (its answers will then be fetched again)"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise GeocodingError(f"geocode cache {path} is not valid JSON ({exc}); {hint}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise GeocodingError(f"cannot read geocode cache {path}: {exc}; {hint}") from exc
        if not isinstance(data, dict):
            raise GeocodingError(
                f"geocode cache {path} must hold a JSON object mapping queries to "
                f"answers, found {type(data).__name__}; {hint}"
            )
        for key, entry in data.items():
            if entry is not None and not (isinstance(entry, dict) and _ENTRY_KEYS <= entry.keys()):
                raise GeocodingError(
                    f"geocode cache {path}: entry {key!r} must be null or an object "
                    f"with keys {sorted(_ENTRY_KEYS)}; {hint}"
                )
        return data

    def _save_cache(self) -> None:
        path = self.cache_path
        if path is None:
            return
        text = json.dumps(self._cache, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        # Temp file in the same directory so os.replace is atomic: a crash
        # leaves either the old cache or the new one, never half a file.
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "x", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise GeocodingError(f"cannot write geocode cache {path}: {exc}") from exc


def _adapter_factory_without_retries() -> Callable[..., Any]:
    # geopy's requests adapter silently retries timed-out GETs twice, which
    # triples the wait and sends bursts that bypass the rate limiter; errors
    # must surface after one request instead.
    factory = options.default_adapter_factory
    if factory is RequestsAdapter:
        return functools.partial(RequestsAdapter, max_retries=0)
    return factory


def _check_viewbox(
    viewbox: tuple[float, float, float, float] | None,
) -> tuple[float, float, float, float] | None:
    if viewbox is None:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in viewbox)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"viewbox must be (min_lon, min_lat, max_lon, max_lat), got {viewbox!r}"
        ) from exc
    ok = (
        all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat))
        and -180 <= min_lon < max_lon <= 180
        and -90 <= min_lat < max_lat <= 90
    )
    if not ok:
        raise ValueError(
            f"viewbox must be (min_lon, min_lat, max_lon, max_lat) in degrees "
            f"with min < max, got {viewbox!r}"
        )
    return (min_lon, min_lat, max_lon, max_lat)


def _entry_from_raw(raw: dict[str, Any]) -> dict[str, Any]:
    # Keep Nominatim's own values (lat/lon are strings there) so the cache
    # file reproduces exactly what the service said.
    return {
        "display_name": raw.get("display_name") or "",
        "geojson": raw.get("geojson"),
        "lat": raw["lat"],
        "lon": raw["lon"],
        "osm_id": raw.get("osm_id"),
        "osm_type": raw.get("osm_type"),
    }


def _result_from_entry(
    entry: dict[str, Any] | None, *, query: str, name: str
) -> GeocodeResult | None:
    if entry is None:
        return None
    geojson = entry.get("geojson")
    if isinstance(geojson, dict) and geojson.get("type") in _POLYGON_TYPES:
        # Not repaired here: an invalid OSM polygon should show up downstream,
        # not be silently reshaped.
        geometry: BaseGeometry = shape(geojson)
        precision = "polygon"
    else:
        # Points and lines (e.g. a street) are reduced to Nominatim's centre point.
        geometry = Point(float(entry["lon"]), float(entry["lat"]))
        precision = "point"
    osm_id = entry.get("osm_id")
    return GeocodeResult(
        query=query,
        name=name,
        display_name=entry["display_name"],
        geometry=geometry,
        precision=precision,
        osm_type=entry.get("osm_type"),
        osm_id=int(osm_id) if osm_id is not None else None,
    )
