// Article engagement: reports the view, refreshes the printed counts, and turns the
// reaction form into toggle buttons that update in place. The page itself is the
// same for every reader (cacheable); everything per reader happens here.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.JSON) { return; }
  var api = script.dataset.api;
  var articleId = api.split("/").pop();
  var lang = document.documentElement.lang || "id";
  var numbers = window.Intl ? new Intl.NumberFormat(lang) : null;
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  var READER = "warta.reader";
  var CHOICES = "warta.reactions";
  var reacted = false;  // a reaction's answer is newer than the refresh below

  function format(n) { return numbers ? numbers.format(n) : String(n); }

  function storage(key, value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      window.localStorage.setItem(key, value);
    } catch (e) { return null; }  // storage blocked: the server tells readers apart itself
    return value;
  }

  // A random first-party id, sent only to /api/engagement/ (never with a page request).
  function rememberReader() {
    var id = storage(READER);
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
      if (storage(READER, id) !== id) { return; }
    }
    document.cookie = "warta_reader=" + id + "; Path=/api/engagement/; Max-Age=31536000; SameSite=Lax" +
      (location.protocol === "https:" ? "; Secure" : "");
  }

  function whenSeen(callback) {
    if (document.prerendering) {
      document.addEventListener("prerenderingchange", function () { whenSeen(callback); }, { once: true });
    } else if (document.visibilityState === "visible") {
      callback();
    } else {
      document.addEventListener("visibilitychange", function onChange() {
        if (document.visibilityState !== "visible") { return; }
        document.removeEventListener("visibilitychange", onChange);
        callback();
      });
    }
  }

  function reportView() {
    var url = api + "/views";
    if (navigator.sendBeacon && navigator.sendBeacon(url)) { return; }
    fetch(url, { method: "POST", keepalive: true, credentials: "same-origin" }).catch(function () {});
  }

  function showCounts(data) {
    var views = document.querySelector("[data-engagement-views]");
    if (views && typeof data.views === "number") {
      var one = plurals && plurals.select(data.views) === "one";
      var text = one ? views.dataset.textOne : views.dataset.textOther;
      views.textContent = text.replace("{n}", format(data.views));
    }
    Object.keys(data.reactions || {}).forEach(function (key) {
      var item = document.querySelector(".reaction--" + key);
      if (!item) { return; }
      item.querySelector(".reaction__count").textContent = format(data.reactions[key]);
      item.querySelector(".reaction__share").textContent = data.shares[key] + "%";
    });
  }

  function choices() {
    try { return JSON.parse(storage(CHOICES) || "{}") || {}; } catch (e) { return {}; }
  }

  function markChoice(buttons, choice) {
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.value === choice));
    });
  }

  function enhanceReactions() {
    var form = document.querySelector("[data-engagement-reactions] form");
    if (!form) { return; }
    var buttons = Array.prototype.slice.call(form.querySelectorAll("button[name=reaction]"));
    var status = form.querySelector("[role=status]");
    markChoice(buttons, choices()[articleId] || null);
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "reaction") { return; }
      event.preventDefault();
      var wanted = button.getAttribute("aria-pressed") === "true" ? null : button.value;
      buttons.forEach(function (b) { b.setAttribute("aria-busy", "true"); });
      fetch(form.action, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ reaction: wanted })
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (data) {
        reacted = true;
        showCounts(data);
        markChoice(buttons, data.choice);
        var saved = choices();
        if (data.choice) { saved[articleId] = data.choice; } else { delete saved[articleId]; }
        storage(CHOICES, JSON.stringify(saved));
        var chosen = buttons.filter(function (b) { return b.value === data.choice; })[0];
        status.textContent = chosen
          ? status.dataset.textChosen.replace("{reaction}", chosen.querySelector(".reaction__label").textContent)
          : status.dataset.textWithdrawn;
      }).catch(function () {
        status.textContent = status.dataset.textFailed;
      }).then(function () {
        buttons.forEach(function (b) { b.removeAttribute("aria-busy"); });
      });
    });
  }

  rememberReader();
  enhanceReactions();
  whenSeen(reportView);
  fetch(api, { credentials: "omit" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) { if (data && !reacted) { showCounts(data); } })
    .catch(function () {});
})();
