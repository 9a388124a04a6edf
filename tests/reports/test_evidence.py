"""Evidence uploads: refused by real content and size, stored under random names, served safely."""

import os

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import Evidence, Report
from reports.services.intake import evidence_add_file
from tests.factories.reports import (
    big_upload,
    intake_report,
    pdf_upload,
    png_upload,
    report_post_data,
)

URL = "/laporan/baru/"


@pytest.fixture(autouse=True)
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.mark.django_db
def test_html_renamed_jpg_is_refused(client_for, semarang_staff):
    """An HTML page called .jpg is refused for its content, and nothing is stored."""
    html = SimpleUploadedFile(
        "foto.jpg", b"<!doctype html><script>alert(1)</script>", content_type="image/jpeg"
    )
    response = client_for(semarang_staff).post(URL, report_post_data(evidence_files=[html]))
    errors = response.context["form"].errors["evidence_files"]
    assert any("foto.jpg" in error and "not an accepted type" in error for error in errors)
    assert not Report.objects.exists() and not Evidence.objects.exists()


@pytest.mark.django_db
def test_svg_is_refused(client_for, semarang_staff):
    """SVG (which can carry scripts) is refused whatever it is called."""
    svg = SimpleUploadedFile(
        "gambar.png", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', content_type="image/png"
    )
    response = client_for(semarang_staff).post(URL, report_post_data(evidence_files=[svg]))
    assert "evidence_files" in response.context["form"].errors


@pytest.mark.django_db
def test_oversize_file_is_refused(client_for, semarang_staff):
    """A file over 10 MB is refused with its size and the limit."""
    upload = big_upload(10 * 1024 * 1024 + 1)
    response = client_for(semarang_staff).post(URL, report_post_data(evidence_files=[upload]))
    errors = response.context["form"].errors["evidence_files"]
    assert any("limit" in error for error in errors)
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_path_traversal_name_is_stored_safely(client_for, semarang_staff, settings):
    """A name like ../../x.pdf is stored under a random name inside the evidence folder."""
    upload = pdf_upload(name="../../x.pdf")
    response = client_for(semarang_staff).post(URL, report_post_data(evidence_files=[upload]))
    assert response.status_code == 302
    evidence = Evidence.objects.exclude(file="").get()
    assert evidence.file.name.startswith("evidence/")
    assert ".." not in evidence.file.name and "x.pdf" not in evidence.file.name
    assert evidence.original_name == "x.pdf"
    stored = os.path.realpath(evidence.file.path)
    assert stored.startswith(os.path.realpath(settings.MEDIA_ROOT) + os.sep)
    assert evidence.content_type == "application/pdf"


@pytest.mark.django_db
def test_several_files_and_links(client_for, semarang_staff):
    """Several files and several links are all attached."""
    data = report_post_data(
        evidence_files=[png_upload(), pdf_upload()],
        evidence_links="https://example.com/a\nhttps://example.com/b",
    )
    assert client_for(semarang_staff).post(URL, data).status_code == 302
    report = Report.objects.get()
    assert report.evidence.exclude(file="").count() == 2
    assert report.evidence.exclude(url="").count() == 2


@pytest.mark.django_db
def test_download_is_an_attachment_for_case_handlers(client_for, semarang_staff):
    """Case handlers download evidence as an attachment that the browser will not render."""
    report = intake_report(user=semarang_staff, evidence_files=[png_upload("bukti foto.png")])
    evidence = report.evidence.get()
    url = reverse("reports:evidence_download", args=[report.pk, evidence.pk])
    response = client_for(semarang_staff).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("uploaded_as", "downloaded_as"),
    [("poly.html", "poly.pdf"), ("bukti.PDF", "bukti.pdf"), ("laporan", "laporan.pdf")],
)
def test_download_takes_the_extension_of_the_detected_type(
    client_for, semarang_staff, uploaded_as, downloaded_as
):
    """Issue 11 §4: a PDF polyglot uploaded as poly.html is served as poly.pdf, not .html."""
    report = intake_report(user=semarang_staff, evidence_files=[pdf_upload(uploaded_as)])
    evidence = report.evidence.get()
    url = reverse("reports:evidence_download", args=[report.pk, evidence.pk])
    response = client_for(semarang_staff).get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{downloaded_as}"'


@pytest.mark.django_db
def test_download_refused_outside_and_for_partners(
    client, client_for, semarang_staff, serang_staff, semarang_partner
):
    """Another city's office gets a 404, a partner a 403, an anonymous visitor the login page."""
    report = intake_report(user=semarang_staff, evidence_files=[png_upload()])
    url = reverse("reports:evidence_download", args=[report.pk, report.evidence.get().pk])
    assert client.get(url).status_code == 302
    assert client_for(serang_staff).get(url).status_code == 404
    assert client_for(semarang_partner).get(url).status_code == 403


@pytest.mark.django_db
def test_evidence_of_another_report_is_not_found(client_for, semarang_staff):
    """An evidence id is only found under its own report."""
    first = intake_report(user=semarang_staff, evidence_files=[png_upload()])
    second = intake_report(user=semarang_staff)
    url = reverse("reports:evidence_download", args=[second.pk, first.evidence.get().pk])
    assert client_for(semarang_staff).get(url).status_code == 404


@pytest.mark.django_db
def test_handlers_add_evidence_later(client_for, semarang_staff):
    """The handling office adds files and links to a recorded case, checked like at intake."""
    report = intake_report(user=semarang_staff)
    url = reverse("reports:evidence_add", args=[report.pk])
    client = client_for(semarang_staff)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "evidence_files": [pdf_upload("kelengkapan.pdf")],
            "evidence_links": "https://example.com/tambahan",
            "description": "Kelengkapan dari pelapor",
        },
    )
    assert response.status_code == 302
    added = report.evidence.filter(description="Kelengkapan dari pelapor")
    assert added.count() == 2
    assert added.exclude(file="").get().uploaded_by == semarang_staff


@pytest.mark.django_db
def test_adding_evidence_refuses_bad_files_and_empty_forms(client_for, semarang_staff):
    """An HTML file is refused, and so is a form with nothing in it."""
    report = intake_report(user=semarang_staff)
    url = reverse("reports:evidence_add", args=[report.pk])
    client = client_for(semarang_staff)
    html = SimpleUploadedFile("scan.pdf", b"<html><body>x</body></html>", content_type="text/html")
    response = client.post(url, {"evidence_files": [html]})
    assert "evidence_files" in response.context["form"].errors
    response = client.post(url, {})
    assert "at least one file" in str(response.context["form"].errors)
    assert not report.evidence.exclude(url__startswith="https://www.facebook").exists()


@pytest.mark.django_db
def test_only_the_handling_office_adds_evidence(
    client_for, semarang_staff, jateng_staff, semarang_partner, serang_staff
):
    """The province (not handling), partners and other cities cannot add evidence."""
    report = intake_report(user=semarang_staff)
    url = reverse("reports:evidence_add", args=[report.pk])
    assert client_for(jateng_staff).get(url).status_code == 403
    assert client_for(semarang_partner).get(url).status_code == 403
    assert client_for(serang_staff).get(url).status_code == 404


@pytest.mark.django_db
def test_a_refused_evidence_row_stores_no_file(settings, tmp_path):
    """The row is validated before its file is written: a refused row leaves no file behind."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path)}},
    }
    with pytest.raises(ValidationError) as raised:
        evidence_add_file(report=Report(), upload=pdf_upload())  # no saved report
    assert "report" in raised.value.message_dict
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]
