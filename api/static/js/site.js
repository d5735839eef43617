// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  function focusErrors(root) {
    var summary = (root || document).querySelector("[data-error-summary]");
    if (summary) summary.focus();
  }
  // A form marked data-submit-once cannot be sent twice by a double click; the server's
  // idempotency key is what really guarantees it (reloads, back button, JS off).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-submit-once]")) return;
    if (form.dataset.sent === "1") { event.preventDefault(); return; }
    form.dataset.sent = "1";
    window.setTimeout(function () { form.dataset.sent = ""; }, 8000);
  });
  document.addEventListener("DOMContentLoaded", function () { focusErrors(document); });
  // After an htmx swap, put focus on the error summary, or on the swapped region's heading.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target.querySelector("[data-error-summary]")) { focusErrors(target); return; }
    var focus = target.querySelector("[data-focus-after-swap]");
    if (focus) focus.focus();
  });
  // htmx requests carry the page's CSRF token in a header.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) event.detail.headers["X-CSRFToken"] = meta.content;
  });
})();
