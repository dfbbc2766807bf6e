/* The dispatcher's page (templates/fleet/dispatch.html): a map of every van and every stop of the day's routes,
 * each route's stops joined in stop order, and the route cards, refreshed from /dispatch/data without reloading.
 *
 * Staff may see every stop (design/last-mile.md keeps other stops from recipients only, whose map is live-map.js).
 * The JSON comes with its texts in the reader's language (DispatchBoard); the few fixed words the cards need are
 * the layout element's data-label-* attributes. No inline styles or handlers (CSP): the look is css/dispatch.css,
 * by class; the stops' colours are their state's class. */
(function () {
    "use strict";

    var JAPAN = { center: [36.5, 137.5], zoom: 4 };
    var TILE_ERRORS_BEFORE_FALLBACK = 3;

    var layout = document.querySelector(".dispatch-layout");
    var mapElement = document.querySelector(".dispatch-map");
    if (!layout || !mapElement || !window.L) {
        return;
    }
    var labels = layout.dataset;
    var refreshMs = Math.max(5, Number(labels.refreshSeconds) || 15) * 1000;
    var status = document.querySelector(".dispatch-updated");

    function format(pattern) {
        var args = Array.prototype.slice.call(arguments, 1);
        return String(pattern || "").replace(/\{(\d)}/g, function (whole, i) {
            return args[i] === undefined || args[i] === null ? "" : String(args[i]);
        });
    }

    function element(tag, className, text) {
        var e = document.createElement(tag);
        if (className) {
            e.className = className;
        }
        if (text !== undefined && text !== null) {
            e.textContent = text;
        }
        return e;
    }

    // ---- the map ----

    var map = L.map(mapElement, { center: JAPAN.center, zoom: JAPAN.zoom, scrollWheelZoom: false });
    var routesLayer = L.layerGroup().addTo(map);
    var vansLayer = L.layerGroup().addTo(map);
    var fitted = false;
    var offline = false;

    function goOffline(tiles) {
        if (offline) {
            return;
        }
        offline = true;
        if (tiles) {
            map.removeLayer(tiles);
        }
        mapElement.classList.add("is-offline");
        var note = L.control({ position: "topright" });
        note.onAdd = function () {
            return element("p", "dispatch-note", mapElement.dataset.offlineNote);
        };
        note.addTo(map);
        if (mapElement.dataset.outlineUrl) {
            fetch(mapElement.dataset.outlineUrl, { credentials: "same-origin" })
                .then(function (r) {
                    return r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status));
                })
                .then(function (outline) {
                    L.geoJSON(outline, { interactive: false, style: { className: "dispatch-land" } }).addTo(map).bringToBack();
                })
                .catch(function () {
                    // the markers on the plain background still show where everyone is
                });
        }
    }

    (function tiles() {
        var url = mapElement.dataset.tileUrl;
        if (!url) {
            goOffline(null);
            return;
        }
        var text = mapElement.dataset.attribution || "";
        var link = mapElement.dataset.attributionUrl;
        var attribution = element("span", null, text).outerHTML;
        if (text && /^https?:\/\//i.test(link)) {
            var a = element("a", null, text);
            a.href = link;
            a.rel = "noopener";
            a.target = "_blank";
            attribution = a.outerHTML;
        }
        var layer = L.tileLayer(url, { maxZoom: 19, attribution: attribution });
        var loaded = false, errors = 0;
        layer.on("tileload", function () {
            loaded = true;
        });
        layer.on("tileerror", function () {
            errors++;
            if (!loaded && errors >= TILE_ERRORS_BEFORE_FALLBACK) {
                goOffline(layer);
            }
        });
        layer.addTo(map);
    }());

    function drawMap(board) {
        routesLayer.clearLayers();
        vansLayer.clearLayers();
        var points = [];
        board.routes.forEach(function (route) {
            var line = route.stops.map(function (s) {
                return [s.latitude, s.longitude];
            });
            if (line.length > 1) {
                L.polyline(line, { className: "dispatch-line " + route.colour, interactive: false }).addTo(routesLayer);
            }
            route.stops.forEach(function (s) {
                var marker = L.circleMarker([s.latitude, s.longitude], {
                    radius: 6,
                    className: "dispatch-stop stop-" + s.state + (s.late ? " is-late" : "")
                });
                marker.bindTooltip(route.code + " " + s.label);
                marker.addTo(routesLayer);
                points.push([s.latitude, s.longitude]);
            });
        });
        board.vans.forEach(function (van) {
            var hidden = element("span", "visually-hidden", van.label);
            L.marker([van.latitude, van.longitude], {
                icon: L.divIcon({ className: "dispatch-van-marker", html: hidden, iconSize: [20, 20] }),
                title: van.label,
                zIndexOffset: 1000
            }).bindTooltip(van.label).addTo(vansLayer);
            points.push([van.latitude, van.longitude]);
        });
        // fitted once: afterwards the dispatcher's own zoom and pan are kept across refreshes
        if (!fitted && points.length > 0) {
            map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: offline ? 11 : 15 });
            fitted = true;
        }
    }

    // ---- the route cards (the same markup as the page's own) ----

    function fact(term, value, late) {
        var div = element("div");
        div.appendChild(element("dt", null, term));
        div.appendChild(element("dd", late ? "is-late" : null, value));
        return div;
    }

    function card(route) {
        var li = element("li", "route-card " + route.colour);
        var head = element("div", "route-card-head");
        var code = element("h3", "route-code");
        var key = element("span", "route-key");
        key.setAttribute("aria-hidden", "true");
        code.appendChild(key);
        code.appendChild(element("span", null, route.code));
        head.appendChild(code);
        head.appendChild(element("span", "badge " + route.tone, route.stateLabel));
        li.appendChild(head);
        li.appendChild(element("p", "route-meta", [route.vehicle, route.driver, route.depot].join(" · ")));
        var progress = element("div", "route-progress");
        var bar = element("progress", null, route.percent + "%");
        bar.max = Math.max(route.total, 1);
        bar.value = route.completed;
        progress.appendChild(bar);
        progress.appendChild(element("span", null, route.progress));
        li.appendChild(progress);
        var facts = element("dl", "route-facts");
        facts.appendChild(fact(labels.labelNext, route.next ? route.next.text : labels.labelNone, false));
        facts.appendChild(fact(labels.labelLate, route.late, route.lateStops.length > 0));
        facts.appendChild(fact(labels.labelEtaError, route.etaError, false));
        li.appendChild(facts);
        if (route.lateStops.length > 0) {
            var late = element("ul", "late-stops");
            route.lateStops.forEach(function (s) {
                late.appendChild(element("li", null, format(labels.labelLateStop, s.sequence, s.address, s.window)));
            });
            li.appendChild(late);
        }
        return li;
    }

    function drawCards(board) {
        var list = document.querySelector(".route-cards");
        var cards = document.createDocumentFragment();
        board.routes.forEach(function (route) {
            cards.appendChild(card(route));
        });
        list.replaceChildren(cards);
        document.querySelector(".dispatch-empty").hidden = board.routes.length > 0;
    }

    // ---- refreshing ----

    var timer = null;

    function say(text, failed) {
        if (status) {
            status.textContent = text;
            status.classList.toggle("is-failed", !!failed);
        }
    }

    function refresh() {
        if (document.hidden) {
            return; // a background tab asks nothing; it refreshes when shown again
        }
        fetch(labels.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
            .then(function (response) {
                var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
                if (response.redirected || !json) {
                    // the session ended: the sign-in page answered instead
                    window.clearInterval(timer);
                    say(labels.labelSignedOut, true);
                    return null;
                }
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (board) {
                if (board) {
                    drawCards(board);
                    drawMap(board);
                    say(format(labels.labelUpdated, board.updatedAt), false);
                }
            })
            .catch(function () {
                say(labels.labelFailed, true);
            });
    }

    timer = window.setInterval(refresh, refreshMs);
    document.addEventListener("visibilitychange", function () {
        if (!document.hidden) {
            refresh();
        }
    });
    refresh();
}());
