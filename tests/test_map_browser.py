"""The map in a real browser: Debian's Chromium, driven by Playwright.

Leaflet comes from the npm package in tests/browser (`npm ci --prefix
tests/browser`), served in place of the CDN by request routing; tiles get a
blank image; any other request fails the test. Screenshots go to artifacts/.
"""

import csv
import datetime as dt
import os
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from aleppo_map import Gazetteer, Timeline, render_map
from aleppo_map.palette import STATUS_COLORS
from aleppo_map.render import save_map
from aleppo_map.timeline import Evidence

from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
LEAFLET_DIST = ROOT / "tests/browser/node_modules/leaflet/dist"
ARTIFACTS = ROOT / "artifacts"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> </script>'
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing() -> str | None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found (apt-get install chromium)"
    if not LEAFLET_DIST.is_dir():
        return "npm leaflet not installed (npm ci --prefix tests/browser)"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def blank_png() -> bytes:
    """A real 1x1 light-grey PNG, the stand-in for every map tile."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xf0\xf0\xf0")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


class Page:
    """A browser page on a map file, recording console errors and stray requests."""

    def __init__(self, browser, path: Path, width: int = 1100, height: int = 750):
        self.errors: list[str] = []
        self.stray: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("path[data-place-id]")

    def _route(self, route):
        url = route.request.url
        leaflet = re.search(r"/leaflet@[\d.]+/dist/([\w./-]+)$", url)
        if url.startswith("file:"):
            route.continue_()
        elif leaflet:
            route.fulfill(path=str(LEAFLET_DIST / leaflet.group(1)))
        elif "/tile/" in url or url.endswith(".png"):
            route.fulfill(body=blank_png(), content_type="image/png")
        else:
            self.stray.append(url)
            route.abort()

    def fill_of(self, place_id: str) -> str:
        return self.page.get_attribute(f'path[data-place-id="{place_id}"]', "fill")

    def date(self) -> str:
        return self.page.get_attribute(".leaflet-container", "data-date")

    def set_slider(self, index: int) -> None:
        self.page.locator("input.am-slider").fill(str(index))

    def open_popup(self, place_id: str):
        # The click goes to the path itself: a click at its centre's coordinates
        # could land on a neighbour while the map still settles. It carries the
        # coordinates of the path's middle, where Leaflet opens the popup, as a
        # user's click on the place would.
        path = self.page.locator(f'path[data-place-id="{place_id}"]')
        box = path.bounding_box()
        middle = {"clientX": box["x"] + box["width"] / 2, "clientY": box["y"] + box["height"] / 2}
        path.dispatch_event("click", {**middle, "bubbles": True})
        popup = self.page.locator(".leaflet-popup-content .am-popup")
        popup.wait_for()
        name = Gazetteer.default()[place_id].name
        assert popup.locator(".am-popup-title").inner_text().startswith(name)
        # Leaflet fades popups in and pans them into view; screenshots come after
        self.page.wait_for_timeout(800)
        return popup

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path

    def close(self):
        self.page.close()
        assert not self.errors, f"JavaScript console errors: {self.errors}"
        assert not self.stray, f"requests that would have gone to the internet: {self.stray}"


D1, D2, D3 = dt.date(2016, 12, 5), dt.date(2016, 12, 12), dt.date(2016, 12, 13)


@pytest.fixture(scope="module")
def claims() -> list[Evidence]:
    """A curated story: Sheikh Saeed changes hands, Fardous is disputed, a probe quote."""
    return [
        Evidence("sheikh-saeed", "rebels", D1, "Syrian Observatory for Human Rights",
                 outlet="Wire", url="https://example.org/a", quote="Rebels hold Sheikh Saeed."),
        Evidence("sheikh-saeed", "government", D2, "Syrian state TV", outlet="Wire",
                 url="https://example.org/b", quote="The army took Sheikh Saeed on Monday."),
        Evidence("fardous", "government", D3, "Syrian military", outlet="Daily",
                 url="javascript:alert(1)", quote="Troops captured al-Fardous."),
        Evidence("fardous", "rebels", D3, "rebel official", outlet="Daily",
                 quote="We still hold al-Fardous."),
        Evidence("sukkari", "rebels", D2, XSS, outlet=XSS, quote=XSS),
        Evidence("mogambo", "government", D1, "SANA", quote="The army holds Mogambo."),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def map_file(tmp_path_factory, claims) -> Path:
    gazetteer = Gazetteer.default()
    path = tmp_path_factory.mktemp("map") / "map.html"
    save_map(render_map(Timeline(claims, gazetteer)), path)
    return path


def test_polygons_take_the_status_colours_as_the_slider_moves(browser, map_file):
    page = Page(browser, map_file)
    drawn = page.page.locator("path[data-place-id]").count()
    assert drawn == len(Timeline([], Gazetteer.default()).places())
    assert page.date() == "2016-12-13"  # opens on the latest date
    assert page.page.locator(".am-date").inner_text().startswith("Tue 13 Dec 2016")
    assert page.fill_of("sheikh-saeed") == STATUS_COLORS["government"]
    assert page.fill_of("fardous") == "url(#am-hatch-contested)"
    assert page.fill_of("hanano") == STATUS_COLORS["unknown"]
    assert page.page.get_attribute('path[data-place-id="fardous"]', "stroke-dasharray")
    page.screenshot("map-latest.png")

    page.set_slider(0)
    assert page.date() == "2016-12-05"
    assert page.fill_of("sheikh-saeed") == STATUS_COLORS["rebels"]
    assert page.fill_of("fardous") == STATUS_COLORS["unknown"]
    page.page.get_by_role("button", name="Next date").click()
    assert page.date() == "2016-12-12"
    assert page.fill_of("sheikh-saeed") == STATUS_COLORS["government"]
    assert page.fill_of("sukkari") == STATUS_COLORS["rebels"]
    legend = page.page.locator('.am-legend-row[data-status="government"] .am-count')
    assert legend.inner_text() == "2"  # Sheikh Saeed and the Mogambo point
    page.close()


def test_play_steps_through_the_dates(browser, map_file):
    page = Page(browser, map_file)
    page.page.get_by_role("button", name="First date").click()
    assert page.date() == "2016-12-05"
    page.page.get_by_role("button", name="Play").click()
    page.page.wait_for_function(
        "document.querySelector('.leaflet-container').dataset.date === '2016-12-12'",
        timeout=5000,
    )
    page.page.wait_for_function(
        "document.querySelector('.leaflet-container').dataset.date === '2016-12-13'",
        timeout=5000,
    )
    page.page.get_by_role("button", name="Play").wait_for(timeout=5000)  # back from Pause
    page.close()


def test_popup_shows_disagreeing_sources_side_by_side(browser, map_file):
    page = Page(browser, map_file)
    popup = page.open_popup("fardous")
    text = popup.inner_text()
    assert "al-Fardous" in text and "الفردوس" in text
    assert "Contested" in text and "Sources disagree" in text
    columns = popup.locator(".am-column")
    assert columns.count() == 2
    headers = sorted(c.locator(".am-column-head").inner_text() for c in columns.all())
    assert headers == ["Government", "Rebels"]
    assert "Troops captured al-Fardous." in text and "We still hold al-Fardous." in text
    assert "Syrian military" in text and "rebel official" in text
    # a javascript: URL from the claims table is not made a link
    assert popup.locator("a").count() == 0
    page.screenshot("map-popup.png")
    page.close()


def test_popup_links_the_outlet_and_follows_the_slider(browser, map_file):
    page = Page(browser, map_file)
    popup = page.open_popup("sheikh-saeed")
    assert "The army took Sheikh Saeed on Monday." in popup.inner_text()
    link = popup.locator("a")
    assert link.get_attribute("href") == "https://example.org/b"
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.set_slider(0)
    assert "Rebels hold Sheikh Saeed." in popup.inner_text()  # evidence of that date
    page.close()


def test_article_text_stays_text(browser, map_file):
    page = Page(browser, map_file)
    popup = page.open_popup("sukkari")
    assert popup.locator(".am-quote").text_content() == XSS
    assert popup.locator(".am-claim-source").text_content() == XSS
    assert popup.locator("img, script").count() == 0
    assert page.page.evaluate("window.__xss") is None
    page.close()


def test_hover_shows_english_and_arabic_names_and_points_are_flagged(browser, map_file):
    page = Page(browser, map_file)
    page.page.locator('path[data-place-id="sheikh-saeed"]').hover(force=True)
    # (the pointer may cross other places on its way: wait for this place's tooltip)
    page.page.wait_for_function(
        "document.querySelector('.leaflet-tooltip')?.innerText.includes('Sheikh Saeed')"
    )
    tip = page.page.locator(".leaflet-tooltip")
    assert "Sheikh Saeed" in tip.inner_text() and "شيخ سعيد" in tip.inner_text()
    page.page.mouse.move(5, 400)
    page.page.locator('path[data-place-id="mogambo"]').hover(force=True)
    page.page.wait_for_function(
        "document.querySelector('.leaflet-tooltip')?.innerText.includes('approximate location')"
    )
    page.close()


def test_map_fits_a_small_embed(browser, map_file):
    page = Page(browser, map_file, width=420, height=320)
    title = page.page.locator("details.am-title")
    assert title.get_attribute("open") is None  # folded on a small screen
    assert page.page.locator("details.am-legend").get_attribute("open") is None
    assert page.page.locator("input.am-slider").is_visible()
    page.screenshot("map-small.png")
    page.close()


def test_offline_page_needs_no_cdn(browser, tmp_path, claims):
    path = tmp_path / "offline.html"
    fmap = render_map(Timeline(claims, Gazetteer.default()), inline_assets=LEAFLET_DIST)
    save_map(fmap, path)
    page = Page(browser, path)  # would record a CDN request as stray
    assert page.fill_of("sheikh-saeed") == STATUS_COLORS["government"]
    page.close()


def test_built_seed_map_in_the_browser(browser, tmp_path):
    """The README's main command, as a user runs it, opened in the browser."""
    from click.testing import CliRunner

    from aleppo_map.cli import main

    out, claims_csv = tmp_path / "aleppo.html", tmp_path / "claims.csv"
    result = CliRunner().invoke(
        main, ["build", str(ROOT / "seeds"), "-o", str(out), "--claims", str(claims_csv)]
    )
    assert result.exit_code == 0, result.output
    with open(claims_csv, encoding="utf-8-sig") as stream:
        rows = [r for r in csv.DictReader(stream) if r["place_id"] == "fardous"]
    page = Page(browser, out)
    popup = page.open_popup("fardous")
    assert rows[0]["quote"][:40] in popup.inner_text().replace("\n", " ")
    page.screenshot("seeds-map.png")
    shutil.copy(out, ARTIFACTS / "seeds-map.html")
    page.close()


def test_disagreements_are_marked_and_each_source_group_has_its_view(browser, map_file):
    page = Page(browser, map_file)
    markers = page.page.locator(".leaflet-marker-icon.am-dispute")
    assert markers.count() == 1  # al-Fardous on 13 December
    assert "al-Fardous" in markers.first.get_attribute("title")
    page.set_slider(0)
    assert markers.count() == 0
    page.page.get_by_role("button", name="Last date").click()

    select = page.page.locator("select.am-view-select")
    options = select.locator("option").all_inner_texts()
    assert options[0].startswith("All sources") and len(options) >= 3
    government = next(o for o in options if o.startswith("Government-aligned"))
    select.select_option(label=government)
    assert page.fill_of("fardous") == STATUS_COLORS["government"]  # only the military's claim
    assert page.fill_of("sukkari") == STATUS_COLORS["unknown"]
    assert markers.count() == 0
    page.screenshot("map-government-view.png")
    page.close()


def test_compare_panel_lists_claimed_against_mapped(browser, tmp_path):
    from click.testing import CliRunner

    from aleppo_map.cli import main

    out = tmp_path / "aleppo.html"
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = Page(browser, out)
    panel = page.page.locator("details.am-compare")
    panel.locator("summary").click()
    rows = panel.locator("tr")
    assert rows.count() > 1
    text = panel.inner_text()
    assert "Syrian state TV" in text and "99%" in text and "reference area" in text
    page.screenshot("seeds-compare.png")
    page.close()
