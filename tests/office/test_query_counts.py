"""Query counts at two data sizes for the office page no other module measured.

This module completes the two-size query-count coverage of the house standard ("every list,
detail and dashboard page has a query-count test at two data sizes"): the weekly recap's PDF.
The recap page and its print view are measured in ``tests/office/test_recap.py``; the PDF
builds the same figures and adds the conversion. ``tests/portal/test_query_counts.py`` holds
the table of every page and the test that covers it.
"""

import pytest

from tests.office.test_recap import WEEK, build
from tests.pdfs import page_texts
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["semarang_staff", "jateng_staff"])
def test_recap_pdf_runs_the_same_queries_at_two_sizes(request, client_for, who, bawaslu_semarang):
    """One hand-counted week, then three (two kecamatan): the same queries, and the PDF's
    figures change with the data (so the larger week is really in it).

    The week's records are the Bawaslu office's, which a partner's recap does not count: the
    partner's queries are measured on the page and the print view in ``test_recap.py``.
    """
    client = client_for(request.getfixturevalue(who))

    def pdf():
        response = client.get("/rekap/pdf/", {"week": WEEK, "region": "33.74"})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        return " ".join(page_texts(response.content))

    build(bawaslu_semarang)
    small_text = pdf()
    small = count_queries(pdf)
    build(bawaslu_semarang)
    build(bawaslu_semarang, kecamatan="33.74.02", kelurahan="33.74.02.1001")
    large = count_queries(pdf)
    assert "Meetings held" in small_text and pdf() != small_text
    assert large == small
