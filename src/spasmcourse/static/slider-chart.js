/* spasmcourse slider chart in exported pages and slides: the slider moves a marker along x and
   reads every line off at that x. valueAt mirrors value_at in elements/slider_chart.py. */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});
  if (sc.initCharts) { sc.initCharts(); return; }
  /* One element that cannot start never stops the others: it keeps its static rendering. */
  function guarded(setUp, root) {
    try { setUp(root); } catch (error) {
      root.setAttribute("data-sc-failed", "true");
      if (window.console) { window.console.error("spasmcourse: an element could not start", error); }
    }
  }

  sc.valueAt = function (points, x) {
    if (x <= points[0][0]) { return points[0][1]; }
    for (var i = 1; i < points.length; i += 1) {
      var a = points[i - 1];
      var b = points[i];
      if (x <= b[0]) { return b[0] === a[0] ? a[1] : a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]); }
    }
    return points[points.length - 1][1];
  };
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }
  function setUp(root) {
    var data = JSON.parse(root.querySelector("script.sc-chart-data").textContent);
    var g = data.geometry;
    var width = g[0], height = g[1], left = g[2], bottom = g[3], top = g[4], right = g[5];
    function px(v) { return left + (v - data.x.min) / (data.x.max - data.x.min) * (width - left - right); }
    function py(v) { return height - bottom - (v - data.y.min) / (data.y.max - data.y.min) * (height - bottom - top); }
    var slider = root.querySelector("input[type=range]");
    var marker = root.querySelector(".sc-chart-marker");
    var dots = root.querySelectorAll(".sc-chart-dot");
    var values = root.querySelectorAll(".sc-chart-values li");
    var at = root.querySelector(".sc-chart-at");
    var note = root.querySelector(".sc-chart-note");
    function draw() {
      var x = Number(slider.value);
      marker.setAttribute("x1", px(x));
      marker.setAttribute("x2", px(x));
      data.series.forEach(function (series, index) {
        var y = sc.valueAt(series.points, x);
        dots[index].setAttribute("cx", px(x));
        dots[index].setAttribute("cy", py(y));
        var key = values[index].querySelector(".sc-chart-key");
        values[index].textContent = "";
        values[index].appendChild(key);
        values[index].appendChild(document.createTextNode(" " + format(data.strings.chart_value,
          { name: series.name, label: data.y.label, value: y.toFixed(1) })));
      });
      at.textContent = format(data.strings.chart_at, { label: data.x.label, x: String(x), unit: data.x.unit });
      var current = data.notes.filter(function (n) { return n.start <= x && x <= n.end; })[0];
      note.textContent = current ? current.text : "";
    }
    slider.addEventListener("input", draw);
    root.querySelector(".sc-chart-control").hidden = false;
    draw();
  }
  sc.initCharts = function () {
    Array.prototype.forEach.call(document.querySelectorAll(".sc-chart[data-sc-chart]:not([data-sc-ready])"),
      function (root) { root.setAttribute("data-sc-ready", "true"); guarded(setUp, root); });
  };
  sc.initCharts();
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", sc.initCharts); }
})();
