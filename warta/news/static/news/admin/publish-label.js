// The page editor's primary button reads "Jadwalkan" (schedule) while the go-live time
// typed in the schedule dialog lies in the future, and "Publikasikan" otherwise.
(function () {
  "use strict";

  function inFuture(value) {
    if (!value) return false;
    // Wagtail's date-time fields hold "YYYY-MM-DD HH:MM" in the admin's time zone.
    var time = Date.parse(value.trim().replace(" ", "T"));
    return !isNaN(time) && time > Date.now();
  }

  function update() {
    var button = document.querySelector("button[data-warta-schedule-label]");
    var field = document.querySelector('input[name="go_live_at"]');
    if (!button || !field) return;
    var label = button.querySelector("[data-w-progress-target='label']");
    if (!label) return;
    label.textContent = inFuture(field.value)
      ? button.dataset.wartaScheduleLabel
      : button.dataset.wartaPublishLabel;
  }

  document.addEventListener("change", function (event) {
    if (event.target.name === "go_live_at") update();
  });
  document.addEventListener("input", function (event) {
    if (event.target.name === "go_live_at") update();
  });
  document.addEventListener("DOMContentLoaded", update);
})();
