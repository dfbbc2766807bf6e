// The driver's phone page (templates/fleet/driver.html). Without this script the page still works; with it,
// each outcome carries the phone's position (the hidden latitude/longitude fields), and while a route is under way
// the phone reports its position every 15 s to POST /driver/position, which moves the van and its ETAs
// (design/last-mile.md). Geolocation needs HTTPS (or localhost) and the driver's permission.
(function () {
    'use strict';

    var INTERVAL_MS = 15000;
    var last = null;

    function fill(position, box) {
        var first = last === null;
        last = position;
        if (first && box) {
            send(box); // the van shows at once, not 15 s later
        }
        var lat = String(position.coords.latitude);
        var lon = String(position.coords.longitude);
        document.querySelectorAll('input.gps-latitude').forEach(function (input) { input.value = lat; });
        document.querySelectorAll('input.gps-longitude').forEach(function (input) { input.value = lon; });
    }

    function numberOrNull(value) {
        return typeof value === 'number' && isFinite(value) ? value : null;
    }

    function show(box, text, failed) {
        box.hidden = false;
        box.classList.toggle('is-failed', failed);
        box.querySelector('.driver-gps-text').textContent = text;
    }

    function time() {
        var d = new Date();
        return [d.getHours(), d.getMinutes(), d.getSeconds()].map(function (n) {
            return n < 10 ? '0' + n : String(n);
        }).join(':');
    }

    function send(box) {
        if (!last) {
            return;
        }
        var c = last.coords;
        var headers = {'Content-Type': 'application/json'};
        headers[box.dataset.csrfHeader] = box.dataset.csrfToken;
        fetch(box.dataset.positionUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: headers,
            body: JSON.stringify({
                latitude: c.latitude,
                longitude: c.longitude,
                accuracy: numberOrNull(c.accuracy),
                speed: numberOrNull(c.speed),
                heading: numberOrNull(c.heading),
                timestamp: last.timestamp
            })
        }).then(function (response) {
            if (response.ok) {
                show(box, box.dataset.textSent.replace('{0}', time()), false);
            } else {
                show(box, box.dataset.textFailed, true);
            }
        }, function () {
            show(box, box.dataset.textFailed, true);
        });
    }

    function start() {
        var box = document.getElementById('driver-gps');
        if (!('geolocation' in navigator)) {
            if (box) {
                show(box, box.dataset.textDenied, true);
            }
            return;
        }
        navigator.geolocation.watchPosition(function (position) {
            fill(position, box);
        }, function () {
            if (box) {
                show(box, box.dataset.textDenied, true);
            }
        }, {enableHighAccuracy: true, maximumAge: 10000, timeout: 30000});
        if (box) {
            show(box, box.dataset.textSending, false);
            window.setInterval(function () {
                if (document.visibilityState === 'visible') {
                    send(box);
                }
            }, INTERVAL_MS);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
