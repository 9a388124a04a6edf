"""Factories for elections, rule data and reports.

Reports default to a Kota Semarang kelurahan (``33.74.01.1001``, needs the
``regions`` fixture) handled by a Bawaslu Kota Semarang office; pass
``office``/``region_id`` for another case. Elections are fetched by name when
they exist (the data migration seeds Pemilu 2024 and Pemilihan Serentak 2024).
"""

import datetime
import zoneinfo

import factory
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
