/* aleppo_map: the control map's behaviour (date slider, styles, tooltips, popups).
 *
 * Called by the page aleppo_map/render.py writes, with
 *   map   - the Leaflet map
 *   D     - the data: dates, places (geometry as encoded polylines), one status
 *           letter per place per date, evidence segments, the claims table.
 * Article text is untrusted: everything from D reaches the page through
 * textContent or setAttribute, never through innerHTML.
 */
function aleppoControlMap(map, D) {
  "use strict";

  var STYLE_KNOWN = { weight: 1, color: "#ffffff", opacity: 0.9, fillOpacity: 0.7, dashArray: null };

  // -- geometry -------------------------------------------------------------

  // Google's encoded polyline algorithm at 1e-5 degrees: [[lat, lon], ...].
  function decode(text) {
    var points = [], index = 0, lat = 0, lon = 0;
    while (index < text.length) {
      var pair = [0, 0];
      for (var k = 0; k < 2; k++) {
        var shift = 0, result = 0, byte;
        do {
          byte = text.charCodeAt(index++) - 63;
          result |= (byte & 0x1f) << shift;
          shift += 5;
        } while (byte >= 0x20);
        pair[k] = result & 1 ? ~(result >> 1) : result >> 1;
      }
      lat += pair[0];
      lon += pair[1];
      points.push([lat / 1e5, lon / 1e5]);
    }
    return points;
  }

  // -- small DOM helpers (text only) -----------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

  function longDate(iso) {
    if (!iso) return "undated";
    var p = iso.split("-").map(Number);
    var weekday = new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay();
    return WEEKDAYS[weekday] + " " + p[2] + " " + MONTHS[p[1] - 1] + " " + p[0];
  }

  function safeUrl(url) {
    // Only web links: a "javascript:" URL from an article table must not run.
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  // -- styles ----------------------------------------------------------------

  function styleFor(code, place) {
    var status = D.statuses[code];
    var style;
    if (code === "u") {
      style = { weight: 0.6, color: "#9a9a9a", opacity: 0.8, fillColor: status.colour,
                fillOpacity: 0.25, dashArray: null };
    } else if (code === "c") {
      // Contested reads without colour: hatched fill and a dashed dark outline.
      style = { weight: 2.2, color: status.outline, opacity: 1, fillColor: "url(#" + D.hatch + ")",
                fillOpacity: 0.9, dashArray: "5 3" };
    } else {
      style = L.Util.extend({}, STYLE_KNOWN, { fillColor: status.colour });
    }
    if (place.pt) {
      // Approximate places: a dashed ring whatever the status.
      style = L.Util.extend({}, style, { weight: 2, color: code === "u" ? "#777777" : "#222222",
                                          dashArray: "3 2", opacity: 1 });
      if (code === "c") style.fillColor = status.colour;
    }
    return style;
  }

  // -- views: all sources, then each group of sources ------------------------

  // "u4g2" -> "uuuugg"; an upper-case letter marks sources that disagree.
  function expand(runs) {
    return runs.replace(/([a-zA-Z])(\d+)/g, function (_, letter, n) {
      return new Array(Number(n) + 1).join(letter);
    });
  }
  D.views.forEach(function (view) { view.s = view.s.map(expand); });
  var viewIndex = 0;

  function letterAt(i, t) { return D.views[viewIndex].s[i].charAt(t); }

  // -- places ----------------------------------------------------------------

  var layers = [];
  var group = L.featureGroup().addTo(map);
  D.places.forEach(function (place, i) {
    var layer;
    if (place.pt) {
      layer = L.circleMarker(place.pt, L.Util.extend({ radius: 8 }, styleFor("u", place)));
    } else {
      layer = L.polygon(place.g.map(function (polygon) { return polygon.map(decode); }),
                        styleFor("u", place));
    }
    layer.addTo(group);
    var path = layer.getElement();
    if (path) {
      path.setAttribute("data-place-id", place.id);
      path.setAttribute("data-status", "unknown");
    }
    layer.bindTooltip(function () { return tooltipFor(place); }, { sticky: true, direction: "top" });
    // Controls sit above popups: keep the popup clear of the title box (folded on open).
    layer.bindPopup(function () { return popupFor(i); }, {
      maxWidth: 560, minWidth: 260, autoPanPaddingTopLeft: [60, 150], autoPanPaddingBottomRight: [20, 20]
    });
    layer.on("popupopen", function () {
      openPlace = i;
      // The title box sits above popups; fold it so the evidence is readable.
      if (titleBox) titleBox.removeAttribute("open");
    });
    layer.on("popupclose", function () { if (openPlace === i) openPlace = null; });
    layers.push(layer);
  });

  // Places where sources disagree on the selected date get a "!" marker.
  var disputeMarkers = [];
  var disputeIcon = L.divIcon({ className: "am-dispute", html: "!", iconSize: [16, 16] });
  function showDispute(i, disputed) {
    var place = D.places[i], marker = disputeMarkers[i];
    if (disputed && !marker) {
      marker = disputeMarkers[i] = L.marker(place.m || place.pt, {
        icon: disputeIcon, keyboard: false, title: place.n + ": sources disagree"
      });
      marker.on("click", function () { layers[i].openPopup(marker.getLatLng()); });
    }
    if (!marker) return;
    if (disputed && !map.hasLayer(marker)) marker.addTo(map);
    if (!disputed && map.hasLayer(marker)) map.removeLayer(marker);
  }

  function tooltipFor(place) {
    var box = el("div", "am-tip");
    box.appendChild(el("div", "am-tip-name", place.n));
    if (place.a) {
      var ar = el("div", "am-tip-ar", place.a);
      ar.setAttribute("dir", "rtl");
      ar.setAttribute("lang", "ar");
      box.appendChild(ar);
    }
    if (place.pt) box.appendChild(el("div", "am-flag", "approximate location"));
    return box;
  }

  // -- popups: the evidence behind the state on the selected date -------------

  var current = D.start;
  var openPlace = null;

  function evidenceAt(i, t) {
    var segments = D.views[viewIndex].e[i] || [], ids = [];
    for (var k = 0; k < segments.length && segments[k][0] <= t; k++) ids = segments[k][1];
    return ids.map(function (id) { return D.c[id]; });
  }

  function claimBox(claim) {
    // claim: [date, status code, source, outlet, url, quote, article, flags, via]
    var box = el("div", "am-claim");
    var head = el("div", "am-claim-head");
    head.appendChild(el("span", "am-claim-date", claim[0] ? longDate(claim[0]) : "undated"));
    head.appendChild(el("span", "am-claim-source", claim[2] || "unattributed"));
    box.appendChild(head);
    var outlet = claim[3] || claim[6];
    if (outlet) {
      var line = el("div", "am-claim-outlet");
      var url = safeUrl(claim[4]);
      if (url) {
        var link = el("a", null, outlet);
        link.setAttribute("href", url);
        link.setAttribute("target", "_blank");
        link.setAttribute("rel", "noopener noreferrer");
        line.appendChild(link);
      } else {
        line.textContent = outlet;
      }
      box.appendChild(line);
    }
    if (claim[5]) box.appendChild(el("blockquote", "am-quote", claim[5]));
    var flags = (claim[7] || []).slice();
    if (claim[8]) flags.push("said of " + claim[8]);
    flags.forEach(function (flag) { box.appendChild(el("div", "am-flag", flag)); });
    return box;
  }

  function popupFor(i) {
    var letter = letterAt(i, current), code = letter.toLowerCase();
    var place = D.places[i], status = D.statuses[code];
    var box = el("div", "am-popup");
    box.setAttribute("data-place-id", place.id);
    var title = el("div", "am-popup-title", place.n);
    if (place.a) {
      var ar = el("span", "am-popup-ar", place.a);
      ar.setAttribute("dir", "rtl");
      ar.setAttribute("lang", "ar");
      title.appendChild(ar);
    }
    box.appendChild(title);
    var line = el("div", "am-popup-status");
    line.appendChild(el("span", "am-swatch am-swatch-" + code));
    line.appendChild(el("strong", null, status.label));
    line.appendChild(document.createTextNode(" on " + longDate(D.dates[current])));
    box.appendChild(line);
    if (place.pt) box.appendChild(el("div", "am-flag", "Approximate location: the source data has only a point."));
    var claims = evidenceAt(i, current);
    if (!claims.length) {
      box.appendChild(el("p", "am-none", "No claim about this place up to this date."));
      return box;
    }
    // Disagreeing sources side by side: one column per status claimed.
    var columns = {}, order = [];
    claims.forEach(function (claim) {
      if (!columns[claim[1]]) { columns[claim[1]] = []; order.push(claim[1]); }
      columns[claim[1]].push(claim);
    });
    if (order.length > 1) box.appendChild(el("div", "am-disagree", "Sources disagree:"));
    var row = el("div", order.length > 1 ? "am-columns am-split" : "am-columns");
    order.forEach(function (statusCode) {
      var column = el("div", "am-column");
      var head = el("div", "am-column-head");
      head.appendChild(el("span", "am-swatch am-swatch-" + statusCode));
      head.appendChild(el("span", null, D.statuses[statusCode].label));
      column.appendChild(head);
      columns[statusCode].forEach(function (claim) { column.appendChild(claimBox(claim)); });
      row.appendChild(column);
    });
    box.appendChild(row);
    return box;
  }

  // -- controls ----------------------------------------------------------------

  function control(position, build) {
    var ctl = L.control({ position: position });
    ctl.onAdd = function () {
      var container = build();
      L.DomEvent.disableClickPropagation(container);
      L.DomEvent.disableScrollPropagation(container);
      return container;
    };
    return ctl.addTo(map);
  }

  // Title, date range, method and credits; folded on small embeds.
  // In a small embed the title and legend start folded, leaving the map visible.
  var small = map.getSize().x < 640 || map.getSize().y < 420;
  var titleBox = null;
  control("topleft", function () {
    var box = titleBox = el("details", "am-box am-title");
    if (!small) box.setAttribute("open", "");
    box.appendChild(el("summary", null, D.title));
    if (D.subtitle) box.appendChild(el("div", "am-subtitle", D.subtitle));
    if (D.about.length) box.appendChild(el("p", null, D.about[0]));
    var more = el("details", "am-more");
    more.appendChild(el("summary", null, "Method and credits"));
    D.about.slice(1).forEach(function (text) { more.appendChild(el("p", null, text)); });
    box.appendChild(more);
    return box;
  });

  var legendCounts = {};
  control("bottomright", function () {
    var box = el("details", "am-box am-legend");
    if (!small) box.setAttribute("open", "");
    box.appendChild(el("summary", "am-legend-title", "Reported control"));
    if (D.views.length > 1) {
      var chooser = el("label", "am-view");
      chooser.appendChild(el("span", null, "Claims from "));
      var select = el("select", "am-view-select");
      D.views.forEach(function (view, k) {
        var option = el("option", null, view.name + " (" + view.n + ")");
        option.setAttribute("value", String(k));
        select.appendChild(option);
      });
      L.DomEvent.on(select, "change", function () {
        viewIndex = Number(select.value);
        setDate(current);
      });
      chooser.appendChild(select);
      box.appendChild(chooser);
    }
    D.legend.forEach(function (code) {
      var row = el("div", "am-legend-row");
      row.setAttribute("data-status", D.statuses[code].name);
      row.appendChild(el("span", "am-swatch am-swatch-" + code));
      row.appendChild(el("span", null, D.statuses[code].label));
      legendCounts[code] = el("span", "am-count", "");
      row.appendChild(legendCounts[code]);
      box.appendChild(row);
    });
    var dispute = el("div", "am-legend-row");
    dispute.appendChild(el("span", "am-dispute am-dispute-key", "!"));
    dispute.appendChild(el("span", null, "sources disagree"));
    box.appendChild(dispute);
    if (D.places.some(function (p) { return p.pt; })) {
      var row = el("div", "am-legend-row");
      row.appendChild(el("span", "am-swatch am-swatch-point"));
      row.appendChild(el("span", null, "approximate location"));
      box.appendChild(row);
    }
    return box;
  });

  // City-wide figures the sources gave, against the same figure on the map.
  control("topright", function () {
    var box = el("details", "am-box am-compare");
    var rows = D.compare.rows;
    box.appendChild(el("summary", null, "Claimed vs mapped" + (rows.length ? " (" + rows.length + ")" : "")));
    if (!rows.length) {
      box.appendChild(el("p", null, D.compare.note));
      return box;
    }
    var wrap = el("div", "am-compare-wrap");
    var table = el("table", "am-compare-table");
    var head = el("tr");
    ["Date", "Source", "Figure", "Claimed", "Mapped", "Unknown"].forEach(function (h) {
      head.appendChild(el("th", null, h));
    });
    table.appendChild(head);
    rows.forEach(function (row) {
      var tr = el("tr");
      row.forEach(function (cell) { tr.appendChild(el("td", null, cell)); });
      table.appendChild(tr);
    });
    wrap.appendChild(table);
    box.appendChild(wrap);
    box.appendChild(el("p", "am-compare-note", D.compare.note +
      " \"Unknown\": the share of that area no claim speaks of on the day."));
    return box;
  });

  var slider, label, playButton, timer = null;
  control("bottomleft", function () {
    var box = el("div", "am-box am-time");
    var buttons = el("div", "am-buttons");
    function button(text, name, act) {
      var b = el("button", "am-button", text);
      b.setAttribute("type", "button");
      b.setAttribute("aria-label", name);
      b.setAttribute("title", name);
      b.setAttribute("data-action", name.toLowerCase().split(" ")[0]);
      L.DomEvent.on(b, "click", act);
      buttons.appendChild(b);
      return b;
    }
    button("\u00AB", "First date", function () { stop(); setDate(0); });
    button("\u2039", "Previous date", function () { stop(); setDate(current - 1); });
    playButton = button("\u25B6 Play", "Play", function () { timer ? stop() : play(); });
    button("\u203A", "Next date", function () { stop(); setDate(current + 1); });
    button("\u00BB", "Last date", function () { stop(); setDate(D.dates.length - 1); });
    box.appendChild(buttons);
    slider = el("input", "am-slider");
    slider.setAttribute("type", "range");
    slider.setAttribute("min", "0");
    slider.setAttribute("max", String(Math.max(D.dates.length - 1, 0)));
    slider.setAttribute("step", "1");
    slider.setAttribute("aria-label", "Date");
    slider.value = String(current);
    L.DomEvent.on(slider, "input", function () { stop(); setDate(Number(slider.value)); });
    box.appendChild(slider);
    label = el("div", "am-date");
    label.setAttribute("aria-live", "polite");
    box.appendChild(label);
    if (!D.dates.length) buttons.style.display = slider.style.display = "none";
    return box;
  });

  function play() {
    if (current >= D.dates.length - 1) setDate(0);
    playButton.textContent = "\u25AE\u25AE Pause";
    playButton.setAttribute("aria-label", "Pause");
    timer = setInterval(function () {
      if (current >= D.dates.length - 1) { stop(); return; }
      setDate(current + 1);
    }, D.interval);
  }

  function stop() {
    if (!timer) return;
    clearInterval(timer);
    timer = null;
    playButton.textContent = "\u25B6 Play";
    playButton.setAttribute("aria-label", "Play");
  }

  function setDate(t) {
    if (!D.dates.length) {
      label.textContent = "No dated claims";
      return;
    }
    current = Math.max(0, Math.min(D.dates.length - 1, t));
    slider.value = String(current);
    label.textContent = longDate(D.dates[current]) + "  (" + (current + 1) + " of " + D.dates.length + ")";
    var counts = {};
    layers.forEach(function (layer, i) {
      var letter = letterAt(i, current), code = letter.toLowerCase();
      counts[code] = (counts[code] || 0) + 1;
      layer.setStyle(styleFor(code, D.places[i]));
      showDispute(i, letter !== code);
      var path = layer.getElement();
      if (path) path.setAttribute("data-status", D.statuses[code].name);
    });
    Object.keys(legendCounts).forEach(function (code) {
      legendCounts[code].textContent = String(counts[code] || 0);
    });
    map.getContainer().setAttribute("data-date", D.dates[current]);
    if (openPlace !== null) layers[openPlace].getPopup().setContent(popupFor(openPlace));
  }

  if (layers.length) map.fitBounds(group.getBounds(), { padding: [10, 10] });
  setDate(current);
}
