// Wagtail's autosave creates a new page with a background request and only then points the
// form at the page's edit address. A button pressed while that request is under way would
// post the form to the "create" address again: the page exists by then, so the writer gets
// "could not be created" (its slug is taken). The press waits for the autosave to finish,
// then goes to the address the autosave left; once a press goes, autosave stops.
(function () {
  "use strict";

  var FORM = "form[data-controller~='w-autosave']";
  var saving = new WeakSet();
  var held = new WeakMap();

  function send(form, press) {
    form.setAttribute("data-w-autosave-active-value", "false");
    if (press && press.name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = press.name;
      input.value = press.value;
      form.appendChild(input);
    }
    form.requestSubmit();
  }

  function settled(event) {
    var form = event.target.closest(FORM);
    if (!form) return;
    saving.delete(form);
    if (held.has(form)) {
      var press = held.get(form);
      held.delete(form);
      send(form, press);
    }
  }

  document.addEventListener("w-autosave:save", function (event) {
    var form = event.target.closest(FORM);
    if (form) saving.add(form);
  });
  document.addEventListener("w-autosave:success", settled);
  document.addEventListener("w-autosave:error", settled);

  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form.matches || !form.matches(FORM)) return;
      if (saving.has(form)) {
        event.preventDefault();
        // The pressed button's name says what to do ("action-publish" and so on).
        held.set(form, event.submitter || null);
      } else {
        form.setAttribute("data-w-autosave-active-value", "false");
      }
    },
    true,
  );
})();
