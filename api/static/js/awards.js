// The award pages' progressive enhancement; every form also works without it.
(function () {
  "use strict";
  var channel = ("BroadcastChannel" in window) ? new BroadcastChannel("nqs-applications") : null;
  var root = function () { return document.getElementById("application"); };

  // One version for the whole application: after any save, every form carries the new one.
  function adoptVersion(version) {
    var app = root();
    if (!app || !version) return;
    app.dataset.version = version;
    document.querySelectorAll('#application input[name="version"]').forEach(function (input) {
      input.value = version;
    });
  }

  // KPI: the percentage as the applicant types (the registry computes the same on save).
  function updateKpi(form) {
    var num = form.querySelector('[data-kpi-part="numerator"]');
    var den = form.querySelector('[data-kpi-part="denominator"]');
    var out = form.querySelector("[data-kpi-percent]");
    if (!num || !den || !out) return;
    var n = parseFloat(num.value.replace(",", ".")), d = parseFloat(den.value.replace(",", "."));
    out.textContent = (isFinite(n) && isFinite(d) && d > 0) ? (n / d * 100).toFixed(2) + "%" : "—";
  }
  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest("form[data-kpi]");
    if (form) updateKpi(form);
  });

  // After a criterion is swapped in: adopt its version, tell the other tabs.
  document.addEventListener("htmx:afterSwap", function (event) {
    var block = event.detail.target;
    if (!block || !block.dataset) return;
    var swapped = document.getElementById(block.id) || block;
    if (!swapped.dataset.version) swapped = swapped.querySelector("[data-version]") || swapped;
    if (swapped.dataset.version) adoptVersion(swapped.dataset.version);
    var app = root();
    if (app && swapped.dataset.saved && channel) {
      channel.postMessage({ application: app.dataset.application, criterion: swapped.dataset.criterion, version: swapped.dataset.version });
    }
  });

  // Another tab saved: refresh that criterion here, adopt the version, say so.
  if (channel) {
    channel.onmessage = function (message) {
      var app = root(), data = message.data || {};
      if (!app || data.application !== app.dataset.application) return;
      var notice = document.querySelector("[data-tab-notice]");
      if (notice) {
        notice.hidden = false;
        notice.textContent = notice.dataset.template ? notice.dataset.template.replace("{n}", data.criterion) : data.criterion;
      }
      if (window.htmx) {
        window.htmx.ajax("GET", "/apply/" + data.application + "/criteria/" + encodeURIComponent(data.criterion),
          { target: "#c-" + CSS.escape(data.criterion), swap: "outerHTML" });
      }
    };
  }

  // Upload progress.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target.closest && event.target.closest("form");
    var bar = form && form.querySelector("[data-upload-progress]");
    if (!bar || !event.detail.lengthComputable) return;
    bar.hidden = false;
    bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
  });

  // Deadline countdown: days, hours, minutes, seconds (numbers only; the words are the page's).
  function tick() {
    document.querySelectorAll("time[data-countdown]").forEach(function (el) {
      var left = Math.max(0, new Date(el.getAttribute("datetime")).getTime() - Date.now()) / 1000;
      var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600);
      var m = Math.floor(left % 3600 / 60), s = Math.floor(left % 60);
      var pad = function (x) { return (x < 10 ? "0" : "") + x; };
      el.textContent = d + ":" + pad(h) + ":" + pad(m) + ":" + pad(s);
      el.setAttribute("dir", "ltr");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    tick();
    window.setInterval(tick, 1000);
    document.querySelectorAll("form[data-kpi]").forEach(updateKpi);
  });

  // A form asking for confirmation first (opening an edition locks its frameworks).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) event.preventDefault();
  }, true);
})();
