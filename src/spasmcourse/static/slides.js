/* spasmcourse slides: every slide fits the room. A quiz shows one question per step (the right
   arrow moves on); a slide still taller than the screen scrolls, with a cue, and the down and up
   arrows scroll it before they move on; quiz feedback is scrolled into view after Check answer. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function leaves() {
    return all(document, ".reveal .slides section").filter(function (s) { return !s.querySelector("section"); });
  }

  function stepQuizzes() {
    all(document, ".reveal .sc-quiz").forEach(function (quiz) {
      quiz.classList.add("sc-quiz-steps");
      all(quiz, ".sc-question").slice(1).forEach(function (question) { question.classList.add("fragment"); });
    });
  }

  function addCues(text) {
    leaves().forEach(function (slide) {
      slide.tabIndex = 0;
      var cue = document.createElement("p");
      cue.className = "sc-more";
      cue.setAttribute("aria-hidden", "true");
      cue.textContent = text;
      slide.appendChild(cue);
      slide.addEventListener("scroll", update);
    });
  }

  function overflows(slide) { return slide.scrollHeight - slide.clientHeight > 2; }
  function atEnd(slide) { return slide.scrollTop + slide.clientHeight >= slide.scrollHeight - 2; }

  function update() {
    var slide = window.Reveal && Reveal.getCurrentSlide();
    if (!slide) { return; }
    var cue = slide.querySelector(".sc-more");
    if (cue) { cue.classList.toggle("sc-more-shown", overflows(slide) && !atEnd(slide)); }
  }
  function later() { window.requestAnimationFrame(update); }

  function scrollOr(direction, move) {
    return function () {
      var slide = Reveal.getCurrentSlide();
      var step = slide.clientHeight * 0.8;
      if (direction > 0 && overflows(slide) && !atEnd(slide)) { slide.scrollTop += step; }
      else if (direction < 0 && slide.scrollTop > 0) { slide.scrollTop -= step; }
      else { move(); }
    };
  }

  function showFeedback(event) {
    if (event.type === "click" && !event.target.closest("button")) { return; }
    var form = event.target.closest && event.target.closest("form.sc-question");
    var slide = form && form.closest("section");
    if (!slide) { return; }
    window.setTimeout(function () {
      var box = slide.getBoundingClientRect();
      var scale = box.height / slide.clientHeight || 1;
      var feedback = form.querySelector(".sc-feedback");
      var cue = slide.querySelector(".sc-more");
      var below = (feedback.getBoundingClientRect().bottom - box.bottom) / scale + cue.offsetHeight + 16;
      var formTop = (form.getBoundingClientRect().top - box.top) / scale;
      var feedbackTop = (feedback.getBoundingClientRect().top - box.top) / scale;
      if (below > 0) { slide.scrollTop += below <= formTop ? below : Math.min(below, feedbackTop); }
      update();
    }, 30);
  }

  sc.initSlides = function (options) {
    stepQuizzes();
    addCues(options.more);
    options.keyboard = {
      38: scrollOr(-1, function () { Reveal.prev(); }),
      40: scrollOr(1, function () { Reveal.next(); }),
      33: scrollOr(-1, function () { Reveal.prev(); }),
      34: scrollOr(1, function () { Reveal.next(); })
    };
    Reveal.initialize(options);
    ["ready", "slidechanged", "fragmentshown", "fragmenthidden", "resize"].forEach(function (name) {
      Reveal.on(name, later);
    });
    document.addEventListener("submit", showFeedback, true);
    document.addEventListener("click", showFeedback, true);
    document.addEventListener("click", later);
    document.addEventListener("toggle", later, true);
  };
})();
