"""A case's printed documents (print page and PDF twin) and the register book.

Cases are walked through the real intake and transition services, so their
history rows (the dates the documents print), registration numbers and
recipients are genuine.
"""

import datetime
import io
import zoneinfo

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from bawaslu_portal.models import AuditEvent, AuditKind, Region, UserRole
from bawaslu_portal.services import regions_import
from bawaslu_portal.timefmt import format_date
from reports.models import (
    Evidence,
    Report,
    ReportHistory,
    ReportSource,
    ReportStage,
    Witness,
)
from reports.selectors import documents
from reports.selectors.cases import report_identity_access_list
from reports.services.workflow import report_transition
from tests.factories import (
    AgencyFactory,
    PersonFactory,
    PositionFactory,
    PositionRoleFactory,
    UserFactory,
)
from tests.factories.reports import (
    REPORTER_ADDRESS,
    REPORTER_NAME,
    REPORTER_PHONE,
    ReportFactory,
    ViolationCategoryFactory,
    intake_report,
    pemilu,
    report_post_data,
)
from tests.pdfs import archival_facts, page_texts
from tests.querycount import count_queries

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
RECOMMENDATION_NUMBER = "001/PP.01.02/K.JT-33/X/2024"
KETUA = "Arief Rahman"
ANGGOTA = "Naya Anggota"

S = ReportStage
CASE_DOCUMENTS = [slug for slug in documents.DOCUMENTS if slug != documents.RECEIPT]


def print_url(report, slug, **query):
    return documents.DOCUMENTS[slug].print_url(report, query.get("pihak", ""))


def pdf_url(report, slug, **query):
    return documents.DOCUMENTS[slug].pdf_url(report, query.get("pihak", ""))


def walk(report, actor, *steps):
    """Take ``steps`` ((stage, fields) pairs) through the transition service."""
    for stage, fields in steps:
        report = report_transition(
            actor=actor, report=report, to_stage=stage, expected_version=report.version, **fields
        )
    return report


def forward(report, actor, *, on=None):
    """From diterima to rekomendasi_diteruskan, through klarifikasi and a pleno."""
    return walk(
        report,
        actor,
        (S.KAJIAN_AWAL, {}),
        (S.DIREGISTRASI, {}),
        (S.KLARIFIKASI, {}),
        (S.KAJIAN, {}),
        (
            S.REKOMENDASI_DITERUSKAN,
            {
                "recommendation_number": RECOMMENDATION_NUMBER,
                "recommendation_date": on or timezone.localdate(),
            },
        ),
    )


@pytest.fixture(autouse=True)
def fresh_cache():
    """The public form's rate-limit counters live in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commissioners(bawaslu_semarang):
    """The Ketua and one Anggota of Bawaslu Kota Semarang, as positions."""
    for name, role in ((KETUA, "Ketua Bawaslu"), (ANGGOTA, "Anggota Bawaslu")):
        PositionFactory(
            person=PersonFactory(name=name),
            role=PositionRoleFactory(name=role),
            agency=bawaslu_semarang,
            region_id="33.74",
        )


@pytest.fixture
def forwarded(semarang_commissioner, commissioners):
    """A laporan with a witness, walked to rekomendasi_diteruskan (recipient BKN: dated today)."""
    report = intake_report(
        user=semarang_commissioner,
        reported_position="Lurah",
        evidence_links=["https://www.facebook.com/contoh/posts/1"],
        witnesses=[{"name": "Saksi Satu", "contact": "0811111111", "statement_summary": ""}],
    )
    return forward(report, semarang_commissioner)


@pytest.fixture
def viewer(bawaslu_semarang):
    return UserFactory(username="viewer.smg", agency=bawaslu_semarang, role=UserRole.VIEWER)


# ---------------------------------------------------------------------------
# Print pages


EXPECTED = {
    documents.RECEIPT: ["TANDA BUKTI PENYAMPAIAN LAPORAN", REPORTER_NAME, "1 item", "1 witness"],
    documents.FORM: [
        "Formulir Model B.1",
        REPORTER_NAME,
        REPORTER_ADDRESS,
        REPORTER_PHONE,
        "Budi Terlapor",
        "Saksi Satu",
        "https://www.facebook.com/contoh/posts/1",
    ],
    documents.STATUS_NOTICE: [
        "PEMBERITAHUAN TENTANG STATUS LAPORAN",
        "Kelurahan Mangkang Kulon",
        "the recommendation was forwarded to BKN",
    ],
    documents.INVITATION: ["Undangan Klarifikasi", "Budi Terlapor", "Reported party (terlapor)"],
    documents.CLARIFICATION_MINUTES: ["BERITA ACARA KLARIFIKASI", "Budi Terlapor"],
    documents.PLENO_MINUTES: [
        "BERITA ACARA RAPAT PLENO",
        RECOMMENDATION_NUMBER,
        "forward the recommendation to BKN",
        "Ketua Bawaslu Kota Semarang",
        KETUA,
        ANGGOTA,
    ],
    documents.FORWARDING_LETTER: [
        "Kepala Badan Kepegawaian Negara",
        "Penerusan Dugaan Pelanggaran Netralitas ASN",
        "Budi Terlapor",
        KETUA,
    ],
}


@pytest.mark.parametrize("slug", list(documents.DOCUMENTS))
def test_print_view_shows_the_document_on_letterhead(slug, client_for, semarang_staff, forwarded):
    """Each print page: 200, the office's letterhead, its number, its key content, a PDF link."""
    response = client_for(semarang_staff).get(print_url(forwarded, slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "BADAN PENGAWAS PEMILIHAN UMUM" in html and "Bawaslu Kota Semarang" in html
    assert "data-print" in html
    assert pdf_url(forwarded, slug) in html
    number = documents.document_number(documents.DOCUMENTS[slug], forwarded)
    assert number in html
    for text in EXPECTED[slug]:
        assert text in html, text


@pytest.mark.parametrize("slug", list(documents.DOCUMENTS))
def test_document_query_count_does_not_grow(slug, client_for, semarang_staff, forwarded):
    """The same queries with 1 and 9 witnesses, evidence items, categories and history rows."""
    client = client_for(semarang_staff)
    url = print_url(forwarded, slug)
    client.get(url)  # warm the session and the content types
    few = count_queries(lambda: client.get(url))
    for n in range(8):
        Witness.objects.create(report=forwarded, name=f"Saksi {n}", contact="0811")
        Evidence.objects.create(report=forwarded, url=f"https://contoh.id/bukti/{n}")
        forwarded.categories.add(ViolationCategoryFactory())
        ReportHistory.objects.create(
            report=forwarded, from_stage=forwarded.stage, to_stage=forwarded.stage, note=f"{n}"
        )
    many = count_queries(lambda: client.get(url))
    assert few == many, (few, many)


def test_numbers_follow_the_documented_scheme(forwarded):
    """Registration number with a prefix; the receipt the tracking code; the letter its own."""
    spec = documents.DOCUMENTS
    code = forwarded.tracking_code_display
    assert documents.document_number(spec[documents.RECEIPT], forwarded) == f"TBP/{code}"
    assert documents.document_number(spec[documents.PLENO_MINUTES], forwarded) == (
        f"BAP/{forwarded.registration_number}"
    )
    assert (
        documents.document_number(spec[documents.FORWARDING_LETTER], forwarded)
        == RECOMMENDATION_NUMBER
    )


@pytest.mark.indonesian
def test_receipt_dates_are_indonesian_in_the_regions_zone(client_for, regions):
    """A Balikpapan laporan received 02.00 UTC reads "Kamis, 21 September 2023" and "10.00 WITA"."""
    regions_import(codes=["64.71"])
    office = AgencyFactory(
        name="Bawaslu Kota Balikpapan", kind="bawaslu_kabkota", region_id="64.71"
    )
    staff = UserFactory(username="balikpapan.staf", agency=office, role=UserRole.STAFF)
    kelurahan = Region.objects.filter(code__startswith="64.71.", depth=4).order_by("code").first()
    received = datetime.datetime(2023, 9, 21, 2, 0, tzinfo=datetime.UTC)
    report = intake_report(
        user=staff,
        kelurahan=kelurahan,
        election=pemilu(),
        incident_date=datetime.date(2023, 9, 19),
        known_date=datetime.date(2023, 9, 20),
        now=received,
    )
    html = client_for(staff).get(print_url(report, documents.RECEIPT)).content.decode()
    assert "Kamis, 21 September 2023" in html
    assert "10.00 WITA" in html
    assert "Balikpapan, 21 September 2023" in html  # the officer's dateline


def test_letter_before_24_august_2024_goes_to_kasn(
    client_for, semarang_commissioner, commissioners
):
    """A recommendation dated 2023 is addressed to KASN, under its own number and date."""
    received = datetime.datetime(2023, 10, 2, 10, 0, tzinfo=WIB)
    report = intake_report(
        user=semarang_commissioner,
        election=pemilu(),
        incident_date=datetime.date(2023, 9, 29),
        known_date=datetime.date(2023, 9, 30),
        now=received,
    )
    report = forward(report, semarang_commissioner, on=datetime.date(2023, 10, 20))
    client = client_for(semarang_commissioner)
    html = client.get(print_url(report, documents.FORWARDING_LETTER)).content.decode()
    assert "Ketua Komisi Aparatur Sipil Negara" in html
    assert "Badan Kepegawaian Negara" not in html
    assert "20 October 2023" in html
    pleno = client.get(print_url(report, documents.PLENO_MINUTES)).content.decode()
    assert "forward the recommendation to KASN" in pleno


def test_signatory_lines_are_blank_without_positions(client_for, semarang_commissioner):
    """No Ketua recorded: the role is printed and the name left to be written in."""
    report = forward(intake_report(user=semarang_commissioner), semarang_commissioner)
    html = (
        client_for(semarang_commissioner)
        .get(print_url(report, documents.FORWARDING_LETTER))
        .content.decode()
    )
    assert "Ketua Bawaslu Kota Semarang" in html
    assert "(......" in html


def test_pleno_minutes_of_a_stopped_case(client_for, semarang_commissioner, commissioners):
    """Stopped as not a violation: the minutes say so with the pleno's reason; no letter."""
    report = walk(
        intake_report(user=semarang_commissioner),
        semarang_commissioner,
        (S.KAJIAN_AWAL, {}),
        (S.DIREGISTRASI, {}),
        (S.KAJIAN, {}),
        (S.DIHENTIKAN, {"reason": "Unggahan dibuat sebelum masa kampanye."}),
    )
    client = client_for(semarang_commissioner)
    html = client.get(print_url(report, documents.PLENO_MINUTES)).content.decode()
    assert "not a violation" in html
    assert "Unggahan dibuat sebelum masa kampanye." in html
    assert client.get(print_url(report, documents.FORWARDING_LETTER)).status_code == 404


# ---------------------------------------------------------------------------
# PDFs (slow: each kind rendered once)


@pytest.mark.parametrize("slug", list(documents.DOCUMENTS))
def test_pdf_is_a_tagged_pdf_attachment(slug, client_for, semarang_staff, forwarded):
    """Each PDF twin: an attachment named after the document, %PDF, with a tag tree."""
    response = client_for(semarang_staff).get(pdf_url(forwarded, slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(f'attachment; filename="{slug}-')
    assert response.content.startswith(b"%PDF")
    assert "/StructTreeRoot" in PdfReader(io.BytesIO(response.content)).trailer["/Root"]
    facts = archival_facts(response.content)
    assert facts.tagged and facts.pdfa_part == "3"
    assert "Bawaslu Kota Semarang".upper() in page_texts(response.content)[0].upper()


# ---------------------------------------------------------------------------
# Who may print


@pytest.mark.parametrize("slug", list(documents.DOCUMENTS))
def test_outside_the_jurisdiction_is_404(slug, client_for, serang_staff, forwarded):
    """Bawaslu Kota Serang gets a 404 for every Semarang document, page and PDF."""
    client = client_for(serang_staff)
    assert client.get(print_url(forwarded, slug)).status_code == 404
    assert client.get(pdf_url(forwarded, slug)).status_code == 404


@pytest.mark.parametrize("slug", list(documents.DOCUMENTS))
def test_partner_officials_get_404(slug, client_for, semarang_partner, forwarded):
    """Partner officials do not handle cases: every case document is a 404 for them."""
    client = client_for(semarang_partner)
    assert client.get(print_url(forwarded, slug)).status_code == 404
    assert client.get(pdf_url(forwarded, slug)).status_code == 404


def test_viewers_print_documents_without_the_reporter(client_for, viewer, forwarded):
    """A viewer may print the announcement, not the receipt or the report form (403)."""
    client = client_for(viewer)
    assert client.get(print_url(forwarded, documents.STATUS_NOTICE)).status_code == 200
    assert client.get(print_url(forwarded, documents.RECEIPT)).status_code == 403
    assert client.get(print_url(forwarded, documents.FORM)).status_code == 403
    invitation = print_url(forwarded, documents.INVITATION, pihak="pelapor")
    assert client.get(invitation).status_code == 403
    assert not AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).exists()


def test_anonymous_gets_the_receipt_only_in_the_session_that_filed(bawaslu_semarang):
    """The public filer sees their receipt (with their name); a fresh browser gets a 404."""
    filer = Client(HTTP_ACCEPT_LANGUAGE="en")
    data = report_post_data()
    data.pop("source")
    assert filer.post("/lapor/33.74/", data).status_code == 302
    report = Report.objects.get()
    receipt = reverse("reports:receipt", args=[report.pk])

    response = filer.get(receipt)
    assert response.status_code == 200
    html = response.content.decode()
    assert REPORTER_NAME in html
    assert report.tracking_code_display in html
    assert "no-store" in response["Cache-Control"]
    assert reverse("reports:status_check") in html
    # The reporter, not an official: no identity view is logged.
    assert not AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).exists()

    stranger = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert stranger.get(receipt).status_code == 404
    assert stranger.get(reverse("reports:receipt_pdf", args=[report.pk])).status_code == 404
    # The filer's session opens no other document, and no other report's receipt.
    assert filer.get(print_url(report, documents.FORM)).status_code == 302  # to the login
    other = intake_report(user=None)
    assert filer.get(reverse("reports:receipt", args=[other.pk])).status_code == 404


def test_anonymous_other_documents_ask_for_a_login(forwarded):
    response = Client().get(print_url(forwarded, documents.STATUS_NOTICE))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# ---------------------------------------------------------------------------
# Reporter protection


@pytest.mark.parametrize("stage", ["forwarded", "late"])
def test_announcement_never_names_the_reporter(
    stage, client_for, semarang_staff, semarang_commissioner, forwarded, regions
):
    """Neither the reporter, nor the reported ASN's name or NIP, nor the tracking code."""
    if stage == "late":
        report = intake_report(
            user=semarang_staff,
            election=pemilu(),
            incident_date=timezone.localdate() - datetime.timedelta(days=60),
            known_date=timezone.localdate() - datetime.timedelta(days=59),
        )
        report = walk(
            report,
            semarang_staff,
            (S.KAJIAN_AWAL, {}),
            (S.TIDAK_DIREGISTRASI, {"reason": f"Pelapor {REPORTER_NAME} terlambat."}),
        )
    else:
        report = forwarded
    response = client_for(semarang_staff).get(print_url(report, documents.STATUS_NOTICE))
    html = response.content.decode()
    assert response.status_code == 200
    for secret in (REPORTER_NAME, REPORTER_PHONE, REPORTER_ADDRESS, "Budi Terlapor"):
        assert secret not in html
    assert report.reported_nip not in html
    assert report.tracking_code_display not in html
    if stage == "late":
        assert "Not registered: made after the deadline (UU 7/2017 ps. 454 ayat (6))." in html
    assert not AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).exists()


def test_clarification_papers_to_the_reported_asn_never_name_the_reporter(
    client_for, semarang_staff, forwarded
):
    client = client_for(semarang_staff)
    for slug in (documents.INVITATION, documents.CLARIFICATION_MINUTES):
        html = client.get(print_url(forwarded, slug, pihak="terlapor")).content.decode()
        assert REPORTER_NAME not in html
        assert "Budi Terlapor" in html
    assert not AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).exists()


def test_documents_with_the_identity_log_every_print(client_for, semarang_staff, forwarded):
    """Receipt, report form and papers to the reporter: one access row per page and per PDF."""
    client = client_for(semarang_staff)
    urls = [
        print_url(forwarded, documents.RECEIPT),
        print_url(forwarded, documents.FORM),
        print_url(forwarded, documents.INVITATION, pihak="pelapor"),
        print_url(forwarded, documents.CLARIFICATION_MINUTES, pihak="pelapor"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert REPORTER_NAME in response.content.decode()
        assert "no-store" in response["Cache-Control"]
    accesses = report_identity_access_list(report=forwarded).filter(user=semarang_staff)
    assert accesses.count() == len(urls)
    assert accesses.filter(details__purpose__startswith="Printed document: ").count() == len(urls)


def test_witness_papers_are_addressed_to_the_witness(client_for, semarang_staff, forwarded):
    witness = Witness.objects.get(report=forwarded)
    html = (
        client_for(semarang_staff)
        .get(print_url(forwarded, documents.INVITATION, pihak=f"saksi-{witness.pk}"))
        .content.decode()
    )
    assert "Saksi Satu" in html and "Witness (saksi)" in html
    assert f"UND/{forwarded.registration_number}/S1" in html
    assert REPORTER_NAME not in html


def test_unknown_party_is_404(client_for, semarang_staff, forwarded):
    client = client_for(semarang_staff)
    assert (
        client.get(print_url(forwarded, documents.INVITATION, pihak="saksi-999")).status_code == 404
    )
    assert client.get(print_url(forwarded, documents.INVITATION, pihak="x")).status_code == 404


# ---------------------------------------------------------------------------
# Offered only once the case has reached the document's stage


def test_documents_of_later_stages_are_404_with_the_reason(client_for, semarang_staff):
    """A case in kajian awal: no announcement, clarification papers, minutes or letter yet."""
    report = walk(intake_report(user=semarang_staff), semarang_staff, (S.KAJIAN_AWAL, {}))
    client = client_for(semarang_staff)
    for slug in (
        documents.STATUS_NOTICE,
        documents.INVITATION,
        documents.CLARIFICATION_MINUTES,
        documents.PLENO_MINUTES,
        documents.FORWARDING_LETTER,
    ):
        response = client.get(print_url(report, slug))
        assert response.status_code == 404, slug
        assert 'data-testid="unavailable-reason"' in response.content.decode()
        assert client.get(pdf_url(report, slug)).status_code == 404
    assert client.get(print_url(report, documents.RECEIPT)).status_code == 200


def test_a_temuan_has_no_receipt(client_for, semarang_staff):
    report = intake_report(user=semarang_staff, source=ReportSource.TEMUAN)
    response = client_for(semarang_staff).get(print_url(report, documents.RECEIPT))
    assert response.status_code == 404
    assert "has no reporter" in response.content.decode()


def test_case_page_links_only_the_documents_reached(client_for, semarang_staff, forwarded):
    """Right after filing: receipt and form; once forwarded: every document, per party."""
    client = client_for(semarang_staff)
    fresh = intake_report(user=semarang_staff)
    html = client.get(fresh.get_absolute_url()).content.decode()
    assert print_url(fresh, documents.RECEIPT) in html
    assert print_url(fresh, documents.FORM) in html
    assert print_url(fresh, documents.STATUS_NOTICE) not in html
    assert print_url(fresh, documents.PLENO_MINUTES) not in html
    assert REPORTER_NAME not in html

    html = client.get(forwarded.get_absolute_url()).content.decode()
    for slug in documents.DOCUMENTS:
        assert pdf_url(forwarded, slug) in html.replace("&amp;", "&"), slug
    assert print_url(forwarded, documents.INVITATION, pihak="pelapor") in html
    assert not AuditEvent.objects.filter(kind=AuditKind.IDENTITY_VIEW).exists()


def test_case_page_hides_identity_documents_from_viewers(client_for, viewer, forwarded):
    html = client_for(viewer).get(forwarded.get_absolute_url()).content.decode()
    assert print_url(forwarded, documents.STATUS_NOTICE) in html
    assert print_url(forwarded, documents.RECEIPT) not in html
    assert "pihak=pelapor" not in html


# ---------------------------------------------------------------------------
# The register book


def registered(office, *, count, day=datetime.date(2024, 10, 7), stage=S.DIREGISTRASI):
    """``count`` registered reports of ``office`` on ``day`` (10.00 WIB), each with 2 categories."""
    categories = [ViolationCategoryFactory(), ViolationCategoryFactory()]
    at = datetime.datetime.combine(day, datetime.time(10), tzinfo=WIB)
    start = Report.objects.exclude(registration_number="").count()
    return [
        ReportFactory(
            office=office,
            stage=stage,
            registration_number=f"{start + n:03d}/Reg/LP/PW/33.74/X/2024",
            registered_at=at,
            reported_position="Camat",
            categories=categories,
        )
        for n in range(1, count + 1)
    ]


def register_url(**query):
    return reverse("reports:register") + ("?" + "&".join(f"{k}={v}" for k, v in query.items()))


def test_register_lists_the_periods_registered_reports(
    client_for, semarang_staff, bawaslu_semarang
):
    """In order, numbered, with number, date, LP/TM, position, agency, categories and status."""
    inside = registered(bawaslu_semarang, count=2)
    registered(bawaslu_semarang, count=1, day=datetime.date(2024, 11, 1))
    ReportFactory(office=bawaslu_semarang)  # not registered
    response = client_for(semarang_staff).get(register_url(dari="2024-10-01", sampai="2024-10-31"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "BUKU REGISTER LAPORAN DAN TEMUAN" in html
    assert "REG/33.74/20241001-20241031" in html
    for report in inside:
        assert report.registration_number in html
    assert "003/Reg/LP/PW" not in html
    assert "Monday, 7 October 2024" in html
    assert "<td>LP</td>" in html and "Camat" in html
    assert "Diregistrasi (registered)" in html
    assert "2 registered reports." in html
    assert reverse("reports:register_pdf") + "?dari=2024-10-01&amp;sampai=2024-10-31" in html


def test_register_is_the_users_jurisdiction(client_for, serang_staff, bawaslu_semarang):
    registered(bawaslu_semarang, count=1)
    html = (
        client_for(serang_staff)
        .get(register_url(dari="2024-10-01", sampai="2024-10-31"))
        .content.decode()
    )
    assert "001/Reg/LP" not in html
    assert "No report was registered in this period." in html


def test_register_is_refused_to_partners(client_for, semarang_partner):
    response = client_for(semarang_partner).get(
        register_url(dari="2024-10-01", sampai="2024-10-31")
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"dari": "2024-10-31", "sampai": "2024-10-01"},
            "The last day cannot be before the first day",
        ),
        ({"dari": "kemarin", "sampai": "2024-10-01"}, "Enter the first day as a date"),
        ({"dari": "2024-10-01"}, "Enter the last day of the period."),
        ({"dari": "0001-01-01", "sampai": "2024-10-01"}, "Enter a date between the years 2000"),
    ],
)
def test_register_period_errors_are_specific(query, message, client_for, semarang_staff):
    response = client_for(semarang_staff).get(register_url(**query))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<title>Error:" in html
    assert "data-error-summary" in html
    assert "<table" not in html
    pdf = client_for(semarang_staff).get(reverse("reports:register_pdf"), query)
    assert pdf.status_code == 404


def test_register_without_a_period_shows_this_month(client_for, semarang_staff):
    html = client_for(semarang_staff).get(reverse("reports:register")).content.decode()
    today = timezone.localdate(timezone=WIB)
    assert f"REG/33.74/{today:%Y%m01}-{today:%Y%m%d}" in html


def test_register_is_capped_and_says_so(client_for, semarang_staff, bawaslu_semarang, monkeypatch):
    monkeypatch.setattr(documents, "REGISTER_MAX_ROWS", 2)
    reports = registered(bawaslu_semarang, count=3)
    html = (
        client_for(semarang_staff)
        .get(register_url(dari="2024-10-01", sampai="2024-10-31"))
        .content.decode()
    )
    assert 'data-testid="register-truncated"' in html
    assert reports[1].registration_number in html
    assert reports[2].registration_number not in html


def test_register_query_count_does_not_grow(client_for, semarang_staff, bawaslu_semarang):
    """The same queries for 2 and 12 reports: no query per row."""
    client = client_for(semarang_staff)
    url = register_url(dari="2024-10-01", sampai="2024-10-31")
    registered(bawaslu_semarang, count=2)
    client.get(url)  # warm the session and the content types
    few = count_queries(lambda: client.get(url))
    registered(bawaslu_semarang, count=10)
    many = count_queries(lambda: client.get(url))
    assert few == many
    assert few <= 12


def test_register_pdf(client_for, semarang_staff, bawaslu_semarang):
    registered(bawaslu_semarang, count=2)
    response = client_for(semarang_staff).get(
        reverse("reports:register_pdf"), {"dari": "2024-10-01", "sampai": "2024-10-31"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="register-reg-33-74-20241001-20241031.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    assert "/StructTreeRoot" in PdfReader(io.BytesIO(response.content)).trailer["/Root"]


def test_history_rows_date_the_pleno(client_for, semarang_staff, forwarded):
    """The pleno minutes carry the date of the decision's history row."""
    decided = ReportHistory.objects.get(report=forwarded, to_stage=S.REKOMENDASI_DITERUSKAN)
    html = (
        client_for(semarang_staff)
        .get(print_url(forwarded, documents.PLENO_MINUTES))
        .content.decode()
    )
    assert format_date(decided.at, forwarded.region) in html
