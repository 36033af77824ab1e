// Filters the persons table by text (ID, names, aliases) and by status. The page works
// without it: the table is then shown whole and the filter form stays hidden.
// ?q=...&status=... in the address fills the filter in, so a filtered view can be shared.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var table = document.getElementById("persons-table");
  if (!form || !table) {
    return;
  }
  var text = document.getElementById("filter-text");
  var status = document.getElementById("filter-status");
  var shown = document.getElementById("filter-count");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function apply() {
    var words = fold(text.value).split(/\s+/).filter(Boolean);
    var wanted = status.value;
    var count = 0;
    rows.forEach(function (row) {
      var haystack = fold(row.getAttribute("data-search") || "");
      var match = (!wanted || row.getAttribute("data-status") === wanted) &&
        words.every(function (word) { return haystack.indexOf(word) !== -1; });
      row.hidden = !match;
      if (match) {
        count += 1;
      }
    });
    shown.textContent = count + " of " + rows.length + " persons shown";
  }

  var params = new URLSearchParams(window.location.search);
  if (params.has("q")) {
    text.value = params.get("q");
  }
  if (params.has("status")) {
    status.value = params.get("status");
  }
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  apply();
}());
