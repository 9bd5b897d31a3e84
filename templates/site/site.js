// The index's filters: hide the rows that do not match. Only reads the rows' data-*
// attributes and sets `hidden`; no map text is ever written as markup.
"use strict";
(function () {
  var form = document.getElementById("filters");
  var table = document.getElementById("maps");
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var text = document.getElementById("filter-text");
  var facets = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var count = document.getElementById("filter-count");
  var none = document.getElementById("no-match");

  function fold(s) {
    return (s || "").normalize("NFKC").toLocaleLowerCase();
  }

  function matches(row) {
    for (var i = 0; i < facets.length; i++) {
      var want = facets[i].value;
      if (!want) continue;
      var have = (row.dataset[facets[i].dataset.facet] || "").split("\n");
      if (have.indexOf(want) < 0) return false;
    }
    var words = fold(text.value).split(/\s+/).filter(Boolean);
    var hay = fold(row.dataset.text);
    return words.every(function (w) { return hay.indexOf(w) >= 0; });
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " / " + rows.length;
    none.hidden = shown !== 0;
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
