"""Factories of the reports app: elections, rule data and reports, and reports made by intake.

Two ways to a report: :class:`ReportFactory` writes a row directly (quick, any
stage); :func:`intake_report` goes through
``reports.services.intake.report_intake_create``, so the report has its first
history row, deadlines and (for a laporan) a reporter identity like real ones.
:func:`report_post_data` is valid data for the report form.

Reports default to a Kota Semarang kelurahan (``33.74.01.1001``, needs the
``regions`` fixture) handled by a Bawaslu Kota Semarang office; pass
``office``/``region_id`` for another case. Elections are fetched by name when
they exist (the data migration seeds Pemilu 2024 and Pemilihan Serentak 2024).
"""

import datetime
import io
import zoneinfo

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from bawaslu_portal.models import AgencyKind
from reports.models import (
    DayUnit,
    DeadlineRule,
    Election,
    ElectionStage,
    ElectionStageKind,
    ElectionType,
    EmploymentType,
    NonWorkingDay,
    Report,
    ReporterIdentity,
    ReportSource,
    ReportStage,
    ViolationCategory,
    ViolationGroup,
)
from reports.services.intake import report_intake_create
from tests.factories.portal import AgencyFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


class ElectionFactory(DjangoModelFactory):
    class Meta:
        model = Election
        django_get_or_create = ("name",)

    name = "Pemilu 2024"
    type = ElectionType.PEMILU
    code = "PL"
    voting_day = datetime.date(2024, 2, 14)


class PilkadaFactory(ElectionFactory):
    name = "Pemilihan Serentak 2024"
    type = ElectionType.PEMILIHAN
    code = "PW"
    voting_day = datetime.date(2024, 11, 27)


class ElectionStageFactory(DjangoModelFactory):
    class Meta:
        model = ElectionStage

    election = factory.SubFactory(ElectionFactory)
    name = "Masa tenang"
    kind = ElectionStageKind.MASA_TENANG
    starts_on = datetime.date(2024, 2, 11)
    ends_on = datetime.date(2024, 2, 13)


class ViolationCategoryFactory(DjangoModelFactory):
    class Meta:
        model = ViolationCategory
        django_get_or_create = ("code",)

    group = ViolationGroup.ETIK
    code = factory.Sequence(lambda n: f"X{n}")
    name = factory.Sequence(lambda n: f"Bentuk pelanggaran {n}")


class DeadlineRuleFactory(DjangoModelFactory):
    class Meta:
        model = DeadlineRule
        django_get_or_create = ("election_type", "step")

    election_type = ElectionType.PEMILU
    step = "kajian_awal"
    days = 2
    unit = DayUnit.CALENDAR


class NonWorkingDayFactory(DjangoModelFactory):
    class Meta:
        model = NonWorkingDay
        django_get_or_create = ("date",)

    date = datetime.date(2024, 4, 8)
    name = "Cuti bersama Idul Fitri"


class ReportFactory(DjangoModelFactory):
    class Meta:
        model = Report
        skip_postgeneration_save = True

    office = factory.SubFactory(
        AgencyFactory,
        name=factory.Sequence(lambda n: f"Bawaslu Uji {n}"),
        kind=AgencyKind.BAWASLU_KABKOTA,
        region_id="33.74",
    )
    region_id = "33.74.01.1001"
    incident_kelurahan_id = factory.SelfAttribute("region_id")
    source = ReportSource.LAPORAN
    election = factory.SubFactory(ElectionFactory)
    stage = ReportStage.DITERIMA
    received_at = datetime.datetime(2024, 1, 12, 10, 0, tzinfo=WIB)
    incident_date = datetime.date(2024, 1, 10)
    known_date = datetime.date(2024, 1, 11)
    incident_place = "Balai Kelurahan"
    description = "ASN menyukai dan membagikan unggahan kampanye calon di media sosial."
    reported_name = factory.Faker("name", locale="id_ID")
    reported_position = "Lurah"
    reported_agency_name = "Kecamatan Semarang Tengah"
    reported_employment = EmploymentType.PNS
    deadline = datetime.date(2024, 1, 14)
    deadline_step = "kajian_awal"

    @factory.post_generation
    def categories(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.categories.set(extracted)


class ReporterIdentityFactory(DjangoModelFactory):
    class Meta:
        model = ReporterIdentity

    report = factory.SubFactory(ReportFactory)
    name = factory.Faker("name", locale="id_ID")
    address = "Jl. Pemuda No. 1, Semarang"
    phone = "081234567890"
    email = "pelapor@example.com"


# Reports made through the intake service, valid form data and evidence files.

REPORTER_NAME = "Rahasia Pelapor Wibowo"
REPORTER_NIK = "3374010101800001"
REPORTER_PHONE = "081298765432"
REPORTER_EMAIL = "pelapor.rahasia@example.com"
REPORTER_ADDRESS = "Jl. Rahasia No. 7, Semarang"

# The smallest valid files of each kind the sniffer recognises.
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_upload(name: str = "tangkapan-layar.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def pdf_upload(name: str = "bukti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def pilkada() -> Election:
    return Election.objects.get(name="Pemilihan Serentak 2024")


def pemilu() -> Election:
    return Election.objects.get(name="Pemilu 2024")


def category(code: str = "") -> ViolationCategory:
    queryset = ViolationCategory.objects.filter(is_active=True)
    return queryset.get(code=code) if code else queryset.order_by("group", "order").first()


def report_post_data(**overrides) -> dict:
    """Valid POST data for the report form (official or public), recent dates."""
    today = timezone.localdate()
    data = {
        "source": ReportSource.LAPORAN,
        "election": str(pilkada().pk),
        "reporter_name": REPORTER_NAME,
        "reporter_nik": REPORTER_NIK,
        "reporter_birth_place": "Semarang",
        "reporter_birth_date": "1980-01-01",
        "reporter_sex": "L",
        "reporter_occupation": "Wiraswasta",
        "reporter_address": REPORTER_ADDRESS,
        "reporter_phone": REPORTER_PHONE,
        "reporter_email": REPORTER_EMAIL,
        "reported_name": "Budi Terlapor",
        "reported_nip": "198001012005011001",
        "reported_position": "Lurah",
        "reported_agency": "",
        "reported_agency_name": "Kelurahan Mangkang Kulon",
        "reported_employment": EmploymentType.PNS,
        "incident_date": (today - datetime.timedelta(days=2)).isoformat(),
        "known_date": (today - datetime.timedelta(days=1)).isoformat(),
        "incident_place": "Akun Facebook pribadi",
        "incident_kelurahan": "33.74.01.1001",
        "description": "ASN menyukai dan membagikan unggahan kampanye calon wali kota.",
        "categories": [str(category().pk)],
        "evidence_links": "https://www.facebook.com/contoh/posts/1",
        "witness-TOTAL_FORMS": "3",
        "witness-INITIAL_FORMS": "0",
        "witness-MIN_NUM_FORMS": "0",
        "witness-MAX_NUM_FORMS": "3",
        "witness-0-name": "Saksi Satu",
        "witness-0-contact": "0811111111",
        "witness-0-statement_summary": "Melihat unggahan itu.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def intake_report(*, user=None, kelurahan=None, source=ReportSource.LAPORAN, **overrides):
    """A report recorded through the intake service (by ``user``, or the public when None)."""
    from bawaslu_portal.models import Region

    today = timezone.localdate()
    kwargs = {
        "user": user,
        "source": source,
        "election": pilkada(),
        "incident_kelurahan": kelurahan or Region.objects.get(code="33.74.01.1001"),
        "incident_date": today - datetime.timedelta(days=2),
        "known_date": today - datetime.timedelta(days=1),
        "incident_place": "Akun Facebook pribadi",
        "description": "ASN membagikan unggahan kampanye calon.",
        "reported_name": "Budi Terlapor",
        "reported_nip": "198001012005011001",
        "reported_agency_name": "Kelurahan Mangkang Kulon",
        "reported_employment": EmploymentType.PNS,
        "categories": [category()],
        "reporter": {
            "name": REPORTER_NAME,
            "nik": REPORTER_NIK,
            "address": REPORTER_ADDRESS,
            "phone": REPORTER_PHONE,
            "email": REPORTER_EMAIL,
        }
        if source == ReportSource.LAPORAN
        else None,
    }
    kwargs.update(overrides)
    return report_intake_create(**kwargs).report


def big_upload(size: int, name: str = "besar.pdf") -> SimpleUploadedFile:
    """A PDF of ``size`` bytes (header plus padding)."""
    buffer = io.BytesIO(PDF_BYTES + b"0" * (size - len(PDF_BYTES)))
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")
