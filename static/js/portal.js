// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce the problems (GOV.UK pattern).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
  // Buttons that print the page ("Cetak").
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // Ask before destructive actions: <form data-confirm="Hapus rapat ini?">.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
  // A table too wide for the screen scrolls inside its box (.table-responsive on the
  // portal's pages, .table-scroll on the printable documents); a box that scrolls takes the
  // keyboard (WCAG 2.1.1): focusable, a region named by its table's caption (else by the
  // page's heading), so the arrow keys scroll it. Only while it scrolls: a table that fits
  // adds no tab stop. (The pattern of Inclusive Components' data tables.)
  function markScrollingTable(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("data-scrolls")) {
      var name = box.querySelector("caption") || document.querySelector("h1");
      box.setAttribute("data-scrolls", "");
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      if (name) {
        box.setAttribute("aria-label", name.textContent.trim());
      }
    } else if (!scrolls && box.hasAttribute("data-scrolls")) {
      ["data-scrolls", "tabindex", "role", "aria-label"].forEach(function (name) {
        box.removeAttribute(name);
      });
    }
  }
  var tableBoxes = document.querySelectorAll(".table-responsive, .table-scroll");
  tableBoxes.forEach(markScrollingTable);
  if (tableBoxes.length && "ResizeObserver" in window) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { markScrollingTable(entry.target); });
    });
    tableBoxes.forEach(function (box) { observer.observe(box); });
  }
}());
