"""The campaigns section's tabs mark the page's own tab, found from its URL name."""

import re

import pytest
from django.urls import reverse

SECTION_PAGES = [
    "declaration_list",
    "campaign_list",
    "designation_list",
    "designation_coverage",
    "program_list",
    "working_group_list",
]


@pytest.mark.parametrize("url_name", SECTION_PAGES)
def test_the_current_tab_is_the_page_itself(client_for, semarang_staff, url_name):
    """Exactly one tab is current, and it links to the page being shown."""
    html = client_for(semarang_staff).get(reverse(f"coordination:{url_name}")).content.decode()
    tabs = html.split('aria-label="Declarations and programs"', 1)[1].split("</nav>", 1)[0]
    current = re.findall(r'aria-current="page" href="([^"]+)"', tabs)
    assert current == [reverse(f"coordination:{url_name}")]
