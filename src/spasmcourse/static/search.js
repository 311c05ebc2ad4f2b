/* spasmcourse offline search: a lunr index built in the browser from search-index.js. */
(function () {
  "use strict";
  var SNIPPET_WORDS = 28;

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  function buildIndex(documents) {
    return lunr(function () {
      this.ref("id");
      this.field("title", { boost: 5 });
      this.field("text");
      documents.forEach(function (document) { this.add(document); }, this);
    });
  }

  function tokens(query) {
    return lunr.tokenizer(query).map(function (token) { return token.toString(); }).filter(Boolean);
  }

  function find(index, words) {
    var exact = index.query(function (q) {
      words.forEach(function (word) { q.term(word, { presence: lunr.Query.presence.REQUIRED }); });
    });
    if (exact.length) { return exact; }
    var started = index.query(function (q) {
      words.forEach(function (word) {
        q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING,
                       presence: lunr.Query.presence.REQUIRED });
      });
    });
    return started;
  }

  /* Typo tolerance: a word the course never uses is replaced by the nearest word it does use
     (one letter wrong, missing or extra; two in words longer than seven letters). */
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) { return most + 1; }
    var row = [];
    for (var j = 0; j <= b.length; j++) { row.push(j); }
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var above = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, diagonal + (a[i - 1] === b[k - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }
  function vocabulary(documents) {
    var words = {};
    documents.forEach(function (doc) {
      (doc.title + " " + doc.text).toLowerCase().split(/[^a-z\u00c0-\u024f]+/).forEach(function (word) {
        if (word.length > 2) { words[word] = true; }
      });
    });
    return Object.keys(words);
  }
  function corrected(words, known) {
    return words.map(function (word) {
      if (known.indexOf(word) >= 0) { return word; }
      var most = word.length > 7 ? 2 : 1;
      var best = word;
      var bestDistance = most + 1;
      known.forEach(function (candidate) {
        var d = distance(word, candidate, most);
        if (d < bestDistance) { best = candidate; bestDistance = d; }
      });
      return best;
    });
  }
  function search(index, documents, words) {
    var results = find(index, words);
    if (results.length) { return { results: results, words: words }; }
    var fixed = corrected(words, vocabulary(documents));
    return { results: fixed.join(" ") === words.join(" ") ? [] : find(index, fixed), words: fixed };
  }

  function snippet(text, words) {
    var all = text.split(/\s+/);
    var lower = all.map(function (word) { return word.toLowerCase(); });
    var at = 0;
    for (var i = 0; i < lower.length && !at; i++) {
      for (var j = 0; j < words.length; j++) {
        if (lower[i].indexOf(words[j]) !== -1) { at = i; break; }
      }
    }
    var start = Math.max(0, at - 8);
    var part = all.slice(start, start + SNIPPET_WORDS).join(" ");
    return (start > 0 ? "\u2026 " : "") + part + (start + SNIPPET_WORDS < all.length ? " \u2026" : "");
  }

  function show(results, documents, words, query, strings) {
    var list = document.getElementById("sc-search-results");
    var status = document.getElementById("sc-search-status");
    list.textContent = "";
    var count = results.length === 1 ? strings.site_search_count_one : strings.site_search_count;
    status.textContent = results.length ? format(count, { n: results.length, query: query })
      : format(strings.site_search_none, { query: query });
    results.forEach(function (result) {
      var doc = documents[Number(result.ref)];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc.url;
      link.textContent = doc.title;
      var meta = document.createElement("span");
      meta.className = "sc-lesson-meta";
      meta.textContent = " " + strings["site_search_kind_" + doc.kind] + (doc.lesson ? ": " + doc.lesson : "");
      var text = document.createElement("p");
      text.textContent = snippet(doc.text, words);
      item.append(link, meta, text);
      list.append(item);
    });
  }

  function start() {
    var box = document.getElementById("sc-search-box");
    var strings = JSON.parse(document.getElementById("sc-search-strings").textContent);
    var documents = window.scSearchDocuments || [];
    var index = buildIndex(documents);
    var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
    if (box) { box.value = query; }
    var words = tokens(query);
    if (words.length) {
      var found = search(index, documents, words);
      show(found.results, documents, found.words, query, strings);
    }
    if (box) { box.focus(); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
