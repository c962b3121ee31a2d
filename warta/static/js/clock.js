// Makes the header clock tick in the site's time zone. The server renders the
// first value and gives the day and month names, so both print the same text.
(function () {
  "use strict";
  var clock = document.querySelector(".site-clock");
  if (!clock || !window.Intl) { return; }
  var days = clock.dataset.dayNames.split(",");     // Sunday first
  var months = clock.dataset.monthNames.split(",");
  var parts = new Intl.DateTimeFormat("en-US", {
    timeZone: clock.dataset.timeZone, hourCycle: "h23",
    year: "numeric", month: "numeric", day: "numeric",
    hour: "2-digit", minute: "2-digit", second: "2-digit"
  });
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var now = new Date();
    var p = {};
    parts.formatToParts(now).forEach(function (part) { p[part.type] = parseInt(part.value, 10); });
    var weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
    clock.textContent = days[weekday] + ", " + p.day + " " + months[p.month - 1] + " " + p.year +
      " " + pad(p.hour) + ":" + pad(p.minute) + ":" + pad(p.second) + " " + clock.dataset.abbreviation;
    clock.setAttribute("datetime", now.toISOString().slice(0, 19) + "Z");
    setTimeout(tick, 1000 - (Date.now() % 1000));
  }
  tick();
})();
