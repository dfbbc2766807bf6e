/* The live last mile of a parcel (templates/fragments/live.html, design/last-mile.md): how many stops
 * before the recipient's, the arrival window, the distance, the van on the map while it may be shown,
 * and after the stop the outcome with its photo.
 *
 * Each .live-panel carries the address of its JSON (data-live-url) and of its event stream
 * (data-stream-url, Server-Sent Events named "live" whose data is the same JSON) and its labels as
 * data-label-* attributes in the page's language. The JSON is read once, then the stream keeps the
 * panel current without reloading the page; EventSource reconnects by itself after a drop. Once the
 * parcel is delivered or taken back nothing changes any more, so the stream is closed.
 *
 * Data goes into the page as text only (textContent, attributes), never as HTML. The server already
 * leaves out what a viewer may not see (other stops, a gift's address for the giver); this script
 * shows what it is given and nothing else. */
(function () {
    "use strict";

    var FINAL = { DELIVERED: true, ATTEMPTED: true, SKIPPED: true };
    var TOKYO = "Asia/Tokyo";

    function format(template, values) {
        return String(template || "").replace(/\{(\d)\}/g, function (all, i) {
            return values[Number(i)] !== undefined ? values[Number(i)] : all;
        });
    }

    function setText(element, text) {
        element.textContent = text || "";
        element.hidden = !text;
    }

    function Panel(section) {
        var data = section.dataset;
        var lang = data.lang === "en" ? "en" : "ja";
        var part = function (name) {
            return section.querySelector("." + name);
        };
        var el = {
            headline: part("live-headline"),
            next: part("live-next"),
            eta: part("live-eta"),
            distance: part("live-distance"),
            hidden: part("live-hidden"),
            proof: part("live-proof"),
            outcome: part("live-outcome"),
            note: part("live-note-text"),
            photo: part("live-photo"),
            estimate: part("live-estimate"),
            mapElement: part("live-map")
        };
        var reasons = {};
        Array.prototype.forEach.call(section.querySelectorAll(".live-reasons [data-reason]"), function (li) {
            reasons[li.dataset.reason] = li.textContent;
        });
        var clock = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ja-JP",
            { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TOKYO });
        var dayAndClock = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ja-JP",
            { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TOKYO });
        var map = null;
        var source = null;
        var finished = false;

        function time(iso) {
            return iso ? clock.format(new Date(iso)) : "";
        }

        function distance(meters) {
            if (meters === undefined || meters === null) {
                return "";
            }
            var text = meters < 1000 ? Math.max(100, Math.round(meters / 100) * 100) + " m"
                : (Math.round(meters / 100) / 10).toLocaleString(lang) + " km";
            return format(data.labelDistance, [text]);
        }

        function reason(code) {
            return code ? (reasons[code] || code) : "";
        }

        function hiddenReason(code) {
            return {
                TOO_MANY_STOPS: data.labelHiddenTooManyStops,
                POSITION_STALE: data.labelHiddenPositionStale,
                NOT_FOR_VIEWER: data.labelHiddenNotForViewer
            }[code] || "";
        }

        function showMap(live) {
            if (!el.mapElement || !window.OtodokeMap) {
                return;
            }
            var van = live.vehicleLocation;
            if (!van) {
                if (map) {
                    map.hide();
                }
                return;
            }
            if (!map) {
                map = window.OtodokeMap.create(el.mapElement);
            }
            var home = live.destination;
            map.show({
                van: { lat: van.latitude, lon: van.longitude },
                home: home ? { lat: home.latitude, lon: home.longitude } : null
            });
        }

        function showPhoto(url) {
            if (!url) {
                el.photo.hidden = true;
                el.photo.removeAttribute("src");
                return;
            }
            if (el.photo.getAttribute("src") !== url) {
                el.photo.setAttribute("src", url);
            }
            el.photo.hidden = false;
        }

        function render(live) {
            var state = live.state;
            section.dataset.state = state;
            var headline = "";
            var next = "";
            var eta = "";
            var far = "";
            var hidden = "";
            var outcome = "";
            var note = "";
            var photo = null;
            var slot = live.estimatedArrivalWindow;
            if (state === "EN_ROUTE") {
                var count = live.remainingStopCount;
                if (count === undefined || count === null) {
                    headline = data.labelEnRoute;
                } else {
                    headline = count === 1 ? data.labelCountOne : format(data.labelCount, [count]);
                    next = count === 1 ? data.labelNext : "";
                }
                eta = slot ? format(data.labelWindow, [time(slot.start), time(slot.end)])
                    : live.estimatedArrival ? format(data.labelEta, [time(live.estimatedArrival)]) : "";
                far = distance(live.remainingDistanceMeters);
                hidden = hiddenReason(live.vehicleHidden);
            } else if (state === "ARRIVED") {
                headline = data.labelArrived;
            } else if (state === "SCHEDULED") {
                headline = data.labelScheduled;
                eta = slot ? format(data.labelScheduledWindow, [time(slot.start), time(slot.end)]) : "";
            } else if (state === "DELIVERED") {
                headline = data.labelDelivered;
                var proof = live.proofOfDelivery || {};
                var at = proof.deliveredAt || live.outcomeTime;
                outcome = at ? format(data.labelDeliveredAt, [dayAndClock.format(new Date(at))]) : "";
                note = [proof.place ? format(data.labelPlace, [reason(proof.place)]) : "", proof.note || ""]
                    .filter(Boolean).join(" ");
                photo = proof.photoUrl || null;
            } else if (state === "ATTEMPTED" || state === "SKIPPED") {
                headline = state === "ATTEMPTED" ? data.labelAttempted : data.labelSkipped;
                outcome = live.outcomeTime ? dayAndClock.format(new Date(live.outcomeTime)) : "";
                note = live.outcome ? format(data.labelReason, [reason(live.outcome)]) : "";
            } else {
                headline = data.labelNotScheduled;
            }
            setText(el.headline, headline);
            setText(el.next, next);
            setText(el.eta, eta);
            setText(el.distance, far);
            setText(el.hidden, hidden);
            setText(el.outcome, outcome);
            setText(el.note, note);
            el.proof.hidden = !outcome && !note && !photo;
            showPhoto(photo);
            el.estimate.hidden = state !== "EN_ROUTE" || !eta;
            showMap(state === "EN_ROUTE" || state === "ARRIVED" ? live : {});
            if (FINAL[state]) {
                stop();
            }
        }

        function stop() {
            finished = true;
            if (source) {
                source.close();
                source = null;
            }
        }

        function follow() {
            if (finished || !window.EventSource || !data.streamUrl) {
                return;
            }
            source = new EventSource(data.streamUrl);
            source.addEventListener("live", function (event) {
                section.classList.remove("live-offline");
                render(JSON.parse(event.data));
            });
            source.addEventListener("error", function () {
                // EventSource retries by itself while readyState is CONNECTING; CLOSED means the server said no (404).
                if (source && source.readyState === EventSource.CLOSED) {
                    section.classList.add("live-offline");
                    setText(el.hidden, data.labelUnavailable);
                }
            });
        }

        this.start = function () {
            fetch(data.liveUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("live: HTTP " + response.status);
                    }
                    return response.json();
                })
                .then(render)
                .catch(function () {
                    setText(el.hidden, data.labelUnavailable);
                })
                .then(follow);
        };
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll(".live-panel[data-live-url]"), function (section) {
            new Panel(section).start();
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
