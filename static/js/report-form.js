// The report form's "Add a witness" button, without a round trip to the server.
// Progressive enhancement only: without this file the button posts the form and the
// server sends it back with one more witness block (reports/views/intake.py, public.py).
(function () {
  "use strict";
  var button = document.querySelector("[data-add-witness]");
  var template = document.getElementById("witness-template");
  var list = document.querySelector("[data-witness-list]");
  var total = document.getElementById("id_witness-TOTAL_FORMS");
  var max = document.getElementById("id_witness-MAX_NUM_FORMS");
  if (!button || !template || !list || !total) {
    return;
  }
  var limit = max ? parseInt(max.value, 10) : Infinity;
  button.addEventListener("click", function (event) {
    var index = parseInt(total.value, 10);
    if (isNaN(index) || index >= limit) {
      return; // let the server answer
    }
    event.preventDefault();
    var html = template.innerHTML
      .replace(/__prefix__/g, String(index))
      .replace(/__number__/g, String(index + 1));
    list.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var added = list.lastElementChild;
    var first = added && added.querySelector("input, textarea");
    if (first) {
      first.focus();
    }
    if (index + 1 >= limit) {
      button.hidden = true;
    }
  });
}());
