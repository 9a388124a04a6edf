"""Query counts at two data sizes for the case PDFs no other module measured.

This module completes the two-size query-count coverage of the house standard ("every list,
detail and dashboard page has a query-count test at two data sizes"). The print pages are
measured in ``tests/reports/test_documents.py``; their PDFs build the same context and add
the conversion, and are measured here: each case document's PDF (the receipt included) with
1 and 9 witnesses, evidence items, categories and history rows, and the register PDF with 2
and 12 registered reports. Each test checks the larger data is in the document, so it
cannot pass on an empty one. ``tests/portal/test_query_counts.py`` holds the table of every
page and the test that covers it.
"""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reports.models import Evidence, ReportHistory, Witness
from reports.selectors import documents
from tests.factories.reports import ViolationCategoryFactory, intake_report
from tests.querycount import count_queries
from tests.reports.test_documents import forward, registered

pytestmark = pytest.mark.django_db


def _pdf_text(response) -> str:
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    # Table cells wrap long numbers over lines: compare without whitespace.
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _grow(report, count):
    for n in range(count):
        Witness.objects.create(report=report, name=f"Saksi Tambahan {n}", contact="0811")
        Evidence.objects.create(report=report, url=f"https://contoh.id/bukti/{n}")
        report.categories.add(ViolationCategoryFactory())
        ReportHistory.objects.create(
            report=report, from_stage=report.stage, to_stage=report.stage, note=f"{n}"
        )


@pytest.mark.parametrize("slug", list(documents.DOCUMENTS))
def test_document_pdfs_do_not_grow(slug, client_for, semarang_commissioner):
    """Each case document's PDF: the same queries with 1 and 9 of each of the case's rows
    (the document's own number checked in the PDF's text)."""
    report = forward(intake_report(user=semarang_commissioner), semarang_commissioner)
    url = documents.DOCUMENTS[slug].pdf_url(report)
    client = client_for(semarang_commissioner)
    client.get(url)  # warm the session and the content types
    few = count_queries(lambda: client.get(url))
    _grow(report, 8)
    many = count_queries(lambda: client.get(url))
    number = documents.document_number(documents.DOCUMENTS[slug], report)
    assert "".join(number.split()) in _pdf_text(client.get(url))
    assert many == few


def test_register_pdf_does_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """The register PDF: the same queries for 2 and 12 registered reports, each listed."""
    url = reverse("reports:register_pdf") + "?dari=2024-10-01&sampai=2024-10-31"
    client = client_for(semarang_staff)
    registered(bawaslu_semarang, count=2)
    client.get(url)  # warm the session and the content types
    few = count_queries(lambda: client.get(url))
    reports = registered(bawaslu_semarang, count=10)
    many = count_queries(lambda: client.get(url))
    text = _pdf_text(client.get(url))
    assert [r.registration_number for r in reports if r.registration_number not in text] == []
    assert many == few
