/* spasmcourse quiz in exported pages and slides: reads answers from the form, shows feedback,
   keeps the score, saves answers in this browser (localStorage, per page) and restores them.
   The rules themselves live in quiz-check.js. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});
  if (sc.initQuizzes) { sc.initQuizzes(); return; }
  var PREFIX = "spasmcourse:v1:";
  var memory = {};
  /* One quiz that cannot start never stops the others: it keeps its static rendering. */
  function guarded(setUp, root) {
    try { setUp(root); } catch (error) {
      root.setAttribute("data-sc-failed", "true");
      if (window.console) { window.console.error("spasmcourse: an element could not start", error); }
    }
  }

  function storageGet(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return memory[key] || null; }
  }
  function storageSet(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { memory[key] = value; }
  }
  function storageRemove(key) {
    try { window.localStorage.removeItem(key); } catch (error) { delete memory[key]; }
  }
  function learner() {
    var key = PREFIX + "learner";
    var id = storageGet(key);
    if (!id) {
      var bytes = new Uint8Array(8);
      (window.crypto || {}).getRandomValues ? window.crypto.getRandomValues(bytes) : bytes.fill(7);
      id = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
      storageSet(key, id);
    }
    return id;
  }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function isPlainObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  /* A saved answer of the form the form itself gives: text for a number, else a short list of indexes. */
  function answerShaped(data, answer) {
    if (data.type === "numeric") { return typeof answer === "string" && answer.length <= 100; }
    return Array.isArray(answer) && answer.length <= 100 && answer.every(function (item) {
      return item === null || (typeof item === "number" && item % 1 === 0 && item >= 0 && item < 100);
    });
  }
  /* An entry read back from the browser, checked again: nothing saved is trusted, a forged score included. */
  function savedEntry(question, entry) {
    if (!isPlainObject(entry) || !answerShaped(question.data, entry.answer)) { return null; }
    var clean = { answer: entry.answer, checked: entry.checked === true, revealed: entry.revealed === true };
    clean.correct = clean.checked && sc.check(question.data, clean.answer, question.strings).correct === true;
    return clean;
  }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function labelled(label, content) {
    var paragraph = element("p");
    paragraph.appendChild(element("strong", "", label + ":"));
    paragraph.appendChild(document.createTextNode(" "));
    paragraph.appendChild(content);
    return paragraph;
  }
  function reorder(container, selector, order) {
    var nodes = all(container, selector);
    var byItem = {};
    nodes.forEach(function (node) { byItem[node.getAttribute("data-sc-item")] = node; });
    order.forEach(function (item) { if (byItem[item]) { container.appendChild(byItem[item]); } });
  }

  function Question(quiz, form, data) {
    this.quiz = quiz;
    this.form = form;
    this.data = data;
    this.strings = quiz.strings;
    this.feedback = form.querySelector(".sc-feedback");
    this.revealButton = form.querySelector(".sc-reveal");
    this.hintButton = form.querySelector(".sc-hint-button");
    this.hint = form.querySelector(".sc-hint");
    this.announce = form.querySelector(".sc-announce");
    this.seed = quiz.learner + "|" + quiz.id + "|" + data.id;
    this.arrange();
    this.wire();
  }
  Question.prototype.arrange = function () {
    var data = this.data;
    var form = this.form;
    if (data.type === "ordering") {
      reorder(form.querySelector(".sc-order"), ".sc-order-item", sc.shuffled(data.items.length, this.seed, true));
      all(form, ".sc-order button").forEach(function (button) { button.hidden = false; });
    } else if ((data.type === "single" || data.type === "multiple") && data.shuffle !== false) {
      reorder(form.querySelector(".sc-options"), ".sc-option", sc.shuffled(data.options.length, this.seed));
    } else if (data.type === "matching" && data.shuffle !== false) {
      var order = sc.shuffled(sc.definitions(data).length, this.seed);
      all(form, ".sc-slot select").forEach(function (select) { reorder(select, "option[value]:not([value=''])", order); });
    } else if (data.type === "categorize" && data.shuffle !== false) {
      reorder(form.querySelector(".sc-slots"), ".sc-slot", sc.shuffled(data.items.length, this.seed));
    }
  };
  Question.prototype.wire = function () {
    var self = this;
    this.form.querySelector(".sc-check").hidden = false;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.check(false, true);
    });
    this.revealButton.addEventListener("click", function () { self.check(true, true); });
    if (this.hintButton) {
      this.hintButton.hidden = false;
      this.hintButton.addEventListener("click", function () {
        self.hint.hidden = false;
        self.hint.textContent = "";
        self.hint.appendChild(labelled(self.strings.hint, document.createTextNode(self.data.hint)));
        self.hintButton.setAttribute("aria-expanded", "true");
        self.hintButton.hidden = true;
      });
    }
    all(this.form, ".sc-order button").forEach(function (button) {
      button.addEventListener("click", function () { self.move(button); });
    });
  };
  Question.prototype.move = function (button) {
    var item = button.closest(".sc-order-item");
    var list = item.parentNode;
    var up = button.classList.contains("sc-up");
    var sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) { return; }
    list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
    button.focus();
    var position = all(list, ".sc-order-item").indexOf(item) + 1;
    this.announce.textContent = sc.format(this.strings.moved, {
      item: item.querySelector(".sc-order-text").textContent, n: position, m: this.data.items.length });
  };
  Question.prototype.readAnswer = function () {
    var form = this.form;
    switch (this.data.type) {
      case "numeric": return form.querySelector("input").value;
      case "ordering":
        return all(form, ".sc-order-item").map(function (li) { return Number(li.getAttribute("data-sc-item")); });
      case "matching":
      case "categorize":
        var slots = all(form, ".sc-slot").sort(function (a, b) {
          return Number(a.getAttribute("data-sc-item")) - Number(b.getAttribute("data-sc-item"));
        });
        return slots.map(function (slot) {
          var value = slot.querySelector("select").value;
          return value === "" ? null : Number(value);
        });
      default:
        return all(form, "input").filter(function (input) { return input.checked; })
          .map(function (input) { return Number(input.value); });
    }
  };
  Question.prototype.applyAnswer = function (answer) {
    var form = this.form;
    switch (this.data.type) {
      case "numeric": form.querySelector("input").value = answer || ""; break;
      case "ordering":
        if (Array.isArray(answer) && answer.length === this.data.items.length) {
          reorder(form.querySelector(".sc-order"), ".sc-order-item", answer);
        }
        break;
      case "matching":
      case "categorize":
        all(form, ".sc-slot").forEach(function (slot) {
          var value = (answer || [])[Number(slot.getAttribute("data-sc-item"))];
          slot.querySelector("select").value = value === null || value === undefined ? "" : String(value);
        });
        break;
      default:
        all(form, "input").forEach(function (input) {
          input.checked = (answer || []).indexOf(Number(input.value)) >= 0;
        });
    }
  };
  Question.prototype.check = function (revealed, save) {
    var answer = this.readAnswer();
    var check = sc.check(this.data, answer, this.strings);
    this.render(answer, check, revealed);
    if (save) { this.quiz.record(this.data.id, { answer: answer, checked: true, revealed: revealed, correct: check.correct }); }
    return check;
  };
  Question.prototype.render = function (answer, check, revealed) {
    var strings = this.strings;
    var data = this.data;
    var finished = check.correct || revealed;
    var box = this.feedback;
    box.textContent = "";
    var state = check.correct ? "correct" : (check.answered ? "incorrect" : "empty");
    box.appendChild(element("p", "sc-verdict sc-verdict--" + state, sc.verdict(data, check, strings)));
    var lines = sc.feedbackLines(data, check, answer, strings);
    if (lines.length) {
      var list = element("ul", "sc-option-feedback");
      lines.forEach(function (line) {
        var item = element("li", line.correct ? "sc-right" : "sc-wrong");
        var mark = line.correct ? "\u2713 " + strings.mark_right : "\u2717 " + strings.mark_wrong;
        item.appendChild(element("span", "sc-mark", mark + ":"));
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "sc-option-text", line.text));
        if (line.feedback) { item.appendChild(document.createTextNode(" \u2014 " + line.feedback)); }
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (check.answered && !finished) { box.appendChild(element("p", "sc-try-again", strings.try_again)); }
    if (revealed && !check.correct) {
      box.appendChild(element("p", "sc-answer", sc.format(strings.answer_is, { answers: sc.answerText(data, strings) })));
    }
    if (finished) {
      var why = element("div", "sc-explanation");
      why.appendChild(labelled(strings.why, document.createTextNode(data.explanation)));
      var source = data.sourceUrl ? element("a", "", data.source) : document.createTextNode(data.source);
      if (data.sourceUrl) { source.href = data.sourceUrl; }
      var sourceLine = labelled(strings.source, source);
      sourceLine.className = "sc-source";
      why.appendChild(sourceLine);
      box.appendChild(why);
    }
    this.revealButton.hidden = !(check.answered && !finished);
  };
  Question.prototype.reset = function () {
    this.applyAnswer(null);
    if (this.data.type === "ordering") {
      reorder(this.form.querySelector(".sc-order"), ".sc-order-item", sc.shuffled(this.data.items.length, this.seed, true));
    }
    this.feedback.textContent = "";
    this.revealButton.hidden = true;
    if (this.hintButton) {
      this.hintButton.hidden = false;
      this.hintButton.setAttribute("aria-expanded", "false");
      this.hint.hidden = true;
    }
  };

  function Quiz(root) {
    var data = JSON.parse(root.querySelector("script.sc-quiz-data").textContent);
    var self = this;
    this.root = root;
    this.id = data.quiz;
    this.title = data.title;
    this.strings = data.strings;
    this.learner = learner();
    this.key = PREFIX + window.location.pathname + "#" + data.quiz;
    this.state = this.load();
    this.score = root.querySelector(".sc-score");
    this.questions = all(root, "form.sc-question").map(function (form) {
      return new Question(self, form, data.questions[Number(form.getAttribute("data-sc-index"))]);
    });
    this.questions.forEach(function (question) {
      var id = question.data.id;
      try {
        var saved = Object.prototype.hasOwnProperty.call(self.state.answers, id)
          ? savedEntry(question, self.state.answers[id]) : null;
        if (saved) {
          self.state.answers[id] = saved;
          question.applyAnswer(saved.answer);
          if (saved.checked) { question.check(saved.revealed, false); }
        } else {
          delete self.state.answers[id];
        }
      } catch (error) {
        delete self.state.answers[id];
        question.reset();
      }
    });
    var note = root.querySelector(".sc-static-note");
    if (note) { note.hidden = true; }
    var clear = root.querySelector(".sc-clear");
    clear.hidden = false;
    clear.addEventListener("click", function () { self.clear(); });
    this.score.hidden = false;
    this.update();
  }
  Quiz.prototype.load = function () {
    try {
      var state = JSON.parse(storageGet(this.key) || "null");
      if (isPlainObject(state) && isPlainObject(state.answers)) { return { answers: state.answers }; }
    } catch (error) { /* a damaged entry is ignored and replaced on the next save */ }
    return { answers: {} };
  };
  Quiz.prototype.record = function (questionId, entry) {
    this.state.answers[questionId] = entry;
    storageSet(this.key, JSON.stringify(this.state));
    this.update();
  };
  Quiz.prototype.correctCount = function () {
    var answers = this.state.answers;
    return this.questions.filter(function (q) {
      var saved = answers[q.data.id];
      return saved && saved.checked && saved.correct && !saved.revealed;
    }).length;
  };
  Quiz.prototype.update = function () {
    this.score.textContent = sc.format(this.strings.score, { n: this.correctCount(), m: this.questions.length });
    document.dispatchEvent(new CustomEvent("spasmcourse:quiz-change"));
  };
  Quiz.prototype.clear = function () {
    storageRemove(this.key);
    this.state = { answers: {} };
    this.questions.forEach(function (question) { question.reset(); });
    this.root.querySelector(".sc-clear-status").textContent = this.strings.cleared;
    this.update();
  };

  function updateSummaries() {
    all(document, "[data-sc-summary]").forEach(function (summary) { guarded(summarise, summary); });
  }
  function summarise(summary) {
    var quizzes = sc.quizzes || [];
    var strings = JSON.parse(summary.querySelector("script.sc-summary-data").textContent).strings;
    var list = summary.querySelector(".sc-summary-list");
    var total = summary.querySelector(".sc-summary-total");
    list.textContent = "";
    var right = 0;
    var questions = 0;
    quizzes.forEach(function (quiz) {
      var n = quiz.correctCount();
      right += n;
      questions += quiz.questions.length;
      list.appendChild(element("li", "", sc.format(strings.summary_line, { title: quiz.title, n: n, m: quiz.questions.length })));
    });
    total.textContent = questions ? sc.format(strings.summary_total, { n: right, m: questions }) : strings.summary_empty;
  }

  /* A performance mark once every quiz of the parsed page is live (read by benchmarks/run.py). */
  function markReady() {
    if (sc.quizReadyMarked || document.readyState === "loading" || !window.performance || !performance.mark) { return; }
    sc.quizReadyMarked = true;
    performance.mark("sc-quiz-ready");
  }

  sc.quizzes = [];
  sc.initQuizzes = function () {
    all(document, ".sc-quiz:not([data-sc-ready])").forEach(function (root) {
      if (!root.querySelector("script.sc-quiz-data")) { return; }
      root.setAttribute("data-sc-ready", "true");
      guarded(function () { sc.quizzes.push(new Quiz(root)); }, root);
    });
    updateSummaries();
    markReady();
  };
  document.addEventListener("spasmcourse:quiz-change", updateSummaries);
  sc.initQuizzes();
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", sc.initQuizzes); }
})();
