/* The dispatcher's plan page (templates/routing/plan.html): each planned route as a line from the depot through its
 * stops in order and back, in the route's colour (css/dispatch.css), on the same tiles and offline outline as the
 * dispatcher page (js/dispatch.js). The plan comes as the map element's data-plan JSON; no inline styles or handlers
 * (CSP). */
(function () {
    "use strict";

    var TILE_ERRORS_BEFORE_FALLBACK = 3;
    var mapElement = document.querySelector(".plan-map");
    if (!mapElement || !window.L) {
        return;
    }
    var plan;
    try {
        plan = JSON.parse(mapElement.dataset.plan || "{}");
    } catch (e) {
        return;
    }
    var map = L.map(mapElement, { center: [36.5, 137.5], zoom: 4, scrollWheelZoom: false });
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
            var p = document.createElement("p");
            p.className = "dispatch-note";
            p.textContent = mapElement.dataset.offlineNote;
            return p;
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
                    // the lines on the plain background still show the plan
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
        var span = document.createElement(/^https?:\/\//i.test(link || "") && text ? "a" : "span");
        span.textContent = text;
        if (span.tagName === "A") {
            span.href = link;
            span.rel = "noopener";
            span.target = "_blank";
        }
        var layer = L.tileLayer(url, { maxZoom: 19, attribution: span.outerHTML });
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

    var points = [];
    var depot = plan.depot;
    if (depot) {
        L.marker(depot, {
            icon: L.divIcon({ className: "dispatch-van-marker", iconSize: [20, 20] }),
            title: mapElement.dataset.labelDepot
        }).bindTooltip(mapElement.dataset.labelDepot).addTo(map);
        points.push(depot);
    }
    (plan.routes || []).forEach(function (route) {
        if (!route.points.length) {
            return;
        }
        var line = depot ? [depot].concat(route.points, [depot]) : route.points;
        L.polyline(line, { className: "dispatch-line " + route.colour, interactive: false }).addTo(map);
        route.points.forEach(function (p, i) {
            L.circleMarker(p, { radius: 6, className: "dispatch-stop stop-PENDING " + route.colour })
                .bindTooltip(route.code + " #" + (i + 1)).addTo(map);
            points.push(p);
        });
    });
    if (points.length > 0) {
        map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: offline ? 11 : 15 });
    }
}());
