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

// Bulk decisions: the ticked members go in chunks, so a progress bar can move and each
// member's result appears as it comes. Without JavaScript the form posts them all at once.
(function () {
  "use strict";
  var CHUNK = 100;
  document.addEventListener("change", function (event) {
    var all = event.target;
    if (!all.matches || !all.matches("[data-tick-all]")) return;
    all.form.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = all.checked; });
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-bulk]") || !window.fetch) return;
    var ids = Array.prototype.map.call(form.querySelectorAll('input[name="ids"]:checked'), function (b) { return b.value; });
    var reason = form.querySelector('[name="reason"]').value.trim();
    var action = form.querySelector('[name="action"]').value;
    var scope = form.querySelector('input[name="scope"]:checked');
    var matching = scope && scope.value === "matching";
    if ((!ids.length && !matching) || !reason || !action) return; // the server names what is missing
    event.preventDefault();
    if (!matching) { run(form, ids, reason, action); return; }
    // "All that match": the ids the filters match now, then the same chunks as ticked ones.
    var query = new URLSearchParams();
    ["status", "track", "region", "sector", "enrolled_from", "enrolled_to"].forEach(function (name) {
      var field = form.querySelector('input[type="hidden"][name="' + name + '"]');
      if (field && field.value) query.append(name, field.value);
    });
    fetch(form.dataset.bulkIds + "?" + query.toString(), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { if (!response.ok) throw new Error("refused"); return response.json(); })
      .then(function (body) { if (body.ids.length) run(form, body.ids, reason, action); else form.submit(); })
      .catch(function () { form.submit(); });
  });
  function run(form, ids, reason, action) {
    var token = form.querySelector('[name="_csrf_token"]').value;
    var panel = form.querySelector("[data-bulk-progress]");
    var bar = panel.querySelector("progress");
    var status = panel.querySelector("[data-bulk-status]");
    var results = document.querySelector("[data-bulk-results]");
    var rows = results.querySelector("[data-bulk-rows]");
    var button = form.querySelector('button[type="submit"]');
    var template = form.dataset.bulkDone;
    panel.hidden = false; results.hidden = false; rows.innerHTML = ""; button.disabled = true;
    var done = 0;
    function say() {
      bar.value = Math.round(100 * done / ids.length);
      status.textContent = template.replace("{done}", done).replace("{total}", ids.length);
    }
    say();
    function next(start) {
      if (start >= ids.length) { button.disabled = false; results.querySelector("h2").focus(); return; }
      var body = new URLSearchParams();
      body.append("_csrf_token", token); body.append("action", action); body.append("reason", reason);
      ids.slice(start, start + CHUNK).forEach(function (id) { body.append("ids", id); });
      // form.action would be the field named "action": read the attribute.
      fetch(form.getAttribute("action"), { method: "POST", body: body, credentials: "same-origin",
                           headers: { "HX-Request": "true", "X-CSRFToken": token } })
        .then(function (response) {
          if (!response.ok) { if (start === 0) form.submit(); throw new Error("refused"); }
          return response.text();
        })
        .then(function (html) {
          rows.insertAdjacentHTML("beforeend", html);
          done = Math.min(ids.length, start + CHUNK); say(); next(start + CHUNK);
        })
        .catch(function () { button.disabled = false; });
    }
    next(0);
  }
})();
