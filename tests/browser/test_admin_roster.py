"""The admin's kelurahan roster inline in Chromium (issue 11 §4).

Before: 15 fields without an accessible name (axe ``label``, critical, and
``aria-input-field-name``, serious), empty ``<option>`` elements and
``autocomplete`` on hidden inputs (Nu HTML Checker errors), and a table 1,226 px
wide in a 987 px box at 1366 px.
"""

import re

import pytest

from tests.browser.accessibility import assert_no_axe_violations

pytestmark = pytest.mark.browser

#: A kelurahan of the demo with two roster entries (Lurah and Anggota PKD).
KELURAHAN = "36.73.01.1001"
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def roster_page(page, live_server, portal_data, login):
    page.set_viewport_size(DESKTOP)
    login(page, "admin")
    page.goto(f"{live_server.url}/admin/bawaslu_portal/region/{KELURAHAN}/change/")
    page.wait_for_load_state("load")
    # select2 and the roster script have run once every combobox carries our name.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#positions-group .select2-selection')]"
        ".every(box => (box.getAttribute('aria-labelledby') || '').includes('-name'))"
    )
    return page


COMBOBOX_NAMES = """() => [...document.querySelectorAll(
    '#positions-group tr.form-row:not(.empty-form) select.admin-autocomplete')].map(select => {
  const box = select.nextElementSibling.querySelector('.select2-selection');
  const name = box.getAttribute('aria-labelledby').split(' ')
    .map(id => document.getElementById(id).textContent.trim()).join(' ').trim();
  return {label: select.getAttribute('aria-label'), name: name};
})"""


def test_the_roster_inline_has_no_serious_accessibility_violation(roster_page):
    """axe (WCAG 2.2 AA): every select, date, checkbox and combobox of the roster is named."""
    assert_no_axe_violations(roster_page)


def test_every_roster_combobox_is_named_after_its_field_and_entry(roster_page):
    names = roster_page.evaluate(COMBOBOX_NAMES)
    # Two entries and the extra row, three autocompletes each.
    assert len(names) == 9
    for entry in names:
        assert entry["label"], entry
        assert entry["name"].startswith(entry["label"]), entry
    labels = [entry["label"] for entry in names]
    assert len(set(labels)) == len(labels)


def test_a_row_added_in_the_browser_is_named_too(roster_page):
    roster_page.locator("#positions-group .add-row a").click()
    roster_page.wait_for_function(
        "() => document.querySelectorAll('#positions-group tr.dynamic-positions').length === 4"
    )
    roster_page.wait_for_function(
        "() => [...document.querySelectorAll('#positions-group .select2-selection')]"
        ".every(box => (box.getAttribute('aria-labelledby') || '').includes('-name'))"
    )
    assert all(entry["name"] for entry in roster_page.evaluate(COMBOBOX_NAMES))
    assert_no_axe_violations(roster_page)


def test_no_empty_option_and_no_autocomplete_on_hidden_inputs(roster_page, live_server):
    """What the Nu HTML Checker refused, in the served HTML and in the page as it runs."""
    served = roster_page.request.get(roster_page.url).text()
    assert not re.search(r"<option[^>]*>\s*</option>", served)
    assert not re.search(r'<input type="hidden"[^>]*autocomplete', served)
    empty_options = roster_page.evaluate(
        "() => [...document.querySelectorAll('option')]"
        ".filter(o => !o.textContent.trim() && !o.label).length"
    )
    hidden_with_autocomplete = roster_page.evaluate(
        "() => document.querySelectorAll('input[type=hidden][autocomplete]').length"
    )
    assert (empty_options, hidden_with_autocomplete) == (0, 0)
    # Firefox still does not restore stale formset counts: the form says autocomplete=off.
    assert (
        roster_page.evaluate(
            "() => document.querySelector('#positions-group').closest('form')"
            ".getAttribute('autocomplete')"
        )
        == "off"
    )


def test_the_roster_table_fits_its_box_at_1366_px(roster_page):
    widths = roster_page.evaluate(
        """() => {
          const table = document.querySelector('#positions-group table');
          const box = table.closest('fieldset');
          return {table: table.getBoundingClientRect().width, scroll: box.scrollWidth,
                  box: box.clientWidth};
        }"""
    )
    assert widths["table"] <= widths["box"], widths
    assert widths["scroll"] <= widths["box"], widths
