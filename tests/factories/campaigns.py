"""Factories for declarations, campaigns, designations, programs and working groups.

Everything defaults to Kota Semarang (33.74); pass ``region_id`` for another city.
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from bawaslu_portal.models import AgencyKind
from coordination.models import (
    Declaration,
    DeclarationCampaign,
    DeclarationKind,
    DeclarationSignatory,
    DesignationKind,
    DesignationStatus,
    KelurahanDesignation,
    Program,
    ProgramLevel,
    ProgramTarget,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupRole,
)
from tests.factories.portal import AgencyFactory, PersonFactory


class DeclarationCampaignFactory(DjangoModelFactory):
    class Meta:
        model = DeclarationCampaign

    name = factory.Sequence(lambda n: f"Deklarasi Netralitas ASN {n}")
    kind = DeclarationKind.NETRALITAS_ASN
    region_id = "33.74"


class DeclarationFactory(DjangoModelFactory):
    class Meta:
        model = Declaration
        skip_postgeneration_save = True

    kind = DeclarationKind.NETRALITAS_ASN
    title = factory.Sequence(lambda n: f"Deklarasi {n}")
    date = datetime.date(2023, 9, 1)
    region_id = "33.74.01"
    place = "Kantor Kecamatan"
    organiser = factory.SubFactory(
        AgencyFactory, kind=AgencyKind.BAWASLU_KABKOTA, region_id="33.74"
    )

    @factory.post_generation
    def signatory_agencies(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.signatory_agencies.set(extracted)


class DeclarationSignatoryFactory(DjangoModelFactory):
    class Meta:
        model = DeclarationSignatory

    declaration = factory.SubFactory(DeclarationFactory)
    person = factory.SubFactory(PersonFactory)
    position_title = "Camat"


class DesignationKindFactory(DjangoModelFactory):
    class Meta:
        model = DesignationKind
        django_get_or_create = ("name",)

    name = "Kelurahan Anti Politik Uang"


class KelurahanDesignationFactory(DjangoModelFactory):
    class Meta:
        model = KelurahanDesignation

    kind = factory.SubFactory(DesignationKindFactory)
    kelurahan_id = "33.74.01.1001"
    date = datetime.date(2023, 8, 17)
    status = DesignationStatus.AKTIF


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program

    name = factory.Sequence(lambda n: f"Sosialisasi {n}")
    owner_agency = factory.SubFactory(
        AgencyFactory,
        kind=AgencyKind.BAWASLU_KABKOTA,
        region_id=factory.SelfAttribute("..region_id"),
    )
    region_id = "33.74"
    period_start = datetime.date(2024, 1, 1)
    period_end = datetime.date(2024, 12, 31)


class ProgramTargetFactory(DjangoModelFactory):
    class Meta:
        model = ProgramTarget

    program = factory.SubFactory(ProgramFactory)
    level = ProgramLevel.KABKOTA
    region_id = "33.74"
    target_count = 10


class WorkingGroupFactory(DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    name = factory.Sequence(lambda n: f"Pokja Netralitas ASN {n}")
    agency = factory.SubFactory(
        AgencyFactory,
        kind=AgencyKind.BAWASLU_KABKOTA,
        region_id=factory.SelfAttribute("..region_id"),
    )
    region_id = "33.74"


class WorkingGroupMemberFactory(DjangoModelFactory):
    class Meta:
        model = WorkingGroupMember

    group = factory.SubFactory(WorkingGroupFactory)
    person = factory.SubFactory(PersonFactory)
    role = WorkingGroupRole.ANGGOTA
