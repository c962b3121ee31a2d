// The copy-link button under a story. Without JavaScript (or without the clipboard API)
// it stays what the server sent: a plain link to the story.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll("a[data-share-copy]").forEach(function (link) {
    var status = link.closest(".share").querySelector(".share__status");
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(link.href).then(
        function () { status.textContent = link.dataset.copied; },
        function () { status.textContent = link.dataset.failed; }
      );
    });
    link.replaceWith(button);
  });
})();
