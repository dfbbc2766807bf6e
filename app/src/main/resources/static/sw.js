// The service worker of Web Push notifications (docs/notifications.md, "Web Push"), registered by
// js/push.js. Served from the root so that its scope is the whole site. The push message is the
// JSON of io.otodoke.notify.WebPushChannel: {title, body, url, tag}; a message sent twice has the
// same tag, and the second only replaces the first.
'use strict';

self.addEventListener('push', function (event) {
    var message = {};
    try {
        message = event.data ? event.data.json() : {};
    } catch (e) {
        message = {};
    }
    event.waitUntil(self.registration.showNotification(message.title || 'Otodoke', {
        body: message.body || '',
        tag: message.tag,
        icon: '/favicon.svg',
        lang: 'ja',
        data: {url: message.url || '/'}
    }));
});

self.addEventListener('notificationclick', function (event) {
    event.notification.close();
    var url = event.notification.data && event.notification.data.url ? event.notification.data.url : '/';
    event.waitUntil(self.clients.matchAll({type: 'window', includeUncontrolled: true}).then(function (windows) {
        for (var i = 0; i < windows.length; i++) {
            if (windows[i].url === url && 'focus' in windows[i]) {
                return windows[i].focus();
            }
        }
        return self.clients.openWindow(url);
    }));
});
