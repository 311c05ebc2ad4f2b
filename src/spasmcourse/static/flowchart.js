/* spasmcourse flowchart in exported pages and slides: one question at a time, Back, Restart,
   a breadcrumb of the answers, and the path highlighted on the diagram. Mirrors
   spasmcourse/elements/flowchart/walk.py. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});
  if (sc.initFlowcharts) { sc.initFlowcharts(); return; }

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function Flow(root) {
    var self = this;
    this.root = root;
    this.data = JSON.parse(root.querySelector("script.sc-flow-data").textContent);
    this.answers = [];
    this.stepper = root.querySelector(".sc-flow-stepper");
    this.crumbs = root.querySelector(".sc-flow-crumbs");
    this.back = root.querySelector(".sc-flow-back");
    all(root, ".sc-flow-step .sc-flow-choices button").forEach(function (button) {
      button.addEventListener("click", function () {
        self.answers.push([button.closest(".sc-flow-step").getAttribute("data-node"),
          Number(button.getAttribute("data-choice"))]);
        self.show(true);
      });
    });
    this.back.addEventListener("click", function () { self.answers.pop(); self.show(true); });
    root.querySelector(".sc-flow-restart").addEventListener("click", function () { self.answers = []; self.show(true); });
    var note = root.querySelector(".sc-static-note");
    if (note) { note.hidden = true; }
    this.stepper.hidden = false;
    this.show(false);
    this.panToStart();
  }
  Flow.prototype.panToStart = function () {
    var figure = this.root.querySelector(".sc-flow-diagram");
    var start = this.root.querySelector('.sc-flow-node[data-node="' + this.data.start + '"] rect');
    if (figure && start && figure.scrollWidth > figure.clientWidth) {
      figure.scrollLeft += start.getBoundingClientRect().left - figure.getBoundingClientRect().left - 8;
    }
  };
  Flow.prototype.current = function () {
    if (!this.answers.length) { return this.data.start; }
    var last = this.answers[this.answers.length - 1];
    return this.data.questions[last[0]].choices[last[1]].to;
  };
  Flow.prototype.path = function () {
    return this.answers.map(function (answer) { return answer[0]; }).concat([this.current()]);
  };
  Flow.prototype.show = function (moveFocus) {
    var self = this;
    var current = this.current();
    var path = this.path();
    all(this.root, ".sc-flow-step").forEach(function (step) {
      step.hidden = step.getAttribute("data-node") !== current;
    });
    this.crumbs.textContent = "";
    this.answers.forEach(function (answer) {
      var question = self.data.questions[answer[0]];
      var item = document.createElement("li");
      item.textContent = format(self.data.strings.flow_crumb,
        { question: question.crumb, answer: question.choices[answer[1]].label });
      self.crumbs.appendChild(item);
    });
    this.back.disabled = this.answers.length === 0;
    all(this.root, ".sc-flow-node").forEach(function (node) {
      var id = node.getAttribute("data-node");
      node.classList.toggle("sc-taken", path.indexOf(id) >= 0);
      node.classList.toggle("sc-current", id === current);
    });
    all(this.root, ".sc-flow-edge").forEach(function (edge) {
      var from = path.indexOf(edge.getAttribute("data-from"));
      edge.classList.toggle("sc-taken", from >= 0 && path[from + 1] === edge.getAttribute("data-to"));
    });
    if (moveFocus) {
      var target = this.root.querySelector('.sc-flow-step[data-node="' + current + '"] [tabindex="-1"]');
      if (target) { target.focus(); }
    }
  };

  sc.flowcharts = [];
  sc.initFlowcharts = function () {
    all(document, ".sc-flow:not([data-sc-ready])").forEach(function (root) {
      if (!root.querySelector("script.sc-flow-data")) { return; }
      root.setAttribute("data-sc-ready", "true");
      sc.flowcharts.push(new Flow(root));
    });
  };
  window.addEventListener("beforeprint", function () {
    all(document, "details.sc-flow-list").forEach(function (details) { details.open = true; });
  });
  sc.initFlowcharts();
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", sc.initFlowcharts); }
})();
