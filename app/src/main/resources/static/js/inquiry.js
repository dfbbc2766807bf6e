// The inquiry kit's copy button (templates/tracking/inquiry.html). A static file because the
// Content-Security-Policy forbids inline scripts.
(function () {
    'use strict';
    document.querySelectorAll('[data-copy-target]').forEach(function (button) {
        var text = document.getElementById(button.getAttribute('data-copy-target'));
        var status = button.parentElement.querySelector('.copy-status');
        function say(message) {
            if (status) {
                status.textContent = message;
            }
        }
        button.addEventListener('click', function () {
            if (!text) {
                return;
            }
            // Selected either way, so that a failed copy leaves the text ready for Ctrl+C.
            text.focus();
            text.select();
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(text.value).then(function () {
                    say(button.getAttribute('data-copied'));
                }, function () {
                    say(button.getAttribute('data-failed'));
                });
            } else {
                say(button.getAttribute('data-failed'));
            }
        });
    });
}());
