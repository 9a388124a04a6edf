"""The reports demo seed: every city, stage and path (evidence files too), the source cases,
the statutory periods, the reporters' retention, and idempotent."""

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bawaslu_portal.demo import seed_portal_demo
from bawaslu_portal.models import AuditEvent, AuditKind, Region
from coordination.demo import KUNJUNGAN_PANGKALPINANG, seed_coordination_demo
from coordination.models import Meeting
from reports import deadlines
from reports.demo import seed_reports_demo, stale_demo_cases
from reports.demo.cases import CASES
from reports.forms.intake import ReportForm
from reports.models import (
    DeadlineStep,
    Evidence,
    FollowUpKind,
    RecommendationRecipient,
    Report,
    ReportComment,
    ReporterIdentity,
    ReportHistory,
    ReportSource,
    ReportStage,
)
from reports.selectors.privacy import ANONYMISED_NAME, reporter_identities_to_anonymise
from reports.services.workflow import report_transition

S = ReportStage
PUBLIC_CODES = {case.code for case in CASES if case.public}


@pytest.fixture
def seeded(db):
    portal = seed_portal_demo(password="demo-password-123")
    seed_reports_demo(portal=portal)
    return portal


def _local_day(moment: datetime.datetime, row: ReportHistory) -> datetime.date:
    return timezone.localdate(moment, row.office.region.zoneinfo)


def _history(report: Report) -> list[ReportHistory]:
    return list(report.history.select_related("office__region").order_by("at", "pk"))


@pytest.mark.django_db
def test_every_stage_and_every_city(seeded):
    """The demo covers every stage of the workflow and every demo city."""
    assert set(Report.objects.values_list("stage", flat=True)) == set(ReportStage.values)
    cities = {code[:5] for code in Report.objects.values_list("region_id", flat=True)}
    assert cities == {"33.74", "64.71", "36.73", "19.71"}


@pytest.mark.django_db
def test_every_path_that_creates_a_record(seeded):
    """Public filings, office laporan, temuan, informasi awal, a withdrawal, a forward and a
    take-over by the province, provincial comments, and follow-ups for the PPK's government."""
    reports = Report.objects.all()
    assert reports.filter(via_public_form=True).count() >= 3
    office = reports.filter(via_public_form=False, created_by__isnull=False)
    assert office.filter(source=ReportSource.LAPORAN).exists()
    assert office.filter(source=ReportSource.TEMUAN).exists()
    # Informasi awal: recorded as such by the office, kept after a late filing, withdrawn.
    recorded = office.filter(source=ReportSource.INFORMASI_AWAL).exclude(
        history__to_stage__in=[S.DICABUT, S.INFORMASI_AWAL]
    )
    assert recorded.exists() and not recorded.filter(filing_deadline__isnull=False).exists()
    assert reports.filter(stage=S.INFORMASI_AWAL, source=ReportSource.INFORMASI_AWAL).exists()
    assert reports.filter(stage=S.DICABUT, source=ReportSource.INFORMASI_AWAL).exists()
    forwarded = reports.get(stage=S.DILIMPAHKAN)
    taken_over = reports.get(stage=S.DIAMBIL_ALIH)
    assert forwarded.office.kind == taken_over.office.kind == "bawaslu_provinsi"
    assert forwarded.region_id.startswith(forwarded.office.region_id)
    commenting_offices = set(ReportComment.objects.values_list("office__kind", flat=True))
    assert commenting_offices == {"bawaslu_provinsi"}
    ppk = reports.filter(follow_up_links__kind=FollowUpKind.PPK_DECISION).distinct()
    assert ppk.exists()
    for report in ppk:
        link = report.follow_up_links.get(kind=FollowUpKind.PPK_DECISION)
        assert link.follow_up.responsible_agency == report.ppk_agency
        assert report.ppk_agency.kind == "pemda"
    assert reports.filter(follow_up_links__kind=FollowUpKind.BLOCK_REQUEST).count() == 2
    # A handler viewed a reporter's identity: in the audit log at the step's own date.
    view = AuditEvent.objects.get(kind=AuditKind.IDENTITY_VIEW)
    viewed = reports.get(pk=view.object_id)
    assert (viewed.tracking_code, view.username) == ("DEM0SMG006", "semarang.staf")
    assert timezone.localdate(view.at, viewed.office.region.zoneinfo) == datetime.date(2024, 1, 11)


@pytest.mark.django_db
def test_public_filings_take_the_citizens_path(seeded):
    """The public filings were made as the public form makes them: no official, a laporan
    handled by the city's Bawaslu, the reporter's identity with a way to reach them, and the
    same reporter fields the form hands the intake."""
    assert len(PUBLIC_CODES) >= 3
    form = ReportForm(kabkota=Region.objects.get(code="33.74"))
    form.cleaned_data = {"reporter_name": "Nama"}
    form_keys = set(form.reporter_data())
    identity_fields = {field.name for field in ReporterIdentity._meta.get_fields()}
    for case in CASES:
        if case.public:
            assert form_keys <= set(case.reporter) <= identity_fields, case.code
    for report in Report.objects.filter(tracking_code__in=PUBLIC_CODES):
        assert report.via_public_form and report.created_by is None
        intake = _history(report)[0]
        assert intake.from_stage == "" and intake.actor is None
        assert report.office.kind == "bawaslu_kabkota"
        assert report.office.region_id == report.region_id[:5]
        identity = ReporterIdentity.objects.get(report=report)
        assert identity.name and identity.address and (identity.phone or identity.email)
    on_time = Report.objects.filter(tracking_code__in=PUBLIC_CODES, filed_late=False)
    late = Report.objects.filter(tracking_code__in=PUBLIC_CODES, filed_late=True)
    assert on_time.count() >= 2
    assert on_time.filter(registration_number__gt="").exists()
    assert late.count() == 1


@pytest.mark.django_db
def test_late_public_filing_is_kept_as_informasi_awal_and_never_registered(seeded):
    """The public filing made after its deadline was kept as informasi awal, never registered;
    it was the only laporan or temuan made late."""
    late = Report.objects.get(filed_late=True)
    assert late.tracking_code in PUBLIC_CODES
    assert late.known_date < late.filing_deadline < timezone.localdate(late.received_at)
    assert late.stage == S.INFORMASI_AWAL and late.source == ReportSource.INFORMASI_AWAL
    assert not late.registration_number
    kept = late.history.get(to_stage=S.INFORMASI_AWAL)
    assert kept.data["reason"] == late.end_reason and "7 hari" in late.end_reason


@pytest.mark.django_db
def test_a_late_laporan_cannot_be_registered(seeded):
    """Before it was kept as informasi awal, the late filing could not have been registered."""
    late = Report.objects.get(filed_late=True)
    # Back to where it stood before the office kept it as informasi awal.
    Report.objects.filter(pk=late.pk).update(stage=S.KAJIAN_AWAL, source=ReportSource.LAPORAN)
    late.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        report_transition(
            actor=seeded.users["balikpapan.staf"],
            report=late,
            to_stage=S.DIREGISTRASI,
            expected_version=late.version,
        )
    assert error.value.code == "guard"


@pytest.mark.django_db
def test_no_step_was_taken_past_its_deadline(seeded):
    """Replayed at their own dates, every step of every case was taken on or before the
    deadline then running (the history row before it), unless an extension was recorded
    before it. The one exception is the request to BKN to block an ASN's record, which the
    workflow allows only once the PPK's deadline has passed."""
    handling_steps = {DeadlineStep.HANDLING, DeadlineStep.HANDLING_EXTENDED}
    extensions = blocks = 0
    for report in Report.objects.all():
        extension_at = first_handling = None
        for before, row in itertools.pairwise(_history(report)):
            day = _local_day(row.at, before)
            if (before.to_stage, row.to_stage) == (S.TINDAK_LANJUT_PPK, S.PEMBLOKIRAN):
                assert day > before.deadline, report.tracking_code
                blocks += 1
                continue
            assert before.deadline is None or day <= before.deadline, (
                f"{report.tracking_code}: {row.from_stage} -> {row.to_stage} on {day}, "
                f"deadline {before.deadline}"
            )
            if row.data.get("deadline_step") == DeadlineStep.HANDLING and first_handling is None:
                first_handling = row.deadline
            if row.data.get("deadline_step") == DeadlineStep.HANDLING_EXTENDED and (
                row.from_stage == row.to_stage
            ):
                assert row.deadline > before.deadline
                extension_at = row.at
                extensions += 1
            running = before.data.get("deadline_step")
            if running in handling_steps and day > first_handling:
                assert extension_at is not None and extension_at < row.at, report.tracking_code
    assert extensions == 2
    assert blocks == 2


@pytest.mark.django_db
def test_deadlines_follow_the_statutes(seeded):
    """Pemilihan: handling 3 days after receipt, + 2 (UU 10/2016 ps. 134 ayat (5)-(6)).
    Pemilu: handling 7 days after registration, extended to 14 working days after the
    registration (UU 7/2017 ps. 454 ayat (7)-(8))."""
    pemilihan = Report.objects.get(tracking_code="DEM0PGK001")
    received = timezone.localdate(pemilihan.received_at)
    registration = pemilihan.history.get(to_stage=S.DIREGISTRASI)
    assert registration.deadline == received + datetime.timedelta(days=3)
    extension = pemilihan.history.get(from_stage=S.KLARIFIKASI, to_stage=S.KLARIFIKASI)
    assert extension.deadline == received + datetime.timedelta(days=5)

    pemilu = Report.objects.get(tracking_code="DEM0SMG006")
    registered = timezone.localdate(pemilu.registered_at)
    registration = pemilu.history.get(to_stage=S.DIREGISTRASI)
    assert registration.deadline == registered + datetime.timedelta(days=7)
    extension = pemilu.history.get(from_stage=S.KLARIFIKASI, to_stage=S.KLARIFIKASI)
    assert extension.deadline == deadlines.statutory_deadline(
        "pemilu", "handling_extended", registered
    )
    assert pemilu.handling_extended and pemilihan.handling_extended


@pytest.mark.django_db
def test_pangkalpinang_kahmi_claims_are_informasi_awal(seeded):
    """The claims made at the KAHMI protest (Fri 25 Oct 2024) had not reached Bawaslu when the
    Pj Wali Kota cross-checked them on Mon 28 Oct ("itu belum masuk ke sini"): the office
    records them that day as informasi awal, after the visit, assessed with the province; no
    laporan came in and nothing was registered that day."""
    seed_coordination_demo(portal=seeded)
    visit = Meeting.objects.get(title=KUNJUNGAN_PANGKALPINANG)
    kahmi = Report.objects.filter(description__contains="KAHMI").order_by("tracking_code")
    assert [report.tracking_code for report in kahmi] == ["DEM0PGK001", "DEM0PGK002"]
    for report in kahmi:
        assert report.source == ReportSource.INFORMASI_AWAL
        assert report.created_by.username == "pangkalpinang.staf"
        assert not report.via_public_form
        assert not ReporterIdentity.objects.filter(report=report).exists()
        assert report.received_at > visit.ends_at
        assert timezone.localdate(report.received_at) == datetime.date(2024, 10, 28)
        assert report.comments.filter(office__name__contains="Bangka Belitung").exists()
    city = Report.objects.filter(region__code__startswith="19.71.")
    until_visit = city.filter(received_at__date__lte=datetime.date(2024, 10, 28))
    assert set(until_visit.values_list("tracking_code", flat=True)) == {"DEM0PGK001", "DEM0PGK002"}
    assert not city.filter(registered_at__date__lte=datetime.date(2024, 10, 28)).exists()

    first = kahmi[0]
    assert first.registration_number == "001/Reg/TM/PW/19.71/X/2024"
    assert timezone.localdate(first.registered_at) == datetime.date(2024, 10, 29)
    assert first.stage == S.SELESAI
    assert kahmi[1].stage == S.TIDAK_DIREGISTRASI


@pytest.mark.django_db
def test_recommendation_recipient_by_date(seeded):
    """The 2023 Semarang case's recommendation went to KASN (by its date); a case forwarded
    after 24 Aug 2024 went to BKN, and the follow-up titles say so."""
    semarang = Report.objects.get(tracking_code="DEM0SMG001")
    assert semarang.recommendation_date.year == 2023
    assert semarang.recommendation_recipient == RecommendationRecipient.KASN
    bkn_link = semarang.follow_up_links.get(kind=FollowUpKind.BKN_RECOMMENDATION)
    assert "KASN" in bkn_link.follow_up.title
    late_2024 = Report.objects.filter(recommendation_date__gte=datetime.date(2024, 8, 24))
    assert late_2024.exists()
    assert set(late_2024.values_list("recommendation_recipient", flat=True)) == {
        RecommendationRecipient.BKN
    }
    forwarded = Report.objects.get(stage=S.REKOMENDASI_DITERUSKAN)
    assert forwarded.stage_label.endswith(forwarded.get_recommendation_recipient_display())


@pytest.mark.django_db
def test_semarang_like_and_share_case(seeded):
    """The Semarang case of an ASN liking and sharing campaign posts reached the PPK."""
    report = Report.objects.get(tracking_code="DEM0SMG001")
    assert "membagikan" in report.description and "menyukai" in report.description
    assert report.stage == ReportStage.TINDAK_LANJUT_PPK
    assert report.categories.filter(code="E4").exists()
    assert report.follow_up_links.count() == 2
    history = list(report.history.values_list("to_stage", flat=True))
    assert history[0] == ReportStage.DITERIMA and history[-1] == ReportStage.TINDAK_LANJUT_PPK


@pytest.mark.django_db
def test_blocking_paths(seeded):
    """One case asked BKN to block, BKN blocked, and the PPK's decision closed it; another
    waits in pemblokiran with the block recorded."""
    closed = Report.objects.get(tracking_code="DEM0SMG006")
    assert closed.stage == S.SELESAI and closed.blocked_on and closed.ppk_sanction
    waiting = Report.objects.get(stage=S.PEMBLOKIRAN)
    assert waiting.blocked_on and waiting.deadline is None and not waiting.ppk_sanction
    stages = list(closed.history.order_by("at", "pk").values_list("to_stage", flat=True))
    assert stages[-3:] == [S.PEMBLOKIRAN, S.PEMBLOKIRAN, S.SELESAI]


@pytest.mark.django_db
def test_seed_is_idempotent(seeded):
    """Running the seed again creates nothing new."""
    reports, history = Report.objects.count(), ReportHistory.objects.count()
    comments = ReportComment.objects.count()
    files = set(Evidence.objects.exclude(file="").values_list("file", flat=True))
    seed_reports_demo(portal=seed_portal_demo(password="demo-password-123"))
    assert Report.objects.count() == reports
    assert ReportHistory.objects.count() == history
    assert ReportComment.objects.count() == comments
    assert set(Evidence.objects.exclude(file="").values_list("file", flat=True)) == files
    assert stale_demo_cases() == []


@pytest.mark.django_db
def test_cases_of_an_earlier_seed_are_named(seeded):
    """A demo case an earlier seed made differently (here: another day of receipt, another
    channel, without its evidence file) is kept as it is, and named so the database can be
    recreated."""
    Report.objects.filter(tracking_code="DEM0PGK001").update(
        received_at=datetime.datetime(2024, 10, 25, 9, tzinfo=datetime.UTC)
    )
    Report.objects.filter(tracking_code="DEM0SRG003").update(via_public_form=False)
    Evidence.objects.filter(report__tracking_code="DEM0SMG001").exclude(file="").delete()
    assert stale_demo_cases() == ["DEM0PGK001", "DEM0SMG001", "DEM0SRG003"]


def _download(client, evidence: Evidence) -> tuple[str, bytes]:
    """The case page links the evidence; its download's content type and bytes."""
    url = reverse(
        "reports:evidence_download", kwargs={"pk": evidence.report_id, "evidence_pk": evidence.pk}
    )
    page = client.get(reverse("reports:detail", kwargs={"pk": evidence.report_id}))
    assert page.status_code == 200 and url in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    return response["Content-Type"], b"".join(response.streaming_content)


@pytest.mark.django_db
def test_public_filing_evidence_opens_from_the_case_page(seeded, client_for):
    """DEM0SMG006 came with a file uploaded on the public form (no uploader, at the moment of
    filing); the handling office's staff downloads it from the case page."""
    report = Report.objects.get(tracking_code="DEM0SMG006")
    evidence = report.evidence.exclude(file="").get()
    assert report.via_public_form and evidence.uploaded_by is None
    assert evidence.uploaded_at == report.received_at
    assert evidence.content_type == "image/png" and evidence.size < 20 * 1024
    content_type, content = _download(client_for(seeded.users["semarang.staf"]), evidence)
    assert content_type == "image/png"
    assert content.startswith(b"\x89PNG") and b"Contoh berkas demo" in content


@pytest.mark.django_db
def test_evidence_added_later_opens_from_the_case_page(seeded, client_for):
    """A handler added a file to the recorded DEM0SMG001 through ``evidence_add`` on the day
    the reporter brought it, before the registration; it downloads from the case page."""
    report = Report.objects.get(tracking_code="DEM0SMG001")
    evidence = report.evidence.exclude(file="").get()
    assert evidence.uploaded_by.username == "semarang.staf"
    added = timezone.localtime(evidence.uploaded_at, report.office.region.zoneinfo)
    assert (added.date(), added.hour) == (datetime.date(2023, 12, 6), 9)
    assert added < report.registered_at
    assert evidence.description and evidence.content_type == "application/pdf"
    content_type, content = _download(client_for(seeded.users["semarang.staf"]), evidence)
    assert content_type == "application/pdf"
    assert content.startswith(b"%PDF-") and b"Contoh berkas demo" in content


@pytest.mark.django_db
def test_the_seed_leaves_no_reporter_past_retention(seeded):
    """The seed ends with the daily timer's anonymisation: no reporter of a case closed more
    than ``REPORTER_RETENTION_DAYS`` ago keeps a name (none is, with five years, until 2029),
    and every other reporter keeps theirs."""
    assert not reporter_identities_to_anonymise().exists()
    cutoff = timezone.now() - datetime.timedelta(days=5 * 365)
    for identity in ReporterIdentity.objects.select_related("report"):
        closed_long_ago = identity.report.is_closed and identity.report.closed_at < cutoff
        assert (identity.name == ANONYMISED_NAME) == closed_long_ago, identity.report


@pytest.mark.django_db
def test_a_shorter_retention_seeds_anonymised_reporters_that_open(settings, client_for):
    """With a retention of a year, the seed anonymises the reporters of the cases closed
    before it (as the installation's timer would) and those cases' pages still open."""
    settings.REPORTER_RETENTION_DAYS = 365
    portal = seed_portal_demo(password="demo-password-123")
    seed_reports_demo(portal=portal)
    anonymised = Report.objects.filter(reporter_identity__name=ANONYMISED_NAME)
    assert anonymised.exists()
    assert AuditEvent.objects.filter(kind=AuditKind.ANONYMISED).count() == anonymised.count()
    report = anonymised.filter(office__name="Bawaslu Kota Semarang").first()
    client = client_for(portal.users["semarang.staf"])
    assert client.get(reverse("reports:detail", kwargs={"pk": report.pk})).status_code == 200
    identity = client.post(
        reverse("reports:reporter_identity", kwargs={"pk": report.pk}), {"purpose": "Uji"}
    )
    assert identity.status_code == 200 and ANONYMISED_NAME in identity.content.decode()
