// The admin's kelurahan roster inline (bawaslu_portal.admin.PositionInline), issue 11 §4.
//
// 1. select2 replaces each roster <select> with a box whose accessible name is only the
//    chosen value (none when empty). The box is labelled by a hidden copy of the select's
//    aria-label ("Role, entry 1") followed by the chosen value ("Role, entry 1 Lurah").
// 2. Django's inlines.js puts autocomplete="off" on the formset's hidden counters (so that
//    Firefox does not restore stale counts); the attribute is invalid on hidden inputs. The
//    same effect comes from autocomplete="off" on their form, so it moves there.
"use strict";
(function () {
  function nameComboboxes(root) {
    root.querySelectorAll("select.admin-autocomplete[aria-label]").forEach(function (select) {
      const box = select.nextElementSibling;
      if (!box || !box.classList.contains("select2")) {
        return;
      }
      const selection = box.querySelector(".select2-selection");
      const rendered = box.querySelector(".select2-selection__rendered");
      const labelId = select.id + "-name";
      let label = document.getElementById(labelId);
      if (!label) {
        label = document.createElement("span");
        label.id = labelId;
        label.className = "roster-visually-hidden";
        box.after(label);
      }
      label.textContent = select.getAttribute("aria-label");
      selection.setAttribute("aria-labelledby", rendered ? labelId + " " + rendered.id : labelId);
      if (rendered) {
        // select2 4.0 marks the chosen value as a nameless read-only textbox inside the
        // combobox (dropped in select2 4.1): it is the combobox's value, plain text.
        rendered.removeAttribute("role");
        rendered.removeAttribute("aria-readonly");
      }
    });
  }

  function moveHiddenAutocomplete(root) {
    root.querySelectorAll('input[type="hidden"][autocomplete]').forEach(function (input) {
      if (input.form) {
        input.form.setAttribute("autocomplete", "off");
      }
      input.removeAttribute("autocomplete");
    });
  }

  function start() {
    nameComboboxes(document);
    moveHiddenAutocomplete(document);
  }

  // select2 starts in a jQuery ready handler of the admin's autocomplete.js; a ready
  // handler added later runs after it.
  window.addEventListener("load", function () {
    if (window.django && window.django.jQuery) {
      window.django.jQuery(start);
    } else {
      start();
    }
  });
  // A row added with "Add another": select2 starts on it in a listener of the same event,
  // which may run after this one.
  document.addEventListener("formset:added", function (event) {
    window.setTimeout(function () {
      nameComboboxes(event.target);
      moveHiddenAutocomplete(document);
    }, 0);
  });
})();
