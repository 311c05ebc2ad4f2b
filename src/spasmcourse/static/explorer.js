/* spasmcourse explorer in exported pages and slides: filter the items by group. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});
  if (sc.initExplorers) { sc.initExplorers(); return; }
  /* One element that cannot start never stops the others: it keeps its static rendering. */
  function guarded(setUp, root) {
    try { setUp(root); } catch (error) {
      root.setAttribute("data-sc-failed", "true");
      if (window.console) { window.console.error("spasmcourse: an element could not start", error); }
    }
  }

  function setUp(root) {
    var buttons = Array.prototype.slice.call(root.querySelectorAll(".sc-explorer-filters button"));
    var items = Array.prototype.slice.call(root.querySelectorAll(".sc-explorer-item"));
    var status = root.querySelector(".sc-explorer-status");
    var template = status.getAttribute("data-template");
    function show(group) {
      var shown = 0;
      items.forEach(function (item) {
        var visible = !group || item.getAttribute("data-groups").split(" ").indexOf(group) >= 0;
        item.hidden = !visible;
        if (visible) { shown += 1; }
      });
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-group") === group));
      });
      status.textContent = template.replace("{n}", String(shown)).replace("{m}", String(items.length));
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () { show(button.getAttribute("data-group")); });
    });
    root.querySelector(".sc-explorer-filters").hidden = false;
  }
  sc.initExplorers = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".sc-explorer[data-sc-explorer]:not([data-sc-ready])"),
      function (root) { root.setAttribute("data-sc-ready", "true"); guarded(setUp, root); });
  };
  sc.initExplorers();
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", sc.initExplorers); }
})();
