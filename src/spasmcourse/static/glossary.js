/* spasmcourse glossary in live JupyterLab: the lesson's Markdown marks terms as links to
   #term-<id>; this turns them into terms whose definition shows on hover and keyboard focus
   (exported pages get the same markup from the build, so there is nothing to do there). */
(function () {
  "use strict";
  var sc = (window.spasmcourse = window.spasmcourse || {});
  sc.glossary = sc.glossary || {};
  var count = 0;

  function enhance(link) {
    var id = link.getAttribute("href").slice("#term-".length);
    var entry = sc.glossary[id];
    if (!entry || link.closest(".sc-term-wrap")) { return; }
    count += 1;
    var wrap = document.createElement("span");
    wrap.className = "sc-term-wrap";
    var tip = document.createElement("span");
    tip.className = "sc-term-tip";
    tip.setAttribute("role", "tooltip");
    tip.id = "sc-live-def-" + id + "-" + count;
    var name = document.createElement("strong");
    name.textContent = entry.term + ":";
    tip.appendChild(name);
    tip.appendChild(document.createTextNode(" " + entry.definition));
    link.classList.add("sc-term");
    link.setAttribute("aria-describedby", tip.id);
    link.addEventListener("click", function (event) {
      event.preventDefault();
      wrap.classList.toggle("sc-open");
    });
    link.parentNode.insertBefore(wrap, link);
    wrap.appendChild(link);
    wrap.appendChild(tip);
  }
  function scan() {
    Array.prototype.forEach.call(document.querySelectorAll('a[href^="#term-"]'), enhance);
  }
  sc.addGlossary = function (entries) {
    Object.keys(entries).forEach(function (id) { sc.glossary[id] = entries[id]; });
    scan();
  };
  var pending = false;
  function scanSoon() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; scan(); });
  }
  if (!sc.glossaryObserver && window.MutationObserver) {
    sc.glossaryObserver = new MutationObserver(scanSoon);
    sc.glossaryObserver.observe(document.body, { childList: true, subtree: true });
  }
})();
