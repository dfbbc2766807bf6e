// The 「通知を受け取る」 switch of a tracking page (templates/notify/push.html): registers the
// service worker (/sw.js), asks for permission, subscribes with the server's VAPID key and posts
// the subscription for this page's order or share link. A browser has one push subscription for
// the whole site, shared by all its orders: turning one page off only ends that page's subscription
// on the server. Which pages are on is remembered in localStorage. A static file because the
// Content-Security-Policy forbids inline scripts.
(function () {
    'use strict';
    var box = document.querySelector('.push-panel');
    if (!box || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
        return;
    }
    var on = box.querySelector('.push-on');
    var off = box.querySelector('.push-off');
    var status = box.querySelector('.push-status');
    var memory = 'otodoke-push:' + box.dataset.subscribeUrl;

    function say(text) {
        status.textContent = text || '';
    }

    function show(subscribed) {
        on.hidden = subscribed;
        off.hidden = !subscribed;
        try {
            if (subscribed) {
                localStorage.setItem(memory, '1');
            } else {
                localStorage.removeItem(memory);
            }
        } catch (e) {
            // private mode: the buttons still work, the page just forgets
        }
    }

    function remembered() {
        try {
            return localStorage.getItem(memory) === '1';
        } catch (e) {
            return false;
        }
    }

    function bytes(base64url) {
        var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
        var raw = atob(base64 + '==='.slice((base64.length + 3) % 4));
        var out = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
            out[i] = raw.charCodeAt(i);
        }
        return out;
    }

    function sameKey(subscription, key) {
        var current = subscription.options && subscription.options.applicationServerKey;
        if (!current) {
            return true;
        }
        var a = new Uint8Array(current);
        if (a.length !== key.length) {
            return false;
        }
        for (var i = 0; i < a.length; i++) {
            if (a[i] !== key[i]) {
                return false;
            }
        }
        return true;
    }

    function send(method, subscription) {
        var headers = {'Content-Type': 'application/json'};
        if (box.dataset.csrfHeader) {
            headers[box.dataset.csrfHeader] = box.dataset.csrfToken;
        }
        return fetch(box.dataset.subscribeUrl, {
            method: method,
            credentials: 'same-origin',
            headers: headers,
            body: JSON.stringify(subscription)
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('HTTP ' + response.status);
            }
        });
    }

    function subscription(registration, key) {
        return registration.pushManager.getSubscription().then(function (existing) {
            // A subscription made with another key (the server's key was replaced) cannot be used.
            if (existing && sameKey(existing, key)) {
                return existing;
            }
            var gone = existing ? existing.unsubscribe() : Promise.resolve();
            return gone.then(function () {
                return registration.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key});
            });
        });
    }

    on.addEventListener('click', function () {
        say('');
        Notification.requestPermission().then(function (permission) {
            if (permission !== 'granted') {
                say(box.dataset.textDenied);
                return;
            }
            return Promise.all([
                navigator.serviceWorker.register('/sw.js').then(function () {
                    return navigator.serviceWorker.ready;
                }),
                fetch(box.dataset.keyUrl, {headers: {Accept: 'application/json'}}).then(function (r) {
                    return r.json();
                })
            ]).then(function (both) {
                return subscription(both[0], bytes(both[1].publicKey));
            }).then(function (s) {
                return send('POST', s.toJSON());
            }).then(function () {
                show(true);
                say(box.dataset.textOn);
            });
        }).catch(function () {
            say(box.dataset.textFailed);
        });
    });

    off.addEventListener('click', function () {
        say('');
        navigator.serviceWorker.getRegistration('/').then(function (registration) {
            return registration ? registration.pushManager.getSubscription() : null;
        }).then(function (s) {
            return s ? send('DELETE', {endpoint: s.endpoint}) : null;
        }).then(function () {
            show(false);
            say(box.dataset.textOff);
        }).catch(function () {
            say(box.dataset.textFailed);
        });
    });

    box.hidden = false;
    show(remembered() && Notification.permission === 'granted');
}());
