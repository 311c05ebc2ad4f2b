/* spasmcourse flashcards in exported pages and slides: turn a card over, say whether you knew
   it; cards to review come round again; what you knew is kept in this browser. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});
  if (sc.initFlashcards) { sc.initFlashcards(); return; }
  var PREFIX = "spasmcourse:v1:cards:";
  /* One element that cannot start never stops the others: it keeps its static rendering. */
  function guarded(setUp, root) {
    try { setUp(root); } catch (error) {
      root.setAttribute("data-sc-failed", "true");
      if (window.console) { window.console.error("spasmcourse: an element could not start", error); }
    }
  }

  /* What this browser kept: only true/false per card id is taken, whatever else the entry holds. */
  function load(key, cards) {
    var saved;
    try { saved = JSON.parse(window.localStorage.getItem(key) || "{}"); } catch (error) { saved = null; }
    var known = {};
    if (saved && typeof saved === "object" && !Array.isArray(saved)) {
      cards.forEach(function (card) {
        if (Object.prototype.hasOwnProperty.call(saved, card.id) && typeof saved[card.id] === "boolean") {
          known[card.id] = saved[card.id];
        }
      });
    }
    return known;
  }
  function save(key, known) {
    try { window.localStorage.setItem(key, JSON.stringify(known)); } catch (error) { /* kept for this visit only */ }
  }
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function setUp(root) {
    var data = JSON.parse(root.querySelector("script.sc-cards-data").textContent);
    var s = data.strings;
    var key = PREFIX + window.location.pathname + "#" + data.lesson;
    var known = load(key, data.cards);
    var queue = data.cards.filter(function (card) { return !known[card.id]; });
    var turned = false;
    var card = root.querySelector(".sc-card");
    var front = root.querySelector(".sc-card-front");
    var back = root.querySelector(".sc-card-back");
    var said = root.querySelector(".sc-card-said");
    var progress = root.querySelector(".sc-cards-progress");
    var knew = root.querySelector(".sc-cards-knew");
    var again = root.querySelector(".sc-cards-again");
    var restart = root.querySelector(".sc-cards-restart");
    var hint = root.querySelector(".sc-card-hint");

    function draw() {
      var count = data.cards.filter(function (c) { return known[c.id]; }).length;
      var total = data.cards.length;
      var done = queue.length === 0;
      card.hidden = done;
      hint.hidden = done || turned;
      restart.hidden = !done;
      knew.hidden = again.hidden = done || !turned;
      if (done) {
        progress.textContent = format(s.cards_done, { m: total });
        return;
      }
      progress.textContent = format(s.cards_progress, { n: total - queue.length + 1, m: total, k: count });
      front.textContent = queue[0].term;
      back.textContent = s.cards_back + ": " + queue[0].definition;
      back.hidden = !turned;
      card.setAttribute("aria-label", turned ? queue[0].term + ". " + back.textContent : queue[0].term + ". " + s.cards_turn);
    }
    function answer(didKnow) {
      var current = queue.shift();
      known[current.id] = didKnow;
      if (!didKnow) { queue.push(current); }
      save(key, known);
      turned = false;
      draw();
      (queue.length ? card : restart).focus();
    }
    card.addEventListener("click", function () {
      turned = !turned;
      draw();
      said.textContent = turned ? back.textContent : "";
      if (turned) { knew.focus(); }
    });
    knew.addEventListener("click", function () { answer(true); });
    again.addEventListener("click", function () { answer(false); });
    restart.addEventListener("click", function () {
      queue = data.cards.slice();
      turned = false;
      draw();
      card.focus();
    });
    root.querySelector(".sc-cards-deck").hidden = false;
    root.querySelector(".sc-cards-list").hidden = true;
    root.querySelector(".sc-static-note").hidden = true;
    draw();
  }
  sc.initFlashcards = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".sc-cards[data-sc-cards]:not([data-sc-ready])"),
      function (root) { root.setAttribute("data-sc-ready", "true"); guarded(setUp, root); });
  };
  sc.initFlashcards();
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", sc.initFlashcards); }
})();
