// Gatehouse's one script. A throttled login says how long to wait; this counts that wait down on the
// button, which stays disabled until then, so nobody has to guess. The server decides either way:
// without the script the page works the same, and an early try is simply refused again.
"use strict";
(function () {
  var button = document.querySelector("button[data-retry-after]");
  if (!button) {
    return;
  }
  var label = button.textContent;
  var left = parseInt(button.getAttribute("data-retry-after"), 10);
  function tick() {
    if (left > 0) {
      button.disabled = true;
      button.textContent = label + " (in " + (left < 120 ? left + " s" : Math.ceil(left / 60) + " min") + ")";
      left -= 1;
      window.setTimeout(tick, 1000);
    } else {
      button.disabled = false;
      button.textContent = label;
    }
  }
  tick();
})();
