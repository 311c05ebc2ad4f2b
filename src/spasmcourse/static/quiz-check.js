/* spasmcourse quiz rules: answer checking, verdicts, feedback lines, answer text and seeded
   shuffling. Mirrors spasmcourse/elements/quiz/checking.py, feedback.py and shuffle.py;
   tests/quiz_cases.yml is run against both. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});
  if (sc.check) { return; }
  var NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
  var EPSILON = 1e-9;
  var EMPTY_KEYS = { "single": "no_choice_single", "true-false": "no_choice_single",
    "multiple": "no_choice_multiple", "numeric": "numeric_empty" };
  var COUNT_KEYS = { "matching": "matched_count", "ordering": "ordered_count", "categorize": "sorted_count" };

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values || {}, key) ? String(values[key]) : whole;
    });
  }
  function isIndex(value, limit) { return typeof value === "number" && value % 1 === 0 && value >= 0 && value < limit; }
  function result(answered, correct, marks, right, total, missed, note) {
    return { answered: answered, correct: correct, marks: marks || [], right: right || 0,
      total: total || 0, missed: missed || 0, note: note || "" };
  }

  sc.format = format;
  sc.choiceOptions = function (question, strings) {
    if (question.type === "true-false") {
      return [{ text: strings["true"], correct: question.answer === true, feedback: question.if_true },
        { text: strings["false"], correct: question.answer === false, feedback: question.if_false }];
    }
    return question.options;
  };
  sc.definitions = function (question) {
    return question.pairs.map(function (pair) { return pair.definition; }).concat(question.distractors || []);
  };
  sc.parseNumber = function (typed, unit) {
    var value = String(typed).trim();
    [unit, "%"].forEach(function (suffix) {
      if (suffix && value.toLowerCase().endsWith(suffix.toLowerCase())) {
        value = value.slice(0, value.length - suffix.length).trim();
      }
    });
    return NUMBER.test(value) ? parseFloat(value.replace(",", ".")) : null;
  };
  sc.numericBounds = function (question) {
    var spec = question.answer;
    if (spec.value === null || spec.value === undefined) { return [spec.min, spec.max]; }
    var tolerance = spec.tolerance || 0;
    return [spec.value - tolerance, spec.value + tolerance];
  };

  function checkChoice(options, answer) {
    var picked = [];
    (Array.isArray(answer) ? answer : []).forEach(function (i) {
      if (isIndex(i, options.length) && picked.indexOf(i) < 0) { picked.push(i); }
    });
    picked.sort(function (a, b) { return a - b; });
    var marks = picked.map(function (i) { return { index: i, correct: !!options[i].correct }; });
    var wrong = marks.filter(function (m) { return !m.correct; }).length;
    var missed = 0;
    options.forEach(function (option, i) { if (option.correct && picked.indexOf(i) < 0) { missed += 1; } });
    var answered = picked.length > 0;
    return result(answered, answered && wrong === 0 && missed === 0, marks,
      picked.length - wrong, options.length, missed);
  }
  function checkNumeric(question, answer) {
    var typed = typeof answer === "string" ? answer : "";
    if (!typed.trim()) { return result(false, false); }
    var value = sc.parseNumber(typed, question.unit);
    if (value === null) { return result(false, false, [], 0, 0, 0, "not-a-number"); }
    var bounds = sc.numericBounds(question);
    if (value < bounds[0] - EPSILON) { return result(true, false, [{ index: 0, correct: false }], 0, 0, 0, "too-low"); }
    if (value > bounds[1] + EPSILON) { return result(true, false, [{ index: 0, correct: false }], 0, 0, 0, "too-high"); }
    return result(true, true, [{ index: 0, correct: true }]);
  }
  function checkSlots(answer, count, wanted, choices, duplicatesMatter) {
    var given = Array.isArray(answer) ? answer : [];
    var slots = [];
    for (var i = 0; i < count; i += 1) { slots.push(isIndex(given[i], choices) ? given[i] : null); }
    if (slots.every(function (s) { return s === null; })) { return result(false, false, [], 0, count); }
    var marks = slots.map(function (slot, index) { return { index: index, correct: slot === wanted[index] }; });
    var right = marks.filter(function (m) { return m.correct; }).length;
    var used = slots.filter(function (s) { return s !== null; });
    var unique = used.filter(function (s, index) { return used.indexOf(s) === index; });
    var note = duplicatesMatter && unique.length !== used.length ? "duplicates" : "";
    return result(true, right === count, marks, right, count, 0, note);
  }
  function checkOrder(answer, count) {
    var order = Array.isArray(answer) ? answer : [];
    var sorted = order.filter(function (i) { return typeof i === "number"; }).slice().sort(function (a, b) { return a - b; });
    var valid = order.length === count && sorted.length === count && sorted.every(function (v, i) { return v === i; });
    if (!valid) { return result(false, false, [], 0, count); }
    var marks = order.map(function (item, position) { return { index: item, correct: item === position }; });
    var right = marks.filter(function (m) { return m.correct; }).length;
    return result(true, right === count, marks, right, count);
  }

  sc.check = function (question, answer, strings) {
    switch (question.type) {
      case "numeric": return checkNumeric(question, answer);
      case "matching":
        return checkSlots(answer, question.pairs.length, question.pairs.map(function (p, i) { return i; }),
          sc.definitions(question).length, true);
      case "categorize":
        return checkSlots(answer, question.items.length, question.items.map(function (item) {
          return question.categories.indexOf(item.category);
        }), question.categories.length, false);
      case "ordering": return checkOrder(answer, question.items.length);
      default: return checkChoice(sc.choiceOptions(question, strings), answer);
    }
  };

  sc.verdict = function (question, check, strings) {
    if (!check.answered) {
      if (check.note === "not-a-number") { return strings.not_a_number; }
      return strings[EMPTY_KEYS[question.type] || "no_choice_items"];
    }
    if (check.correct) { return strings.correct; }
    var parts = [strings.incorrect];
    if (question.type === "multiple") {
      var wrong = check.marks.filter(function (m) { return !m.correct; }).length;
      if (wrong) { parts.push(wrong === 1 ? strings.wrong_chosen_one : format(strings.wrong_chosen_many, { n: wrong })); }
      if (check.missed) {
        parts.push(check.missed === 1 ? strings.missed_one : format(strings.missed_many, { n: check.missed }));
      }
    }
    if (COUNT_KEYS[question.type]) { parts.push(format(strings[COUNT_KEYS[question.type]], { n: check.right, m: check.total })); }
    if (check.note === "duplicates") { parts.push(strings.duplicates); }
    return parts.join(" ");
  };

  function pick(names, answer, index, strings) {
    var chosen = Array.isArray(answer) ? answer[index] : null;
    return isIndex(chosen, names.length) ? names[chosen] : strings.no_answer;
  }
  function line(correct, text, feedback) { return { correct: correct, text: text, feedback: feedback }; }

  sc.feedbackLines = function (question, check, answer, strings) {
    switch (question.type) {
      case "numeric":
        return check.marks.map(function (m) {
          var feedback = { "too-low": question.feedback.too_low, "too-high": question.feedback.too_high }[check.note];
          return line(m.correct, answer.trim(), feedback || question.feedback.correct);
        });
      case "matching":
        return check.marks.map(function (m) {
          var pair = question.pairs[m.index];
          return line(m.correct, pair.term + " \u2192 " + pick(sc.definitions(question), answer, m.index, strings),
            m.correct ? "" : pair.feedback);
        });
      case "categorize":
        return check.marks.map(function (m) {
          var item = question.items[m.index];
          return line(m.correct, item.text + " \u2192 " + pick(question.categories, answer, m.index, strings),
            m.correct ? "" : item.feedback);
        });
      case "ordering":
        return check.marks.map(function (m) {
          var item = question.items[m.index];
          return line(m.correct, item.text, m.correct ? "" : item.feedback);
        });
      default:
        var options = sc.choiceOptions(question, strings);
        return check.marks.map(function (m) {
          return line(m.correct, options[m.index].text, options[m.index].feedback);
        });
    }
  };

  sc.numberText = function (value) { return String(value); };

  sc.answerText = function (question, strings) {
    switch (question.type) {
      case "numeric":
        var spec = question.answer;
        var unit = question.unit ? " " + question.unit : "";
        if (spec.value === null || spec.value === undefined) {
          var bounds = sc.numericBounds(question);
          return format(strings.range, { low: sc.numberText(bounds[0]), high: sc.numberText(bounds[1]) }) + unit;
        }
        if (spec.tolerance) {
          return format(strings.plus_minus, { value: sc.numberText(spec.value), tolerance: sc.numberText(spec.tolerance) }) + unit;
        }
        return sc.numberText(spec.value) + unit;
      case "matching":
        return question.pairs.map(function (p) { return p.term + " \u2192 " + p.definition; }).join("; ");
      case "ordering":
        return question.items.map(function (item) { return item.text; }).join(strings.then);
      case "categorize":
        return question.categories.map(function (category) {
          var items = question.items.filter(function (item) { return item.category === category; })
            .map(function (item) { return item.text; });
          return items.length ? category + ": " + items.join(", ") : "";
        }).filter(Boolean).join("; ");
      default:
        return sc.choiceOptions(question, strings).filter(function (o) { return o.correct; })
          .map(function (o) { return o.text; }).join("; ");
    }
  };

  sc.seedOf = function (text) {
    var bytes = new TextEncoder().encode(text);
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i += 1) { value = Math.imul(value ^ bytes[i], 0x01000193) >>> 0; }
    return value;
  };
  function random(seed) {
    var state = seed >>> 0;
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
      t = ((t + (Math.imul(t ^ (t >>> 7), t | 61) >>> 0)) >>> 0 ^ t) >>> 0;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  sc.shuffled = function (count, seedText, avoidIdentity) {
    var order = [];
    for (var i = 0; i < count; i += 1) { order.push(i); }
    var next = random(sc.seedOf(seedText));
    for (var index = count - 1; index > 0; index -= 1) {
      var other = Math.floor(next() * (index + 1));
      var kept = order[index]; order[index] = order[other]; order[other] = kept;
    }
    if (avoidIdentity && count > 1 && order.every(function (v, i) { return v === i; })) {
      order = order.slice(1).concat(order.slice(0, 1));
    }
    return order;
  };
})();
