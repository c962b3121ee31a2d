// The page editor's primary button reads "Jadwalkan" (schedule) while the go-live time
// typed in the schedule dialog, or an article's publication time, lies in the future (the
// article form makes a future publication time a schedule), and "Publikasikan" otherwise.
(function () {
  "use strict";

  var FIELDS = ["go_live_at", "published_at"];

  function inFuture(value) {
    if (!value) return false;
    // Wagtail's date-time fields hold "YYYY-MM-DD HH:MM" in the admin's time zone.
    var time = Date.parse(value.trim().replace(" ", "T"));
    return !isNaN(time) && time > Date.now();
  }

  function update() {
    var button = document.querySelector("button[data-warta-schedule-label]");
    if (!button) return;
    var label = button.querySelector("[data-w-progress-target='label']");
    if (!label) return;
    var scheduled = FIELDS.some(function (name) {
      var field = document.querySelector('input[name="' + name + '"]');
      return field && inFuture(field.value);
    });
    label.textContent = scheduled
      ? button.dataset.wartaScheduleLabel
      : button.dataset.wartaPublishLabel;
  }

  document.addEventListener("change", function (event) {
    if (FIELDS.indexOf(event.target.name) !== -1) update();
  });
  document.addEventListener("input", function (event) {
    if (FIELDS.indexOf(event.target.name) !== -1) update();
  });
  document.addEventListener("DOMContentLoaded", update);
})();
