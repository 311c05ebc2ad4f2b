/* spasmcourse quiz: answer checking and feedback for exported pages and slides.
   checkAnswer and verdict mirror spasmcourse/elements/quiz_check.py exactly;
   tests/test_quiz_spec.py runs the same cases against both. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values || {}, key) ? String(values[key]) : whole;
    });
  }

  sc.checkAnswer = function (question, chosen) {
    var picked = [];
    chosen.forEach(function (index) {
      if (index >= 0 && index < question.options.length && picked.indexOf(index) < 0) {
        picked.push(index);
      }
    });
    picked.sort(function (a, b) { return a - b; });
    var wrong = picked.filter(function (index) { return !question.options[index].correct; });
    var missed = 0;
    question.options.forEach(function (option, index) {
      if (option.correct && picked.indexOf(index) < 0) { missed += 1; }
    });
    var answered = picked.length > 0;
    return {
      answered: answered,
      correct: answered && wrong.length === 0 && missed === 0,
      chosen: picked,
      wrongChosen: wrong,
      missed: missed
    };
  };

  sc.verdict = function (question, check, strings) {
    if (!check.answered) {
      return question.type === "single" ? strings.no_choice_single : strings.no_choice_multiple;
    }
    if (check.correct) { return strings.correct; }
    var parts = [strings.incorrect];
    if (question.type === "multiple") {
      var count = check.wrongChosen.length;
      if (count) {
        parts.push(count === 1 ? strings.wrong_chosen_one : format(strings.wrong_chosen_many, { n: count }));
      }
      if (check.missed) {
        parts.push(check.missed === 1 ? strings.missed_one : format(strings.missed_many, { n: check.missed }));
      }
    }
    return parts.join(" ");
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function paragraphWithLabel(className, label, content) {
    var paragraph = element("p", className);
    paragraph.appendChild(element("strong", "", label + ":"));
    paragraph.appendChild(document.createTextNode(" "));
    paragraph.appendChild(content);
    return paragraph;
  }

  function renderFeedback(box, question, check, revealed, strings) {
    var finished = check.correct || revealed;
    var state = check.correct ? "correct" : (check.answered ? "incorrect" : "empty");
    box.textContent = "";
    box.appendChild(element("p", "sc-verdict sc-verdict--" + state, sc.verdict(question, check, strings)));
    if (check.chosen.length) {
      var list = element("ul", "sc-option-feedback");
      check.chosen.forEach(function (index) {
        var option = question.options[index];
        var item = element("li", option.correct ? "sc-right" : "sc-wrong");
        var mark = option.correct ? "\u2713 " + strings.mark_right : "\u2717 " + strings.mark_wrong;
        item.appendChild(element("span", "sc-mark", mark + ":"));
        item.appendChild(document.createTextNode(" "));
        item.appendChild(element("span", "sc-option-text", option.text));
        item.appendChild(document.createTextNode(" \u2014 " + option.feedback));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (check.answered && !finished) { box.appendChild(element("p", "sc-try-again", strings.try_again)); }
    if (revealed && !check.correct) {
      var answers = question.options.filter(function (o) { return o.correct; })
        .map(function (o) { return o.text; });
      box.appendChild(element("p", "sc-answer", format(strings.answer_is, { answers: answers.join("; ") })));
    }
    if (finished) {
      var explanation = element("div", "sc-explanation");
      explanation.appendChild(paragraphWithLabel("", strings.why, document.createTextNode(question.explanation)));
      var source = question.sourceUrl ? element("a", "", question.source) : document.createTextNode(question.source);
      if (question.sourceUrl) { source.href = question.sourceUrl; }
      explanation.appendChild(paragraphWithLabel("sc-source", strings.source, source));
      box.appendChild(explanation);
    }
  }

  function chosenIndexes(form) {
    var inputs = form.querySelectorAll("input");
    var chosen = [];
    Array.prototype.forEach.call(inputs, function (input) {
      if (input.checked) { chosen.push(Number(input.value)); }
    });
    return chosen;
  }

  function setUpQuestion(form, question, strings) {
    var feedback = form.querySelector(".sc-feedback");
    var checkButton = form.querySelector(".sc-check");
    var revealButton = form.querySelector(".sc-reveal");
    checkButton.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var check = sc.checkAnswer(question, chosenIndexes(form));
      renderFeedback(feedback, question, check, false, strings);
      revealButton.hidden = !(check.answered && !check.correct);
    });
    revealButton.addEventListener("click", function () {
      var check = sc.checkAnswer(question, chosenIndexes(form));
      renderFeedback(feedback, question, check, true, strings);
      revealButton.hidden = true;
      Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) {
        if (question.options[Number(input.value)].correct) {
          input.parentNode.classList.add("sc-is-answer");
        }
      });
    });
  }

  sc.initQuizzes = function () {
    var quizzes = document.querySelectorAll(".sc-quiz:not([data-sc-ready])");
    Array.prototype.forEach.call(quizzes, function (quiz) {
      var dataNode = quiz.querySelector("script.sc-quiz-data");
      if (!dataNode) { return; }
      var data = JSON.parse(dataNode.textContent);
      quiz.setAttribute("data-sc-ready", "true");
      var note = quiz.querySelector(".sc-static-note");
      if (note) { note.hidden = true; }
      Array.prototype.forEach.call(quiz.querySelectorAll("form.sc-question"), function (form) {
        setUpQuestion(form, data.questions[Number(form.getAttribute("data-sc-index"))], data.strings);
      });
    });
  };

  sc.initQuizzes();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", sc.initQuizzes);
  }
})();
