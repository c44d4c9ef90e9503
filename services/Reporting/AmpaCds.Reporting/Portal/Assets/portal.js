// Live stage updates from the portal's server-sent events. The pages work without it; it only saves a reload.
(function () {
  "use strict";
  var source = document.querySelector("[data-live-events]");
  if (!source || !window.EventSource) { return; }
  var labels = {};
  var template = document.getElementById("stage-labels");
  if (template) {
    template.content.querySelectorAll("[data-stage]").forEach(function (el) { labels[el.getAttribute("data-stage")] = el.textContent; });
  }
  var liveStudy = source.getAttribute("data-live-study");
  var address = source.getAttribute("data-live-events") + (liveStudy ? "?study=" + encodeURIComponent(liveStudy) : "");
  var events = new EventSource(address);
  // A form being sent navigates away; a reload triggered by the stage change it causes would cancel that navigation.
  document.addEventListener("submit", function () { events.close(); });
  events.addEventListener("stage", function (event) {
    var change = JSON.parse(event.data);
    if (liveStudy) {
      // The study page loads itself again when its study moves on, so the report appears when it is ready. It goes to the
      // page's own address rather than reloading: a page that answered a form must not send the form again.
      if (change.study === liveStudy && change.stage !== source.getAttribute("data-stage")) {
        events.close();
        window.location.assign(source.getAttribute("data-live-url") || window.location.pathname);
      }
      return;
    }
    var row = document.querySelector('tr[data-study="' + change.study + '"]');
    if (!row) { return; }
    var stage = row.querySelector("[data-stage]");
    stage.setAttribute("data-stage", change.stage);
    stage.className = "stage stage-" + change.stage.toLowerCase();
    stage.textContent = labels[change.stage] || change.stage;
    row.querySelector("[data-detail]").textContent = change.detail;
    row.querySelector("[data-updated]").textContent = change.at;
  });
})();
