/* spasmcourse case study in exported pages and slides: decide, read the feedback, continue or
   choose again; the story ends with the lessons to revisit. Mirrors elements/case_study.py. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});
  if (sc.initCases) { sc.initCases(); return; }

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  /* One element that cannot start never stops the others: it keeps its static rendering. */
  function guarded(setUp, root) {
    try { setUp(root); } catch (error) {
      root.setAttribute("data-sc-failed", "true");
      if (window.console) { window.console.error("spasmcourse: an element could not start", error); }
    }
  }

  function setUp(root) {
    var data = JSON.parse(root.querySelector("script.sc-case-data").textContent);
    var node = data.start;
    var chosen = null;
    var trail = [];
    var trailList = root.querySelector(".sc-case-trail");
    var trailLabel = root.querySelector(".sc-case-trail-label");
    function step(id) { return root.querySelector('.sc-case-step[data-node="' + id + '"]'); }
    function draw(moveFocus) {
      all(root, ".sc-case-step").forEach(function (s) { s.hidden = s.getAttribute("data-node") !== node; });
      trailList.textContent = "";
      trail.forEach(function (item) {
        var li = document.createElement("li");
        li.textContent = item;
        trailList.appendChild(li);
      });
      trailLabel.hidden = trail.length === 0;
      var current = step(node);
      all(current, ".sc-case-said > div").forEach(function (f) {
        f.hidden = chosen === null || Number(f.getAttribute("data-choice")) !== chosen;
      });
      all(current, ".sc-case-choices button").forEach(function (b) { b.disabled = chosen !== null; });
      var next = current.querySelector(".sc-case-next");
      if (next) { next.hidden = chosen === null; }
      if (moveFocus) {
        var target = chosen === null ? current.querySelector('[tabindex="-1"]') : current.querySelector(".sc-case-continue");
        if (target) { target.focus(); }
      }
    }
    all(root, ".sc-case-choices button").forEach(function (button) {
      button.addEventListener("click", function () { chosen = Number(button.getAttribute("data-choice")); draw(true); });
    });
    all(root, ".sc-case-continue").forEach(function (button) {
      button.addEventListener("click", function () {
        var current = step(node);
        trail.push(current.querySelector(".sc-case-text").textContent + " \u2192 " +
          current.querySelectorAll(".sc-case-choices button")[chosen].textContent);
        node = data.steps[node][chosen];
        chosen = null;
        draw(true);
      });
    });
    all(root, ".sc-case-retry").forEach(function (button) {
      button.addEventListener("click", function () { chosen = null; draw(true); });
    });
    all(root, ".sc-case-restart").forEach(function (button) {
      button.addEventListener("click", function () { node = data.start; chosen = null; trail = []; draw(true); });
    });
    root.querySelector(".sc-case-play").hidden = false;
    root.querySelector(".sc-static-note").hidden = true;
    draw(false);
  }
  sc.initCases = function () {
    all(document, ".sc-case[data-sc-case]:not([data-sc-ready])").forEach(function (root) {
      root.setAttribute("data-sc-ready", "true");
      guarded(setUp, root);
    });
  };
  sc.initCases();
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", sc.initCases); }
})();
