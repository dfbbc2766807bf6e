/* The live last-mile map: the delivery van and the recipient's own place, nothing else.
 *
 * The recipient must never see other stops (design/last-mile.md): this component draws no route
 * lines and no other points; show() takes the van and the home, and ignores anything else it is given.
 *
 * Usage (after leaflet.js; templates/fragments/map.html loads both and renders the element):
 *   var map = OtodokeMap.create(document.querySelector(".live-map"));
 *   map.show({van: {lat: 35.68, lon: 139.76}, home: {lat: 35.69, lon: 139.70}});  // either may be null
 *   map.hide();
 * Every option may be given to create() or as the element's data attribute (tileUrl: data-tile-url, …):
 * tileUrl, attribution, attributionUrl, outlineUrl, offlineNote, labels: {van, home}.
 *
 * Offline fallback: when the tiles cannot be loaded (several tile errors, or none loaded within 4 s of
 * the map being shown, or no tile URL at all) the tile layer is removed and Japan's outline is drawn
 * instead (map/japan-outline.geojson), with a short note saying so.
 *
 * No inline styles in markup (CSP style-src 'self'): the look is in css/live-map.css, by class. */
(function () {
    "use strict";

    var TILE_ERRORS_BEFORE_FALLBACK = 3;
    var TILE_TIMEOUT_MS = 4000;
    var JAPAN = { center: [36.5, 137.5], zoom: 4 };
    var MAX_ZOOM = { tiles: 16, outline: 11 };
    var DEFAULT_OFFLINE_NOTE = "地図タイルを読み込めないため、簡易地図を表示しています";

    function first() {
        for (var i = 0; i < arguments.length; i++) {
            if (arguments[i] !== undefined && arguments[i] !== null) {
                return arguments[i];
            }
        }
        return "";
    }

    function escapeHtml(text) {
        return String(text).replace(/[&<>"']/g, function (c) {
            return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
        });
    }

    /** Leaflet shows attributions as HTML: ours are plain text from configuration, so escape them. */
    function attributionHtml(text, url) {
        if (!text) {
            return "";
        }
        return /^https?:\/\//i.test(url)
            ? "<a href=\"" + escapeHtml(url) + "\" rel=\"noopener\" target=\"_blank\">" + escapeHtml(text) + "</a>"
            : escapeHtml(text);
    }

    function icon(kind, label) {
        var text = document.createElement("span");
        text.className = "visually-hidden";
        text.textContent = label;
        return L.divIcon({ className: "live-map-marker live-map-" + kind, html: text, iconSize: [22, 22] });
    }

    function point(p) {
        return p && isFinite(p.lat) && isFinite(p.lon) ? L.latLng(Number(p.lat), Number(p.lon)) : null;
    }

    function create(element, options) {
        options = options || {};
        var data = element.dataset;
        var labels = options.labels || {};
        var settings = {
            tileUrl: first(options.tileUrl, data.tileUrl),
            attribution: first(options.attribution, data.attribution),
            attributionUrl: first(options.attributionUrl, data.attributionUrl),
            outlineUrl: first(options.outlineUrl, data.outlineUrl),
            offlineNote: first(options.offlineNote, data.offlineNote) || DEFAULT_OFFLINE_NOTE,
            van: first(labels.van, data.labelVan),
            home: first(labels.home, data.labelHome)
        };
        var box = element.closest(".live-map-frame") || element;
        var map = L.map(element, {
            center: JAPAN.center,
            zoom: JAPAN.zoom,
            scrollWheelZoom: false,   // the page scrolls past the map
            dragging: !L.Browser.mobile // a one-finger swipe scrolls the page; pinch still zooms
        });
        var markers = {
            van: L.marker(JAPAN.center, { icon: icon("van", settings.van), title: settings.van, keyboard: false, interactive: false }),
            home: L.marker(JAPAN.center, { icon: icon("home", settings.home), title: settings.home, keyboard: false, interactive: false })
        };
        var tiles = null;
        var offline = false;
        var watching = false;

        function goOffline() {
            if (offline) {
                return;
            }
            offline = true;
            if (tiles) {
                map.removeLayer(tiles);
                tiles = null;
            }
            element.classList.add("live-map-offline");
            var note = L.control({ position: "topright" });
            note.onAdd = function () {
                var p = L.DomUtil.create("p", "live-map-note");
                p.setAttribute("role", "status");
                p.textContent = settings.offlineNote;
                return p;
            };
            note.addTo(map);
            if (settings.outlineUrl) {
                fetch(settings.outlineUrl, { credentials: "same-origin" })
                    .then(function (response) {
                        if (!response.ok) {
                            throw new Error("outline: HTTP " + response.status);
                        }
                        return response.json();
                    })
                    .then(function (outline) {
                        L.geoJSON(outline, { interactive: false, style: { className: "live-map-land" } })
                            .addTo(map).bringToBack();
                    })
                    .catch(function () {
                        // the plain background and the two markers still say where the van is
                    });
            }
            fit();
        }

        /** Watched from the first show(): a hidden map has no size, so it loads no tiles yet. */
        function watchTiles() {
            if (watching || offline) {
                return;
            }
            watching = true;
            if (!settings.tileUrl) {
                goOffline();
                return;
            }
            var loaded = false, errors = 0;
            tiles = L.tileLayer(settings.tileUrl, {
                maxZoom: 19,
                attribution: attributionHtml(settings.attribution, settings.attributionUrl)
            });
            tiles.on("tileload", function () {
                loaded = true;
            });
            tiles.on("tileerror", function () {
                errors++;
                if (!loaded && errors >= TILE_ERRORS_BEFORE_FALLBACK) {
                    goOffline();
                }
            });
            tiles.addTo(map);
            window.setTimeout(function () {
                if (!loaded) {
                    goOffline();
                }
            }, TILE_TIMEOUT_MS);
        }

        function place(marker, latLng) {
            if (latLng) {
                marker.setLatLng(latLng);
                if (!map.hasLayer(marker)) {
                    marker.addTo(map);
                }
            } else if (map.hasLayer(marker)) {
                map.removeLayer(marker);
            }
        }

        function fit() {
            var shown = [markers.van, markers.home].filter(function (m) {
                return map.hasLayer(m);
            }).map(function (m) {
                return m.getLatLng();
            });
            var maxZoom = offline ? MAX_ZOOM.outline : MAX_ZOOM.tiles;
            if (shown.length === 0) {
                map.setView(JAPAN.center, JAPAN.zoom);
            } else {
                map.fitBounds(L.latLngBounds(shown), { padding: [32, 32], maxZoom: maxZoom });
            }
        }

        return {
            /** Places the van and the home (each {lat, lon} or null) and fits the map to them. */
            show: function (positions) {
                positions = positions || {};
                box.hidden = false;
                map.invalidateSize();
                place(markers.van, point(positions.van));
                place(markers.home, point(positions.home));
                fit();
                watchTiles();
            },
            hide: function () {
                box.hidden = true;
            }
        };
    }

    window.OtodokeMap = { create: create };
}());
